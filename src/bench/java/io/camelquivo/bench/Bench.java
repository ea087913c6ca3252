package io.camelquivo.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Where the bench works, its settings ({@code -Dbench.*}), its child processes and its progress lines. */
final class Bench {

    private static final long STARTED = System.nanoTime();
    private static final List<Process> CHILDREN = new CopyOnWriteArrayList<>();

    static {
        // a bench that ends abnormally (an error, failsafe's timeout) must not leave a simulator or a
        // service running on this machine
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CHILDREN.forEach(p -> {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }), "bench-children"));
    }

    private Bench() {
    }

    static Path basedir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    /** The runnable jar that {@code package} built: the simulator and the service run from it. */
    static Path jar() {
        Path jar = basedir().resolve("target/quivo-connector.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the bench runs in verify, after package");
        }
        return jar;
    }

    static Path out() throws IOException {
        return Files.createDirectories(basedir().resolve("target/bench"));
    }

    /** A fresh folder under target/bench/work for one phase. */
    static Path workDir(String name) throws IOException {
        Path dir = out().resolve("work").resolve(name);
        deleteTree(dir);
        return Files.createDirectories(dir);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a leftover under target/ is harmless; mvn clean removes it
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void owns(Process process) {
        CHILDREN.add(process);
    }

    static int intSetting(String name, int defaultValue) {
        return Integer.parseInt(System.getProperty("bench." + name, Integer.toString(defaultValue)).trim());
    }

    static String setting(String name, String defaultValue) {
        return System.getProperty("bench." + name, defaultValue).trim();
    }

    static boolean enabled(String phase) {
        String only = setting("only", "");
        return only.isEmpty() || List.of(only.split(",")).contains(phase);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Progress on the console: with mvn -q it is all that shows while the bench runs. */
    static void log(String message) {
        long seconds = Duration.ofNanos(System.nanoTime() - STARTED).toSeconds();
        System.out.printf("[bench %s +%ds] %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS), seconds, message);
        System.out.flush();
    }

    static double elapsedSeconds() {
        return (System.nanoTime() - STARTED) / 1e9;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
