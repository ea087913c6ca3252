package io.camelquivo.routes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.camelquivo.testing.Orders;
import io.camelquivo.testing.RoutesTestSupport;
import io.camelquivo.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** When the dead-letter topic cannot be written, the file is kept in .failed/, byte for byte. */
class DeadLetterBrokerDownTest extends RoutesTestSupport {

    private static final TestKafka OWN_BROKER = TestKafka.start();

    @AfterAll
    static void stopBroker() {
        OWN_BROKER.close();
    }

    @Override
    protected TestKafka kafka() {
        return OWN_BROKER;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return yaml("quivo-error-policy.yaml", "orders-from-files.yaml");
    }

    @Test
    void aRejectedOrderWhoseDeadLetterCannotBeWrittenEndsInFailedUnchanged() throws Exception {
        OWN_BROKER.close();
        byte[] rejected = Orders.withoutPositions("DOWN-1").getBytes(StandardCharsets.UTF_8);
        Files.write(inbox.resolve("DOWN-1.json"), rejected);

        OrdersFromFilesTest.awaitFiles(inbox.resolve(".failed"), 1, Duration.ofSeconds(30));

        assertArrayEquals(rejected, Files.readAllBytes(inbox.resolve(".failed").resolve("DOWN-1.json")));
        assertEquals(List.of(), OrdersFromFilesTest.jsonFilesIn(inbox));
        assertEquals(List.<Path>of(), Files.isDirectory(inbox.resolve(".done"))
                ? OrdersFromFilesTest.jsonFilesIn(inbox.resolve(".done")) : List.of());
        assertEquals(0, simulator().orders().count());
    }
}
