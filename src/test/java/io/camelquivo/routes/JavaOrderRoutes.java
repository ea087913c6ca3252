package io.camelquivo.routes;

import io.camelquivo.kafka.Acknowledge;
import io.camelquivo.policy.QuivoErrorPolicy;
import org.apache.camel.builder.RouteBuilder;

/**
 * The flows of routes/orders-from-files.yaml and routes/orders-from-kafka.yaml in the Java DSL, for
 * applications that build their routes in Java. Add {@link QuivoErrorPolicy} and
 * {@link io.camelquivo.kafka.QuivoDeadLetterRoute} next to them.
 */
public class JavaOrderRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("file:{{quivo.inbox-dir}}?antInclude=*.json&move=.done&readLock=changed"
                + "&readLockMinAge={{quivo.inbox.read-lock-min-age:1000}}&readLockMinLength=0"
                + "&readLockCheckInterval={{quivo.inbox.read-lock-check-interval:250}}"
                + "&delay={{quivo.inbox.poll-delay:500}}")
                .routeId("java-orders-from-files").routeConfigurationId(QuivoErrorPolicy.ID)
                .to("quivo:orders.create");

        from("kafka:{{quivo.orders-topic}}?brokers={{kafka.brokers}}&groupId={{quivo.orders.group-id}}"
                + "&autoOffsetReset=earliest&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true"
                + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
                + "&pollTimeoutMs={{quivo.kafka.poll-timeout-ms:1000}}")
                .routeId("java-orders-from-kafka").routeConfigurationId(QuivoErrorPolicy.ID)
                .to("quivo:orders.create")
                .process(new Acknowledge());
    }
}
