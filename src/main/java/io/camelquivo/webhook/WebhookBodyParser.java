package io.camelquivo.webhook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Reads Quivo's webhook body, {@code {"events":[{"id","entity","lastModified","version"}]}}, into a list of
 * {@link WebhookEvent}s, the message's new body. Anything else is a {@link MalformedWebhookException} (400):
 * not JSON, no {@code events} array, an event that is not an object, without an {@code entity} name or without
 * a whole-number {@code id}, or with a {@code version} that is not a whole number. An event repeated within
 * the same call is kept once. {@code {"events":[]}} is valid and has nothing to do.
 */
public class WebhookBodyParser implements Processor {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern ENTITY = Pattern.compile("[A-Za-z][A-Za-z_]{0,63}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private int maxEvents = 1000;

    @Override
    public void process(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        exchange.getMessage().setBody(parse(body, maxEvents));
    }

    /** At most this many events in one call ({@code quivo.webhook.max-events}); more are refused with 413. */
    public int getMaxEvents() {
        return maxEvents;
    }

    public void setMaxEvents(int maxEvents) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("quivo.webhook.max-events must be at least 1: " + maxEvents);
        }
        this.maxEvents = maxEvents;
    }

    public static List<WebhookEvent> parse(byte[] body) {
        return parse(body, Integer.MAX_VALUE);
    }

    /**
     * The call's events, refused as too large ({@link WebhookTooLargeException}) when there are more than
     * {@code maxEvents}: each is a fetch from Quivo while the caller waits, so a call of thousands would outlast
     * any caller's patience and hold the receiver for as long.
     */
    public static List<WebhookEvent> parse(byte[] body, int maxEvents) {
        if (body == null || body.length == 0) {
            throw new MalformedWebhookException("the body is empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new MalformedWebhookException("the body is not JSON");
        }
        JsonNode events = root == null ? null : root.get("events");
        if (events == null || !events.isArray()) {
            throw new MalformedWebhookException("the body has no events array");
        }
        if (events.size() > maxEvents) {
            throw new WebhookTooLargeException("the call has " + events.size() + " events, more than the " + maxEvents
                    + " a webhook call may have (quivo.webhook.max-events)");
        }
        List<WebhookEvent> parsed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            WebhookEvent event = event(events.get(i), "events[" + i + "]");
            String key = event.dedupKey();
            if (key == null || seen.add(key)) {
                parsed.add(event);
            }
        }
        return parsed;
    }

    private static WebhookEvent event(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new MalformedWebhookException(where + ": must be an object");
        }
        JsonNode entity = node.get("entity");
        if (entity == null || !entity.isTextual() || !ENTITY.matcher(entity.asText()).matches()) {
            throw new MalformedWebhookException(where + ".entity: must be an entity name such as ORDERS");
        }
        Long id = wholeNumber(node.get("id"));
        if (id == null) {
            throw new MalformedWebhookException(where + ".id: must be a whole number");
        }
        JsonNode versionNode = node.get("version");
        Long version = wholeNumber(versionNode);
        if (version == null && versionNode != null && !versionNode.isNull()) {
            throw new MalformedWebhookException(where + ".version: must be a whole number");
        }
        JsonNode lastModified = node.get("lastModified");
        if (lastModified != null && !lastModified.isNull() && !lastModified.isTextual()) {
            throw new MalformedWebhookException(where + ".lastModified: must be a time such as 2019-12-15T14:48:12Z");
        }
        String time = lastModified == null || lastModified.isNull() || lastModified.asText().isBlank()
                ? null : lastModified.asText();
        return new WebhookEvent(entity.asText().toUpperCase(Locale.ROOT), id, version, time);
    }

    /** A non-negative whole number, written as a JSON number or as a string of digits; else null. */
    private static Long wholeNumber(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0) {
            return node.asLong();
        }
        if (node.isTextual() && DIGITS.matcher(node.asText()).matches()) {
            return Long.parseLong(node.asText());
        }
        return null;
    }
}
