package io.camelquivo.kafka;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Message;

/**
 * The headers of a record on the replay topic and of a dead-letter record that came from a replay, and the
 * exchange properties that carry them from {@link ReplayRequest} to the dead-letter record. A replay record is
 * the payload to send again, with the call in its headers: {@code quivo.operation} (absent: orders.create),
 * one {@code quivo.param.<option>} per path variable or query parameter, and the replay's own
 * {@code quivo.replay.*}.
 */
public final class Replay {

    /** Which replay of the same order this is: 1 for the first; a record put on the topic by hand counts as 1. */
    public static final String COUNT = "quivo.replay.count";
    /** The replay's id, which the audit topic's records are keyed by. */
    public static final String ID = "quivo.replay.id";
    /** The dead-letter record it was made from: topic/partition/offset. */
    public static final String OF = "quivo.replay.of";
    /** Who sent it again, as they typed their name into the console. */
    public static final String BY = "quivo.replay.by";
    /** Prefix of the call's parameters: quivo.param.orderId, quivo.param.sellerId, ... */
    public static final String PARAM = "quivo.param.";

    public static final String COUNT_PROPERTY = "CamelQuivoReplayCount";
    public static final String ID_PROPERTY = "CamelQuivoReplayId";
    public static final String OF_PROPERTY = "CamelQuivoReplayOf";
    public static final String BY_PROPERTY = "CamelQuivoReplayBy";
    public static final String OPERATION_PROPERTY = "CamelQuivoReplayOperation";
    /** Why the replay was not sent: over the limit, or no operation that can be sent. */
    public static final String REFUSED_PROPERTY = "CamelQuivoReplayRefused";

    /** The audit topic's default name; {@code quivo.console.audit-topic} changes it. */
    public static final String AUDIT_TOPIC = "{{quivo.console.audit-topic:quivo.dlq.replays}}";
    /** How often an order may be sent again; {@code quivo.replay.max-count} changes it. */
    public static final int DEFAULT_MAX_COUNT = 3;

    private Replay() {
    }

    /** The header that sets an option per message, as the quivo: producers read it: orderId -> CamelQuivoOrderId. */
    public static String optionHeader(String option) {
        return "CamelQuivo" + option.substring(0, 1).toUpperCase(Locale.ROOT) + option.substring(1);
    }

    /** A header as text: camel-kafka hands a record's headers over as bytes. */
    static String text(Message message, String name) {
        Object value = message.getHeader(name);
        if (value == null) {
            return null;
        }
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
    }

    /** The quivo.param.* headers, by option name. */
    static Map<String, String> parameters(Message message) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : message.getHeaders().keySet()) {
            if (name.startsWith(PARAM) && name.length() > PARAM.length()) {
                parameters.put(name.substring(PARAM.length()), text(message, name));
            }
        }
        return parameters;
    }
}
