package io.camelquivo.kafka;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works on the records of one Kafka poll several at a time (camel-kafka's batching mode), and commits each
 * partition only up to its lowest record that is not settled, so that a crash or a restart never skips one.
 * <ul>
 * <li>Each record goes through the route {@link #setTo to} (the orders.create route, under the status policy),
 * at most {@link #setInFlight inFlight} at once. A record is settled when its exchange ends without an
 * exception: accepted, or written to the dead-letter topic.</li>
 * <li>Once every record of the poll has ended, each partition is committed at its first unsettled record, or
 * after its last one; on the polling thread, the only one that may use the consumer.</li>
 * <li>If a record ended unsettled (Quivo away for longer than the policy's budget, a dead-letter not written),
 * the batch fails with its exception: the route pauses, and camel-kafka reads again from the committed
 * offsets. Records settled after the unsettled one are remembered, so that reading them again does not
 * send them again.</li>
 * </ul>
 */
public class InFlightRecords implements Processor, CamelContextAware {

    /**
     * The route configuration of a route that reads record batches: no error handler, since its records are
     * each under the status policy already; {@link Acknowledge#outagePause()} pauses it like a route under the policy.
     */
    public static final String ROUTE_CONFIGURATION = "quivo-record-batches";

    private static final Logger LOG = LoggerFactory.getLogger(InFlightRecords.class);

    private CamelContext camelContext;
    private ProducerTemplate template;
    private String to;
    private int inFlight = 8;
    /** Per partition, records settled above its committed offset: read again after a seek back, they are skipped. */
    private final Map<TopicPartition, NavigableSet<Long>> settledAhead = new ConcurrentHashMap<>();

    private record Outcome(TopicPartition partition, long offset, Exception failure) {
    }

    @Override
    public void process(Exchange batch) throws Exception {
        List<?> records = batch.getMessage().getBody(List.class);
        // camel-kafka names the batch's last record as its commit; committing is done here, by partition
        batch.getMessage().removeHeader(KafkaConstants.MANUAL_COMMIT);
        if (records == null || records.isEmpty()) {
            return;
        }
        Consumer<?, ?> consumer = null;
        List<Outcome> outcomes = new ArrayList<>();
        List<Exchange> toSend = new ArrayList<>();
        for (Object item : records) {
            Exchange record = (Exchange) item;
            DefaultKafkaManualCommit commit = record.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT,
                    DefaultKafkaManualCommit.class);
            if (commit == null) {
                throw new IllegalStateException("InFlightRecords needs camel-kafka's allowManualCommit=true");
            }
            consumer = commit.getCamelExchangePayload().consumer;
            // the record's own commit would run on a worker thread, which must never touch the consumer
            record.getMessage().removeHeader(KafkaConstants.MANUAL_COMMIT);
            TopicPartition partition = commit.getPartition();
            long offset = commit.getRecordOffset();
            NavigableSet<Long> settled = settledAhead.get(partition);
            if (settled != null && settled.contains(offset)) {
                outcomes.add(new Outcome(partition, offset, null));
            } else {
                toSend.add(record);
            }
        }
        outcomes.addAll(sendAll(toSend));
        Exception unsettled = commit(consumer, outcomes);
        if (unsettled != null) {
            throw unsettled;
        }
    }

    /** Sends each record through {@code to}, at most {@code inFlight} at once, and waits for all of them. */
    private List<Outcome> sendAll(List<Exchange> records) throws InterruptedException {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Semaphore slots = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(records.size());
        for (Exchange record : records) {
            slots.acquire();
            Position position = Position.of(record);
            template.asyncSend(to, record).whenComplete((exchange, error) -> {
                Exception failure = error instanceof Exception e ? e
                        : error != null ? new IllegalStateException(error) : exchange.getException();
                outcomes.add(new Outcome(position.partition(), position.offset(), failure));
                slots.release();
                done.countDown();
            });
        }
        done.await();
        return outcomes;
    }

    /** Commits each partition at its first unsettled record; the first unsettled failure, or null. */
    private Exception commit(Consumer<?, ?> consumer, List<Outcome> outcomes) {
        Map<TopicPartition, TreeMap<Long, Outcome>> byPartition = new HashMap<>();
        for (Outcome outcome : outcomes) {
            byPartition.computeIfAbsent(outcome.partition(), p -> new TreeMap<>()).put(outcome.offset(), outcome);
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Exception firstUnsettled = null;
        for (Map.Entry<TopicPartition, TreeMap<Long, Outcome>> partition : byPartition.entrySet()) {
            long next = partition.getValue().lastKey() + 1;
            for (Outcome outcome : partition.getValue().values()) {
                if (outcome.failure() != null) {
                    next = outcome.offset();
                    firstUnsettled = firstUnsettled == null ? outcome.failure() : firstUnsettled;
                    break;
                }
            }
            offsets.put(partition.getKey(), new OffsetAndMetadata(next));
            remember(partition.getKey(), next, partition.getValue());
        }
        consumer.commitSync(offsets);
        LOG.debug("Committed {}", offsets);
        return firstUnsettled;
    }

    /** Keeps the settled records above the committed offset, forgets those below it. */
    private void remember(TopicPartition partition, long committed, TreeMap<Long, Outcome> outcomes) {
        NavigableSet<Long> settled = settledAhead.computeIfAbsent(partition, p -> new ConcurrentSkipListSet<>());
        settled.headSet(committed).clear();
        outcomes.tailMap(committed, false).forEach((offset, outcome) -> {
            if (outcome.failure() == null) {
                settled.add(offset);
            }
        });
        if (settled.isEmpty()) {
            settledAhead.remove(partition);
        }
    }

    /** The partition and offset camel-kafka puts on each record's message. */
    private record Position(TopicPartition partition, long offset) {
        static Position of(Exchange record) {
            return new Position(
                    new TopicPartition(record.getMessage().getHeader(KafkaConstants.TOPIC, String.class),
                            record.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class)),
                    record.getMessage().getHeader(KafkaConstants.OFFSET, Long.class));
        }
    }

    public void setTo(String to) {
        this.to = to;
    }

    public void setInFlight(int inFlight) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("inFlight must be at least 1: " + inFlight);
        }
        this.inFlight = inFlight;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
        this.template = camelContext.createProducerTemplate();
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }
}
