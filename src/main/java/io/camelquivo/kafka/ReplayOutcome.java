package io.camelquivo.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.component.QuivoConstants;
import io.camelquivo.error.QuivoException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes how a replay ended to the audit topic ({@code quivo.console.audit-topic}, default quivo.dlq.replays),
 * keyed by the replay's id: accepted, refused (over the limit) or, from the dead-letter route, dead-lettered
 * again. Only replays the console sent (they carry {@code quivo.replay.id}) are written. The order is settled
 * by then, so a failed write costs only the audit line: one WARN, and the message goes on.
 */
public class ReplayOutcome implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayOutcome.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private boolean deadLettered;
    private volatile ProducerTemplate template;

    public ReplayOutcome() {
    }

    public ReplayOutcome(boolean deadLettered) {
        this.deadLettered = deadLettered;
    }

    /** True in the dead-letter route: the replay failed again. */
    public void setDeadLettered(boolean deadLettered) {
        this.deadLettered = deadLettered;
    }

    public boolean isDeadLettered() {
        return deadLettered;
    }

    @Override
    public void process(Exchange exchange) {
        String id = exchange.getProperty(Replay.ID_PROPERTY, String.class);
        if (id == null) {
            return;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("replayId", id);
        String refused = exchange.getProperty(Replay.REFUSED_PROPERTY, String.class);
        if (deadLettered) {
            Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            entry.put("outcome", "dead-lettered");
            entry.put("status", exchange.getMessage().getHeader(DeadLetterRecord.STATUS, String.class));
            entry.put("detail", failure instanceof QuivoException quivo ? quivo.getErrorText()
                    : exchange.getMessage().getHeader(DeadLetterRecord.ERROR, String.class));
        } else if (refused != null) {
            entry.put("outcome", "refused");
            entry.put("detail", refused);
        } else {
            entry.put("outcome", "accepted");
            Object status = exchange.getMessage().getHeader(QuivoConstants.STATUS_CODE);
            entry.put("status", status == null ? null : status.toString());
        }
        entry.put("at", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        entry.put("of", exchange.getProperty(Replay.OF_PROPERTY, String.class));
        entry.put("count", exchange.getProperty(Replay.COUNT_PROPERTY, Integer.class));
        try {
            CamelContext camel = exchange.getContext();
            String endpoint = QuivoKafkaComponent.SCHEME + ":" + camel.resolvePropertyPlaceholders(Replay.AUDIT_TOPIC);
            template(camel).sendBodyAndHeader(endpoint, JSON.writeValueAsBytes(entry), KafkaConstants.KEY, id);
        } catch (Exception e) {
            LOG.warn("Replay {} ended {}, but the audit topic could not be written: {}", id, entry.get("outcome"),
                    e.toString());
        }
    }

    private ProducerTemplate template(CamelContext camel) {
        ProducerTemplate current = template;
        if (current == null) {
            synchronized (this) {
                if (template == null) {
                    template = camel.createProducerTemplate();
                }
                current = template;
            }
        }
        return current;
    }
}
