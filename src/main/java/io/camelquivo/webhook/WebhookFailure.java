package io.camelquivo.webhook;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the answer to a webhook call that failed; the route sets its status. The answer carries no
 * headers, and a body only for 400 and 413: the reason, which names a field and never the body's content. One log
 * line says why (WARN, for 400 INFO); none of the texts holds the secret, which is gone from the message
 * before the body is even read.
 */
public class WebhookFailure implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookFailure.class);

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        if (failure instanceof MalformedWebhookException) {
            LOG.info("Webhook call refused with {}: {}", failure instanceof WebhookTooLargeException ? 413 : 400,
                    failure.getMessage());
            message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=UTF-8");
            message.setBody(failure.getMessage());
            return;
        }
        LOG.warn("Webhook call not acknowledged, Quivo is to send it again: {}", describe(failure));
        message.setBody(null);
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        Throwable cause = failure;
        // the splitter and Kafka wrap the failure that matters
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause.getMessage() == null || cause instanceof org.apache.camel.CamelExchangeException)) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
