package io.camelquivo.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.camelquivo.simulator.Fault;
import io.camelquivo.simulator.QuivoSimulator;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.TestKafka;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
        Path firstLog = workingDir.resolve("first.log");
        service = start(inbox, dlqTopic, firstLog, Map.of("QUIVO_POLICY_INITIAL_DELAY", "60000"));
        awaitTrue("the order stored by a POST answered 504", firstLog, () -> quivo.orders().count() == 1);
        service.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
        assertTrue(service.waitFor(10, TimeUnit.SECONDS));
        assertTrue(Files.exists(inbox.resolve("CRASH-1.json")), "the file waits in the inbox");

        Path secondLog = workingDir.resolve("second.log");
        service = start(inbox, dlqTopic, secondLog, Map.of());
        awaitTrue("the order accepted after the restart", secondLog,
                () -> Files.exists(inbox.resolve(".done").resolve("CRASH-1.json")));

        assertEquals(1, quivo.stats().calls("POST /orders"), "no second POST, before or after the kill");
        assertEquals(1, quivo.stats().calls("GET /orders"), "looked up once, after the restart");
        assertEquals(1, quivo.orders().byIdentifier("CRASH-1").size());
        assertEquals(List.of(), KAFKA.read(dlqTopic, 1, Duration.ofSeconds(1)), "not dead-lettered");
    }

    private Process start(Path inbox, String dlqTopic, Path log, Map<String, String> extra) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-jar", jar().toString())
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("QUIVO_") || name.equals("KAFKA_BROKERS"));
        env.put("QUIVO_BASE_URL", quivo.baseUrl());
        env.put("QUIVO_API_KEY", quivo.apiKey());
        env.put("QUIVO_USERNAME", quivo.username());
        env.put("QUIVO_PASSWORD", quivo.password());
        env.put("KAFKA_BROKERS", KAFKA.bootstrapServers());
        env.put("QUIVO_INBOX_DIR", inbox.toString());
        env.put("QUIVO_DLQ_TOPIC", dlqTopic);
        env.put("QUIVO_ORDERS_TOPIC", TestKafka.uniqueTopic("orders"));
        env.put("QUIVO_MANAGEMENT_PORT", Integer.toString(freePort()));
        env.put("QUIVO_INBOX_READ_LOCK_MIN_AGE", "100");
        env.putAll(extra);
        return builder.start();
    }

    private void awaitTrue(String what, Path log, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (!service.isAlive()) {
                fail("the service exited with " + service.exitValue() + " while waiting for " + what + "\n" + tail(log));
            }
            if (System.nanoTime() > deadline) {
                fail("no " + what + " within 60 s\n" + tail(log));
            }
            Thread.sleep(100);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("basedir", ".")).resolve("target/quivo-connector.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run mvn verify (it builds the jar at package)");
        return jar;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
