package io.camelquivo.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.component.QuivoExchangeProperties;
import io.camelquivo.error.QuivoException;
import io.camelquivo.error.StatusFamily;
import io.camelquivo.metrics.QuivoMetrics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failed message (restored to its original bytes by {@code useOriginalMessage}) into the
 * dead-letter record the service promises (connector-docs/guarantees.md): the original bytes as value, the
 * orderIdentifier as key, and the failure as plain string headers, which camel-kafka writes as UTF-8 and never
 * filters.
 */
public class DeadLetterRecord implements Processor {

    public static final String STATUS = "quivo.status";
    public static final String ERROR = "quivo.error";
    public static final String ERROR_SOURCE = "quivo.error.source";
    public static final String OPERATION = "quivo.operation";
    public static final String ATTEMPTS = "quivo.attempts";
    public static final String ORIGIN = "quivo.origin";
    public static final String FAILED_AT = "quivo.failed.at";
    public static final String EXCEPTION = "quivo.exception";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRecord.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void process(Exchange exchange) throws Exception {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Message message = exchange.getMessage();
        String origin = origin(exchange);
        byte[] value = value(exchange);
        String orderIdentifier = orderIdentifier(value);
        QuivoException quivo = failure instanceof QuivoException q ? q : null;
        // the message's operation, even when the login under it failed
        String operation = exchange.getProperty(QuivoExchangeProperties.OPERATION,
                quivo != null ? quivo.getOperation() : "unknown", String.class);
        String status = String.valueOf(quivo != null ? quivo.getStatusCode() : 0);
        String error = quivo != null ? quivo.getErrorText() : describe(failure);

        message.removeHeaders("kafka.*");
        // a replayed message arrives with the quivo.* headers of its replay record: this record says its own
        message.removeHeaders("quivo.*");
        message.setBody(value);
        if (orderIdentifier != null) {
            message.setHeader(KafkaConstants.KEY, orderIdentifier);
        }
        message.setHeader(STATUS, status);
        message.setHeader(ERROR, error);
        message.setHeader(ERROR_SOURCE, quivo != null ? quivo.getErrorSourceLabel() : "client");
        message.setHeader(OPERATION, operation);
        message.setHeader(ATTEMPTS,
                String.valueOf(exchange.getProperty(QuivoExchangeProperties.CALLS, 0, Integer.class)));
        message.setHeader(ORIGIN, origin);
        message.setHeader(FAILED_AT, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        message.setHeader(EXCEPTION, failure == null ? "" : failure.getClass().getName());
        callParameters(exchange, message);
        replay(exchange, message);

        StatusFamily family = quivo != null ? quivo.getFamily() : StatusFamily.INVALID_INPUT;
        QuivoMetrics.of(exchange.getContext()).onDeadLetter(family, operation);
        LOG.warn("Dead-lettering order {} from {}: {} failed with status {} ({}): {}", orderIdentifier, origin, operation,
                status, family.name().toLowerCase(java.util.Locale.ROOT), error);
    }

    /** The call's path variables and query parameters, so that a replay can make the same call again. */
    private static void callParameters(Exchange exchange, Message message) {
        Map<?, ?> parameters = exchange.getProperty(QuivoExchangeProperties.CALL_PARAMETERS, Map.class);
        if (parameters != null) {
            parameters.forEach((option, value) -> {
                if (value != null) {
                    message.setHeader(Replay.PARAM + option, value.toString());
                }
            });
        }
    }

    /** A replay that failed again says which replay it was, so that the next one counts on from it. */
    private static void replay(Exchange exchange, Message message) {
        Integer count = exchange.getProperty(Replay.COUNT_PROPERTY, Integer.class);
        if (count == null) {
            return;
        }
        message.setHeader(Replay.COUNT, count.toString());
        for (String[] header : new String[][] {{Replay.ID, Replay.ID_PROPERTY}, {Replay.OF, Replay.OF_PROPERTY},
                {Replay.BY, Replay.BY_PROPERTY}}) {
            String value = exchange.getProperty(header[1], String.class);
            if (value != null) {
                message.setHeader(header[0], value);
            }
        }
    }

    /** Where the message came from: a file of the inbox, a Kafka record, or another route. */
    static String origin(Exchange exchange) {
        Message message = exchange.getMessage();
        String file = message.getHeader(Exchange.FILE_NAME, String.class);
        if (file != null) {
            return "file:" + file;
        }
        String topic = message.getHeader(KafkaConstants.TOPIC, String.class);
        if (topic != null) {
            return "kafka:" + topic + "/" + message.getHeader(KafkaConstants.PARTITION) + "/"
                    + message.getHeader(KafkaConstants.OFFSET);
        }
        return "route:" + exchange.getFromRouteId();
    }

    /** The original payload as bytes; a message without body (a record with a null value) has an empty one. */
    private static byte[] value(Exchange exchange) throws Exception {
        Object body = exchange.getMessage().getBody();
        return body == null ? new byte[0]
                : exchange.getContext().getTypeConverter().mandatoryConvertTo(byte[].class, exchange, body);
    }

    /**
     * The order's {@code orderIdentifier}, read as far as the body is JSON: an order dead-lettered for what
     * comes after it (a file taken half written, nesting beyond the reader's limits) still has its key. Bytes
     * that are no UTF-8 (a Windows-1252 file) are read once more as text with replacement characters, since the
     * identifier itself is ASCII.
     */
    static String orderIdentifier(byte[] value) {
        String found = identifierIn(MAPPER.getFactory(), value, null);
        return found != null || isUtf8(value) ? found
                : identifierIn(MAPPER.getFactory(), null, new String(value, StandardCharsets.UTF_8));
    }

    private static String identifierIn(JsonFactory json, byte[] bytes, String text) {
        try (JsonParser parser = bytes != null ? json.createParser(bytes) : json.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (name.equals("orderIdentifier")) {
                    return token.isScalarValue() && token != JsonToken.VALUE_NULL ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException notJsonFromHereOn) {
            return null;
        }
    }

    private static boolean isUtf8(byte[] value) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(value));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
