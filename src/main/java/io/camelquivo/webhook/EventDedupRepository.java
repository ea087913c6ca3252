package io.camelquivo.webhook;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memory of published versions, kept on a Kafka topic ({@code quivo.events.dedup-topic}) so that it
 * survives restarts: camel-kafka's {@link KafkaIdempotentRepository}, read from the start of the topic when
 * the receiver starts, with the keys written like the events themselves (acks from all replicas, idempotent
 * producer). It holds the latest {@code maxCacheSize} keys ({@code quivo.events.dedup-cache-size}, 100 000 by
 * default). It reads the topic once, when the receiver starts; several receivers on one topic learn of each
 * other's keys only then.
 *
 * <p>camel-kafka's repository cannot start on a topic that does not exist yet, so a missing topic is created
 * here: one partition, the broker's replication factor, and {@code cleanup.policy=compact}, so that each key
 * is kept (once) however old it is. An existing topic is used as it is.
 */
public class EventDedupRepository extends KafkaIdempotentRepository {

    public static final int DEFAULT_CACHE_SIZE = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(EventDedupRepository.class);

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
        ensureTopic();
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

    private void ensureTopic() throws Exception {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, getBootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Math.max(maxBlockMs, 1000),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(maxBlockMs, 1000));
        try (Admin admin = Admin.create(config)) {
            if (admin.listTopics().names().get(maxBlockMs, TimeUnit.MILLISECONDS).contains(getTopic())) {
                return;
            }
            NewTopic topic = new NewTopic(getTopic(), Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(topic)).all().get(maxBlockMs, TimeUnit.MILLISECONDS);
            LOG.info("Created the compacted topic {} that remembers published change events", getTopic());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("The topic " + getTopic() + " for published change events could not"
                        + " be read or created: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    public int getMaxBlockMs() {
        return maxBlockMs;
    }

    /** How long a write of a key, or the topic check at start, may wait for the broker before it fails. */
    public void setMaxBlockMs(int maxBlockMs) {
        this.maxBlockMs = maxBlockMs;
    }
}
