package io.camelquivo.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.testing.ServiceJar;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as a user starts it: {@code java -jar target/quivo-connector.jar} in an empty folder, with
 * no Quivo and no Kafka given, so it runs on its embedded defaults and the routes packed in the jar; its log
 * in JSON, as a log collector reads it.
 */
class QuivoServiceIT {

    private static final String API_KEY = "it-api-key-3c9e";
    private static final String PASSWORD = "it-password-b71f";
    private static final String WEBHOOK_SECRET = "it-webhook-secret-5d20";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path workingDir;

    @Test
    void runsOnItsEmbeddedDefaultsAndStopsWithExitCode0OnSigterm() throws Exception {
        int managementPort = ServiceJar.freePort();
        int webhookPort = ServiceJar.freePort();
        Path log = ServiceJar.logFile("QuivoServiceIT.log");
        ProcessBuilder builder = ServiceJar.command(workingDir, log);
        builder.environment().put("QUIVO_MANAGEMENT_PORT", Integer.toString(managementPort));
        // the embedded simulator takes the account it is given: distinctive secrets to look for in the log
        builder.environment().put("QUIVO_API_KEY", API_KEY);
        builder.environment().put("QUIVO_PASSWORD", PASSWORD);
        builder.environment().put("QUIVO_WEBHOOK_SECRET", WEBHOOK_SECRET);
        builder.environment().put("QUIVO_WEBHOOK_PORT", Integer.toString(webhookPort));
        // as a log collector reads it: the shaded jar must still know Log4j's JSON template layout
        builder.environment().put("QUIVO_LOG_FORMAT", "json");
        Process service = builder.start();
        try {
            String health = "http://127.0.0.1:" + managementPort + "/observe/health";
            ServiceJar.awaitTrue("health UP on " + health, Duration.ofSeconds(60), service, log,
                    () -> get(health).map(r -> r.statusCode() == 200 && r.body().contains("\"status\":\"UP\""))
                            .orElse(false));

            Path done = workingDir.resolve("data/inbox/.done");
            ServiceJar.awaitTrue("the accepted example order in .done", Duration.ofSeconds(30), service, log,
                    () -> anyFile(done, "-accepted.json"));
            ServiceJar.awaitTrue("the rejected example order dead-lettered and in .done", Duration.ofSeconds(30), service, log,
                    () -> anyFile(done, "-rejected.json"));

            String metrics = get("http://127.0.0.1:" + managementPort + "/observe/metrics").orElseThrow().body();
            assertTrue(metrics.contains("quivo_calls_total{"), "no quivo_calls_total in /observe/metrics");
            assertTrue(metrics.contains("quivo_logins_total{outcome=\"success\"}"), "no successful login counted");
            assertTrue(metrics.contains("quivo_rate_limit_per_second{account=\"1\"} 1000"),
                    "no rate limit gauge at its ceiling:\n" + metrics.lines()
                            .filter(line -> line.contains("rate_limit")).toList());

            // the webhook receiver: the accepted example is order 1 of the simulator
            String webhooks = "http://127.0.0.1:" + webhookPort + "/quivo/webhooks/";
            String event = "{\"events\":[{\"id\":1,\"entity\":\"ORDERS\","
                    + "\"lastModified\":\"2026-11-24T10:00:00Z\",\"version\":1}]}";
            assertEquals(404, post(webhooks + "not-the-secret", event).statusCode());
            assertEquals(200, post(webhooks + WEBHOOK_SECRET, event).statusCode(), () -> ServiceJar.tail(log));
            // a body without a length is cut off by the HTTP server itself: application.properties sets its limit
            byte[] twoMegabytes = new byte[2 * 1024 * 1024];
            HttpResponse<String> chunked = HTTP.send(HttpRequest.newBuilder(URI.create(webhooks + WEBHOOK_SECRET))
                    .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(twoMegabytes))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, chunked.statusCode(), () -> ServiceJar.tail(log));
            assertTrue(chunked.body().contains("1048576 bytes"), chunked.body());

            service.destroy(); // SIGTERM
            assertTrue(service.waitFor(45, TimeUnit.SECONDS), "still running 45 s after SIGTERM");
            assertEquals(0, service.exitValue(), () -> "exit code after SIGTERM\n" + ServiceJar.tail(log));

            String output = Files.readString(log);
            assertFalse(output.contains(API_KEY) || output.contains(PASSWORD) || output.contains(WEBHOOK_SECRET),
                    "a secret reached the log");
            List<String> messages = ecsMessages(output);
            assertTrue(messages.stream().anyMatch(m -> m.contains("using the embedded Quivo simulator at http://127.0.0.1:")),
                    output);
            assertTrue(messages.stream().anyMatch(m -> m.contains("using the embedded Kafka broker at 127.0.0.1:")), output);
            assertTrue(messages.contains("Embedded Kafka broker stopped"), "stop not logged to the end\n" + ServiceJar.tail(log));
        } finally {
            if (service.isAlive()) {
                service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The message of every line, each line an Elastic Common Schema object. */
    private static List<String> ecsMessages(String output) throws IOException {
        List<String> messages = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode event;
            try {
                event = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
            for (String field : List.of("@timestamp", "ecs.version", "log.level", "log.logger", "message")) {
                assertTrue(event.hasNonNull(field), () -> field + " missing in " + line);
            }
            messages.add(event.get("message").asText());
        }
        return messages;
    }

    private static Optional<HttpResponse<String>> get(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException notYet) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static boolean anyFile(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(suffix));
        } catch (IOException e) {
            return false;
        }
    }
}
