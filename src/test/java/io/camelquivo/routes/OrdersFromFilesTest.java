package io.camelquivo.routes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.testing.RoutesTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.camel.RoutesBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** routes/orders-from-files.yaml under the YAML policy: every file ends accepted or dead-lettered, once. */
class OrdersFromFilesTest extends RoutesTestSupport {

    @Override
    protected Properties properties() {
        Properties p = super.properties();
        p.put("quivo.policy.server-error-redeliveries", "6"); // random faults may strike one order repeatedly
        return p;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return yaml("quivo-error-policy.yaml", "orders-from-files.yaml");
    }

    @Test
    void fiftyFilesWithRandomFaultsEndAcceptedOrDeadLetteredExactlyOnce() throws Exception {
        FaultyQuivo.injectRandomFaults(simulator());
        OrderBatch batch = OrderBatch.of("FILE");
        for (Map.Entry<String, byte[]> order : batch.all().entrySet()) {
            Files.write(inbox.resolve(order.getKey() + ".json"), order.getValue());
        }

        awaitFiles(inbox.resolve(".done"), 50, Duration.ofSeconds(120));

        for (String id : batch.valid().keySet()) {
            assertEquals(1, simulator().orders().byIdentifier(id).size(), id + " is in Quivo once");
        }
        assertEquals(batch.valid().size(), simulator().orders().count());
        List<ConsumerRecord<byte[], byte[]>> deadLetters = deadLetters(10);
        assertEquals(10, deadLetters.size());
        Map<String, Integer> deadLettered = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : deadLetters) {
            String name = header(record, "quivo.origin").replaceFirst("^file:", "").replaceFirst("\\.json$", "");
            deadLettered.merge(name, 1, Integer::sum);
            assertArrayEquals(batch.all().get(name), record.value(), "the file's bytes, unchanged");
            String expectedStatus = batch.garbage().containsKey(name) ? "0" : "400";
            assertEquals(expectedStatus, header(record, "quivo.status"), name);
        }
        Map<String, Integer> expected = new HashMap<>();
        batch.rejected().keySet().forEach(id -> expected.put(id, 1));
        batch.garbage().keySet().forEach(id -> expected.put(id, 1));
        assertEquals(expected, deadLettered, "each invalid order dead-lettered once");
        assertEquals(List.of(), jsonFilesIn(inbox), "the inbox is empty");
        assertEquals(50, jsonFilesIn(inbox.resolve(".done")).size());
        assertTrue(!Files.exists(inbox.resolve(".failed")) || jsonFilesIn(inbox.resolve(".failed")).isEmpty());
        assertTrue(simulator().stats().requestLog().stream().filter(r -> r.fault() != null).count() >= 5,
                "the faults did strike");
    }

    @Test
    void aFileStillBeingWrittenIsNotReadHalfWay() throws Exception {
        Path file = inbox.resolve("SLOW-1.json");
        String order = io.camelquivo.testing.Orders.valid("SLOW-1");
        int half = order.length() / 2;
        Files.writeString(file, order.substring(0, half));
        Thread.sleep(60);
        Files.writeString(file, order.substring(half), java.nio.file.StandardOpenOption.APPEND);

        awaitFiles(inbox.resolve(".done"), 1, Duration.ofSeconds(20));
        assertEquals(1, simulator().orders().byIdentifier("SLOW-1").size());
        assertTrue(kafka().read(dlqTopic, 1, Duration.ofSeconds(1)).isEmpty(), "no half file was dead-lettered");
    }

    static void awaitFiles(Path folder, int count, Duration within) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            if (Files.isDirectory(folder) && jsonFilesIn(folder).size() >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("only " + (Files.isDirectory(folder) ? jsonFilesIn(folder).size() : 0) + " of "
                + count + " files reached " + folder + " within " + within);
    }

    static List<Path> jsonFilesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }
}
