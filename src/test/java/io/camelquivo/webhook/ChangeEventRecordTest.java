package io.camelquivo.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class ChangeEventRecordTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final ChangeEventRecord record = new ChangeEventRecord();

    @Test
    void theEntityAsQuivoAnsweredItWithTheEventsKeyAndHeadersOnly() {
        byte[] json = "{ \"orderId\": 12, \"version\": 4, \"name\": \"Müller\" }".getBytes(StandardCharsets.UTF_8);
        Exchange exchange = fetched(new WebhookEvent("ORDERS", 12, 3L, "2026-03-01T10:15:30Z"), json);
        exchange.getMessage().setHeader("CamelQuivoStatusCode", 200);
        exchange.getMessage().setHeader("Content-Type", "application/json");
        record.process(exchange);
        assertArrayEquals(json, exchange.getMessage().getBody(byte[].class), "byte for byte, newer than the event");
        assertEquals(Map.of("kafka.KEY", "ORDERS:12", "quivo.entity", "ORDERS", "quivo.id", "12", "quivo.version", "3",
                "quivo.lastModified", "2026-03-01T10:15:30Z", "quivo.source", "webhook"), exchange.getMessage().getHeaders());
    }

    @Test
    void unknownVersionAndTimeAreLeftOut() {
        Exchange exchange = fetched(new WebhookEvent("RETURNS", 7, null, null), "{}".getBytes(StandardCharsets.UTF_8));
        record.process(exchange);
        assertEquals(Map.of("kafka.KEY", "RETURNS:7", "quivo.entity", "RETURNS", "quivo.id", "7", "quivo.source",
                "webhook"), exchange.getMessage().getHeaders());
    }

    @Test
    void anEntityOlderThanTheEventEmptyOrNotAnObjectIsForLater() {
        WebhookEvent event = new WebhookEvent("SHIPMENTS", 5, 3L, null);
        for (String answer : new String[] {"{\"version\":2}", "", "[]", "<html>"}) {
            Exchange exchange = fetched(event, answer.getBytes(StandardCharsets.UTF_8));
            assertThrows(RetryLaterException.class, () -> record.process(exchange), answer);
        }
        Exchange none = fetched(event, null);
        assertThrows(RetryLaterException.class, () -> record.process(none));
    }

    private Exchange fetched(WebhookEvent event, byte[] answer) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(FetchPlan.EVENT, event);
        exchange.getMessage().setBody(answer);
        return exchange;
    }
}
