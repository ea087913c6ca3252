package io.camelquivo.routes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.simulator.Fault;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.RoutesTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.RoutesBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** routes/orders-from-kafka.yaml: every record ends accepted or dead-lettered once, then its offset is committed. */
class OrdersFromKafkaTest extends RoutesTestSupport {

    @Override
    protected Properties properties() {
        Properties p = super.properties();
        p.put("quivo.policy.server-error-redeliveries", "6");
        return p;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return yaml("quivo-error-policy.yaml", "orders-from-kafka.yaml");
    }

    @Test
    void fiftyRecordsWithRandomFaultsEndAcceptedOrDeadLetteredAndAreCommitted() throws Exception {
        FaultyQuivo.injectRandomFaults(simulator());
        OrderBatch batch = OrderBatch.of("REC");
        Map<Long, String> offsets = new HashMap<>();
        long offset = 0;
        for (Map.Entry<String, byte[]> order : batch.all().entrySet()) {
            kafka().send(ordersTopic, order.getKey(), order.getValue());
            offsets.put(offset++, order.getKey());
        }

        awaitCommitted(50, Duration.ofSeconds(120));

        for (String id : batch.valid().keySet()) {
            assertEquals(1, simulator().orders().byIdentifier(id).size(), id + " is in Quivo once");
        }
        assertEquals(batch.valid().size(), simulator().orders().count());
        List<ConsumerRecord<byte[], byte[]>> deadLetters = deadLetters(10);
        assertEquals(10, deadLetters.size());
        Map<String, Integer> deadLettered = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : deadLetters) {
            String origin = header(record, "quivo.origin");
            assertTrue(origin.startsWith("kafka:" + ordersTopic + "/0/"), origin);
            String id = offsets.get(Long.parseLong(origin.substring(origin.lastIndexOf('/') + 1)));
            deadLettered.merge(id, 1, Integer::sum);
            assertArrayEquals(batch.all().get(id), record.value(), "the record's bytes, unchanged");
        }
        Map<String, Integer> expected = new HashMap<>();
        batch.rejected().keySet().forEach(id -> expected.put(id, 1));
        batch.garbage().keySet().forEach(id -> expected.put(id, 1));
        assertEquals(expected, deadLettered, "each invalid order dead-lettered once");
    }

    @Test
    void theOffsetIsCommittedOnlyOnceTheOutcomeIsKnown() throws Exception {
        simulator().faults().next(1, "POST /orders", Fault.latency(Duration.ofSeconds(3)));
        kafka().send(ordersTopic, "SLOW", Orders.valid("SLOW").getBytes(StandardCharsets.UTF_8));

        // the simulator counts a call when it answers; the login before it shows the create is under way
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (simulator().stats().logins() == 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        Thread.sleep(500);
        assertEquals(1, simulator().stats().logins(), "the record was picked up");
        assertEquals(0, simulator().orders().count(), "its create is still in flight");
        assertEquals(-1, kafka().committedOffset(ordersGroup, ordersTopic), "nothing committed while in flight");

        awaitCommitted(1, Duration.ofSeconds(20));
        assertEquals(1, simulator().orders().byIdentifier("SLOW").size());
    }
}
