package io.camelquivo.policy;

import io.camelquivo.component.QuivoKafkaComponent;
import org.apache.camel.builder.RouteBuilder;

/**
 * Writes dead-letter records to Kafka, the same as the route in {@code routes/quivo-error-policy.yaml}:
 * through {@link QuivoKafkaComponent} (acks from all replicas, idempotent producer, a bounded wait), after
 * which a failure leaves the message unacknowledged (the file goes to {@code .failed/}, the offset stays
 * uncommitted).
 */
public class QuivoDeadLetterRoute extends RouteBuilder {

    @Override
    public void configure() {
        from(QuivoErrorPolicy.DEAD_LETTER).routeId("quivo-dead-letter")
                .process(new DeadLetterRecord())
                .to(QuivoKafkaComponent.SCHEME + ":{{quivo.dlq-topic:quivo.dlq}}")
                .process(new Acknowledge());
    }
}
