package io.camelquivo.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.metrics.QuivoMetrics;
import io.camelquivo.testing.Orders;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The missed-change signal with the webhook receiver and polling both on (routes/quivo-webhooks.yaml and
 * routes/quivo-changes.yaml): a change polling published and a webhook brought too is not missed, one that no
 * webhook brought within the grace period is.
 */
class MissedByWebhookRouteTest extends WebhookTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MISSED = "quivo_changes_missed_by_webhook_total";

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @TempDir
    Path stateDir;

    @Override
    protected Properties properties() {
        Properties p = super.properties();
        pollQuickly(p, stateDir.resolve("cursors.state"));
        // long enough for the webhook this test posts after the poll, short enough not to wait long for a miss
        p.put("quivo.changes.webhook-grace", "1500");
        return p;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.getRegistry().bind(QuivoMetrics.BEAN_NAME, new QuivoMetrics(meters));
        return camel;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        // in the service's order, the files' names: a bean of the second cannot be named by one of the first
        return yaml("quivo-changes.yaml", "quivo-webhooks.yaml");
    }

    /** The feeds' "now" is their first poll: changes are made after it. */
    @BeforeEach
    void theOrdersFeedHasPolled() throws InterruptedException {
        waitUntil(() -> simulator().stats().calls("GET /orders") > 0, "no poll of GET /orders");
    }

    @Test
    void aPolledChangeNoWebhookBroughtCountsOnceItsGraceEnds() throws Exception {
        assertTrue(scrape().contains(MISSED + "{entity=\"SHIPMENTS\"} 0.0"), "each polled entity from zero");
        assertFalse(scrape().contains(MISSED + "{entity=\"ITEMS\""), "stock has no webhook: the stock feed misses none");

        long delivered = createOrder();
        assertEquals(1, records(1).size(), "polled and published");
        // the webhook comes after the poll published the change: a duplicate, and no miss
        assertEquals(200, post(events("ORDERS", delivered, 1)).statusCode());

        createOrder();
        assertEquals(2, records(2).size());

        MissedByWebhook tracker = context.getRegistry().lookupByNameAndType("quivoMissedByWebhook",
                MissedByWebhook.class);
        waitUntil(() -> scrape().contains(MISSED + "{entity=\"ORDERS\"} 1.0") && tracker.waiting() == 0,
                "the second order counted once its grace ended\n" + scrape());
        assertTrue(scrape().contains(MISSED + "{entity=\"ORDERS\"} 1.0"),
                "the first order, brought by its webhook, is not counted");
    }

    private String scrape() {
        return meters.scrape();
    }

    private long createOrder() throws Exception {
        String created = template.requestBody("quivo:orders.create",
                Orders.valid("MISS-" + UUID.randomUUID().toString().substring(0, 8)), String.class);
        return MAPPER.readTree(created).get("orderId").asLong();
    }

    private static void waitUntil(BooleanSupplier condition, String failure) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(failure);
            }
            Thread.sleep(50);
        }
    }
}
