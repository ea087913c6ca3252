package io.camelquivo.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.simulator.Fault;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.camelquivo.testing.Orders;
import io.camelquivo.testing.RoutesTestSupport;
import io.camelquivo.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

/**
 * routes/dead-letter-replay.yaml: a fixed dead-letter put on the replay topic is created in Quivo; a record of
 * another operation makes its own call with its parameters, and fails again into the dead-letter topic with its
 * replay count and the same parameters; a replay past the limit is not sent.
 */
class DeadLetterReplayTest extends RoutesTestSupport {

    private final String replayTopic = TestKafka.uniqueTopic("replay");

    @Override
    protected Properties properties() {
        Properties p = super.properties();
        p.put("quivo.replay.enabled", "true");
        p.put("quivo.replay-topic", replayTopic);
        p.put("quivo.replay.group-id", replayTopic + "-group");
        return p;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return yaml("quivo-error-policy.yaml", "dead-letter-replay.yaml");
    }

    @Test
    void aFixedDeadLetterOnTheReplayTopicIsCreatedAndCommitted() throws Exception {
        kafka().send(replayTopic, "FIXED-1", Orders.valid("FIXED-1").getBytes(StandardCharsets.UTF_8));

        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (kafka().committedOffset(replayTopic + "-group", replayTopic) < 1 && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertEquals(1, kafka().committedOffset(replayTopic + "-group", replayTopic));
        assertEquals(1, simulator().orders().byIdentifier("FIXED-1").size());
        assertNull(kafka().read(dlqTopic, 1, Duration.ofSeconds(1)).stream().findFirst().orElse(null));
    }

    @Test
    void anotherOperationFailsAgainWithItsParametersAndReplayCount() throws Exception {
        simulator().faults().next(1, "PATCH /orders/{orderId}", Fault.status(404, "no such order", "text/plain"));
        kafka().send(replayTopic, null, "{\"comment\":\"x\"}".getBytes(StandardCharsets.UTF_8), Map.of(
                "quivo.operation", "orders.update", "quivo.param.orderId", "4711", "quivo.param.baseUrl",
                "http://elsewhere.example", "quivo.replay.count", "2", "quivo.replay.id", "r-1"));

        ConsumerRecord<byte[], byte[]> again = deadLetters(1).get(0);
        assertEquals("orders.update", header(again, "quivo.operation"));
        assertEquals("404", header(again, "quivo.status"));
        assertEquals("4711", header(again, "quivo.param.orderId"));
        assertNull(header(again, "quivo.param.baseUrl"), "only the operation's own parameters are used");
        assertEquals("2", header(again, "quivo.replay.count"));
        assertEquals("r-1", header(again, "quivo.replay.id"));
        assertTrue(simulator().stats().requestLog().stream()
                .anyMatch(call -> call.method().equals("PATCH") && call.path().equals("/orders/4711")));
    }

    @Test
    void aReplayPastTheLimitIsNotSentButCommitted() throws Exception {
        kafka().send(replayTopic, "LOOP-1", Orders.valid("LOOP-1").getBytes(StandardCharsets.UTF_8),
                Map.of("quivo.replay.count", "4"));
        kafka().send(replayTopic, "ODD-1", Orders.valid("ODD-1").getBytes(StandardCharsets.UTF_8),
                Map.of("quivo.operation", "orders.create?baseUrl=http://elsewhere.example"));

        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (kafka().committedOffset(replayTopic + "-group", replayTopic) < 2 && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertEquals(2, kafka().committedOffset(replayTopic + "-group", replayTopic));
        assertEquals(0, simulator().orders().count(), "neither was sent");
        assertNull(kafka().read(dlqTopic, 1, Duration.ofSeconds(1)).stream().findFirst().orElse(null));
    }
}
