package io.camelquivo.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.error.QuivoServerErrorException;
import io.camelquivo.simulator.Fault;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.RoutesTestSupport;
import io.camelquivo.testing.ScanForSecrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.apache.camel.RoutesBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * What the status policy does with Quivo's answers that break the rules (BadAnswersFromQuivoTest has the
 * exceptions they become), for an order file as the service runs it: each order ends in Quivo once or on the
 * dead-letter topic with a readable reason, and the next order goes through.
 */
@ScanForSecrets
class BadAnswersFromQuivoRouteTest extends RoutesTestSupport {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return yaml("quivo-error-policy.yaml", "orders-from-files.yaml");
    }

    @Test
    void a200WithInvalidJsonAfterTheOrderWasStoredEndsWithTheOrderInQuivoOnce() throws Exception {
        simulator().faults().next(1, "POST /orders", Fault.okWithInvalidJsonAfterStore());
        Files.writeString(inbox.resolve("GARBLED-1.json"), Orders.valid("GARBLED-1"));

        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 1, WITHIN);

        assertEquals(1, simulator().orders().byIdentifier("GARBLED-1").size());
        assertEquals(1, simulator().stats().calls("POST /orders"), "not sent again blindly");
        assertEquals(1, simulator().stats().calls("GET /orders"), "looked up by orderIdentifier instead");
        assertNoDeadLetter();
        aValidOrderStillGoesThrough();
    }

    @Test
    void a200WithInvalidJsonForAnOrderNotStoredEndsWithTheOrderCreatedOnce() throws Exception {
        simulator().faults().next(1, "POST /orders", Fault.okWithInvalidJson());
        Files.writeString(inbox.resolve("GARBLED-2.json"), Orders.valid("GARBLED-2"));

        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 1, WITHIN);

        assertEquals(1, simulator().orders().byIdentifier("GARBLED-2").size());
        assertEquals(1, simulator().stats().calls("GET /orders"), "looked up: not there");
        assertEquals(2, simulator().stats().calls("POST /orders"), "then created");
        assertNoDeadLetter();
        aValidOrderStillGoesThrough();
    }

    @Test
    void htmlPagesWith500AreRetriedThenDeadLetteredWithThePagesTitle() throws Exception {
        simulator().faults().next(4, "POST /orders", Fault.htmlServerError()); // the first try and 3 redeliveries
        byte[] order = Orders.valid("HTML-1").getBytes(StandardCharsets.UTF_8);
        Files.write(inbox.resolve("HTML-1.json"), order);

        List<ConsumerRecord<byte[], byte[]>> deadLetters = deadLetters(1);
        assertEquals(1, deadLetters.size());
        assertDeadLetter(deadLetters.get(0), order, "HTML-1", 500, "HTML page: 500 Internal Server Error", "backend",
                4, "file:HTML-1.json", QuivoServerErrorException.class);
        assertEquals(0, simulator().orders().byIdentifier("HTML-1").size());
        aValidOrderStillGoesThrough();
    }

    @Test
    void anEmpty401LogsInAgainAndTheOrderIsAccepted() throws Exception {
        simulator().faults().next(1, "POST /orders", Fault.emptyUnauthorized());
        Files.writeString(inbox.resolve("EMPTY-401.json"), Orders.valid("EMPTY-401"));

        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 1, WITHIN);

        assertEquals(1, simulator().orders().byIdentifier("EMPTY-401").size());
        assertEquals(2, simulator().stats().logins(), "one login at start, one after the 401");
        assertNoDeadLetter();
        aValidOrderStillGoesThrough();
    }

    @Test
    void aNegativeOrUnreadableRetryAfterIsWaitedOutByTheBackoff() throws Exception {
        simulator().faults().next(1, "POST /orders", Fault.throttledRetryAfter("-5"))
                .next(1, "POST /orders", Fault.throttledRetryAfter("garbage"));
        Files.writeString(inbox.resolve("RETRY-AFTER.json"), Orders.valid("RETRY-AFTER"));

        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 1, WITHIN);

        assertEquals(1, simulator().orders().byIdentifier("RETRY-AFTER").size());
        assertEquals(2, simulator().stats().calls("POST /orders", 429));
        assertEquals(3, simulator().stats().calls("POST /orders"), "two throttled, then accepted");
        assertNoDeadLetter();
        aValidOrderStillGoesThrough();
    }

    private void assertNoDeadLetter() {
        assertTrue(kafka().read(dlqTopic, 1, Duration.ofSeconds(1)).isEmpty(), "nothing dead-lettered");
    }

    private void aValidOrderStillGoesThrough() throws Exception {
        Files.writeString(inbox.resolve("AFTER.json"), Orders.valid("AFTER-ANSWER"));
        long end = System.nanoTime() + WITHIN.toNanos();
        while (simulator().orders().byIdentifier("AFTER-ANSWER").isEmpty() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertEquals(1, simulator().orders().byIdentifier("AFTER-ANSWER").size(), "a valid order still goes through");
    }
}
