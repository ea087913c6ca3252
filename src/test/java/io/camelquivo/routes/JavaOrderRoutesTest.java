package io.camelquivo.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.camelquivo.kafka.QuivoDeadLetterRoute;
import io.camelquivo.policy.QuivoErrorPolicy;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.RoutesTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.apache.camel.RoutesBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The Java DSL flows behave as the YAML ones: accepted orders in Quivo, rejected ones dead-lettered. */
class JavaOrderRoutesTest extends RoutesTestSupport {

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {new QuivoErrorPolicy(), new QuivoDeadLetterRoute(), new JavaOrderRoutes()};
    }

    @Test
    void filesAndRecordsGoThroughTheJavaFlows() throws Exception {
        Files.write(inbox.resolve("J-1.json"), Orders.valid("J-1").getBytes(StandardCharsets.UTF_8));
        byte[] rejected = Orders.withoutPositions("J-2").getBytes(StandardCharsets.UTF_8);
        kafka().send(ordersTopic, null, rejected);
        kafka().send(ordersTopic, null, Orders.valid("J-3").getBytes(StandardCharsets.UTF_8));

        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 1, Duration.ofSeconds(20));
        List<ConsumerRecord<byte[], byte[]>> deadLetters = deadLetters(1);

        assertEquals(1, deadLetters.size());
        assertDeadLetter(deadLetters.get(0), rejected, "J-2", 400, "positions: must not be null", "backend", 1,
                "kafka:" + ordersTopic + "/0/0", io.camelquivo.error.QuivoRejectedException.class);
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (simulator().orders().count() < 2 && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertEquals(1, simulator().orders().byIdentifier("J-1").size());
        assertEquals(1, simulator().orders().byIdentifier("J-3").size());
    }
}
