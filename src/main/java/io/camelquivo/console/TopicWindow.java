package io.camelquivo.console;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The newest records of one topic, at most {@code window} per partition, read by one consumer without a group
 * (it commits nothing and takes no partition from anyone). Each read goes on from where the last one ended, and
 * a partition that grew by more than the window since is read from its end minus the window: no request ever
 * reads more than the window, however long the topic. Only each record's key and headers are kept; a payload is
 * read again when it is asked for ({@link #fetch}).
 */
final class TopicWindow implements AutoCloseable {

    /** One record as the console lists it: where it is, when it was written, its key and headers as text. */
    record Entry(int partition, long offset, long timestamp, String key, Map<String, String> headers, int size,
            byte[] value) {

        String id() {
            return partition + "-" + offset;
        }
    }

    /** A record's place in the topic, as the console's ids write it: partition-offset. */
    record Position(int partition, long offset) {

        static Position parse(String id) {
            int dash = id == null ? -1 : id.indexOf('-');
            if (dash <= 0) {
                throw new IllegalArgumentException("not a record id (partition-offset): " + id);
            }
            try {
                return new Position(Integer.parseInt(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a record id (partition-offset): " + id);
            }
        }

        String id() {
            return partition + "-" + offset;
        }
    }

    private static final Duration READ_LIMIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final int window;
    private final boolean keepValues;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<Integer, Deque<Entry>> partitions = new HashMap<>();
    private long lastReadCount;

    /** @param keepValues whether to keep each record's value too: for a topic of small records only */
    TopicWindow(Properties kafka, String topic, int window, boolean keepValues) {
        this.topic = topic;
        this.window = window;
        this.keepValues = keepValues;
        Properties config = new Properties();
        config.putAll(kafka);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // reading the console must not create the topic it looks at
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "quivo-console-" + topic);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    String topic() {
        return topic;
    }

    int window() {
        return window;
    }

    /** How many records the last {@link #entries} read from Kafka: at most the window per partition. */
    synchronized long lastReadCount() {
        return lastReadCount;
    }

    /** The window's records, newest first, after reading what was written since the last call. */
    synchronized List<Entry> entries() {
        catchUp();
        List<Entry> all = new ArrayList<>();
        partitions.values().forEach(all::addAll);
        all.sort(Comparator.comparingLong(Entry::timestamp).thenComparingLong(Entry::offset).reversed());
        return all;
    }

    /** The records at these places with their payloads; places outside the topic are left out. */
    synchronized Map<Position, ConsumerRecord<byte[], byte[]>> fetch(Collection<Position> wanted) {
        Map<Position, ConsumerRecord<byte[], byte[]>> found = new LinkedHashMap<>();
        Map<Integer, TreeSet<Long>> byPartition = wanted.stream().collect(Collectors.groupingBy(Position::partition,
                Collectors.mapping(Position::offset, Collectors.toCollection(TreeSet::new))));
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, Long> resumeAt = new HashMap<>();
        assigned.forEach(tp -> resumeAt.put(tp, consumer.position(tp)));
        try {
            for (Map.Entry<Integer, TreeSet<Long>> partition : byPartition.entrySet()) {
                TopicPartition tp = new TopicPartition(topic, partition.getKey());
                if (!assigned.contains(tp)) {
                    continue;
                }
                TreeSet<Long> offsets = partition.getValue();
                long end = consumer.endOffsets(List.of(tp)).get(tp);
                long start = Math.max(offsets.first(), consumer.beginningOffsets(List.of(tp)).get(tp));
                consumer.pause(assigned.stream().filter(other -> !other.equals(tp)).toList());
                consumer.resume(List.of(tp));
                consumer.seek(tp, start);
                long deadline = System.nanoTime() + READ_LIMIT.toNanos();
                while (consumer.position(tp) < Math.min(end, offsets.last() + 1) && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL).records(tp)) {
                        if (offsets.contains(record.offset())) {
                            found.put(new Position(record.partition(), record.offset()), record);
                        }
                    }
                }
            }
        } finally {
            consumer.resume(assigned);
            resumeAt.forEach(consumer::seek);
        }
        return found;
    }

    private void catchUp() {
        assignNewPartitions();
        Set<TopicPartition> assigned = consumer.assignment();
        lastReadCount = 0;
        if (assigned.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        for (TopicPartition tp : assigned) {
            long position = consumer.position(tp);
            long end = ends.get(tp);
            if (end - position > window) {
                consumer.seek(tp, end - window);
                partitions.get(tp.partition()).clear();
            }
        }
        long deadline = System.nanoTime() + READ_LIMIT.toNanos();
        while (behind(ends) && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                Deque<Entry> entries = partitions.get(record.partition());
                entries.addLast(entry(record, keepValues));
                if (entries.size() > window) {
                    entries.removeFirst();
                }
                lastReadCount++;
            }
        }
    }

    private boolean behind(Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return true;
            }
        }
        return false;
    }

    /** A partition added since (or the topic created since): read from its end minus the window. */
    private void assignNewPartitions() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        if (infos == null || infos.size() == consumer.assignment().size()) {
            return;
        }
        List<TopicPartition> all = infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
        List<TopicPartition> added = all.stream().filter(tp -> !consumer.assignment().contains(tp)).toList();
        Map<TopicPartition, Long> positions = new HashMap<>();
        consumer.assignment().forEach(tp -> positions.put(tp, consumer.position(tp)));
        consumer.assign(all);
        positions.forEach(consumer::seek);
        Map<TopicPartition, Long> ends = consumer.endOffsets(added);
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(added);
        for (TopicPartition tp : added) {
            consumer.seek(tp, Math.max(beginnings.get(tp), ends.get(tp) - window));
            partitions.put(tp.partition(), new ArrayDeque<>());
        }
    }

    static Entry entry(ConsumerRecord<byte[], byte[]> record, boolean keepValue) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new Entry(record.partition(), record.offset(), record.timestamp(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), headers,
                record.value() == null ? 0 : record.value().length, keepValue ? record.value() : null);
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
