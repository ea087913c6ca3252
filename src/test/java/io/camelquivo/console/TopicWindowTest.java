package io.camelquivo.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The console's reading of a long dead-letter topic: 100,000 records, and each request reads no more than the
 * window, however long the topic is. Prints how long each read took, as a bench would; asserts only what was read.
 */
@Timeout(120)
class TopicWindowTest {

    private static final int RECORDS = 100_000;
    private static final int WINDOW = 10_000;

    @Test
    void aLongTopicIsReadNoFurtherBackThanTheWindow() {
        TestKafka kafka = TestKafka.shared();
        String topic = TestKafka.uniqueTopic("long-dlq");
        kafka.createTopic(topic, 2);
        produce(kafka, topic, 0, RECORDS);

        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (TopicWindow window = new TopicWindow(config, topic, WINDOW, false)) {
            long start = System.nanoTime();
            List<TopicWindow.Entry> first = window.entries();
            long firstMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(2 * WINDOW, first.size(), "the newest window of each of the two partitions");
            assertEquals(2 * WINDOW, window.lastReadCount(), "read no further back than the window");
            // newest first; the two partitions' last records may share their millisecond
            assertTrue(List.of("DL-" + (RECORDS - 1), "DL-" + (RECORDS - 2)).contains(first.get(0).key()),
                    first.get(0).key());
            assertEquals("400", first.get(0).headers().get("quivo.status"));

            produce(kafka, topic, RECORDS, 10);
            start = System.nanoTime();
            List<TopicWindow.Entry> next = window.entries();
            long nextMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(10, window.lastReadCount(), "the next request reads only what is new");
            assertEquals(2 * WINDOW, next.size());
            assertTrue(List.of("DL-" + (RECORDS + 9), "DL-" + (RECORDS + 8)).contains(next.get(0).key()),
                    next.get(0).key());

            TopicWindow.Entry oldest = next.get(next.size() - 1);
            var fetched = window.fetch(List.of(new TopicWindow.Position(oldest.partition(), oldest.offset())));
            assertEquals(1, fetched.size(), "a payload is read again on demand");
            assertTrue(new String(fetched.values().iterator().next().value(), StandardCharsets.UTF_8)
                    .contains(oldest.key()));
            System.out.printf("TopicWindow over %,d records: first read %,d records in %d ms; the next %d in %d ms%n",
                    RECORDS, 2 * WINDOW, firstMs, 10, nextMs);
        }
    }

    private static void produce(TestKafka kafka, String topic, int from, int count) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, "20", ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = from; i < from + count; i++) {
                String key = "DL-" + i;
                producer.send(new ProducerRecord<>(topic, i % 2, key.getBytes(StandardCharsets.UTF_8),
                        ("{\"orderIdentifier\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8),
                        List.of(new RecordHeader("quivo.status", "400".getBytes(StandardCharsets.UTF_8)),
                                new RecordHeader("quivo.operation", "orders.create".getBytes(StandardCharsets.UTF_8)))));
            }
            producer.flush();
        }
    }
}
