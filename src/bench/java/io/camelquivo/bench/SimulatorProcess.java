package io.camelquivo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.simulator.QuivoSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Quivo simulator as its own JVM ({@code QuivoSimulatorMain} from the runnable jar), so that the server's
 * work never shares a heap or a JIT with the client being measured. Configured and read only through its
 * {@code /_simulator} admin routes, as anyone running it as a process would.
 */
final class SimulatorProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final HttpClient ADMIN = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final String baseUrl;

    private SimulatorProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts it on a free loopback port; {@code tokenLifetimeSeconds} 0 keeps the simulator's one hour. */
    static SimulatorProcess start(Path jar, String heap, int tokenLifetimeSeconds, Path errorLog) throws IOException {
        List<String> command = new ArrayList<>(List.of(Bench.javaBinary(), "-Xmx" + heap, "-cp", jar.toString(),
                "io.camelquivo.simulator.QuivoSimulatorMain", "--port", "0"));
        if (tokenLifetimeSeconds > 0) {
            command.addAll(List.of("--token-lifetime", Integer.toString(tokenLifetimeSeconds)));
        }
        Process process = new ProcessBuilder(command).redirectError(errorLog.toFile()).start();
        Bench.owns(process);
        String baseUrl = null;
        try {
            // the first line names the port; the lines after it show the account, which the bench neither
            // prints nor keeps: they are read and dropped
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher m = line == null ? null : LISTENING.matcher(line);
            if (m == null || !m.find()) {
                throw new IOException("the simulator did not start (exit " + (process.isAlive() ? "none yet"
                        : process.exitValue()) + "); see " + errorLog.getFileName());
            }
            baseUrl = m.group(1);
            drain(process.getInputStream());
        } finally {
            if (baseUrl == null) {
                process.destroyForcibly();
            }
        }
        return new SimulatorProcess(process, baseUrl);
    }

    private static void drain(InputStream stream) {
        Thread drainer = new Thread(() -> {
            try {
                stream.transferTo(OutputStream.nullOutputStream());
            } catch (IOException ended) {
                // the simulator stopped
            }
        }, "simulator-stdout");
        drainer.setDaemon(true);
        drainer.start();
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    // the simulator's built-in account; the bench hands it to clients and services, never to its output
    String apiKey() {
        return QuivoSimulator.DEFAULT_API_KEY;
    }

    String username() {
        return QuivoSimulator.DEFAULT_USERNAME;
    }

    String password() {
        return QuivoSimulator.DEFAULT_PASSWORD;
    }

    /** Orders, counters, faults, quota and tokens all cleared. */
    void reset() {
        admin("POST", "/reset", null);
    }

    /** Every API call waits {@code millis} before it is served: Quivo's real round trip. */
    void latency(long millis) {
        admin("POST", "/faults", "{\"route\":\"*\",\"probability\":1.0,\"seed\":1,\"faults\":[\"latency\"],"
                + "\"latencyMillis\":" + millis + "}");
    }

    void clearFaults() {
        admin("DELETE", "/faults", null);
    }

    void quota(int capacity, double refillPerSecond) {
        admin("PUT", "/quota", "{\"capacity\":" + capacity + ",\"refillPerSecond\":" + refillPerSecond + "}");
    }

    void expireAllTokens() {
        admin("POST", "/tokens/expire", null);
    }

    Stats stats() {
        try {
            return new Stats(JSON.readTree(admin("GET", "/stats", null)));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable simulator stats", e);
        }
    }

    private String admin(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/_simulator" + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = ADMIN.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " /_simulator" + path + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " /_simulator" + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A reading of {@code GET /_simulator/stats}. */
    record Stats(JsonNode json) {

        int logins() {
            return json.path("logins").asInt();
        }

        int ordersStored() {
            return json.path("ordersStored").asInt();
        }

        int peakInFlight() {
            return json.path("peakInFlight").asInt();
        }

        /** Calls on {@code route} ("POST /orders") answered {@code status}; status 0 means all of them. */
        int calls(String route, int status) {
            JsonNode byStatus = json.path("calls").path(route);
            return byStatus.path(status == 0 ? "total" : Integer.toString(status)).asInt();
        }

        /** Calls on every route but {@code POST /login}, which the quota does not count either. */
        int callsExceptLogin() {
            int sum = 0;
            for (var routes = json.path("calls").fields(); routes.hasNext(); ) {
                var route = routes.next();
                if (!route.getKey().equals("POST /login")) {
                    sum += route.getValue().path("total").asInt();
                }
            }
            return sum;
        }

        /** Calls on any route answered {@code status}. */
        int callsWithStatus(int status) {
            int sum = 0;
            for (JsonNode byStatus : json.path("calls")) {
                sum += byStatus.path(Integer.toString(status)).asInt();
            }
            return sum;
        }
    }
}
