package io.camelquivo.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker (broker and controller in one) inside this JVM, on free loopback ports and a
 * temporary log directory that is deleted on {@link #close()}. It is the service's default when no
 * {@code KAFKA_BROKERS} is given, so it is built from Kafka's main jars only, not its test kit.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final String CONTROLLER = "CONTROLLER";

    private final Path logDir;
    private final int brokerPort;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private volatile long startedNanos;
    private volatile KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path logDir, int brokerPort) {
        this.logDir = logDir;
        this.brokerPort = brokerPort;
    }

    /**
     * Formats a fresh log directory and starts the node and {@code topics} (one partition each) on a thread of
     * its own: its address is known at once, so the service boots Camel meanwhile and waits for the broker
     * only before its routes start ({@link #awaitStarted}).
     */
    static EmbeddedKafkaBroker starting(Collection<String> topics) throws IOException {
        Path logDir = Files.createTempDirectory("quivo-kafka-");
        int brokerPort = freeLoopbackPort();
        int controllerPort = freeLoopbackPort();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDir, brokerPort);
        Thread starter = new Thread(() -> broker.start(controllerPort, topics), "embedded-kafka-start");
        starter.setDaemon(true);
        starter.start();
        return broker;
    }

    private void start(int controllerPort, Collection<String> topics) {
        try {
            Map<String, Object> config = config(logDir, brokerPort, controllerPort);
            new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setControllerListenerName(CONTROLLER)
                    .setMetadataLogDirectory(logDir.toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
            KafkaRaftServer node = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
            server = node;
            node.startup();
            createTopics(topics);
            startedNanos = System.nanoTime();
            started.complete(null);
        } catch (Throwable e) {
            started.completeExceptionally(e);
        }
    }

    /** Waits until the broker answers and its topics exist; throws what made its start fail. */
    void awaitStarted(Duration within) throws Exception {
        try {
            started.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** {@link System#nanoTime()} when it was up with its topics; meaningful once {@link #awaitStarted} returned. */
    long startedNanos() {
        return startedNanos;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /**
     * Creating the service's topics up front means the first record does not wait for auto-creation (and
     * no client warns about an unknown topic); it also waits until the broker answers.
     */
    private void createTopics(Collection<String> topics) throws Exception {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(topics.stream().distinct().map(name -> new NewTopic(name, 1, (short) 1)).toList())
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        // a fault while the broker stops would make Kafka halt the JVM with status 1; the service is stopping
        // anyway and must end with its own exit code
        Exit.setHaltProcedure((status, message) -> LOG.warn("Embedded Kafka broker fault at stop: {}", message));
        Exit.setExitProcedure((status, message) -> LOG.warn("Embedded Kafka broker fault at stop: {}", message));
        try {
            started.handle((done, failure) -> null).get(60, TimeUnit.SECONDS); // never stop it halfway up
        } catch (Exception e) {
            LOG.warn("Embedded Kafka broker still starting at stop: {}", e.toString());
        }
        try {
            KafkaRaftServer node = server;
            if (node != null) {
                node.shutdown();
                node.awaitShutdown();
            }
        } finally {
            deleteRecursively(logDir);
        }
    }

    /**
     * The settings of a single-node KRaft broker and controller on loopback, sized for a small heap; the
     * reliability suite runs its stand-alone broker on the same settings.
     */
    public static Map<String, Object> config(Path logDir, int brokerPort, int controllerPort) {
        return Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER + "://127.0.0.1:"
                        + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort),
                Map.entry("controller.listener.names", CONTROLLER),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                // one node: every internal topic with one replica, and no waiting for more members
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("num.partitions", "1"),
                Map.entry("auto.create.topics.enable", "true"),
                // sized for a small heap next to the service (it starts with -Xmx128m): the log cleaner's dedupe
                // buffer alone is 128 MB by default, and a single local client needs few threads
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024)),
                Map.entry("log.cleaner.threads", "1"),
                Map.entry("num.network.threads", "1"),
                Map.entry("num.io.threads", "2"),
                Map.entry("background.threads", "2"),
                Map.entry("num.recovery.threads.per.data.dir", "1"),
                Map.entry("offsets.load.buffer.size", String.valueOf(1024 * 1024)),
                Map.entry("queued.max.requests", "50"));
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless; the OS cleans it
        }
    }
}
