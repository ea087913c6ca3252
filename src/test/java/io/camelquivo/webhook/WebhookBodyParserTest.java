package io.camelquivo.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookBodyParserTest {

    @Test
    void readsQuivosEvents() {
        List<WebhookEvent> events = parse("{\"events\":[{\"id\":123,\"entity\":\"ORDERS\",\"lastModified\":"
                + "\"2019-12-15T14:48:12Z\",\"version\":5},{\"id\":\"77\",\"entity\":\"shipments\"}]}");
        assertEquals(List.of(new WebhookEvent("ORDERS", 123, 5L, "2019-12-15T14:48:12Z"),
                new WebhookEvent("SHIPMENTS", 77, null, null)), events);
        assertEquals("ORDERS:123", events.get(0).recordKey());
        assertEquals("ORDERS:123:5", events.get(0).dedupKey());
        assertNull(events.get(1).dedupKey(), "nothing tells this change from the next");
        assertEquals("SHIPMENTS:77:2019-12-15T14:48:12Z",
                new WebhookEvent("SHIPMENTS", 77, null, "2019-12-15T14:48:12Z").dedupKey());
    }

    @Test
    void anEventRepeatedInOneCallIsKeptOnce() {
        String event = "{\"id\":1,\"entity\":\"ORDERS\",\"version\":2}";
        assertEquals(1, parse("{\"events\":[" + event + "," + event + "]}").size());
        assertEquals(2, parse("{\"events\":[" + event + ",{\"id\":1,\"entity\":\"ORDERS\",\"version\":3}]}").size());
    }

    @Test
    void namesTheFieldThatIsWrong() {
        assertReason("the body is empty", "");
        assertReason("the body is not JSON", "{\"events\":[");
        assertReason("the body has no events array", "{\"event\":[]}");
        assertReason("events[1]: must be an object", "{\"events\":[{\"id\":1,\"entity\":\"ORDERS\"},2]}");
        assertReason("events[0].entity: must be an entity name such as ORDERS", "{\"events\":[{\"id\":1}]}");
        assertReason("events[0].id: must be a whole number", "{\"events\":[{\"id\":1.5,\"entity\":\"ORDERS\"}]}");
        assertReason("events[0].version: must be a whole number",
                "{\"events\":[{\"id\":1,\"entity\":\"ORDERS\",\"version\":[]}]}");
        assertReason("events[0].lastModified: must be a time such as 2019-12-15T14:48:12Z",
                "{\"events\":[{\"id\":1,\"entity\":\"ORDERS\",\"lastModified\":5}]}");
    }

    private static void assertReason(String reason, String body) {
        assertEquals(reason, assertThrows(MalformedWebhookException.class, () -> parse(body)).getMessage());
    }

    private static List<WebhookEvent> parse(String body) {
        return WebhookBodyParser.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
