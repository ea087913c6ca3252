package io.camelquivo.webhook;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event whose entity Quivo refuses for good (404, another 4xx, 501): asking again cannot help, so the event
 * is skipped with one WARN line and the call goes on with its other events. The version is not remembered: if
 * Quivo sends it again, it is fetched again.
 */
public class SkippedEvent implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(SkippedEvent.class);

    @Override
    public void process(Exchange exchange) {
        WebhookEvent event = exchange.getProperty(FetchPlan.EVENT, WebhookEvent.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.warn("Webhook event {} skipped, not published: {}", event == null ? "?" : event.describe(),
                failure == null ? "unknown failure" : failure.getMessage());
    }
}
