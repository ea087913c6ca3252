package io.camelquivo.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.simulator.QuivoSimulator;
import io.camelquivo.testing.SecretScan;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.ServiceJar;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One outage run: the service as a child process on the simulator and a broker, orders flowing in all the time
 * as files and Kafka records (one in twenty of each invalid), health and metrics scraped as a user would, and
 * at the end the account of every order. The outage itself is the test's.
 */
final class OutageRun implements AutoCloseable {

    /** The policy, sped up: the outages keep their lengths, the service gives up waiting and probes sooner. */
    static final Map<String, String> FAST_POLICY = Map.of(
            "QUIVO_POLICY_TOTAL_BUDGET", "20000",
            "QUIVO_POLICY_INITIAL_DELAY", "500",
            "QUIVO_POLICY_MAX_DELAY", "5000",
            "QUIVO_POLICY_PROBE_INTERVAL", "2000");

    private static final int PARTITIONS = 3;
    private static final Duration FEED_INTERVAL = Duration.ofMillis(400);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(\\{[^}]*})?) (\\S+)$");

    final QuivoSimulator quivo;
    final String brokers;
    final Path workingDir;
    final Path inbox;
    final String ordersTopic = "orders-" + UUID.randomUUID().toString().substring(0, 8);
    final String dlqTopic = "dlq-" + UUID.randomUUID().toString().substring(0, 8);
    final String groupId = "outage-" + UUID.randomUUID().toString().substring(0, 8);
    final Path log;
    final int managementPort;
    private final String prefix;
    private final Process service;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Set<String> validFiles = ConcurrentHashMap.newKeySet();
    private final Set<String> invalidFiles = ConcurrentHashMap.newKeySet();
    private final Set<String> validRecords = ConcurrentHashMap.newKeySet();
    private final Set<String> invalidRecords = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Exception> feedFailure = new AtomicReference<>();
    private final List<String> timeline = Collections.synchronizedList(new ArrayList<>());
    private final long startedAt = System.nanoTime();
    /** Every metrics scrape as the service wrote it, for the secret scan. */
    private final List<String> metricScrapes = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Object> figures = new java.util.LinkedHashMap<>();
    private long outageBegan;
    private long outageEnded;
    private volatile boolean feeding;
    private Thread feeder;

    private OutageRun(QuivoSimulator quivo, String brokers, Path workingDir, String prefix,
            Map<String, String> properties) throws IOException {
        this.quivo = quivo;
        this.brokers = brokers;
        this.workingDir = workingDir;
        this.prefix = prefix;
        this.inbox = Files.createDirectories(workingDir.resolve("inbox"));
        this.log = workingDir.resolve("service.log");
        this.managementPort = ServiceJar.freePort();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(ordersTopic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create " + ordersTopic, e);
        }
        this.producer = producer();
        if (!properties.isEmpty()) {
            // the service reads an application.properties in its working folder over its own
            Files.writeString(workingDir.resolve("application.properties"), properties.entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
        }
        ProcessBuilder builder = ServiceJar.command(workingDir, log);
        Map<String, String> env = builder.environment();
        env.put("QUIVO_BASE_URL", quivo.baseUrl());
        env.put("QUIVO_API_KEY", quivo.apiKey());
        env.put("QUIVO_USERNAME", quivo.username());
        env.put("QUIVO_PASSWORD", quivo.password());
        env.put("KAFKA_BROKERS", brokers);
        env.put("QUIVO_INBOX_DIR", inbox.toString());
        env.put("QUIVO_ORDERS_TOPIC", ordersTopic);
        env.put("QUIVO_DLQ_TOPIC", dlqTopic);
        env.put("QUIVO_EVENTS_TOPIC", "events-" + prefix);
        env.put("QUIVO_ORDERS_GROUP_ID", groupId);
        env.put("QUIVO_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("QUIVO_WEBHOOK_PORT", Integer.toString(ServiceJar.freePort()));
        env.put("QUIVO_INBOX_READ_LOCK_MIN_AGE", "100");
        // a file whose dead-letter could not be written comes back from .failed/ soon, not after a minute
        env.put("QUIVO_INBOX_FAILED_RETRY_DELAY", "5000");
        env.putAll(FAST_POLICY);
        this.service = builder.start();
    }

    /** Starts the service on {@code quivo} and {@code brokers} and waits until it is ready. */
    static OutageRun start(QuivoSimulator quivo, String brokers, Path workingDir, String prefix) throws Exception {
        return start(quivo, brokers, workingDir, prefix, Map.of());
    }

    /** As above, with {@code properties} in the service's application.properties. */
    static OutageRun start(QuivoSimulator quivo, String brokers, Path workingDir, String prefix,
            Map<String, String> properties) throws Exception {
        OutageRun run = new OutageRun(quivo, brokers, Files.createDirectories(workingDir), prefix, properties);
        run.await("readiness UP", Duration.ofSeconds(90), () -> run.ready().status() == 200);
        return run;
    }

    /** Orders from now on: a file and a record every few hundred milliseconds, until {@link #stopFeeding()}. */
    void startFeeding() {
        feeding = true;
        feeder = new Thread(() -> {
            int n = 0;
            while (feeding) {
                n++;
                try {
                    feedFile(n);
                    feedRecord(n);
                    Thread.sleep(FEED_INTERVAL.toMillis());
                } catch (Exception e) {
                    feedFailure.compareAndSet(null, e);
                    return;
                }
            }
        }, "outage-feeder");
        feeder.start();
    }

    void stopFeeding() throws InterruptedException {
        feeding = false;
        feeder.join(30_000);
        producer.flush();
        assertEquals(null, feedFailure.get(), "the orders could not all be fed");
    }

    /** One in twenty files misses its positions: Quivo refuses it, and it belongs on the dead-letter topic. */
    private void feedFile(int n) throws IOException {
        String id = prefix + "-F" + n;
        boolean invalid = n % 20 == 7;
        Path part = inbox.resolve(id + ".part");
        Files.writeString(part, invalid ? Orders.withoutPositions(id) : Orders.valid(id));
        // moved in whole, as a careful writer does: the service never sees half an order
        Files.move(part, inbox.resolve(id + ".json"), StandardCopyOption.ATOMIC_MOVE);
        (invalid ? invalidFiles : validFiles).add(id);
    }

    /**
     * A record, sent without waiting: while the broker is away the producer holds it, as an application's
     * producer would, and it arrives when the broker is back. It counts once the broker acknowledged it.
     */
    private void feedRecord(int n) {
        String id = prefix + "-K" + n;
        boolean invalid = n % 20 == 13;
        byte[] value = (invalid ? Orders.withoutPositions(id) : Orders.valid(id)).getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(ordersTopic, id.getBytes(StandardCharsets.UTF_8), value), (meta, error) -> {
            if (error != null) {
                feedFailure.compareAndSet(null, error);
            } else {
                (invalid ? invalidRecords : validRecords).add(id);
            }
        });
    }

    /** Orders of this run that Quivo holds. */
    int created() {
        return (int) quivo.orders().all().stream()
                .filter(order -> order.path("orderIdentifier").asText().startsWith(prefix + "-")).count();
    }

    /** Waits until at least {@code count} more orders were created than now. */
    void awaitFlowing(int count, Duration bound) throws InterruptedException {
        int from = created();
        await(count + " orders created", bound, () -> created() >= from + count);
    }

    // ---- what a user sees

    record Health(int status, String body) {
    }

    Health ready() {
        return get("/observe/health/ready");
    }

    /** Every sample of /observe/metrics, by name with its labels; empty when the service does not answer. */
    Map<String, Double> metrics() {
        Health answer = get("/observe/metrics");
        Map<String, Double> samples = new TreeMap<>();
        if (answer.status() != 200) {
            return samples;
        }
        metricScrapes.add(answer.body());
        for (String line : answer.body().split("\n")) {
            Matcher sample = SAMPLE.matcher(line.trim());
            if (!line.startsWith("#") && sample.matches()) {
                try {
                    samples.put(sample.group(1), Double.parseDouble(sample.group(3)));
                } catch (NumberFormatException notANumber) {
                    // NaN and the like are read by Double; anything else is no sample
                }
            }
        }
        return samples;
    }

    /** The sum of the samples of a meter whose labels contain every one of {@code labels}. */
    static double sum(Map<String, Double> metrics, String name, String... labels) {
        return metrics.entrySet().stream()
                .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .filter(e -> Stream.of(labels).allMatch(e.getKey()::contains))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** Scrapes readiness and the connector's meters, notes them in the timeline, and gives both. */
    Scrape scrape(String moment) {
        Health health = ready();
        Map<String, Double> metrics = metrics();
        Map<String, Double> quivoMeters = metrics.entrySet().stream()
                .filter(e -> e.getKey().startsWith("quivo_") && !e.getKey().contains("_bucket{")
                        && e.getValue() != 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        timeline.add(String.format("%6.1f s %s: ready %d %s%n         %s", seconds(), moment, health.status(),
                health.body().replaceAll("\\s+", " "), quivoMeters));
        return new Scrape(health, metrics);
    }

    record Scrape(Health health, Map<String, Double> metrics) {
    }

    /**
     * Scrapes every few seconds until {@code length} has passed since {@code began} (System.nanoTime()), while
     * {@code during} runs before each scrape (a look at the simulator, say); the scrapes, in order.
     */
    List<Scrape> scrapeUntil(long began, Duration length, String moment, Runnable during) throws InterruptedException {
        List<Scrape> scrapes = new ArrayList<>();
        while (System.nanoTime() - began < length.toNanos()) {
            during.run();
            scrapes.add(scrape(moment));
            Thread.sleep(Math.min(3000, Math.max(0, (length.toNanos() - (System.nanoTime() - began)) / 1_000_000)));
        }
        return scrapes;
    }

    /** Waits until readiness is UP and no route is paused: the service recovered on its own. */
    Scrape awaitRecovered(Duration bound) throws InterruptedException {
        AtomicReference<Scrape> last = new AtomicReference<>();
        await("recovery: readiness UP and no route paused", bound, () -> {
            Scrape now = scrape("recovering");
            last.set(now);
            boolean recovered = now.health().status() == 200 && sum(now.metrics(), "quivo_route_paused") == 0
                    && now.metrics().containsKey("quivo_route_paused{route=\"orders-from-files\"}");
            if (!recovered) {
                sleepQuietly(1000);
            }
            return recovered;
        });
        figures.put("recoveredSecondsAfterOutage", secondsSince(outageEnded));
        return last.get();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The checks DOWN in a readiness answer, by name, with their messages. */
    static Map<String, String> downChecks(Health health) {
        Map<String, String> down = new TreeMap<>();
        try {
            for (JsonNode check : JSON.readTree(health.body()).path("checks")) {
                if ("DOWN".equals(check.path("status").asText())) {
                    down.put(check.path("name").asText(), check.path("message").asText(""));
                }
            }
        } catch (IOException notJson) {
            down.put("(no health answer)", health.body());
        }
        return down;
    }

    /** Every scrape so far, for a failure message and the test's output. */
    String timeline() {
        return String.join("\n", timeline);
    }

    /** The outage starts now: noted, and timed for the figures. */
    long outageBegins(String what) {
        outageBegan = System.nanoTime();
        note(what);
        return outageBegan;
    }

    /** The outage is over: noted, and timed for the figures. */
    void outageEnds(String what) {
        outageEnded = System.nanoTime();
        note(what);
        figures.put("outageSeconds", Math.round((outageEnded - outageBegan) / 1e9));
    }

    void note(String what) {
        timeline.add(String.format("%6.1f s %s", seconds(), what));
    }

    private double secondsSince(long nanoTime) {
        return Math.round((System.nanoTime() - nanoTime) / 1e8) / 10.0;
    }

    private double seconds() {
        return (System.nanoTime() - startedAt) / 1e9;
    }

    private Health get(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                    .timeout(Duration.ofSeconds(10)).GET().build();
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Health(answer.statusCode(), answer.body());
        } catch (IOException e) {
            return new Health(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Health(0, e.toString());
        }
    }

    // ---- the account

    /**
     * Waits until every order fed is settled, then checks: each valid order is in Quivo exactly once and was
     * never created a second time, each invalid one is on the dead-letter topic exactly once and no valid one is
     * there, the inbox and .failed/ are empty, the orders topic is committed to its end, and the same service
     * process did it all.
     */
    void assertEveryOrderAccountedFor(long servicePid) throws Exception {
        Set<String> valid = new java.util.HashSet<>(validFiles);
        valid.addAll(validRecords);
        Set<String> invalid = new java.util.HashSet<>(invalidFiles);
        invalid.addAll(invalidRecords);
        await("all " + valid.size() + " valid orders created", Duration.ofSeconds(240), () -> created() >= valid.size(),
                () -> "missing: " + valid.stream().filter(id -> quivo.orders().byIdentifier(id).isEmpty()).sorted()
                        .limit(30).toList() + ", inbox " + jsonFiles(inbox).size() + " files, .failed/ "
                        + jsonFiles(inbox.resolve(".failed")).size());
        int createdAtEnd = created();
        Map<String, Integer> deadLettered = new HashMap<>();
        Set<String> statuses = new java.util.TreeSet<>();
        List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
        await("all " + invalid.size() + " invalid orders dead-lettered", Duration.ofSeconds(120), () -> {
            deadLettered.clear();
            statuses.clear();
            deadLetters.clear();
            deadLetters.addAll(readDeadLetters());
            deadLetters.forEach(record -> {
                deadLettered.merge(new String(record.key(), StandardCharsets.UTF_8), 1, Integer::sum);
                var status = record.headers().lastHeader("quivo.status");
                statuses.add(status == null ? "none" : new String(status.value(), StandardCharsets.UTF_8));
            });
            return deadLettered.keySet().containsAll(invalid);
        });
        await("the inbox and .failed/ empty", Duration.ofSeconds(60),
                () -> jsonFiles(inbox).isEmpty() && jsonFiles(inbox.resolve(".failed")).isEmpty());
        await("the orders topic committed to its end", Duration.ofSeconds(60), this::committedToEnd);

        List<String> problems = new ArrayList<>();
        for (String id : valid) {
            int times = quivo.orders().byIdentifier(id).size();
            if (times != 1) {
                problems.add(id + " is in Quivo " + times + " times");
            }
        }
        if (created() != valid.size()) {
            problems.add(created() + " orders created, " + valid.size() + " valid ones fed");
        }
        // the simulator refuses a second create of an orderIdentifier with 409; a real Quivo might store it twice
        long secondCreates = quivo.stats().requestLog().stream()
                .filter(r -> "POST /orders".equals(r.route()) && r.status() == 409 && r.body().contains(prefix))
                .count();
        if (secondCreates > 0) {
            problems.add(secondCreates + " orders were POSTed again after Quivo had stored them");
        }
        deadLettered.forEach((id, times) -> {
            if (!invalid.contains(id)) {
                problems.add(id + " is on the dead-letter topic but is valid");
            } else if (times != 1) {
                problems.add(id + " is on the dead-letter topic " + times + " times");
            }
        });
        if (!statuses.equals(Set.of("400"))) {
            problems.add("dead-letters with quivo.status " + statuses + ", not only Quivo's 400 refusals");
        }
        Set<String> done = jsonFiles(inbox.resolve(".done")).stream().collect(Collectors.toSet());
        for (String id : validFiles) {
            if (!done.contains(id + ".json")) {
                problems.add(id + ".json is not in .done/");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems) + "\n" + timeline() + "\n" + ServiceJar.tail(log));
        assertTrue(service.isAlive() && service.pid() == servicePid, "the service was restarted or ended");
        figures.put("settledSecondsAfterOutage", secondsSince(outageEnded));
        figures.put("files", validFiles.size() + invalidFiles.size());
        figures.put("records", validRecords.size() + invalidRecords.size());
        figures.put("invalid", invalid.size());
        figures.put("accepted", createdAtEnd);
        figures.put("deadLettered", deadLettered.size());
        figures.put("logins", quivo.issuedTokens().size());
        scanForSecrets(deadLetters);
        note(String.format("accounted for: %d valid orders created once (%d files, %d records), %d invalid"
                + " dead-lettered once", valid.size(), validFiles.size(), validRecords.size(), invalid.size()));
    }

    /**
     * The service's log, every metrics scrape and every dead-letter record, searched for the API key, the
     * password and each token Quivo issued during the run.
     */
    private void scanForSecrets(List<ConsumerRecord<byte[], byte[]>> deadLetters) {
        SecretScan scan = SecretScan.of(quivo);
        assertTrue(scan.tokenCount() > 0, "the run issued tokens to look for");
        scan.file(log);
        synchronized (metricScrapes) {
            for (int i = 0; i < metricScrapes.size(); i++) {
                scan.text("metrics scrape " + (i + 1), metricScrapes.get(i));
            }
        }
        scan.deadLetters(deadLetters);
        scan.assertClean();
        figures.put("secretScan", String.format("%d tokens, %d sources, %d kB: clean", scan.tokenCount(),
                scan.sources(), scan.scannedChars() / 1000));
    }

    /**
     * Adds the run's figures to the reliability results under {@code name}: what {@code during} (the scrapes of
     * the outage) showed a user, the test's own {@code extra}, and the account of the orders.
     */
    void recordFigures(String name, List<Scrape> during, Map<String, Object> extra) throws IOException {
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("run", name);
        summary.put("date", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        summary.put("scrapesDuringOutage", during.size());
        summary.put("readinessDownScrapes", during.stream().filter(s -> s.health().status() == 503).count());
        summary.put("downChecksSeen", during.stream().flatMap(s -> downChecks(s.health()).keySet().stream())
                .collect(Collectors.toCollection(java.util.TreeSet::new)).toString());
        summary.put("pausedGaugeScrapes", during.stream().filter(s -> sum(s.metrics(), "quivo_route_paused") > 0).count());
        summary.putAll(figures);
        summary.putAll(extra);
        ReliabilityResults.record(summary);
        System.out.println(name + ": " + summary);
    }

    long servicePid() {
        return service.pid();
    }

    private boolean committedToEnd() {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                latest.put(new TopicPartition(ordersTopic, p), OffsetSpec.latest());
            }
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                    || committed.get(end.getKey()) != null
                    && committed.get(end.getKey()).offset() == end.getValue().offset());
        } catch (Exception notNow) {
            return false;
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> readDeadLetters() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "outage-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlqTopic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        } catch (Exception notYet) {
            // the topic does not exist until the first dead-letter
        }
        return records;
    }

    private static List<String> jsonFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".json")).toList();
        } catch (IOException e) {
            return List.of("(unreadable: " + e + ")");
        }
    }

    void await(String what, Duration bound, BooleanSupplier condition) throws InterruptedException {
        await(what, bound, condition, () -> "");
    }

    void await(String what, Duration bound, BooleanSupplier condition, java.util.function.Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (!service.isAlive()) {
                throw new AssertionError("the service exited with " + service.exitValue() + " while waiting for "
                        + what + "\n" + timeline() + "\n" + ServiceJar.tail(log));
            }
            if (System.nanoTime() > deadline) {
                note("threads of the service: " + threadDump());
                throw new AssertionError("no " + what + " within " + bound.toSeconds() + " s; " + state.get() + "\n"
                        + timeline() + "\n" + ServiceJar.tail(log));
            }
            Thread.sleep(250);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // long enough to hold records through a broker outage of 30 s and its recovery
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 180_000);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Where the service's threads stand, for a run that got stuck: written next to its kept log. */
    private String threadDump() {
        try {
            Path dump = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target", "reliability"))
                    .resolve("threads-" + service.pid() + ".txt");
            Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                    Long.toString(service.pid())).redirectErrorStream(true).redirectOutput(dump.toFile()).start();
            jstack.waitFor(60, TimeUnit.SECONDS);
            return dump.toString();
        } catch (IOException e) {
            return "none: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "none: interrupted";
        }
    }

    /** Copies the service's log to target/reliability, where it outlives the test's temporary folder. */
    void keepLog(String name) {
        try {
            Path kept = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target", "reliability"));
            Files.copy(log, kept.resolve(name + ".log"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(kept.resolve(name + ".timeline.txt"), timeline());
        } catch (IOException e) {
            note("could not keep the log: " + e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        feeding = false;
        if (feeder != null) {
            feeder.join(30_000);
        }
        producer.close(Duration.ofSeconds(5));
        if (service.isAlive()) {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
