package io.camelquivo.policy;

import org.apache.camel.builder.RouteBuilder;

/**
 * Writes dead-letter records to Kafka, the same as the route in {@code routes/quivo-error-policy.yaml}:
 * acks from all replicas, idempotent producer, and a bounded wait, after which the failure leaves the
 * message unacknowledged (the file goes to {@code .failed/}, the offset stays uncommitted; see
 * {@link ParkUnwritten}).
 */
public class QuivoDeadLetterRoute extends RouteBuilder {

    @Override
    public void configure() {
        from(QuivoErrorPolicy.DEAD_LETTER).routeId("quivo-dead-letter")
                .process(new DeadLetterRecord())
                .doTry()
                .toF("kafka:%s?brokers=%s&requestRequiredAcks=all&enableIdempotence=true"
                        + "&valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer"
                        + "&maxBlockMs=%s&requestTimeoutMs=%s&deliveryTimeoutMs=%s",
                        "{{quivo.dlq-topic:quivo.dlq}}", "{{kafka.brokers}}", "{{quivo.dlq.max-block-ms:10000}}",
                        "{{quivo.dlq.request-timeout-ms:10000}}", "{{quivo.dlq.delivery-timeout-ms:30000}}")
                .doCatch(Exception.class).process(new ParkUnwritten())
                .end()
                .process(new Acknowledge());
    }
}
