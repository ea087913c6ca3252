package io.camelquivo.webhook;

import io.camelquivo.kafka.CompactedTopic;
import java.util.Properties;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The memory of published versions, kept on a Kafka topic ({@code quivo.events.dedup-topic}) so that it
 * survives restarts: camel-kafka's {@link KafkaIdempotentRepository}, read from the start of the topic when
 * the receiver starts, with the keys written like the events themselves (acks from all replicas, idempotent
 * producer). It holds the latest {@code maxCacheSize} keys ({@code quivo.events.dedup-cache-size}, 100 000 by
 * default). It reads the topic once, when the receiver starts; several receivers on one topic learn of each
 * other's keys only then.
 *
 * <p>camel-kafka's repository cannot start on a topic that does not exist yet, so a missing topic is created
 * here as a {@link CompactedTopic}, so that each key is kept (once) however old it is.
 */
public class EventDedupRepository extends KafkaIdempotentRepository {

    public static final int DEFAULT_CACHE_SIZE = 100_000;

    private int maxBlockMs = 10_000;

    public EventDedupRepository() {
        setMaxCacheSize(DEFAULT_CACHE_SIZE);
        // Read the topic once, at start, and keep the memory in this process from then on. Syncing on a
        // background thread as well (for peers writing the same topic) races with stop in camel-kafka 4.18:
        // the consumer is closed while that thread still polls it.
        setStartupOnly(true);
    }

    @Override
    protected void doStart() throws Exception {
        CompactedTopic.ensure(getBootstrapServers(), getTopic(), maxBlockMs, "published change events");
        Properties producer = new Properties();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, getBootstrapServers());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Integer.toString(maxBlockMs));
        setProducerConfig(producer);
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, getBootstrapServers());
        setConsumerConfig(consumer);
        super.doStart();
    }

    public int getMaxBlockMs() {
        return maxBlockMs;
    }

    /** How long a write of a key, or the topic check at start, may wait for the broker before it fails. */
    public void setMaxBlockMs(int maxBlockMs) {
        this.maxBlockMs = maxBlockMs;
    }
}
