package io.camelquivo.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.camelquivo.testing.Orders;
import io.camelquivo.testing.RoutesTestSupport;
import io.camelquivo.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

/** routes/dead-letter-replay.yaml: a fixed dead-letter put on the replay topic is created in Quivo. */
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
}
