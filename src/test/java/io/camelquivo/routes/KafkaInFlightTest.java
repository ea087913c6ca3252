package io.camelquivo.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.simulator.Fault;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.RoutesTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

/**
 * routes/orders-from-kafka.yaml sends several records of a partition at once, commits a partition only up to its
 * first unsettled record, and never sends a settled record twice when it reads the partition again.
 */
class KafkaInFlightTest extends RoutesTestSupport {

    @Override
    protected Properties properties() {
        Properties p = super.properties();
        p.put("quivo.orders.in-flight", "4");
        p.put("quivo.orders.consumers", "2");
        p.put("quivo.policy.throttled-redeliveries", "2"); // an order Quivo keeps refusing ends unsettled soon
        return p;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        kafka().createTopic(ordersTopic, 2);
        return yaml("quivo-error-policy.yaml", "orders-from-kafka.yaml");
    }

    private void send(int partition, String orderIdentifier) {
        kafka().send(ordersTopic, partition, orderIdentifier,
                Orders.valid(orderIdentifier).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recordsOfTwoPartitionsGoFourAtATimeAndEachIsCreatedOnce() throws Exception {
        simulator().faults().random(3, 1.0, "POST /orders", Fault.latency(Duration.ofMillis(50)));
        for (int i = 0; i < 40; i++) {
            send(i % 2, "PART-" + i);
        }

        awaitCommitted(0, 20, Duration.ofSeconds(60));
        awaitCommitted(1, 20, Duration.ofSeconds(60));

        assertEquals(40, simulator().orders().count());
        for (int i = 0; i < 40; i++) {
            assertEquals(1, simulator().orders().byIdentifier("PART-" + i).size(), "PART-" + i + " once");
        }
        int peak = simulator().stats().peakInFlight();
        assertTrue(peak <= 8, "at most 4 per consumer, 2 consumers: " + peak);
        assertTrue(peak >= 2, "records did overlap: " + peak);
    }

    @Test
    void aRecordThatStaysUnsettledIsNeverCommittedPastAndTheOnesAfterItAreNotSentTwice() throws Exception {
        simulator().faults().whileBodyContains("POST /orders", "\"MIDDLE\"", Fault.unavailable());
        send(0, "FIRST");
        send(0, "MIDDLE");
        send(0, "LAST");

        awaitCreated("LAST");
        awaitCommitted(0, 1, Duration.ofSeconds(30));
        Thread.sleep(3000); // Quivo keeps refusing MIDDLE meanwhile: the partition is read again, more than once
        assertEquals(1, kafka().committedOffset(ordersGroup, ordersTopic, 0), "committed up to MIDDLE, not past it");
        assertEquals(0, simulator().orders().byIdentifier("MIDDLE").size());
        assertTrue(postsOf("MIDDLE") > 3, "MIDDLE was read and tried again: " + postsOf("MIDDLE"));

        simulator().faults().clear();
        awaitCommitted(0, 3, Duration.ofSeconds(30));

        for (String id : List.of("FIRST", "MIDDLE", "LAST")) {
            assertEquals(1, simulator().orders().byIdentifier(id).size(), id + " once");
        }
        assertEquals(1, postsOf("LAST"), "LAST, settled after MIDDLE, was not sent again");
        assertEquals(1, postsOf("FIRST"));
        assertEquals(List.of(), kafka().read(dlqTopic, 1, Duration.ofSeconds(1)), "nothing dead-lettered");
    }

    private long postsOf(String orderIdentifier) {
        return simulator().stats().requestLog().stream().filter(call -> "POST /orders".equals(call.route())
                && call.body().contains("\"" + orderIdentifier + "\"")).count();
    }

    private void awaitCreated(String orderIdentifier) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (simulator().orders().byIdentifier(orderIdentifier).isEmpty()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(orderIdentifier + " was not created; " + simulator().stats());
            }
            Thread.sleep(50);
        }
    }

    private void awaitCommitted(int partition, long offset, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (kafka().committedOffset(ordersGroup, ordersTopic, partition) < offset) {
            if (System.nanoTime() > end) {
                throw new AssertionError("partition " + partition + " committed "
                        + kafka().committedOffset(ordersGroup, ordersTopic, partition) + ", not " + offset);
            }
            Thread.sleep(200);
        }
    }
}
