package io.camelquivo.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.component.QuivoConstants;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FetchPlanTest {

    private final CamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void mapsEachEntityToItsCall() throws Exception {
        Exchange order = plan(new FetchPlan(), new WebhookEvent("ORDERS", 12, 3L, null));
        assertEquals("orders.refetch", order.getProperty(FetchPlan.FETCH));
        assertEquals(12L, order.getMessage().getHeader(QuivoConstants.ORDER_ID));
        assertEquals("ORDERS:12:3", order.getProperty(FetchPlan.DEDUP_KEY));
        assertNull(order.getMessage().getBody(), "the fetch sends no body");

        assertRequest(plan(new FetchPlan(), new WebhookEvent("SHIPMENTS", 5, 1L, null)), "/shipments/5");
        assertRequest(plan(new FetchPlan(), new WebhookEvent("RETURNS", 6, 1L, null)), "/returns/6");
        assertRequest(plan(new FetchPlan(), new WebhookEvent("INBOUNDS", 7, 1L, null)), "/inbounds/7");
        assertNull(plan(new FetchPlan(), new WebhookEvent("INVOICES", 8, 1L, null)).getProperty(FetchPlan.FETCH));
        assertNull(plan(new FetchPlan(), new WebhookEvent("PARCELS", 9, 1L, null)).getProperty(FetchPlan.FETCH));
    }

    @Test
    void pathsAreSettings() throws Exception {
        Properties settings = new Properties();
        settings.put("quivo.webhook.fetch.inbounds", "/inbound-shipments/{id}");
        settings.put("quivo.webhook.fetch.invoices", "/invoices/{id}");
        settings.put("quivo.webhook.fetch.returns", "");
        camel.getPropertiesComponent().setOverrideProperties(settings);
        FetchPlan plan = new FetchPlan();
        assertRequest(plan(plan, new WebhookEvent("INBOUNDS", 7, 1L, null)), "/inbound-shipments/7");
        assertRequest(plan(plan, new WebhookEvent("INVOICES", 8, 1L, null)), "/invoices/8");
        assertNull(plan(plan, new WebhookEvent("RETURNS", 6, 1L, null)).getProperty(FetchPlan.FETCH));

        settings.put("quivo.webhook.fetch.parcels", "parcels");
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> plan(new FetchPlan(), new WebhookEvent("PARCELS", 9, 1L, null)));
        assertTrue(wrong.getMessage().startsWith("quivo.webhook.fetch.parcels must be a path"), wrong.getMessage());
    }

    @Test
    void anEventWithoutVersionOrTimeGetsAKeyOfItsOwn() throws Exception {
        String first = plan(new FetchPlan(), new WebhookEvent("ORDERS", 12, null, null)).getProperty(FetchPlan.DEDUP_KEY,
                String.class);
        String second = plan(new FetchPlan(), new WebhookEvent("ORDERS", 12, null, null)).getProperty(FetchPlan.DEDUP_KEY,
                String.class);
        assertTrue(first.startsWith("ORDERS:12:"), first);
        assertTrue(!first.equals(second), "published every time it comes");
    }

    private static void assertRequest(Exchange exchange, String path) {
        assertEquals("request", exchange.getProperty(FetchPlan.FETCH));
        assertEquals("GET", exchange.getMessage().getHeader(QuivoConstants.HTTP_METHOD));
        assertEquals(path, exchange.getMessage().getHeader(QuivoConstants.PATH));
    }

    private Exchange plan(FetchPlan plan, WebhookEvent event) throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(event);
        plan.process(exchange);
        return exchange;
    }
}
