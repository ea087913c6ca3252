package io.camelquivo.routes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.error.QuivoInputException;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.RoutesTestSupport;
import io.camelquivo.testing.ScanForSecrets;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.camel.RoutesBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A writer that pauses in the middle of an order file, under the inbox's read lock as the service runs it
 * (readLock=changed: a file is taken once it has not changed for quivo.inbox.read-lock-min-age, 1 s by default).
 * A pause shorter than that never lets a half file through, however long the writing takes in all; a writer that
 * pauses longer must write under another name and rename, which the inbox never sees half done. A half file taken
 * all the same is never a truncated order in Quivo: it is not JSON, and it is dead-lettered as such.
 */
@ScanForSecrets
class PausedWriterTest extends RoutesTestSupport {

    private static final int MIN_AGE_MS = 1000;

    @Override
    protected Properties properties() {
        Properties p = super.properties();
        // the service's defaults, not RoutesTestSupport's short ones: the pauses below are measured against them
        p.put("quivo.inbox.read-lock-min-age", String.valueOf(MIN_AGE_MS));
        p.put("quivo.inbox.read-lock-check-interval", "250");
        return p;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return yaml("quivo-error-policy.yaml", "orders-from-files.yaml");
    }

    @Test
    void pausesShorterThanTheReadLocksMinimumAgeNeverLetAHalfFileThrough() throws Exception {
        byte[] order = Orders.valid("PAUSE-1").getBytes(StandardCharsets.UTF_8);
        // three pauses of 60 % of the minimum age: the whole writing takes twice as long as the minimum age
        writeInParts(inbox.resolve("PAUSE-1.json"), order, 4, MIN_AGE_MS * 6 / 10);

        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 1, Duration.ofSeconds(20));
        assertEquals(1, simulator().orders().byIdentifier("PAUSE-1").size());
        assertEquals(1, simulator().stats().calls("POST /orders"), "sent once, whole");
        assertTrue(kafka().read(dlqTopic, 1, Duration.ofSeconds(1)).isEmpty(), "no half file was dead-lettered");
        aValidOrderStillGoesThrough();
    }

    @Test
    void aWriterThatPausesLongerWritesUnderAnotherNameAndRenames() throws Exception {
        byte[] order = Orders.valid("PAUSE-2").getBytes(StandardCharsets.UTF_8);
        Path part = inbox.resolve("PAUSE-2.json.part");
        writeInParts(part, order, 2, MIN_AGE_MS * 2);
        Files.move(part, inbox.resolve("PAUSE-2.json"), StandardCopyOption.ATOMIC_MOVE);

        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 1, Duration.ofSeconds(20));
        assertEquals(1, simulator().orders().byIdentifier("PAUSE-2").size());
        assertTrue(kafka().read(dlqTopic, 1, Duration.ofSeconds(1)).isEmpty());
        aValidOrderStillGoesThrough();
    }

    @Test
    void aLongerPauseInPlaceEndsAsADeadLetterOfThePartWrittenNeverAsAHalfOrder() throws Exception {
        byte[] order = Orders.valid("PAUSE-3").getBytes(StandardCharsets.UTF_8);
        byte[] firstHalf = Arrays.copyOf(order, order.length / 2);
        Path file = inbox.resolve("PAUSE-3.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(firstHalf);
            out.flush();
            List<ConsumerRecord<byte[], byte[]>> deadLetters = deadLetters(1);
            assertEquals(1, deadLetters.size(), "the part written was taken after the minimum age");
            ConsumerRecord<byte[], byte[]> record = deadLetters.get(0);
            assertArrayEquals(firstHalf, record.value());
            assertEquals("PAUSE-3", key(record));
            assertEquals(QuivoInputException.class.getName(), header(record, "quivo.exception"));
            assertTrue(header(record, "quivo.error").startsWith("the order is not valid JSON: Unexpected end-of-input"),
                    header(record, "quivo.error"));
            out.write(order, firstHalf.length, order.length - firstHalf.length);
        }
        assertEquals(0, simulator().stats().calls("POST /orders"), "nothing of it reached Quivo");
        aValidOrderStillGoesThrough();
    }

    /** Writes {@code bytes} in {@code parts} writes to one open file, pausing {@code pauseMs} between them. */
    private static void writeInParts(Path file, byte[] bytes, int parts, long pauseMs) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            int step = (bytes.length + parts - 1) / parts;
            for (int from = 0; from < bytes.length; from += step) {
                if (from > 0) {
                    Thread.sleep(pauseMs);
                }
                out.write(bytes, from, Math.min(step, bytes.length - from));
                out.flush();
            }
        }
    }

    private void aValidOrderStillGoesThrough() throws Exception {
        Files.writeString(inbox.resolve("AFTER.json"), Orders.valid("AFTER-PAUSE"));
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (simulator().orders().byIdentifier("AFTER-PAUSE").isEmpty() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertEquals(1, simulator().orders().byIdentifier("AFTER-PAUSE").size(), "a valid order still goes through");
    }
}
