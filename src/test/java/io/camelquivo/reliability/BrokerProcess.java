package io.camelquivo.reliability;

import io.camelquivo.service.EmbeddedKafkaBroker;
import io.camelquivo.testing.ServiceJar;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node KRaft broker in a child process of its own, on fixed loopback ports and a log directory that
 * outlive it: stopped and started again, it is the same broker at the same address with the same topics,
 * offsets and records, as a real broker coming back after a restart. (The in-JVM test kit binds new ports on
 * each start, which no client configured with the old address would find.)
 */
final class BrokerProcess implements AutoCloseable {

    private static final String READY = "BROKER READY";

    private final Path logDir;
    private final Path output;
    private final int port;
    private final int controllerPort;
    private Process process;

    private BrokerProcess(Path logDir, Path output, int port, int controllerPort) {
        this.logDir = logDir;
        this.output = output;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats {@code dir}/kafka-logs and starts the broker; its output goes to {@code dir}/broker.log. */
    static BrokerProcess start(Path dir) throws IOException, InterruptedException {
        BrokerProcess broker = new BrokerProcess(Files.createDirectories(dir.resolve("kafka-logs")),
                dir.resolve("broker.log"), ServiceJar.freePort(), ServiceJar.freePort());
        broker.startAgain();
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker on the same ports and log directory, and waits until it serves clients. */
    synchronized void startAgain() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker is running");
        }
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", classpath, BrokerProcess.class.getName(), Integer.toString(port),
                Integer.toString(controllerPort), logDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        long from = Files.exists(output) ? Files.size(output) : 0;
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.readString(output).substring((int) from).contains(READY)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the broker did not start:\n" + ServiceJar.tail(output));
            }
            Thread.sleep(100);
        }
    }

    /** Stops the broker (SIGTERM, as an operator or an orchestrator stops it) and waits until it is gone. */
    synchronized void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The child process: {@code port controllerPort logDir}; formats the log directory on the first start. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int controllerPort = Integer.parseInt(args[1]);
        String logDir = args[2];
        if (!Files.exists(Path.of(logDir, "meta.properties"))) {
            new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir)
                    .setDirectories(List.of(logDir))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        }
        // the settings of the service's embedded broker: this one stands in for a broker the service is pointed at
        KafkaConfig config = new KafkaConfig(EmbeddedKafkaBroker.config(Path.of(logDir), port, controllerPort), false);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "broker-stop"));
        server.startup();
        System.out.println(READY);
        System.out.flush();
        server.awaitShutdown();
    }
}
