package io.camelquivo.kafka;

import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaComponentConfigurer;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.component.kafka.KafkaEndpointConfigurer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code quivo-kafka:<topic>}: camel-kafka set up for the writes that must not be lost, the dead-letter
 * records and the change events. Every write waits for all in-sync replicas, through an idempotent producer,
 * and sends the body's bytes as they are. It waits a bounded time, so that a broker that is down fails the
 * write (and the message stays unacknowledged) instead of holding the route.
 *
 * <p>The brokers are {@code kafka.brokers} unless the component was given its own; the timeouts are
 * {@code quivo.kafka.max-block-ms} (10000), {@code quivo.kafka.request-timeout-ms} (10000) and
 * {@code quivo.kafka.delivery-timeout-ms} (30000). An endpoint may still override any camel-kafka option.
 * Found by its scheme through {@code META-INF/services/org/apache/camel/component/quivo-kafka}.
 */
public class QuivoKafkaComponent extends KafkaComponent {

    public static final String SCHEME = "quivo-kafka";

    private static final PropertyConfigurer COMPONENT_OPTIONS = new KafkaComponentConfigurer();
    private static final PropertyConfigurer ENDPOINT_OPTIONS = new KafkaEndpointConfigurer();

    public QuivoKafkaComponent() {
        KafkaConfiguration durable = getConfiguration();
        durable.setRequestRequiredAcks("all");
        durable.setEnableIdempotence(true);
        durable.setValueSerializer(ByteArraySerializer.class.getName());
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        KafkaConfiguration configuration = getConfiguration();
        if (configuration.getBrokers() == null) {
            configuration.setBrokers(getCamelContext().resolvePropertyPlaceholders("{{kafka.brokers}}"));
        }
        configuration.setMaxBlockMs(milliseconds("quivo.kafka.max-block-ms", 10_000));
        configuration.setRequestTimeoutMs(milliseconds("quivo.kafka.request-timeout-ms", 10_000));
        configuration.setDeliveryTimeoutMs(milliseconds("quivo.kafka.delivery-timeout-ms", 30_000));
    }

    // camel-kafka's generated configurers bind its options; Camel finds them by the scheme "kafka" only
    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        return COMPONENT_OPTIONS;
    }

    @Override
    public PropertyConfigurer getEndpointPropertyConfigurer() {
        return ENDPOINT_OPTIONS;
    }

    private int milliseconds(String property, int defaultValue) {
        String text = getCamelContext().resolvePropertyPlaceholders("{{" + property + ":" + defaultValue + "}}");
        try {
            int value = Integer.parseInt(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, with the property's name
        }
        throw new IllegalArgumentException(property + " must be a positive number of milliseconds, not '" + text + "'");
    }
}
