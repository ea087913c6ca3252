package io.camelquivo.routes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.simulator.Fault;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.RoutesTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

/**
 * A create whose last attempt may have reached Quivo is never dead-lettered: it might then be in Quivo and
 * in the dead-letter topic both. It is kept instead, and a later attempt settles it.
 */
class UnresolvedCreateTest extends RoutesTestSupport {

    @Override
    protected Properties properties() {
        Properties p = super.properties();
        p.put("quivo.policy.throttled-redeliveries", "2");
        return p;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return yaml("quivo-error-policy.yaml", "orders-from-files.yaml");
    }

    @Test
    void gatewayTimeoutsToTheLastAttemptKeepTheFileInFailedNotInTheDeadLetterTopic() throws Exception {
        simulator().faults().next(3, "POST /orders", Fault.gatewayTimeoutBeforeStore());
        byte[] order = Orders.valid("STUCK-1").getBytes(StandardCharsets.UTF_8);
        Files.write(inbox.resolve("STUCK-1.json"), order);

        OrdersFromFilesTest.awaitFiles(inbox.resolve(".failed"), 1, Duration.ofSeconds(30));

        assertArrayEquals(order, Files.readAllBytes(inbox.resolve(".failed").resolve("STUCK-1.json")));
        assertEquals(3, simulator().stats().calls("POST /orders"));
        assertEquals(2, simulator().stats().calls("GET /orders"), "looked up before each new attempt");
        assertTrue(kafka().read(dlqTopic, 1, Duration.ofSeconds(1)).isEmpty(), "not dead-lettered");

        // put back by hand, it goes through: the order was never stored
        Files.move(inbox.resolve(".failed").resolve("STUCK-1.json"), inbox.resolve("STUCK-1.json"));
        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 1, Duration.ofSeconds(20));
        assertEquals(1, simulator().orders().byIdentifier("STUCK-1").size());
    }
}
