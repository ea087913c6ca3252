package io.camelquivo.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Turns Quivo's answer for an event into the record of the events topic: value = the entity's JSON byte for
 * byte as Quivo returned it, key = {@code <ENTITY>:<id>}, and the {@link ChangeEventHeaders} from the event,
 * as strings. Every other header is dropped first, so nothing of the HTTP call reaches Kafka.
 *
 * <p>The entity is fetched after the event was sent, so it may be newer than the event says; it is published
 * as it is, under the event's version. It may not be older: if its {@code version} is lower than the event's,
 * Quivo does not show the change yet, and the call is answered 503 so that it comes again
 * ({@link RetryLaterException}). An empty answer or one that is not a JSON object is treated the same way.
 *
 * <p>{@link #setSource(String) source} is written as {@code quivo.source}: {@code webhook} by default,
 * {@code poll} for the bean of routes/quivo-changes.yaml.
 */
public class ChangeEventRecord implements Processor {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private String source = ChangeEventHeaders.SOURCE_WEBHOOK;

    public String getSource() {
        return source;
    }

    /** {@code webhook} or {@code poll}: how the change was learned. */
    public void setSource(String source) {
        if (!ChangeEventHeaders.SOURCE_WEBHOOK.equals(source) && !ChangeEventHeaders.SOURCE_POLL.equals(source)) {
            throw new IllegalArgumentException("source must be webhook or poll: " + source);
        }
        this.source = source;
    }

    @Override
    public void process(Exchange exchange) {
        WebhookEvent event = exchange.getProperty(FetchPlan.EVENT, WebhookEvent.class);
        Message message = exchange.getMessage();
        byte[] entity = bytes(message.getBody());
        check(event, entity);

        message.removeHeaders("*");
        message.setHeader(KafkaConstants.KEY, event.recordKey());
        message.setHeader(ChangeEventHeaders.ENTITY, event.entity());
        message.setHeader(ChangeEventHeaders.ID, Long.toString(event.id()));
        if (event.version() != null) {
            message.setHeader(ChangeEventHeaders.VERSION, event.version().toString());
        }
        if (event.lastModified() != null) {
            message.setHeader(ChangeEventHeaders.LAST_MODIFIED, event.lastModified());
        }
        message.setHeader(ChangeEventHeaders.SOURCE, source);
        message.setBody(entity);
    }

    private static byte[] bytes(Object body) {
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }

    private static void check(WebhookEvent event, byte[] entity) {
        if (entity == null || entity.length == 0) {
            throw new RetryLaterException("Quivo answered " + event.describe() + " with an empty body");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(entity);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw new RetryLaterException("Quivo answered " + event.describe() + " with something that is not a JSON"
                    + " object");
        }
        JsonNode version = json.get("version");
        if (event.version() != null && version != null && version.isIntegralNumber()
                && version.asLong() < event.version()) {
            throw new RetryLaterException("Quivo still answers version " + version.asLong() + " of "
                    + event.recordKey() + ", older than the event's " + event.version());
        }
    }
}
