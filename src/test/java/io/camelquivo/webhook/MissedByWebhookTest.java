package io.camelquivo.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.camelquivo.metrics.QuivoMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** Which polled changes count as missed by the webhooks, on a clock the test moves. */
class MissedByWebhookTest {

    private static final long GRACE_MS = 1000;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicLong now = new AtomicLong();

    @Test
    void aWebhookWithinTheGraceEitherSideOfThePollIsNoMiss() {
        MissedByWebhook tracker = tracker(true, true);
        tracker.pollPublished("ORDERS:1:1", "ORDERS");
        later(GRACE_MS - 1);
        tracker.webhookDelivered("ORDERS:1:1");

        tracker.webhookDelivered("ORDERS:2:1");
        later(GRACE_MS - 1);
        tracker.pollPublished("ORDERS:2:1", "ORDERS");

        later(GRACE_MS * 3);
        assertEquals(0.0, missed("ORDERS"));
    }

    @Test
    void aPolledChangeWithoutItsWebhookCountsOnceTheGraceEnds() {
        MissedByWebhook tracker = tracker(true, true);
        tracker.pollPublished("SHIPMENTS:7:2", "SHIPMENTS");
        later(GRACE_MS - 1);
        assertEquals(0.0, missed("SHIPMENTS"), "its webhook may still come");
        later(1);
        assertEquals(1.0, missed("SHIPMENTS"));
        tracker.webhookDelivered("SHIPMENTS:7:2");
        assertEquals(1.0, missed("SHIPMENTS"), "too late: still missed, and counted once");
        assertEquals(0.0, missed("ORDERS"));
    }

    @Test
    void nothingCountsUnlessWebhooksAndPollingBothRun() {
        for (MissedByWebhook tracker : new MissedByWebhook[] {tracker(false, true), tracker(true, false)}) {
            tracker.pollPublished("ORDERS:3:1", "ORDERS");
            later(GRACE_MS * 2);
            tracker.settle();
            assertEquals(0, tracker.waiting());
        }
        assertNull(meters.find("quivo.changes.missed.by.webhook").functionCounter(), "and no meter");
    }

    private MissedByWebhook tracker(boolean webhooks, boolean polling) {
        MissedByWebhook tracker = new MissedByWebhook();
        tracker.setNanoTime(now::get);
        tracker.setGracePeriod(GRACE_MS);
        tracker.setWebhookEnabled(webhooks);
        tracker.setPollingEnabled(polling);
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind(QuivoMetrics.BEAN_NAME, new QuivoMetrics(meters));
        tracker.setCamelContext(camel);
        return tracker;
    }

    private void later(long millis) {
        now.addAndGet(millis * 1_000_000L);
    }

    /** Reads the meter as a scrape does, which counts what became overdue. */
    private double missed(String entity) {
        FunctionCounter counter = meters.get("quivo.changes.missed.by.webhook").tag("entity", entity).functionCounter();
        return counter.count();
    }
}
