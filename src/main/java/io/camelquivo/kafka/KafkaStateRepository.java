package io.camelquivo.kafka;

import java.io.Flushable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A {@link StateRepository} on a {@link CompactedTopic}: each key a record key, its latest value the record's.
 * Starting reads the whole topic into memory; {@link #getState} answers from there, {@link #setState} writes to
 * memory at once and to Kafka in the background (acks from all replicas, idempotent producer), and
 * {@link #flush} waits for those writes and fails if one of them failed. Stopping flushes and forgets the memory,
 * so that the next start reads what another instance wrote in between.
 *
 * <p>Writes are not awaited one by one: a first poll of the stock feed stores thousands of SKUs, and a round
 * trip to the brokers for each would make it take minutes. The stock consumer flushes after each warehouse and
 * seller.
 */
public class KafkaStateRepository extends ServiceSupport implements StateRepository<String, String>, Flushable {

    private String topic;
    private String bootstrapServers;
    private int maxBlockMs = 10_000;
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final AtomicReference<Exception> failedWrite = new AtomicReference<>();
    private KafkaProducer<String, String> producer;

    @Override
    protected void doStart() throws Exception {
        if (topic == null || topic.isBlank() || bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalStateException("A Kafka state repository needs a topic and bootstrap servers");
        }
        CompactedTopic.ensure(bootstrapServers, topic, maxBlockMs, "a state repository's entries");
        values.clear();
        readAll();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Integer.toString(maxBlockMs));
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Reads the topic from its beginning to the end it had when reading began. */
    private void readAll() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(Math.max(maxBlockMs, 1000)));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long idleSince = System.nanoTime();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                int read = 0;
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    if (record.value() == null) {
                        values.remove(record.key());
                    } else {
                        values.put(record.key(), record.value());
                    }
                }
                // a big topic may take long to read; only a broker that sends nothing is given up on
                if (read > 0) {
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince > Duration.ofMillis(maxBlockMs).toNanos()) {
                    throw new IllegalStateException("The topic " + topic + " could not be read to its end within "
                            + maxBlockMs + " ms");
                }
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (producer != null) {
            producer.close(Duration.ofMillis(maxBlockMs));
            producer = null;
        }
        values.clear();
    }

    @Override
    public String getState(String key) {
        return values.get(key);
    }

    @Override
    public void setState(String key, String value) {
        values.put(key, value);
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
            if (error != null) {
                failedWrite.compareAndSet(null, error);
            }
        });
    }

    /** Waits for every write so far; throws if one of them failed (once for each failure noticed). */
    @Override
    public void flush() throws IOException {
        producer.flush();
        Exception failed = failedWrite.getAndSet(null);
        if (failed != null) {
            throw new IOException("A write to the topic " + topic + " failed: " + failed.getMessage(), failed);
        }
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public int getMaxBlockMs() {
        return maxBlockMs;
    }

    /** How long starting, a write's hand-over to the producer and stopping may wait for the brokers. */
    public void setMaxBlockMs(int maxBlockMs) {
        this.maxBlockMs = maxBlockMs;
    }
}
