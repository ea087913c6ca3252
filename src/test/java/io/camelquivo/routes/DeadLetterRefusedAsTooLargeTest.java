package io.camelquivo.routes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.camelquivo.kafka.QuivoDeadLetterRoute;
import io.camelquivo.policy.QuivoErrorPolicy;
import io.camelquivo.testing.RoutesTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.camel.RoutesBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The size estimate lets a record through that Kafka then refuses as too large (here: the limit set far above the
 * producer's max.request.size; in life, a topic with a smaller max.message.bytes). The Java DSL dead-letter route
 * quarantines the payload then, and writes the record that fits.
 */
class DeadLetterRefusedAsTooLargeTest extends RoutesTestSupport {

    @Override
    protected Properties properties() {
        Properties p = super.properties();
        p.put("quivo.dlq.max-record-bytes", "50000000");
        return p;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {new QuivoErrorPolicy(), new QuivoDeadLetterRoute(), new JavaOrderRoutes()};
    }

    @Test
    void aRecordKafkaRefusesAsTooLargeIsWrittenWithItsPayloadQuarantined() throws Exception {
        byte[] order = PoisonInputTest.orderOfSize("REFUSED-1", 1_048_400);
        Files.write(inbox.resolve("REFUSED-1.json"), order);

        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 1, Duration.ofSeconds(20));

        List<ConsumerRecord<byte[], byte[]>> deadLetters = deadLetters(1);
        assertEquals(1, deadLetters.size());
        ConsumerRecord<byte[], byte[]> record = deadLetters.get(0);
        assertEquals(0, record.value().length);
        assertEquals("REFUSED-1", key(record));
        assertEquals("400", header(record, "quivo.status"));
        assertEquals(String.valueOf(order.length), header(record, "quivo.payload.size"));
        Path file = Path.of(header(record, "quivo.payload.file"));
        assertEquals(quarantine.toRealPath(), file.getParent().toRealPath());
        assertArrayEquals(order, Files.readAllBytes(file), "the quarantined payload, byte for byte");
        assertFalse(Files.exists(inbox.resolve(".failed").resolve("REFUSED-1.json")));
        assertEquals(1, simulator().stats().calls("POST /orders"));
    }
}
