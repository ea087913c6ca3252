package io.camelquivo.webhook;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Keeps two calls from publishing the same version at once. The idempotent consumer remembers a version only
 * once it is published (eager=false), so a call that Quivo repeats while the first is still fetching or
 * writing would pass its check too. Here the second one finds the version in flight and is answered 503
 * (Quivo sends it again, and then finds it published). The claim ends when the event's exchange is done,
 * however it ended. This covers one service instance; see connector-docs/webhooks.md.
 */
public class InFlightEvents implements Processor {

    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    @Override
    public void process(Exchange exchange) {
        String key = exchange.getProperty(FetchPlan.DEDUP_KEY, String.class);
        WebhookEvent event = exchange.getProperty(FetchPlan.EVENT, WebhookEvent.class);
        if (!inFlight.add(key)) {
            throw new RetryLaterException("Webhook event " + (event == null ? key : event.describe())
                    + " is being handled by another call right now");
        }
        // the split gives each event a unit of work of its own: the claim ends with the event, before the answer
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                inFlight.remove(key);
            }
        });
    }

    /** How many versions are being handled right now. */
    public int size() {
        return inFlight.size();
    }
}
