package io.camelquivo.webhook;

import io.camelquivo.component.QuivoOperation;
import io.camelquivo.metrics.QuivoMetrics;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The missed-change signal: counts the changes, one per (entity, id, version), that polling published and no
 * webhook call delivered, in {@code quivo_changes_missed_by_webhook_total{entity}}. Quivo's webhooks should bring
 * every change; each one that only polling found is a webhook Quivo did not send, or sent where it never arrived.
 *
 * <p>It counts only while both run: the webhook receiver ({@code quivo.webhook.enabled}) and polling
 * ({@code quivo.changes.enabled}). A webhook may arrive after the poll that published its change (Quivo sends
 * webhooks late, and again after a failed call), so a polled change counts as missed only once {@code gracePeriod}
 * ms have passed since it was published without a webhook event of the same key. A webhook event that arrives
 * first is remembered as long, so that a poll publishing the same version just after (the webhook's own
 * publication failed, say) does not count. The memory is this instance's: with several instances, the leader
 * polls and a webhook call may land on another one, whose events the leader does not see.
 *
 * <p>Two steps feed it: {@link WebhookDelivered} for every event of a webhook call that has a dedup key, before
 * the dedup check (a duplicate was delivered too), and {@link PollPublished} after a polled change's record is on
 * the events topic. Overdue changes are counted when either step runs and when the meter is read.
 */
public class MissedByWebhook implements CamelContextAware {

    /** The default of {@code quivo.changes.webhook-grace}: how long a webhook may come after the poll, in ms. */
    public static final long DEFAULT_GRACE_MS = 600_000;
    /** At most this many keys of each kind are remembered; the oldest are settled early beyond it. */
    static final int MAX_KEYS = 100_000;

    private CamelContext camelContext;
    private boolean webhookEnabled;
    private boolean pollingEnabled;
    private long gracePeriod = DEFAULT_GRACE_MS;
    private LongSupplier nanoTime = System::nanoTime;
    private QuivoMetrics metrics;

    /** Polled and published, no webhook yet: key -> (entity, when it counts as missed). In deadline order. */
    private final LinkedHashMap<String, Pending> polled = new LinkedHashMap<>();
    /** Delivered by a webhook: key -> until when it is remembered. In deadline order. */
    private final LinkedHashMap<String, Long> delivered = new LinkedHashMap<>();

    private record Pending(String entity, long deadline) {
    }

    /** A webhook call carried this change. */
    public synchronized void webhookDelivered(String key) {
        if (!counting() || key == null) {
            return;
        }
        long now = nanoTime.getAsLong();
        settle(now);
        if (polled.remove(key) == null) {
            delivered.remove(key); // put again at the end: its deadline is the latest
            delivered.put(key, now + graceNanos());
            trim(delivered);
        }
    }

    /** Polling published this change of {@code entity}. */
    public synchronized void pollPublished(String key, String entity) {
        if (!counting() || key == null || entity == null) {
            return;
        }
        long now = nanoTime.getAsLong();
        settle(now);
        if (delivered.remove(key) == null && !polled.containsKey(key)) {
            polled.put(key, new Pending(entity, now + graceNanos()));
            while (polled.size() > MAX_KEYS) {
                Iterator<Pending> oldest = polled.values().iterator();
                missed(oldest.next().entity());
                oldest.remove();
            }
        }
    }

    /** Counts every polled change whose grace period ended without a webhook, and forgets old webhook keys. */
    public synchronized void settle() {
        if (counting()) {
            settle(nanoTime.getAsLong());
        }
    }

    /** How many polled changes still wait for their webhook. */
    public synchronized int waiting() {
        return polled.size();
    }

    private void settle(long now) {
        for (Iterator<Pending> pending = polled.values().iterator(); pending.hasNext(); ) {
            Pending next = pending.next();
            if (next.deadline() - now > 0) {
                break;
            }
            missed(next.entity());
            pending.remove();
        }
        for (Iterator<Long> remembered = delivered.values().iterator(); remembered.hasNext(); ) {
            if (remembered.next() - now > 0) {
                break;
            }
            remembered.remove();
        }
    }

    private void missed(String entity) {
        if (metrics != null) {
            metrics.onMissedByWebhook(entity);
        }
    }

    private static void trim(LinkedHashMap<String, ?> keys) {
        for (Iterator<String> oldest = keys.keySet().iterator(); keys.size() > MAX_KEYS; ) {
            oldest.next();
            oldest.remove();
        }
    }

    private boolean counting() {
        return webhookEnabled && pollingEnabled;
    }

    private long graceNanos() {
        return gracePeriod * 1_000_000L;
    }

    /**
     * Once both are on and the context is known: the meter, at zero for each entity a change feed polls and a
     * webhook could bring. Stock has no webhook entity, so the stock feed is not one of them.
     */
    private synchronized void bindMeter() {
        if (metrics == null && counting() && camelContext != null) {
            metrics = QuivoMetrics.of(camelContext);
            List<String> entities = Arrays.stream(QuivoOperation.values())
                    .filter(operation -> operation.isChanges() && !operation.isStock())
                    .map(QuivoOperation::entity).distinct().toList();
            metrics.onMissedByWebhookSignal(entities, this::settle);
        }
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
        bindMeter();
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    public boolean isWebhookEnabled() {
        return webhookEnabled;
    }

    /** Whether the webhook receiver runs ({@code quivo.webhook.enabled}). */
    public void setWebhookEnabled(boolean webhookEnabled) {
        this.webhookEnabled = webhookEnabled;
        bindMeter();
    }

    public boolean isPollingEnabled() {
        return pollingEnabled;
    }

    /** Whether the change feeds are polled ({@code quivo.changes.enabled}). */
    public void setPollingEnabled(boolean pollingEnabled) {
        this.pollingEnabled = pollingEnabled;
        bindMeter();
    }

    public long getGracePeriod() {
        return gracePeriod;
    }

    /** How long after a poll published a change its webhook may still come, in ms: quivo.changes.webhook-grace. */
    public void setGracePeriod(long gracePeriod) {
        if (gracePeriod < 0) {
            throw new IllegalArgumentException("quivo.changes.webhook-grace must not be negative: " + gracePeriod);
        }
        this.gracePeriod = gracePeriod;
    }

    /** For tests: the clock the grace period is measured on. */
    void setNanoTime(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The webhook step: each event of a call that has a dedup key, before the dedup check. */
    public static class WebhookDelivered implements Processor {

        private MissedByWebhook tracker;

        @Override
        public void process(Exchange exchange) {
            tracker.webhookDelivered(dedupKey(exchange));
        }

        public void setTracker(MissedByWebhook tracker) {
            this.tracker = tracker;
        }
    }

    /** The polling step: a polled change whose record is on the events topic. */
    public static class PollPublished implements Processor {

        private MissedByWebhook tracker;

        @Override
        public void process(Exchange exchange) {
            WebhookEvent event = exchange.getProperty(FetchPlan.EVENT, WebhookEvent.class);
            tracker.pollPublished(dedupKey(exchange), event == null ? null : event.entity());
        }

        public void setTracker(MissedByWebhook tracker) {
            this.tracker = tracker;
        }
    }

    /** The event's (entity, id, version) key; none for an event without version or time: never deduplicated. */
    private static String dedupKey(Exchange exchange) {
        WebhookEvent event = exchange.getProperty(FetchPlan.EVENT, WebhookEvent.class);
        return event == null ? null : event.dedupKey();
    }
}
