package io.camelquivo.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.camelquivo.simulator.Fault;
import io.camelquivo.simulator.QuivoSimulator;
import io.camelquivo.simulator.QuivoSimulatorExtension;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.TestKafka;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service in this JVM, on the simulator and a real broker, as an orchestrator probes it: health must
 * not say DOWN while the service is merely busy.
 */
@Timeout(120)
class ServiceHealthTest {

    private static final int BACKLOG_PER_SOURCE = 30; // the service works on several at once
    private static final Duration SLOW_CREATE = Duration.ofMillis(1000);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @RegisterExtension
    static final QuivoSimulatorExtension SIMULATOR = new QuivoSimulatorExtension();

    @TempDir
    Path inbox;

    /** Orders waiting in the inbox and on the topic when the service starts, and Quivo slow to take them. */
    @Test
    void healthStaysUpWhileAStartUpBacklogIsWorkedOffSlowly() throws Exception {
        QuivoSimulator simulator = SIMULATOR.simulator();
        TestKafka kafka = TestKafka.shared();
        String ordersTopic = TestKafka.uniqueTopic("orders");
        for (int i = 0; i < BACKLOG_PER_SOURCE; i++) {
            String record = "RECORD-" + i;
            kafka.send(ordersTopic, record, Orders.valid(record).getBytes(StandardCharsets.UTF_8));
            String file = "FILE-" + i;
            Files.writeString(inbox.resolve(file + ".json"), Orders.valid(file));
        }
        int backlog = 2 * BACKLOG_PER_SOURCE;
        simulator.faults().next(backlog, "POST /orders", Fault.latency(SLOW_CREATE));

        int managementPort = freePort();
        ServiceRunner service = new ServiceRunner(settings(simulator, kafka, ordersTopic, managementPort),
                Path.of(""));
        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> service.run(new String[0]));
        try {
            awaitFirstOrder(simulator, exitCode);
            List<String> probes = new ArrayList<>();
            while (simulator.orders().count() < backlog) {
                for (String path : List.of("/observe/health", "/observe/health/live", "/observe/health/ready")) {
                    HttpResponse<String> health = get("http://127.0.0.1:" + managementPort + path);
                    probes.add(path + " " + health.statusCode() + " " + health.body());
                    assertEquals(200, health.statusCode(), () -> "DOWN while busy: " + probes);
                    assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
                }
                Thread.sleep(200);
            }
            assertTrue(probes.size() >= 10, "the backlog was gone before health was probed: " + probes);
        } finally {
            service.stop();
        }
        assertEquals(0, exitCode.get(30, TimeUnit.SECONDS));
    }

    private ServiceSettings settings(QuivoSimulator simulator, TestKafka kafka, String ordersTopic,
            int managementPort) {
        Map<String, String> env = Map.of("QUIVO_BASE_URL", simulator.baseUrl(), "QUIVO_API_KEY",
                simulator.apiKey(), "QUIVO_USERNAME", simulator.username(), "QUIVO_PASSWORD", simulator.password(),
                "KAFKA_BROKERS", kafka.bootstrapServers(), "QUIVO_INBOX_DIR", inbox.toString(),
                "QUIVO_ORDERS_TOPIC", ordersTopic, "QUIVO_DLQ_TOPIC", TestKafka.uniqueTopic("dlq"),
                "QUIVO_MANAGEMENT_PORT", Integer.toString(managementPort));
        return ServiceSettings.resolve(new SettingSources(env, new Properties(),
                List.of(SettingSources.fromClasspath("application.properties"))));
    }

    private void awaitFirstOrder(QuivoSimulator simulator, CompletableFuture<Integer> exitCode)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (simulator.orders().count() == 0) {
            if (exitCode.isDone()) {
                fail("the service ended with " + exitCode.join() + " before it created an order");
            }
            if (System.nanoTime() > deadline) {
                fail("no order created within 60 s");
            }
            Thread.sleep(100);
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
