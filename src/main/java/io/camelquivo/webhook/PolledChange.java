package io.camelquivo.webhook;

import io.camelquivo.component.QuivoConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Turns an exchange of a {@code quivo:<entities>.changes} consumer into the {@link WebhookEvent} that a webhook
 * call would have carried for the same change, so that polled changes go through the same {@link FetchPlan},
 * the same dedup keys ({@code ORDERS:123:5}) and the same record as webhook events: a change learned both ways
 * is published once.
 */
public class PolledChange implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String entity = message.getHeader(QuivoConstants.ENTITY, String.class);
        Long id = message.getHeader(QuivoConstants.ENTITY_ID, Long.class);
        if (entity == null || id == null) {
            throw new IllegalArgumentException("Not an exchange of a quivo changes consumer: "
                    + QuivoConstants.ENTITY + " and " + QuivoConstants.ENTITY_ID + " are needed");
        }
        WebhookEvent event = new WebhookEvent(entity, id, message.getHeader(QuivoConstants.VERSION, Long.class),
                message.getHeader(QuivoConstants.LAST_MODIFIED, String.class));
        message.removeHeaders("CamelQuivo*");
        message.setBody(event);
    }
}
