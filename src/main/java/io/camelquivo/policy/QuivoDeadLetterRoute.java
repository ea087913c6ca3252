package io.camelquivo.policy;

import org.apache.camel.builder.RouteBuilder;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Writes dead-letter records to Kafka, the same as the routes in {@code routes/quivo-error-policy.yaml}:
 * acks from all replicas, idempotent producer, and a bounded wait, after which the failure leaves the
 * message unacknowledged (the file goes to {@code .failed/}, the offset stays uncommitted; see
 * {@link ParkUnwritten}). A record too large
 * for Kafka is written with its value in a quarantine file instead (see {@link DeadLetterQuarantine}).
 */
public class QuivoDeadLetterRoute extends RouteBuilder {

    static final String WRITE = "direct:quivo-dead-letter-write";

    @Override
    public void configure() {
        DeadLetterQuarantine quarantine = new DeadLetterQuarantine();
        from(QuivoErrorPolicy.DEAD_LETTER).routeId("quivo-dead-letter")
                .process(new DeadLetterRecord())
                .process(quarantine)
                .doTry()
                    .to(WRITE)
                .doCatch(RecordTooLargeException.class)
                    // Kafka refused the record as too large after all: the value goes to the quarantine
                    .process(quarantine)
                    .to(WRITE)
                .doCatch(Exception.class)
                    .process(new ParkUnwritten())
                .end()
                .process(new Acknowledge());

        // the one dead-letter producer; its failures go to the route above as if the write were written there
        from(WRITE).routeId("quivo-dead-letter-write").errorHandler(noErrorHandler())
                .toF("kafka:%s?brokers=%s&requestRequiredAcks=all&enableIdempotence=true"
                        + "&valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer"
                        + "&maxBlockMs=%s&requestTimeoutMs=%s&deliveryTimeoutMs=%s",
                        "{{quivo.dlq-topic:quivo.dlq}}", "{{kafka.brokers}}", "{{quivo.dlq.max-block-ms:10000}}",
                        "{{quivo.dlq.request-timeout-ms:10000}}", "{{quivo.dlq.delivery-timeout-ms:30000}}");
    }
}
