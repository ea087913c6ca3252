package io.camelquivo.kafka;

import io.camelquivo.policy.OutagePauseFactory;
import io.camelquivo.policy.QuivoErrorPolicy;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * Commits the Kafka offset of the message, once its outcome is settled: accepted by Quivo or written to
 * the dead-letter topic. Messages from elsewhere (files) need nothing: the file consumer moves the file.
 */
public class Acknowledge implements Processor {

    /**
     * The outage pause for routes that read Kafka: the routes under the status policy and those of record
     * batches ({@link InFlightRecords#ROUTE_CONFIGURATION}); an unsettled record is read again on resume.
     */
    public static OutagePauseFactory outagePause() {
        return new OutagePauseFactory(Acknowledge::readAgainLater, QuivoErrorPolicy.ID, InFlightRecords.ROUTE_CONFIGURATION);
    }

    @Override
    public void process(Exchange exchange) {
        KafkaManualCommit commit = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT,
                KafkaManualCommit.class);
        if (commit != null) {
            commit.commit();
        }
    }

    /**
     * The message ended unsettled: a Kafka record's own offset is committed, so that its partition is read
     * from it again. camel-kafka seeks to the committed offset when a paused consumer resumes; without one
     * (the partition's first record) it would go on after the batch and skip the record.
     */
    public static void readAgainLater(Exchange exchange) {
        if (exchange.getMessage().getBody() instanceof List<?>) {
            return; // a poll's records in batching mode: InFlightRecords commits them, partition by partition
        }
        if (exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT) instanceof DefaultKafkaManualCommit record) {
            // the record's own consumer, on its polling thread: this runs while the record is processed
            record.getCamelExchangePayload().consumer.commitSync(
                    Map.of(record.getPartition(), new OffsetAndMetadata(record.getRecordOffset())));
        }
    }
}
