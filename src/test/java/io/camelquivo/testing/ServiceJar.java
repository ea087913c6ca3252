package io.camelquivo.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The runnable jar as a child process, the way a user starts it, for the integration tests. */
public final class ServiceJar {

    private ServiceJar() {
    }

    /**
     * {@code java -jar target/quivo-connector.jar} in {@code workingDir}, its output in {@code log}, with none of
     * this JVM's {@code QUIVO_*} or {@code KAFKA_BROKERS} variables: the test sets what it means.
     */
    public static ProcessBuilder command(Path workingDir, Path log) {
        Path jar = Path.of(System.getProperty("basedir", ".")).resolve("target/quivo-connector.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run mvn verify (it builds the jar at package)");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString())
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUIVO_") || name.equals("KAFKA_BROKERS"));
        return builder;
    }

    /**
     * {@code target/test-logs/name}, for a child process's output: it outlives the test's temporary folder, so
     * the whole log of a failed run is there to read, and nothing of it reaches the build's console.
     */
    public static Path logFile(String name) throws IOException {
        Path dir = Path.of(System.getProperty("basedir", ".")).resolve("target/test-logs").toAbsolutePath();
        return Files.createDirectories(dir).resolve(name);
    }

    /** Waits for {@code condition}; fails with the end of the log if the service exits or time runs out. */
    public static void awaitTrue(String what, Duration bound, Process service, Path log, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (!service.isAlive()) {
                fail("the service exited with " + service.exitValue() + " while waiting for " + what + "\n" + tail(log));
            }
            if (System.nanoTime() > deadline) {
                fail("no " + what + " within " + bound.toSeconds() + " s\n" + tail(log));
            }
            Thread.sleep(100);
        }
    }

    /** The last lines of the service's output, for a failure message. */
    public static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
