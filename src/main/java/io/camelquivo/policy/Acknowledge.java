package io.camelquivo.policy;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Commits the Kafka offset of the message, once its outcome is settled: accepted by Quivo or written to
 * the dead-letter topic. Messages from elsewhere (files) need nothing: the file consumer moves the file.
 */
public class Acknowledge implements Processor {

    @Override
    public void process(Exchange exchange) {
        KafkaManualCommit commit = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT,
                KafkaManualCommit.class);
        if (commit != null) {
            commit.commit();
        }
    }
}
