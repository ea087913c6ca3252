package io.camelquivo.bench;

import io.camelquivo.testing.ServiceJar;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The service's runnable jar as its own process, started as {@code ServiceJar} starts it for the integration
 * tests (none of this JVM's QUIVO_* variables, output to a log file), with JVM options in front.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Process process;
    private final long startedNanos;
    private final int managementPort;
    private final Path log;
    private long lastPeakKb = -1;

    private ServiceProcess(Process process, long startedNanos, int managementPort, Path log) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** {@code env} must not set QUIVO_MANAGEMENT_PORT: a free one is chosen here. */
    static ServiceProcess start(Path workingDir, Path log, List<String> jvmOptions, Map<String, String> env)
            throws IOException {
        ProcessBuilder builder = ServiceJar.command(workingDir, log);
        builder.command().addAll(1, jvmOptions);
        int port = Bench.freePort();
        builder.environment().putAll(env);
        builder.environment().put("QUIVO_MANAGEMENT_PORT", Integer.toString(port));
        long started = System.nanoTime();
        Process process = builder.start();
        Bench.owns(process);
        return new ServiceProcess(process, started, port, log);
    }

    /**
     * Extra settings for the services the bench starts, {@code -Dbench.service.env=NAME=value,NAME=value}: how
     * a new setting (a concurrency, say) is tried without changing the bench.
     */
    static Map<String, String> extraEnvironment() {
        String spec = Bench.setting("service.env", "");
        java.util.LinkedHashMap<String, String> env = new java.util.LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                env.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return env;
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String exit() {
        return process.isAlive() ? "running" : "exited with " + process.exitValue();
    }

    boolean healthUp() {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + "/observe/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"status\":\"UP\"");
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Milliseconds from the process start to health UP, or -1 if it exited or {@code bound} passed first. */
    long awaitHealthUp(Duration bound, Duration pollEvery) {
        long deadline = startedNanos + bound.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (healthUp()) {
                return (System.nanoTime() - startedNanos) / 1_000_000;
            }
            Bench.sleep(pollEvery);
        }
        return -1;
    }

    /**
     * The most memory the process has held resident so far (VmHWM, kB), or -1 where /proc cannot say. The last
     * reading is kept, so a process that died still has the peak it had reached by then.
     */
    long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    lastPeakKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended, or this is not Linux: keep what was read before
        }
        return lastPeakKb;
    }

    boolean logMentions(String text) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> line.contains(text));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    Path log() {
        return log;
    }

    /** SIGTERM, as a user stops it; killed if it has not stopped after {@code grace}. */
    void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(20));
        }
    }
}
