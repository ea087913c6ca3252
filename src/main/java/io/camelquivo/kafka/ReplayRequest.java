package io.camelquivo.kafka;

import io.camelquivo.component.QuivoOperation;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step of a replay (routes/dead-letter-replay.yaml): reads the call from the replay record's headers,
 * checks it, and sets it up as any route would, with {@code CamelQuivo<Option>} headers for the operation's
 * path variables and query parameters. The route then sends it to {@code quivo:<operation>} under the status
 * policy.
 *
 * <p>Not sent ({@link Replay#REFUSED_PROPERTY} says why): a replay past {@code maxCount}, so that no record goes
 * round forever, and an operation that is not a call of the table. The operation becomes part of an endpoint URI,
 * so only an exact operation name passes: {@code orders.create?baseUrl=...} would send the account elsewhere.
 */
public class ReplayRequest implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayRequest.class);

    private int maxCount = Replay.DEFAULT_MAX_COUNT;

    public void setMaxCount(int maxCount) {
        this.maxCount = maxCount;
    }

    public int getMaxCount() {
        return maxCount;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String operation = Replay.text(message, DeadLetterRecord.OPERATION);
        operation = operation == null || operation.isBlank() ? QuivoOperation.ORDERS_CREATE.id() : operation.trim();
        int count = count(Replay.text(message, Replay.COUNT));
        Map<String, String> parameters = Replay.parameters(message);
        exchange.setProperty(Replay.COUNT_PROPERTY, count);
        exchange.setProperty(Replay.ID_PROPERTY, Replay.text(message, Replay.ID));
        exchange.setProperty(Replay.OF_PROPERTY, Replay.text(message, Replay.OF));
        exchange.setProperty(Replay.BY_PROPERTY, Replay.text(message, Replay.BY));
        // the earlier failure's headers, and the replay's own: the call below must not see them
        message.removeHeaders("quivo.*");

        String refused = refusal(operation, count);
        if (refused != null) {
            LOG.warn("Not replaying {} ({}): {}", exchange.getProperty(Replay.OF_PROPERTY), operation, refused);
            exchange.setProperty(Replay.REFUSED_PROPERTY, refused);
            return;
        }
        QuivoOperation row = QuivoOperation.of(operation);
        Set<String> options = options(row);
        parameters.forEach((option, value) -> {
            if (options.contains(option) && value != null) {
                message.setHeader(Replay.optionHeader(option), value);
            }
        });
        exchange.setProperty(Replay.OPERATION_PROPERTY, row.id());
    }

    /** Null when the replay may be sent, else why not. */
    public static String refusal(String operation, int count, int maxCount) {
        if (count > maxCount) {
            return "sent again " + count + " times, more than quivo.replay.max-count (" + maxCount + ")";
        }
        QuivoOperation row = sendable(operation);
        if (row == null) {
            return "'" + operation + "' is not an operation that can be sent again";
        }
        return null;
    }

    private String refusal(String operation, int count) {
        return refusal(operation, count, maxCount);
    }

    /** The operation's row when it is a call (not a change feed), else null. */
    public static QuivoOperation sendable(String operation) {
        for (QuivoOperation row : QuivoOperation.values()) {
            if (row.id().equals(operation)) {
                return row.isChanges() ? null : row;
            }
        }
        return null;
    }

    /** The options a row reads from headers: its path variables and query parameters; method and path of request. */
    static Set<String> options(QuivoOperation row) {
        Set<String> options = new HashSet<>(row.pathVariables());
        row.query().forEach(parameter -> options.add(parameter.option()));
        if (row == QuivoOperation.REQUEST) {
            options.add("httpMethod");
            options.add("path");
        }
        return options;
    }

    private static int count(String text) {
        if (text == null || text.isBlank()) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(text.trim()));
        } catch (NumberFormatException unreadable) {
            return Integer.MAX_VALUE; // refused: a count nobody can read may hide a loop
        }
    }
}
