package io.camelquivo.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.camelquivo.testing.Orders;
import io.camelquivo.testing.RoutesTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

/**
 * Quivo refusing connections for 45 s, longer than the policy's budget (20 s here): orders from files and
 * from Kafka wait in their sources while the routes pause and probe, and each is created exactly once when
 * the same Quivo comes back. None is dead-lettered, none is parked for a person.
 */
class QuivoOutageTest extends RoutesTestSupport {

    private static final int ORDERS = 8;

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return yaml("quivo-error-policy.yaml", "orders-from-files.yaml", "orders-from-kafka.yaml");
    }

    @Test
    void everyValidOrderIsCreatedOnceAfterA45SecondOutageAndNoneIsDeadLettered() throws Exception {
        simulator().close();
        for (int i = 0; i < ORDERS; i++) {
            Files.writeString(inbox.resolve("FILE-OUT-" + i + ".json"), Orders.valid("FILE-OUT-" + i));
            kafka().send(ordersTopic, "KAFKA-OUT-" + i, Orders.valid("KAFKA-OUT-" + i).getBytes(StandardCharsets.UTF_8));
        }
        Thread.sleep(45_000);
        assertEquals(0, simulator().orders().count());
        simulator().start();

        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), ORDERS, Duration.ofSeconds(60));
        awaitCommitted(ORDERS, Duration.ofSeconds(60));

        for (int i = 0; i < ORDERS; i++) {
            assertEquals(1, simulator().orders().byIdentifier("FILE-OUT-" + i).size(), "FILE-OUT-" + i);
            assertEquals(1, simulator().orders().byIdentifier("KAFKA-OUT-" + i).size(), "KAFKA-OUT-" + i);
        }
        assertEquals(2 * ORDERS, simulator().orders().count());
        assertEquals(List.of(), kafka().read(dlqTopic, 1, Duration.ofSeconds(1)), "nothing dead-lettered");
        assertEquals(List.of(), OrdersFromFilesTest.jsonFilesIn(inbox), "the inbox is empty");
        assertEquals(List.of(), OrdersFromFilesTest.jsonFilesIn(inbox.resolve(".failed")), "nothing in .failed/");
    }
}
