package io.camelquivo.kafka;

import io.camelquivo.policy.ParkUnwritten;
import io.camelquivo.policy.QuivoErrorPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Writes dead-letter records to Kafka, the same as the route in {@code routes/quivo-error-policy.yaml}:
 * through {@link QuivoKafkaComponent} (acks from all replicas, idempotent producer, a bounded wait), after
 * which a failure leaves the message unacknowledged (the file goes to {@code .failed/}, the offset stays
 * uncommitted; see {@link ParkUnwritten}). A record too large for Kafka is written with its value in a
 * quarantine file instead (see {@link DeadLetterQuarantine}).
 */
public class QuivoDeadLetterRoute extends RouteBuilder {

    private static final String DLQ = QuivoKafkaComponent.SCHEME + ":{{quivo.dlq-topic:quivo.dlq}}";

    @Override
    public void configure() {
        DeadLetterQuarantine quarantine = new DeadLetterQuarantine();
        from(QuivoErrorPolicy.DEAD_LETTER).routeId("quivo-dead-letter")
                .process(new DeadLetterRecord())
                .process(quarantine)
                .doTry()
                    .to(DLQ)
                .doCatch(RecordTooLargeException.class)
                    // Kafka refused the record as too large after all: the value goes to the quarantine
                    .process(quarantine)
                    .to(DLQ)
                .doCatch(Exception.class)
                    .process(new ParkUnwritten())
                .end()
                .process(new Acknowledge())
                .process(new ReplayOutcome(true));
    }
}
