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
import java.util.List;
import java.util.Properties;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

/**
 * What waiting fixes never dead-letters a valid order and never parks it for a person: once the policy's
 * budget is spent, the message stays in its source, the route pauses and probes Quivo, and the message goes
 * through on its own when Quivo answers. An order that may be in Quivo is looked up before it is sent again.
 */
class StaysInSourceTest extends RoutesTestSupport {

    @Override
    protected Properties properties() {
        Properties p = super.properties();
        p.put("quivo.policy.throttled-redeliveries", "2");
        p.put("quivo.inbox.failed-retry-delay", "500");
        return p;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return yaml("quivo-error-policy.yaml", "orders-from-files.yaml", "orders-from-kafka.yaml");
    }

    @Test
    void aFileWhoseCreatesTimeOutPastTheBudgetStaysInTheInboxAndGoesThroughOnceQuivoAnswers() throws Exception {
        simulator().faults().next(3, "POST /orders", Fault.gatewayTimeoutBeforeStore());
        byte[] order = Orders.valid("STUCK-1").getBytes(StandardCharsets.UTF_8);
        Files.write(inbox.resolve("STUCK-1.json"), order);

        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 1, Duration.ofSeconds(30));

        assertArrayEquals(order, Files.readAllBytes(inbox.resolve(".done").resolve("STUCK-1.json")));
        assertEquals(1, simulator().orders().byIdentifier("STUCK-1").size(), "created once");
        assertEquals(4, simulator().stats().calls("POST /orders"), "3 time-outs, then the create");
        assertEquals(3, simulator().stats().calls("GET /orders"), "looked up before each POST after a time-out");
        assertTrue(simulator().stats().calls("GET /warehouses") >= 1, "the paused route probed Quivo");
        assertEquals(List.of(), OrdersFromFilesTest.jsonFilesIn(inbox.resolve(".failed")), "nothing parked for a person");
        assertEquals(List.of(), kafka().read(dlqTopic, 1, Duration.ofSeconds(1)), "not dead-lettered");
    }

    @Test
    void aRecordWhoseCreateMayBeStoredIsLookedUpWhenItComesAgainNeverPostedAgain() throws Exception {
        simulator().faults().next(1, "POST /orders", Fault.gatewayTimeoutAfterStore());
        simulator().faults().next(3, "GET /orders", Fault.unavailable());
        kafka().send(ordersTopic, "STUCK-2", Orders.valid("STUCK-2").getBytes(StandardCharsets.UTF_8));
        kafka().send(ordersTopic, "NEXT-2", Orders.valid("NEXT-2").getBytes(StandardCharsets.UTF_8));

        awaitCommitted(2, Duration.ofSeconds(30));

        assertEquals(1, simulator().orders().byIdentifier("STUCK-2").size(), "stored by the first POST, never again");
        assertEquals(1, simulator().orders().byIdentifier("NEXT-2").size());
        assertEquals(2, simulator().stats().calls("POST /orders"), "no POST after the time-out that stored it");
        assertEquals(4, simulator().stats().calls("GET /orders"), "3 lookups in the budget, then one when it came again");
        assertEquals(List.of(), kafka().read(dlqTopic, 1, Duration.ofSeconds(1)), "not dead-lettered");
    }

    @Test
    void refusedTokensOnTheLookupsAfterA504NeverLetAPostFollowBeforeALookupHasAnswered() throws Exception {
        simulator().faults().next(1, "POST /orders", Fault.gatewayTimeoutAfterStore());
        simulator().faults().next(3, "GET /orders", Fault.expiredToken());
        Files.writeString(inbox.resolve("STUCK-3.json"), Orders.valid("STUCK-3"));

        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 1, Duration.ofSeconds(30));

        assertEquals(1, simulator().stats().calls("POST /orders"), "the one POST that stored it");
        assertEquals(4, simulator().stats().calls("GET /orders"), "3 refused lookups, then one that answered");
        assertEquals(1, simulator().orders().byIdentifier("STUCK-3").size());
        assertEquals(List.of(), kafka().read(dlqTopic, 1, Duration.ofSeconds(1)), "not dead-lettered");
    }

    @Test
    void aFileParkedInFailedGoesThroughTheInboxAgainOnItsOwn() throws Exception {
        // where a file waits whose dead-letter record could not be written
        byte[] order = Orders.valid("PARKED-1").getBytes(StandardCharsets.UTF_8);
        Files.write(Files.createDirectories(inbox.resolve(".failed")).resolve("PARKED-1.json"), order);

        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 1, Duration.ofSeconds(30));

        assertArrayEquals(order, Files.readAllBytes(inbox.resolve(".done").resolve("PARKED-1.json")));
        assertEquals(1, simulator().orders().byIdentifier("PARKED-1").size());
        assertEquals(List.of(), OrdersFromFilesTest.jsonFilesIn(inbox.resolve(".failed")));
    }

    @Test
    void ordersThatGoThroughFirstTimeCostNoLookup() throws Exception {
        for (int i = 0; i < 10; i++) {
            Files.writeString(inbox.resolve("PLAIN-" + i + ".json"), Orders.valid("PLAIN-" + i));
        }
        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 10, Duration.ofSeconds(30));
        assertEquals(10, simulator().stats().calls("POST /orders"));
        assertEquals(0, simulator().stats().calls("GET /orders"), "remembering a create costs no lookup");
    }
}
