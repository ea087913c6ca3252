package io.camelquivo.routes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.error.QuivoInputException;
import io.camelquivo.error.QuivoRejectedException;
import io.camelquivo.testing.LogCapture;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.RoutesTestSupport;
import io.camelquivo.testing.ScanForSecrets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Input that can never become an order, or whose dead-letter record would not fit Kafka, is dead-lettered
 * once and never blocks what comes behind it: no hot loop, nothing left in the inbox, nothing in .failed/.
 */
@ScanForSecrets
class PoisonInputTest extends RoutesTestSupport {

    private static final int SIZE_THE_GATEWAY_ACCEPTS = 10_485_760;

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.getRegistry().bind("meters", meters);
        return camel;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return yaml("quivo-error-policy.yaml", "orders-from-kafka.yaml", "orders-from-files.yaml");
    }

    @Test
    void aRecordWithoutValueIsDeadLetteredAndTheRecordBehindItIsCreated() throws Exception {
        kafka().send(ordersTopic, null, null);
        kafka().send(ordersTopic, "NEXT-1", Orders.valid("NEXT-1").getBytes(StandardCharsets.UTF_8));

        awaitCommitted(2, Duration.ofSeconds(20));

        assertEquals(1, simulator().orders().byIdentifier("NEXT-1").size(), "the record behind it went through");
        assertEquals(1, simulator().stats().calls("POST /orders"), "the record without value was never sent");
        List<ConsumerRecord<byte[], byte[]>> deadLetters = deadLetters(1);
        assertEquals(1, deadLetters.size());
        assertDeadLetter(deadLetters.get(0), new byte[0], null, 0, "the message has no body",
                "client", 0, "kafka:" + ordersTopic + "/0/0", QuivoInputException.class);
    }

    @Test
    void aRejectedOrderTooBigForTheDeadLetterTopicIsQuarantinedAndNotSentAgain() throws Exception {
        byte[] order = orderOfSize("BIG-1", 1_048_400);
        try (LogCapture log = LogCapture.open("io.camelquivo.kafka")) {
            kafka().send(ordersTopic, "BIG-1", order);

            awaitCommitted(1, Duration.ofSeconds(20));
            Thread.sleep(500); // a loop would show as more POSTs by now

            assertEquals(1, simulator().stats().calls("POST /orders", 400), "sent once, refused once");
            assertEquals(1, simulator().stats().calls("POST /orders"));
            ConsumerRecord<byte[], byte[]> record = onlyDeadLetter();
            assertEquals(0, record.value().length, "the payload is in the quarantine folder instead");
            assertEquals("BIG-1", key(record));
            assertEquals("400", header(record, "quivo.status"));
            assertEquals(QuivoRejectedException.class.getName(), header(record, "quivo.exception"));
            assertQuarantined(record, order);
            assertEquals(1, log.lines().stream().filter(line -> line.contains("quarantine")).count(),
                    "one line says so: " + log.lines());
        }
        assertEquals(1.0, meters.counter("quivo.quarantined.payloads", "operation", "orders.create").count());
    }

    @Test
    void emptyAndWhitespaceOnlyFilesAreDeadLettered() throws Exception {
        Files.write(inbox.resolve("EMPTY.json"), new byte[0]);
        byte[] blank = " \n\t\r\n ".getBytes(StandardCharsets.UTF_8);
        Files.write(inbox.resolve("BLANK.json"), blank);

        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 2, Duration.ofSeconds(20));

        List<ConsumerRecord<byte[], byte[]>> deadLetters = deadLetters(2).stream()
                .sorted(Comparator.comparing(r -> header(r, "quivo.origin"))).toList();
        assertEquals(2, deadLetters.size());
        assertDeadLetter(deadLetters.get(0), blank, null, 0, "the order is empty", "client", 0, "file:BLANK.json",
                QuivoInputException.class);
        assertDeadLetter(deadLetters.get(1), new byte[0], null, 0, "the order is empty", "client", 0,
                "file:EMPTY.json", QuivoInputException.class);
        assertEquals(List.of(), OrdersFromFilesTest.jsonFilesIn(inbox), "nothing is left in the inbox");
        assertEquals(0, simulator().stats().calls("POST /orders"));
    }

    @Test
    void anOrderLargerThanTheGatewayAcceptsIsDeadLetteredWithItsSize() throws Exception {
        byte[] order = orderOfSize("HUGE-1", 20_971_520);
        Files.write(inbox.resolve("HUGE-1.json"), order);

        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 1, Duration.ofSeconds(30));

        ConsumerRecord<byte[], byte[]> record = onlyDeadLetter();
        assertEquals("the order is 20971520 bytes, more than the " + SIZE_THE_GATEWAY_ACCEPTS
                + " bytes Quivo's API gateway accepts", header(record, "quivo.error"));
        assertEquals("0", header(record, "quivo.status"));
        assertEquals("client", header(record, "quivo.error.source"));
        assertEquals("file:HUGE-1.json", header(record, "quivo.origin"));
        assertQuarantined(record, order);
        assertFalse(Files.exists(inbox.resolve(".failed").resolve("HUGE-1.json")));
        assertEquals(0, simulator().stats().calls("POST /orders"), "Quivo would refuse it anyway");
    }

    @Test
    void anOrderBeyondTheJsonReadersLimitsSaysSoInsteadOfNotValidJson() throws Exception {
        byte[] deep = ("{\"orderIdentifier\":\"DEEP-1\",\"comment\":" + "[".repeat(1001) + "]".repeat(1001) + "}")
                .getBytes(StandardCharsets.UTF_8);
        Files.write(inbox.resolve("DEEP-1.json"), deep);

        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 1, Duration.ofSeconds(20));

        ConsumerRecord<byte[], byte[]> record = onlyDeadLetter();
        assertArrayEquals(deep, record.value());
        assertEquals("the order is beyond a limit of the JSON reader: Document nesting depth (1001) exceeds the"
                + " maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)",
                header(record, "quivo.error"));
        assertEquals("0", header(record, "quivo.status"));
    }

    private ConsumerRecord<byte[], byte[]> onlyDeadLetter() {
        List<ConsumerRecord<byte[], byte[]>> deadLetters = deadLetters(1);
        assertEquals(1, deadLetters.size());
        return deadLetters.get(0);
    }

    private void assertQuarantined(ConsumerRecord<byte[], byte[]> record, byte[] original) throws Exception {
        Path file = Path.of(header(record, "quivo.payload.file"));
        assertTrue(file.toAbsolutePath().startsWith(quarantine.toAbsolutePath()), file + " is in the quarantine");
        assertEquals(String.valueOf(original.length), header(record, "quivo.payload.size"));
        assertArrayEquals(original, Files.readAllBytes(file), "the quarantined payload, byte for byte");
    }

    /** A valid order grown to exactly {@code size} bytes by a long comment, which Quivo refuses (at most 250). */
    static byte[] orderOfSize(String orderIdentifier, int size) {
        String order = Orders.valid(orderIdentifier).strip();
        String head = order.substring(0, order.length() - 1) + ",\"comment\":\"";
        String tail = "\"}";
        return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }
}
