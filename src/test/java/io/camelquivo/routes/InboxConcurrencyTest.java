package io.camelquivo.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.simulator.Fault;
import io.camelquivo.simulator.RequestRecord;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.RoutesTestSupport;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * routes/orders-from-files.yaml works on several orders at once, but never on more than quivo.inbox.in-flight,
 * and an order that waits for its next attempt holds neither a thread nor the orders behind it.
 */
class InboxConcurrencyTest extends RoutesTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int inFlight;

    /** The wait test uses 2 in flight, so that one waiting order would be half the capacity if it held a thread. */
    InboxConcurrencyTest(TestInfo test) {
        this.inFlight = test.getTestMethod().orElseThrow().getName().startsWith("anOrderWaiting") ? 2 : 8;
    }

    @Override
    protected Properties properties() {
        Properties p = super.properties();
        p.put("quivo.inbox.in-flight", String.valueOf(inFlight));
        p.put("quivo.inbox.max-per-poll", "30");
        return p;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return yaml("quivo-error-policy.yaml", "orders-from-files.yaml");
    }

    @Test
    void aHundredFilesWithEightInFlightAreEachCreatedOnceAndMoved() throws Exception {
        // each create takes a while, so that orders overlap whenever the route lets them
        simulator().faults().random(7, 1.0, "POST /orders", Fault.latency(Duration.ofMillis(50)));
        for (int i = 0; i < 100; i++) {
            Files.writeString(inbox.resolve("PAR-" + i + ".json"), Orders.valid("PAR-" + i));
        }

        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 100, Duration.ofSeconds(60));

        assertEquals(100, simulator().orders().count());
        for (int i = 0; i < 100; i++) {
            assertEquals(1, simulator().orders().byIdentifier("PAR-" + i).size(), "PAR-" + i + " once");
        }
        assertEquals(List.of(), OrdersFromFilesTest.jsonFilesIn(inbox), "the inbox is empty");
        int peak = simulator().stats().peakInFlight();
        assertTrue(peak <= 8, "never more than 8 calls at once: " + peak);
        assertTrue(peak >= 2, "orders did overlap: " + peak);
    }

    @Test
    void anOrderWaitingOnRetryAfterHoldsNoThreadAndTheOthersGoOn() throws Exception {
        // a 503: a 429 would pause every call of the account (the rate limiter), by design
        simulator().faults().next(1, "POST /orders", Fault.unavailable(Duration.ofSeconds(4)));
        for (int i = 0; i < 10; i++) {
            Files.writeString(inbox.resolve("WAIT-" + i + ".json"), Orders.valid("WAIT-" + i));
        }

        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 9, Duration.ofSeconds(30));
        String waiting = throttledOrder();
        assertEquals(9, simulator().orders().count(), "the nine others are in while " + waiting + " waits");
        List<String> sleepers = threadsSleepingInARedelivery();
        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 10, Duration.ofSeconds(30));

        assertEquals(List.of(), sleepers, "no thread sleeps through the wait");
        List<JsonNode> created = simulator().orders().all().stream()
                .sorted(Comparator.comparingLong(order -> order.get("orderId").asLong())).toList();
        assertEquals(waiting, created.get(created.size() - 1).get("orderIdentifier").asText(), "created last");
        assertEquals(10, created.size());
    }

    private String throttledOrder() throws Exception {
        RequestRecord refused = simulator().stats().requestLog().stream().filter(call -> call.status() == 503)
                .findFirst().orElseThrow();
        return MAPPER.readTree(refused.body()).get("orderIdentifier").asText();
    }

    /** A redelivery that sleeps shows in its thread's stack as RedeliveryPolicy.sleep. */
    private static List<String> threadsSleepingInARedelivery() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> Arrays.stream(thread.getValue()).anyMatch(frame -> frame.getMethodName().equals("sleep")
                        && frame.getClassName().contains("Redelivery")))
                .map(Map.Entry::getKey).map(Thread::getName).toList();
    }
}
