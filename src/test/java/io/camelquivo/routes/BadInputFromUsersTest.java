package io.camelquivo.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camelquivo.error.QuivoInputException;
import io.camelquivo.simulator.RequestRecord;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.RoutesTestSupport;
import io.camelquivo.testing.ScanForSecrets;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.apache.camel.RoutesBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Order files and records as users get them wrong, through the route files as the service runs them. Each ends
 * accepted by Quivo or on the dead-letter topic with a reason that says what is wrong, and a valid order sent
 * after it still goes through. (PoisonInputTest has empty and blank files, a record without value, payloads too
 * large for the gateway or the dead-letter topic, and nesting just past the JSON reader's limit.)
 */
@ScanForSecrets
class BadInputFromUsersTest extends RoutesTestSupport {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return yaml("quivo-error-policy.yaml", "orders-from-kafka.yaml", "orders-from-files.yaml");
    }

    @Test
    void aJsonArrayOfOrdersIsDeadLetteredAsNotAnObject() throws Exception {
        byte[] array = ("[" + Orders.valid("ARRAY-1").strip() + "," + Orders.valid("ARRAY-2").strip() + "]")
                .getBytes(StandardCharsets.UTF_8);
        Files.write(inbox.resolve("ARRAY.json"), array);

        ConsumerRecord<byte[], byte[]> record = onlyDeadLetter();
        assertDeadLetter(record, array, null, 0, "the order is not a JSON object", "client", 0, "file:ARRAY.json",
                QuivoInputException.class);
        assertEquals(0, simulator().stats().calls("POST /orders"), "one file is one order: nothing was sent");
        aValidFileStillGoesThrough();
    }

    @Test
    void aHundredThousandDeepNestingIsDeadLetteredAsBeyondTheReadersLimits() throws Exception {
        int depth = 100_000;
        byte[] deepArrays = ("{\"orderIdentifier\":\"DEEP-A\",\"comment\":" + "[".repeat(depth) + "]".repeat(depth)
                + "}").getBytes(StandardCharsets.UTF_8);
        byte[] deepObjects = ("{\"orderIdentifier\":\"DEEP-O\",\"comment\":" + "{\"a\":".repeat(depth) + "1"
                + "}".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
        byte[] deepOnly = ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
        kafka().send(ordersTopic, "DEEP-A", deepArrays);
        kafka().send(ordersTopic, "DEEP-O", deepObjects);
        kafka().send(ordersTopic, null, deepOnly);

        awaitCommitted(3, WITHIN);
        List<ConsumerRecord<byte[], byte[]>> records = deadLetters(3).stream()
                .sorted(Comparator.comparing(r -> header(r, "quivo.origin"))).toList();
        assertEquals(3, records.size());
        String beyond = "the order is beyond a limit of the JSON reader: Document nesting depth (1001) exceeds the"
                + " maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)";
        // the key is read as far as the order is JSON: the identifier comes before the nesting
        assertDeadLetter(records.get(0), deepArrays, "DEEP-A", 0, beyond, "client", 0, "kafka:" + ordersTopic + "/0/0",
                QuivoInputException.class);
        assertDeadLetter(records.get(1), deepObjects, "DEEP-O", 0, beyond, "client", 0, "kafka:" + ordersTopic + "/0/1",
                QuivoInputException.class);
        assertDeadLetter(records.get(2), deepOnly, null, 0, "the order is not a JSON object", "client", 0,
                "kafka:" + ordersTopic + "/0/2", QuivoInputException.class);
        assertEquals(0, simulator().stats().calls("POST /orders"));
        aValidRecordStillGoesThrough(3);
    }

    @Test
    void invalidUtf8IsDeadLetteredWithWhereItIs() throws Exception {
        // "Müller" as a Windows-1252 editor writes it: one byte 0xFC, which UTF-8 never has
        byte[] latin1 = Orders.valid("LATIN-1").replace("Erika Mustermann", "Erika Müller")
                .getBytes(Charset.forName("windows-1252"));
        Files.write(inbox.resolve("LATIN-1.json"), latin1);

        ConsumerRecord<byte[], byte[]> record = onlyDeadLetter();
        int at = indexOf(latin1, (byte) 0xFC);
        assertDeadLetter(record, latin1, "LATIN-1", 0, "the order is not valid UTF-8: byte 0xFC at offset " + at
                + " is no UTF-8 character (saved as Windows-1252 or ISO-8859-1?)",
                "client", 0, "file:LATIN-1.json", QuivoInputException.class);
        assertEquals(0, simulator().stats().calls("POST /orders"), "Quivo would store the name garbled");
        aValidFileStillGoesThrough();
    }

    @Test
    void aByteOrderMarkIsDroppedAndTheOrderAccepted() throws Exception {
        String order = Orders.valid("BOM-1");
        Files.write(inbox.resolve("BOM-1.json"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                order.getBytes(StandardCharsets.UTF_8)));

        awaitOrder("BOM-1");
        assertEquals(order, onlyCreate("BOM-1").body(), "Quivo got UTF-8 without the mark");
        assertTrue(kafka().read(dlqTopic, 1, Duration.ofSeconds(1)).isEmpty());
        aValidFileStillGoesThrough();
    }

    @Test
    void utf16WithAByteOrderMarkIsSentAsUtf8AndAccepted() throws Exception {
        // what Windows PowerShell 5's Out-File and Notepad's "Unicode" write
        String order = Orders.valid("UTF16-LE").replace("Erika Mustermann", "Zoë Ørsted");
        Files.write(inbox.resolve("UTF16-LE.json"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                order.getBytes(StandardCharsets.UTF_16LE)));

        awaitOrder("UTF16-LE");
        assertEquals(order, onlyCreate("UTF16-LE").body(), "Quivo got the same text in UTF-8");
        assertEquals("Zoë Ørsted",
                simulator().orders().byIdentifier("UTF16-LE").get(0).path("deliveryAddress").path("name1").asText());
        aValidFileStillGoesThrough();
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRecognisedToo() throws Exception {
        String order = Orders.valid("UTF16-BE");
        kafka().send(ordersTopic, "UTF16-BE", order.getBytes(StandardCharsets.UTF_16BE));

        awaitOrder("UTF16-BE");
        assertEquals(order, onlyCreate("UTF16-BE").body());
        aValidRecordStillGoesThrough(1);
    }

    @Test
    void fileNamesWithSpacesAndUnicodeAreAcceptedOrDeadLetteredUnderTheirOwnName() throws Exception {
        // under a C or POSIX locale Java 17 cannot spell such names at all (the service warns at start)
        assumeTrue(StandardCharsets.UTF_8.equals(Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"))),
                "file names are read as " + System.getProperty("sun.jnu.encoding") + ", not UTF-8");
        String accepted = "Bestellung Zoë Ørsted 注文 ✓.json";
        String rejected = "commande n° 7 – été.json";
        Files.writeString(inbox.resolve(accepted), Orders.valid("NAME-1"));
        byte[] invalid = Orders.withoutPositions("NAME-2").getBytes(StandardCharsets.UTF_8);
        Files.write(inbox.resolve(rejected), invalid);

        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 2, WITHIN);
        assertEquals(1, simulator().orders().byIdentifier("NAME-1").size());
        assertTrue(Files.exists(inbox.resolve(".done").resolve(accepted)), "moved under its own name");
        assertTrue(Files.exists(inbox.resolve(".done").resolve(rejected)));
        ConsumerRecord<byte[], byte[]> record = onlyDeadLetter();
        assertDeadLetter(record, invalid, "NAME-2", 400, "positions: must not be null", "backend", 1,
                "file:" + rejected, io.camelquivo.error.QuivoRejectedException.class);
        assertEquals(List.of(), OrdersFromFilesTest.jsonFilesIn(inbox));
        aValidFileStillGoesThrough();
    }

    @Test
    void aRecordOfOneMegabyteThatQuivoAcceptsIsCreatedOnce() throws Exception {
        byte[] order = orderWithPositions("BIG-OK", 1_000_000);
        assertTrue(order.length > 990_000 && order.length <= 1_000_000, "about 1 MB: " + order.length);
        kafka().send(ordersTopic, "BIG-OK", order);

        awaitOrder("BIG-OK");
        awaitCommitted(1, WITHIN);
        assertEquals(1, simulator().stats().calls("POST /orders"));
        assertTrue(kafka().read(dlqTopic, 1, Duration.ofSeconds(1)).isEmpty());
        aValidRecordStillGoesThrough(1);
    }

    /** A valid order with as many positions as fit in {@code maxBytes}. */
    static byte[] orderWithPositions(String orderIdentifier, int maxBytes) {
        String order = Orders.valid(orderIdentifier).strip();
        int open = order.indexOf("\"positions\":[") + "\"positions\":[".length();
        StringBuilder positions = new StringBuilder();
        String tail = order.substring(order.indexOf(']', open));
        for (int i = 0; ; i++) {
            String position = (i == 0 ? "" : ",") + "{\"sku\":\"SKU-" + i + "\",\"name\":\"Mug " + i
                    + "\",\"quantity\":1,\"price\":9.5}";
            if (open + positions.length() + position.length() + tail.length() > maxBytes) {
                break;
            }
            positions.append(position);
        }
        return (order.substring(0, open) + positions + tail).getBytes(StandardCharsets.UTF_8);
    }

    private void aValidFileStillGoesThrough() throws Exception {
        Files.writeString(inbox.resolve("AFTER.json"), Orders.valid("AFTER-FILE"));
        awaitOrder("AFTER-FILE");
    }

    /** A valid record behind the {@code before} records of the test is created, and its offset committed. */
    private void aValidRecordStillGoesThrough(int before) throws Exception {
        kafka().send(ordersTopic, "AFTER-RECORD", Orders.valid("AFTER-RECORD").getBytes(StandardCharsets.UTF_8));
        awaitOrder("AFTER-RECORD");
        awaitCommitted(before + 1, WITHIN);
    }

    private void awaitOrder(String orderIdentifier) throws InterruptedException {
        long end = System.nanoTime() + WITHIN.toNanos();
        while (simulator().orders().byIdentifier(orderIdentifier).isEmpty()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(orderIdentifier + " did not reach Quivo within " + WITHIN + "; "
                        + simulator().stats());
            }
            Thread.sleep(100);
        }
        assertEquals(1, simulator().orders().byIdentifier(orderIdentifier).size(), orderIdentifier + " once");
    }

    private RequestRecord onlyCreate(String orderIdentifier) {
        List<RequestRecord> creates = simulator().stats().requestLog().stream()
                .filter(r -> "POST /orders".equals(r.route()) && r.body().contains(orderIdentifier)).toList();
        assertEquals(1, creates.size(), creates.toString());
        return creates.get(0);
    }

    private ConsumerRecord<byte[], byte[]> onlyDeadLetter() {
        List<ConsumerRecord<byte[], byte[]>> records = deadLetters(1);
        assertEquals(1, records.size(), "one dead-letter record");
        return records.get(0);
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
