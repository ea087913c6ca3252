package io.camelquivo.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.simulator.Fault;
import io.camelquivo.simulator.QuivoSimulator;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.ServiceJar;
import io.camelquivo.testing.TestKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar killed with SIGKILL right after a POST that stored the order but answered 504, then started
 * again in the same folder: the order is looked up, not POSTed again, and ends accepted exactly once.
 */
class ServiceCrashIT {

    private static final TestKafka KAFKA = TestKafka.shared();
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @TempDir
    Path workingDir;

    private QuivoSimulator quivo;
    private Process service;

    @BeforeEach
    void startQuivo() {
        quivo = QuivoSimulator.builder().build().start();
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        if (service != null && service.isAlive()) {
            service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        quivo.close();
    }

    @Test
    void aCreateThatMayHaveBeenStoredIsLookedUpAfterAKillNeverPostedAgain() throws Exception {
        Path inbox = Files.createDirectories(workingDir.resolve("inbox"));
        Files.writeString(inbox.resolve("CRASH-1.json"), Orders.valid("CRASH-1"));
        quivo.faults().next(1, "POST /orders", Fault.gatewayTimeoutAfterStore());
        String dlqTopic = TestKafka.uniqueTopic("dlq");

        // the redelivery after the 504 would come only after a minute: the kill comes first
        Path firstLog = ServiceJar.logFile("ServiceCrashIT-first.log");
        service = start(inbox, dlqTopic, firstLog, Map.of("QUIVO_POLICY_INITIAL_DELAY", "60000"));
        ServiceJar.awaitTrue("the order stored by a POST answered 504", WITHIN, service, firstLog, () -> quivo.orders().count() == 1);
        service.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
        assertTrue(service.waitFor(10, TimeUnit.SECONDS));
        assertTrue(Files.exists(inbox.resolve("CRASH-1.json")), "the file waits in the inbox");

        Path secondLog = ServiceJar.logFile("ServiceCrashIT-second.log");
        service = start(inbox, dlqTopic, secondLog, Map.of());
        ServiceJar.awaitTrue("the order accepted after the restart", WITHIN, service, secondLog,
                () -> Files.exists(inbox.resolve(".done").resolve("CRASH-1.json")));

        assertEquals(1, quivo.stats().calls("POST /orders"), "no second POST, before or after the kill");
        assertEquals(1, quivo.stats().calls("GET /orders"), "looked up once, after the restart");
        assertEquals(1, quivo.orders().byIdentifier("CRASH-1").size());
        assertEquals(List.of(), KAFKA.read(dlqTopic, 1, Duration.ofSeconds(1)), "not dead-lettered");
    }

    private Process start(Path inbox, String dlqTopic, Path log, Map<String, String> extra) throws IOException {
        ProcessBuilder builder = ServiceJar.command(workingDir, log);
        Map<String, String> env = builder.environment();
        env.put("QUIVO_BASE_URL", quivo.baseUrl());
        env.put("QUIVO_API_KEY", quivo.apiKey());
        env.put("QUIVO_USERNAME", quivo.username());
        env.put("QUIVO_PASSWORD", quivo.password());
        env.put("KAFKA_BROKERS", KAFKA.bootstrapServers());
        env.put("QUIVO_INBOX_DIR", inbox.toString());
        env.put("QUIVO_DLQ_TOPIC", dlqTopic);
        env.put("QUIVO_ORDERS_TOPIC", TestKafka.uniqueTopic("orders"));
        env.put("QUIVO_MANAGEMENT_PORT", Integer.toString(ServiceJar.freePort()));
        env.put("QUIVO_INBOX_READ_LOCK_MIN_AGE", "100");
        env.putAll(extra);
        return builder.start();
    }
}
