package io.camelquivo.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * /observe/metrics of the service in this JVM, on the simulator and a real broker, read as Prometheus reads
 * it: every meter of ours explains itself, the series an alert needs are there at zero before the first order,
 * each call is timed under its operation and family, the JVM is measured, and no secret shows.
 */
@Timeout(120)
class ServiceMetricsTest {

    private static final String API_KEY = "metrics-api-key-3f9c";
    private static final String USERNAME = "metrics-user-8e21";
    private static final String PASSWORD = "metrics-password-b47a";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @RegisterExtension
    static final QuivoSimulatorExtension SIMULATOR = new QuivoSimulatorExtension(
            QuivoSimulator.builder().apiKey(API_KEY).username(USERNAME).password(PASSWORD));

    @TempDir
    Path inbox;

    @Test
    void metricsAreReadableFromTheStartAndTimeEachCall() throws Exception {
        QuivoSimulator simulator = SIMULATOR.simulator();
        int managementPort = freePort();
        ServiceRunner service = new ServiceRunner(settings(simulator, managementPort), Path.of(""));
        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> service.run(new String[0]));
        String url = "http://127.0.0.1:" + managementPort + "/observe/metrics";
        try {
            String before = await(url, exitCode, "the rate limit gauge of the account",
                    text -> text.contains("quivo_rate_limit_per_second{account=\"1\"}"));
            assertEquals(List.of(), simulator.stats().requestLog(), "the service called Quivo before any order came");
            // without QUIVO_CONSOLE_TOKEN the dead-letter console does not exist
            assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                    + "/quivo/dead-letters")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(0, simulator.stats().logins(), "the service logged in before any order came");

            for (String meter : List.of("quivo_calls_total", "quivo_logins_total", "quivo_redeliveries_total",
                    "quivo_dead_letters_total", "quivo_quarantined_payloads_total", "quivo_rate_limit_per_second",
                    "quivo_route_paused")) {
                assertHelp(before, meter);
            }
            for (String route : List.of("orders-from-files", "orders-from-kafka", "order-record")) {
                assertEquals(0.0, value(before, "quivo_route_paused{route=\"" + route + "\"}"), route);
            }
            assertEquals(0.0, value(before, "quivo_logins_total{outcome=\"success\"}"));
            assertEquals(0.0, value(before, "quivo_logins_total{outcome=\"failure\"}"));
            for (String family : List.of("unauthorized", "throttled", "unavailable", "connection_failure",
                    "unresolved_create", "server_error")) {
                assertEquals(0.0, value(before, "quivo_redeliveries_total{family=\"" + family + "\"}"), family);
            }
            // orders.create is the operation of the service's order routes
            for (String family : List.of("success", "unauthorized", "throttled", "unavailable", "connection_failure",
                    "server_error", "forbidden", "rejected", "not_implemented", "unexpected")) {
                assertEquals(0.0, value(before,
                        "quivo_calls_total{family=\"" + family + "\",operation=\"orders.create\"}"), family);
            }
            for (String family : List.of("server_error", "forbidden", "rejected", "not_implemented", "unexpected",
                    "login_refused", "invalid_input")) {
                assertEquals(0.0, value(before,
                        "quivo_dead_letters_total{family=\"" + family + "\",operation=\"orders.create\"}"), family);
            }
            assertEquals(0.0, value(before, "quivo_quarantined_payloads_total{operation=\"orders.create\"}"));
            assertFalse(before.contains("quivo_call_duration_seconds"), "a timer before any call");
            for (String jvm : List.of("jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads",
                    "jvm_classes_loaded_classes", "system_cpu_count", "process_uptime_seconds")) {
                assertTrue(before.lines().anyMatch(line -> line.startsWith(jvm)), "no " + jvm + " series");
            }

            // new identifiers each run: the pending-create memory outlives the run, and a known one is looked up first
            String run = UUID.randomUUID().toString().substring(0, 8);
            Files.writeString(inbox.resolve("ACCEPTED-" + run + ".json"), Orders.valid("ACCEPTED-" + run));
            Files.writeString(inbox.resolve("REJECTED-" + run + ".json"), Orders.withoutPositions("REJECTED-" + run));
            String after = await(url, exitCode, "the accepted order counted and the rejected one dead-lettered",
                    text -> valueIn(text, "quivo_calls_total{family=\"success\",operation=\"orders.create\"}")
                            .orElse(0.0) >= 1
                            && valueIn(text, "quivo_dead_letters_total{family=\"rejected\",operation=\"orders.create\"}")
                                    .orElse(0.0) >= 1);

            assertHelp(after, "quivo_call_duration_seconds");
            assertTrue(after.contains("# TYPE quivo_call_duration_seconds histogram"), "the timer is no histogram");
            // the accepted order's create, and the rejected one's refused create (orders.create looks nothing up first)
            assertEquals(1.0, value(after,
                    "quivo_call_duration_seconds_count{family=\"success\",operation=\"orders.create\"}"));
            assertEquals(1.0, value(after,
                    "quivo_call_duration_seconds_count{family=\"rejected\",operation=\"orders.create\"}"));
            assertEquals(1.0, value(after,
                    "quivo_call_duration_seconds_bucket{family=\"success\",operation=\"orders.create\",le=\"+Inf\"}"));
            assertTrue(value(after, "quivo_call_duration_seconds_sum{family=\"success\",operation=\"orders.create\"}")
                    > 0, "a call that took no time");
            assertEquals(1.0, value(after, "quivo_logins_total{outcome=\"success\"}"));
            assertEquals(0.0, value(after, "quivo_calls_total{family=\"throttled\",operation=\"orders.create\"}"));

            List<String> secrets = new ArrayList<>(List.of(API_KEY, USERNAME, PASSWORD));
            secrets.addAll(simulator.issuedTokens());
            assertFalse(simulator.issuedTokens().isEmpty(), "no token was issued");
            for (String secret : secrets) {
                assertFalse(after.contains(secret), "a secret in /observe/metrics");
            }
        } finally {
            service.stop();
        }
        assertEquals(0, exitCode.get(30, TimeUnit.SECONDS));
    }

    private static void assertHelp(String text, String meter) {
        Matcher help = Pattern.compile("^# HELP " + Pattern.quote(meter) + " (.+)$", Pattern.MULTILINE).matcher(text);
        assertTrue(help.find(), "no # HELP line for " + meter);
        assertTrue(help.group(1).trim().length() > 20, "no meaning in the # HELP line of " + meter + ": " + help.group(1));
    }

    private static double value(String text, String series) {
        return valueIn(text, series).orElseThrow(() -> new AssertionError("no series " + series + " in:\n"
                + text.lines().filter(line -> line.startsWith("quivo_")).toList()));
    }

    /** The value of one series: the line that starts with its name and labels exactly. */
    private static Optional<Double> valueIn(String text, String series) {
        return text.lines()
                .filter(line -> line.startsWith(series + " "))
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]))
                .findFirst();
    }

    private ServiceSettings settings(QuivoSimulator simulator, int managementPort) {
        TestKafka kafka = TestKafka.shared();
        Map<String, String> env = Map.of("QUIVO_BASE_URL", simulator.baseUrl(), "QUIVO_API_KEY",
                simulator.apiKey(), "QUIVO_USERNAME", simulator.username(), "QUIVO_PASSWORD", simulator.password(),
                "KAFKA_BROKERS", kafka.bootstrapServers(), "QUIVO_INBOX_DIR", inbox.toString(),
                "QUIVO_ORDERS_TOPIC", TestKafka.uniqueTopic("orders"), "QUIVO_DLQ_TOPIC", TestKafka.uniqueTopic("dlq"),
                "QUIVO_MANAGEMENT_PORT", Integer.toString(managementPort));
        return ServiceSettings.resolve(new SettingSources(env, new Properties(),
                List.of(SettingSources.fromClasspath("application.properties"))));
    }

    /** Scrapes until the text shows what the test waits for; the service ending first fails the test. */
    private static String await(String url, CompletableFuture<Integer> exitCode, String what,
            Predicate<String> shows) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (exitCode.isDone()) {
                fail("the service ended with " + exitCode.join() + " while waiting for " + what);
            }
            try {
                HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (scrape.statusCode() == 200) {
                    last = scrape.body();
                    if (shows.test(last)) {
                        return last;
                    }
                }
            } catch (IOException notYetListening) {
                // the management server starts with Camel
            }
            Thread.sleep(200);
        }
        fail("not within 60 s: " + what + "\n" + last.lines().filter(line -> line.startsWith("quivo_")).toList());
        return last;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
