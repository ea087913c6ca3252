package io.camelquivo.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.camelquivo.simulator.QuivoSimulator;
import io.camelquivo.simulator.QuivoSimulatorExtension;
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
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service in this JVM runs a route file of the user's that calls a Kamelet of routes/kamelets/ by its name
 * alone: the folder and the account come from the service's application.properties.
 */
@Timeout(120)
class ServiceKameletsTest {

    @RegisterExtension
    static final QuivoSimulatorExtension SIMULATOR = new QuivoSimulatorExtension();

    @TempDir
    Path dir;

    @Test
    void aRouteFileOfTheUserCreatesOrdersThroughTheOrderSink() throws Exception {
        Path inbox = Files.createDirectory(dir.resolve("shop-orders"));
        Path routes = dir.resolve("shop-orders.yaml");
        Files.writeString(routes, """
                - route:
                    id: shop-orders
                    routeConfigurationId: quivo-error-policy
                    from:
                      uri: file:%s
                      parameters:
                        antInclude: "*.json"
                        move: .done
                      steps:
                        - to: kamelet:quivo-order-sink
                """.formatted(inbox.toAbsolutePath().toString().replace('\\', '/')));
        Files.writeString(inbox.resolve("SHOP-1.json"), Orders.valid("SHOP-1"));

        QuivoSimulator simulator = SIMULATOR.simulator();
        ServiceRunner service = new ServiceRunner(settings(simulator, routes), Path.of(""));
        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> service.run(new String[0]));
        try {
            await(() -> Files.exists(inbox.resolve(".done/SHOP-1.json")), exitCode);
            assertEquals(1, simulator.orders().byIdentifier("SHOP-1").size());
            assertTrue(simulator.stats().successfulLogins() >= 1);
        } finally {
            service.stop();
        }
        assertEquals(0, exitCode.get(30, TimeUnit.SECONDS));
    }

    private ServiceSettings settings(QuivoSimulator simulator, Path routes) throws IOException {
        TestKafka kafka = TestKafka.shared();
        Map<String, String> env = Map.of("QUIVO_BASE_URL", simulator.baseUrl(), "QUIVO_API_KEY",
                simulator.apiKey(), "QUIVO_USERNAME", simulator.username(), "QUIVO_PASSWORD", simulator.password(),
                "KAFKA_BROKERS", kafka.bootstrapServers(), "QUIVO_INBOX_DIR", dir.resolve("inbox").toString(),
                "QUIVO_DLQ_TOPIC", TestKafka.uniqueTopic("dlq"),
                "QUIVO_ROUTES", routes.toAbsolutePath() + ",routes/quivo-error-policy.yaml",
                "QUIVO_MANAGEMENT_PORT", Integer.toString(freePort()));
        return ServiceSettings.resolve(new SettingSources(env, new Properties(),
                List.of(SettingSources.fromClasspath("application.properties"))));
    }

    private static void await(BooleanSupplier condition, CompletableFuture<Integer> exitCode)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (exitCode.isDone()) {
                fail("the service ended with " + exitCode.join());
            }
            if (System.nanoTime() > deadline) {
                fail("the order file was not taken within 60 s");
            }
            Thread.sleep(100);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
