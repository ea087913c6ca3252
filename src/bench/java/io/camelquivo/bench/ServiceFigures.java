package io.camelquivo.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.TestKafka;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The figures of the service as a process: orders per second through its file and Kafka routes at Quivo's
 * latency, a backlog of 100,000 files in 128 MB of heap, and the time to health UP on the embedded defaults.
 */
final class ServiceFigures {

    private ServiceFigures() {
    }

    /** A rate read at the simulator: orders stored per second once the service is past its start. */
    record Rate(double perSecond, double seconds, int orders, int peakInFlight) {
    }

    static void filesAtLatency(SimulatorProcess quivo, TestKafka kafka, Results results) throws Exception {
        Path dir = Bench.workDir("files-latency");
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        int orders = Bench.intSetting("service.orders", 5000);
        quivo.reset();
        quivo.latency(latencyMs());
        writeOrderFiles(inbox, orders);
        try (ServiceProcess service = ServiceProcess.start(dir, Bench.out().resolve("service-files.log"), List.of(),
                environment(quivo, kafka, inbox, TestKafka.uniqueTopic("bench-orders")))) {
            Rate rate = measure(quivo, service, orders);
            report("files", rate, results);
        } finally {
            Bench.deleteTree(dir);
        }
    }

    static void kafkaAtLatency(SimulatorProcess quivo, TestKafka kafka, Results results) throws Exception {
        Path dir = Bench.workDir("kafka-latency");
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        int orders = Bench.intSetting("service.orders", 5000);
        int partitions = Bench.intSetting("service.partitions", 8);
        String topic = TestKafka.uniqueTopic("bench-orders");
        quivo.reset();
        quivo.latency(latencyMs());
        produceOrders(kafka, topic, partitions, orders);
        try (ServiceProcess service = ServiceProcess.start(dir, Bench.out().resolve("service-kafka.log"), List.of(),
                environment(quivo, kafka, inbox, topic))) {
            Rate rate = measure(quivo, service, orders);
            results.detail("service_kafka").put("partitions", partitions);
            report("kafka", rate, results);
        } finally {
            Bench.deleteTree(dir);
        }
    }

    private static int latencyMs() {
        return Bench.intSetting("service.latency-ms", 100);
    }

    private static void report(String route, Rate rate, Results results) {
        int nominal = Bench.intSetting("service.concurrency", 8);
        // a service that keeps more calls in flight than the nominal concurrency is measured against what it used
        int concurrency = Math.max(nominal, rate.peakInFlight());
        double ideal = concurrency / (latencyMs() / 1000.0);
        results.detail("service_" + route).put("ordersPerSecond", ClientFigures.round1(rate.perSecond()))
                .put("windowSeconds", ClientFigures.round1(rate.seconds())).put("ordersInWindow", rate.orders())
                .put("peakCallsInFlight", rate.peakInFlight()).put("nominalConcurrency", nominal)
                .put("latencyMs", latencyMs());
        Bench.log(String.format("%s route at %d ms: %.1f orders/s, peak calls in flight at the simulator %d", route,
                latencyMs(), rate.perSecond(), rate.peakInFlight()));
        results.add(Results.figure("service_orders_per_s_" + route, rate.perSecond(),
                String.format("%d ms latency; %d orders in %.0f s; peak calls in flight %d", latencyMs(),
                        rate.orders(), rate.seconds(), rate.peakInFlight())));
        results.add(Results.figure("latency_efficiency_" + route, rate.perSecond() / ideal,
                String.format("against concurrency %d / %d ms = %.0f orders/s", concurrency, latencyMs(), ideal)));
    }

    /**
     * Waits for the first order at the simulator, lets the service warm up, then counts the orders stored in a
     * window; the window ends early if the orders run out, so an empty source never lowers the rate.
     */
    private static Rate measure(SimulatorProcess quivo, ServiceProcess service, int available) {
        Duration warmUp = Duration.ofMillis(Bench.intSetting("service.warmup-ms", 3000));
        Duration window = Duration.ofMillis(Bench.intSetting("service.window-ms", 15000));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (quivo.stats().ordersStored() == 0) {
            if (!service.alive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("no order reached the simulator; the service " + service.exit()
                        + " (see " + service.log().getFileName() + ")");
            }
            Bench.sleep(Duration.ofMillis(100));
        }
        Bench.sleep(warmUp);
        int first = quivo.stats().ordersStored();
        long from = System.nanoTime();
        long until = from + window.toNanos();
        int last = first;
        long lastAt = from;
        while (System.nanoTime() < until) {
            Bench.sleep(Duration.ofMillis(250));
            int now = quivo.stats().ordersStored();
            if (now >= available) {
                break; // the source is empty: the last reading before it is the end of the window
            }
            last = now;
            lastAt = System.nanoTime();
            if (!service.alive()) {
                throw new IllegalStateException("the service " + service.exit() + " while it was measured");
            }
        }
        double seconds = (lastAt - from) / 1e9;
        return new Rate((last - first) / seconds, seconds, last - first, quivo.stats().peakInFlight());
    }

    /**
     * 100,000 order files in the inbox, the service started with -Xmx128m: every order must reach Quivo, and
     * the most memory the process held resident is read from /proc. Bounded: a service that dies, stalls or is
     * still busy at the time limit has not passed.
     */
    static void backlog(SimulatorProcess quivo, TestKafka kafka, Results results) throws Exception {
        int files = Bench.intSetting("backlog.files", 100_000);
        String heap = Bench.setting("backlog.heap", "128m");
        Duration limit = Duration.ofSeconds(Bench.intSetting("backlog.timeout-s", 180));
        Duration stallLimit = Duration.ofSeconds(Bench.intSetting("backlog.stall-s", 30));
        Path dir = Bench.workDir("backlog");
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        quivo.reset();
        long writing = System.nanoTime();
        writeOrderFiles(inbox, files);
        Bench.log(String.format("backlog: %d files written in %.1f s", files, (System.nanoTime() - writing) / 1e9));
        ObjectNode detail = results.detail("backlog").put("files", files).put("heap", heap)
                .put("limitSeconds", limit.toSeconds());
        try (ServiceProcess service = ServiceProcess.start(dir, Bench.out().resolve("service-backlog.log"),
                List.of("-Xmx" + heap), environment(quivo, kafka, inbox, TestKafka.uniqueTopic("bench-orders")))) {
            long start = System.nanoTime();
            long deadline = start + limit.toNanos();
            int stored = 0;
            int progressAt = 0;
            long progressTime = start;
            String outcome = null;
            while (outcome == null) {
                Bench.sleep(Duration.ofSeconds(1));
                service.peakRssKb();
                stored = quivo.stats().ordersStored();
                long now = System.nanoTime();
                if (stored > progressAt) {
                    progressAt = stored;
                    progressTime = now;
                }
                if (stored >= files) {
                    outcome = "done";
                } else if (!service.alive()) {
                    outcome = "the service " + service.exit();
                } else if (now - progressTime > stallLimit.toNanos()) {
                    outcome = "no progress for " + stallLimit.toSeconds() + " s";
                } else if (now - progressTime > Duration.ofSeconds(10).toNanos()
                        && service.logMentions("OutOfMemoryError")) {
                    outcome = "no progress for 10 s after an OutOfMemoryError";
                } else if (now > deadline) {
                    outcome = "still busy after " + limit.toSeconds() + " s";
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean drained = outcome.equals("done") && awaitEmptyInbox(inbox, Duration.ofSeconds(15));
            long peakKb = service.peakRssKb();
            boolean outOfMemory = service.logMentions("OutOfMemoryError");
            boolean ok = drained && service.alive() && !outOfMemory;
            String why = ok ? null : outcome.equals("done") ? (drained ? "" : "files left in the inbox; ")
                    + (outOfMemory ? "OutOfMemoryError in the service log" : "the service " + service.exit())
                    : outcome + (outOfMemory && !outcome.contains("OutOfMemoryError")
                            ? "; OutOfMemoryError in the service log" : "");
            detail.put("accepted", stored).put("seconds", ClientFigures.round1(seconds))
                    .put("ordersPerSecond", ClientFigures.round1(stored / seconds)).put("outcome", outcome)
                    .put("outOfMemoryError", outOfMemory).put("peakRssKb", peakKb);
            Bench.log(String.format("backlog: %d of %d accepted in %.0f s; %s; peak RSS %d MB", stored, files, seconds,
                    outcome, peakKb / 1024));
            String summary = String.format("%d of %d accepted in %.0f s with -Xmx%s", stored, files, seconds, heap);
            results.add(Results.figure("backlog_ok", ok, ok ? summary : summary + "; " + why));
            results.add(peakKb < 0
                    ? Results.figure("peak_rss_mb", null, "no /proc/<pid>/status to read")
                    : Results.figure("peak_rss_mb", peakKb / 1024.0,
                            "VmHWM of the service process" + (ok ? "" : ", up to where the backlog ended")));
            service.stop(Duration.ofSeconds(20));
        } finally {
            Bench.deleteTree(dir);
        }
    }

    /** Start to health UP on the embedded defaults: no Quivo, no Kafka given, a fresh empty folder. */
    static void ready(Results results) throws Exception {
        int runs = Bench.intSetting("ready.runs", 3);
        double[] millis = new double[runs];
        List<String> each = new ArrayList<>();
        String lastParts = "";
        for (int i = 0; i < runs; i++) {
            Path dir = Bench.workDir("ready-" + (i + 1));
            try (ServiceProcess service = ServiceProcess.start(dir, Bench.out().resolve("service-ready-" + (i + 1)
                    + ".log"), List.of(), Map.of())) {
                long ms = service.awaitHealthUp(Duration.ofSeconds(90), Duration.ofMillis(20));
                if (ms < 0) {
                    throw new IllegalStateException("no health UP within 90 s; the service " + service.exit()
                            + " (see " + service.log().getFileName() + ")");
                }
                millis[i] = ms;
                each.add(Long.toString(ms));
                Bench.log("ready: health UP after " + ms + " ms" + startParts(service.log()).replace("last start", "this start"));
                service.stop(Duration.ofSeconds(30));
                if (i == runs - 1) {
                    lastParts = startParts(service.log());
                }
            } finally {
                Bench.deleteTree(dir);
            }
        }
        results.detail("ready").put("runs", runs).put("millis", String.join(", ", each)).put("lastStart", lastParts);
        results.add(Results.figure("ready_ms", Load.median(millis),
                "median of " + runs + " starts on the embedded defaults: " + String.join(", ", each) + " ms"
                        + lastParts));
    }

    private static final Pattern BROKER_STARTED = Pattern.compile("embedded Kafka broker .*ready (\\d+) ms after it began");
    private static final Pattern CAMEL_STARTED = Pattern.compile("\\(quivo-connector\\) started in .*boot:([0-9a-z.]+)\\)");

    /**
     * Where a start's time went, as the service's own log says it: the embedded broker's start and Camel's boot.
     * Empty when the log does not say (the lines changed, say): a reading, never a requirement.
     */
    private static String startParts(Path log) {
        String broker = null;
        String camel = null;
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher b = BROKER_STARTED.matcher(line);
                if (b.find()) {
                    broker = b.group(1) + " ms";
                }
                Matcher c = CAMEL_STARTED.matcher(line);
                if (c.find()) {
                    camel = c.group(1);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
        if (broker == null && camel == null) {
            return "";
        }
        return "; last start: embedded broker (beside Camel) " + (broker == null ? "?" : broker) + ", Camel boot "
                + (camel == null ? "?" : camel);
    }

    private static Map<String, String> environment(SimulatorProcess quivo, TestKafka kafka, Path inbox,
            String ordersTopic) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("QUIVO_BASE_URL", quivo.baseUrl());
        env.put("QUIVO_API_KEY", quivo.apiKey());
        env.put("QUIVO_USERNAME", quivo.username());
        env.put("QUIVO_PASSWORD", quivo.password());
        env.put("KAFKA_BROKERS", kafka.bootstrapServers());
        env.put("QUIVO_INBOX_DIR", inbox.toString());
        env.put("QUIVO_ORDERS_TOPIC", ordersTopic);
        env.put("QUIVO_DLQ_TOPIC", TestKafka.uniqueTopic("bench-dlq"));
        env.put("QUIVO_EVENTS_TOPIC", TestKafka.uniqueTopic("bench-events"));
        env.put("QUIVO_WEBHOOK_PORT", Integer.toString(Bench.freePort()));
        env.putAll(ServiceProcess.extraEnvironment());
        return env;
    }

    private static void writeOrderFiles(Path inbox, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            String id = BenchOrders.nextIdentifier();
            Files.writeString(inbox.resolve(id + ".json"), Orders.valid(id), StandardCharsets.UTF_8);
        }
    }

    private static void produceOrders(TestKafka kafka, String topic, int partitions, int count) throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                String id = BenchOrders.nextIdentifier();
                producer.send(new ProducerRecord<>(topic, id, Orders.valid(id).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private static boolean awaitEmptyInbox(Path inbox, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            try (DirectoryStream<Path> left = Files.newDirectoryStream(inbox, "*.json")) {
                if (!left.iterator().hasNext()) {
                    return true;
                }
            } catch (IOException e) {
                return false;
            }
            Bench.sleep(Duration.ofMillis(250));
        }
        return false;
    }
}
