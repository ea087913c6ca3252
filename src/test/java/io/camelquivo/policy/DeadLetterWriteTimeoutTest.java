package io.camelquivo.policy;

import io.camelquivo.kafka.QuivoDeadLetterRoute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.testing.Orders;
import io.camelquivo.testing.RoutesTestSupport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * With no broker to take it, a dead-letter write gives up after {@code quivo.kafka.max-block-ms}, the one
 * timeout of every Kafka write, and the message comes back unacknowledged: in the YAML policy and the Java one.
 */
class DeadLetterWriteTimeoutTest extends RoutesTestSupport {

    private static final Duration MAX_BLOCK = Duration.ofMillis(300);

    @Override
    protected Properties properties() {
        Properties p = super.properties();
        p.put("kafka.brokers", "127.0.0.1:" + closedPort());
        p.put("quivo.kafka.max-block-ms", Long.toString(MAX_BLOCK.toMillis()));
        return p;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        List<RoutesBuilder> builders = new ArrayList<>(getCurrentTestName().contains("Yaml")
                ? yamlRoutes("quivo-error-policy.yaml")
                : List.of(new QuivoErrorPolicy(), new QuivoDeadLetterRoute()));
        builders.add(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:order").routeId("orders").routeConfigurationId(QuivoErrorPolicy.ID)
                        .to("quivo:orders.create");
            }
        });
        return builders.toArray(RoutesBuilder[]::new);
    }

    @Test
    void theYamlPolicyGivesUpAfterTheMaxBlock() {
        assertRejectedOrderComesBackUnacknowledgedSoon();
    }

    @Test
    void theJavaPolicyGivesUpAfterTheMaxBlock() {
        assertRejectedOrderComesBackUnacknowledgedSoon();
    }

    private void assertRejectedOrderComesBackUnacknowledgedSoon() {
        long started = System.nanoTime();
        Exchange result = template.request("direct:order",
                e -> e.getMessage().setBody(Orders.withoutPositions("NO-BROKER-1")));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertNotNull(result.getException(), "the dead-letter write could not succeed, so the message fails");
        assertEquals(1, simulator().stats().calls("POST /orders"));
        // well under the 10 s default and the 3 s of the test suite's own timeouts
        assertTrue(took.compareTo(MAX_BLOCK.plusMillis(1700)) < 0, "gave up only after " + took.toMillis() + " ms");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
