package io.camelquivo.service;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The service in this JVM, started with the environment given and its management port free; for other packages. */
public final class RunningService implements AutoCloseable {

    private final ServiceRunner runner;
    private final CompletableFuture<Integer> exitCode;
    private final int managementPort;

    private RunningService(ServiceRunner runner, CompletableFuture<Integer> exitCode, int managementPort) {
        this.runner = runner;
        this.exitCode = exitCode;
        this.managementPort = managementPort;
    }

    /** Starts it and waits until /observe/health/live answers 200; QUIVO_MANAGEMENT_PORT is chosen here. */
    public static RunningService start(Map<String, String> environment) throws Exception {
        int port = freePort();
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put(Setting.MANAGEMENT_PORT.environmentVariable(), Integer.toString(port));
        ServiceSettings settings = ServiceSettings.resolve(new SettingSources(env, new Properties(),
                List.of(SettingSources.fromClasspath("application.properties"))));
        ServiceRunner runner = new ServiceRunner(settings, Path.of(""));
        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> runner.run(new String[0]));
        RunningService service = new RunningService(runner, exitCode, port);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            if (exitCode.isDone()) {
                throw new IllegalStateException("the service ended with " + exitCode.join() + " while starting");
            }
            try {
                HttpResponse<String> live = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/observe/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (live.statusCode() == 200) {
                    return service;
                }
            } catch (IOException notYet) {
                // the management server is not up yet
            }
            if (System.nanoTime() > deadline) {
                service.close();
                throw new IllegalStateException("the service was not ready within 90 s");
            }
            Thread.sleep(200);
        }
    }

    public int managementPort() {
        return managementPort;
    }

    @Override
    public void close() throws Exception {
        runner.stop();
        exitCode.get(30, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
