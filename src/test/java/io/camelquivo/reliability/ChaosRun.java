package io.camelquivo.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.camelquivo.simulator.Fault;
import io.camelquivo.simulator.QuivoSimulator;
import io.camelquivo.testing.SecretScan;
import io.camelquivo.simulator.RequestRecord;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.ServiceJar;
import io.camelquivo.testing.TestKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Orders through the service (the runnable jar, a child process) against a simulator that fails as Quivo does,
 * at random from a seed: files dropped into the inbox and records on the orders topic, about half each, some
 * invalid; optionally the service killed with SIGKILL at random points and started again in the same folder.
 * Then the checks of the reliability suite: every valid order in the simulator exactly once (the simulator
 * stores a second create instead of refusing it, so a duplicate shows), every invalid one on the dead-letter
 * topic with its exact bytes and headers, nothing else there, the inbox and {@code .failed/} empty, every
 * orders offset committed, and no secret in the service's output, its metrics or the dead-letter records.
 *
 * <p>The policy runs at test pace (shorter delays, budget and probe interval, via {@code QUIVO_POLICY_*}); its
 * counts (re-logins, redeliveries) are the defaults a user gets.
 */
final class ChaosRun {

    /** The mix, in units of 0.5 % of calls: 401 5 %, 429 8 %, 500 2 %, 503 2 %, 504 5 %, resets 2 %. */
    private static final Map<String, Integer> CREATE_FAULTS = weights(
            "expiredToken", 10, "throttled", 16, "serverError", 4, "unavailable", 4,
            "gatewayTimeoutBeforeStore", 5, "gatewayTimeoutAfterStore", 5, "resetBeforeStore", 2, "resetAfterStore", 2);
    /** A lookup stores nothing, so each fault of the mix is its before-store kind there. */
    private static final Map<String, Integer> LOOKUP_FAULTS = weights(
            "expiredToken", 10, "throttled", 16, "serverError", 4, "unavailable", 4,
            "gatewayTimeoutBeforeStore", 10, "resetBeforeStore", 4);
    private static final double UNIT = 0.005;

    private static final String REJECTED = "io.camelquivo.error.QuivoRejectedException";
    private static final List<String> HEADERS = List.of("quivo.status", "quivo.error", "quivo.error.source",
            "quivo.operation", "quivo.attempts", "quivo.origin", "quivo.failed.at", "quivo.exception");
    private static final String NO_POSITIONS = "positions: must not be null";
    private static final String EMPTY_POSITIONS = "positions: must not be empty";
    private static final String POSITIONS = "\"positions\":[{\"sku\":\"SKU-1\",\"name\":\"Blue Mug\",\"quantity\":2,\"price\":9.5}]";

    private static final Pattern RATE_LIMIT = Pattern.compile("(?m)^quivo_rate_limit_per_second\\{[^}]*} ([0-9.Ee+-]+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param name     the run's name in the summary and in results.json, e.g. {@code chaos-1000}
     * @param orders   how many orders, valid and invalid
     * @param kills    how many times the service is killed with SIGKILL and started again
     * @param seed     orders, channels, faults and kill points all follow from it
     * @param within   the longest the whole run may take before it fails
     * @param rateLimit the component's {@code rateLimit} for the service, or null for its default (adaptive)
     */
    record Settings(String name, int orders, int kills, long seed, Duration within, String rateLimit) {

        static Settings chaos(int orders, Duration within) {
            return new Settings("chaos-" + orders, orders, 0, 20261216L, within, "1000");
        }

        static Settings crash(int orders, int kills, Duration within) {
            return new Settings("crash-" + orders, orders, kills, 20261217L, within, "1000");
        }
    }

    /** One order of the run: its bytes, whether it goes as a file or a record, and why Quivo refuses it, if it does. */
    private record Order(String id, byte[] bytes, boolean asFile, String refusal) {

        boolean valid() {
            return refusal == null;
        }
    }

    private final Settings settings;
    private final Path work;
    private final Path inbox;
    private final TestKafka kafka = TestKafka.shared();
    private final String ordersTopic = TestKafka.uniqueTopic("chaos-orders");
    private final String dlqTopic = TestKafka.uniqueTopic("chaos-dlq");
    private final String group = TestKafka.uniqueTopic("chaos-group");
    private final String apiKey = "chaos-api-key-" + UUID.randomUUID();
    private final String password = "chaos-password-" + UUID.randomUUID();
    private final Map<String, String> kafkaOrigins = new ConcurrentHashMap<>();
    private final List<Path> logs = new ArrayList<>();
    private final List<String> metricScrapes = new ArrayList<>();
    private final List<Double> rateLimits = new ArrayList<>();
    private final List<Instant> killedAt = new ArrayList<>();
    private int samples;
    private QuivoSimulator quivo;
    private Process service;
    private int managementPort;

    ChaosRun(Settings settings, Path work) {
        this.settings = settings;
        this.work = work;
        this.inbox = work.resolve("inbox");
    }

    /** Runs it, checks it, prints and returns the one-line summary; fails on the first broken promise. */
    Map<String, Object> run() throws Exception {
        Files.createDirectories(inbox);
        writeApplicationProperties();
        Random random = new Random(settings.seed());
        List<Order> orders = plan(random);
        kafka.createTopic(ordersTopic, 3);
        kafka.createTopic(dlqTopic, 1);
        quivo = QuivoSimulator.builder().apiKey(apiKey).username("chaos-user").password(password)
                .tokenLifetime(Duration.ofSeconds(3)).storeDuplicateOrders(true).build().start();
        quivo.faults().random(random.nextLong(), total(CREATE_FAULTS), "POST /orders", faults(CREATE_FAULTS));
        quivo.faults().random(random.nextLong(), total(LOOKUP_FAULTS), "GET /orders", faults(LOOKUP_FAULTS));
        List<Integer> killPoints = killPoints(random, orders.size());
        double loadBefore = loadAverage();
        try (DeadLetterReader deadLetters = new DeadLetterReader()) {
            startService();
            awaitHealthy();
            long started = System.nanoTime();
            Feeding feeding = new Feeding();
            Thread feeder = new Thread(() -> feed(orders, new Random(random.nextLong())), "chaos-feeder");
            feeder.setUncaughtExceptionHandler((t, e) -> feeding.failure = e);
            feeder.start();

            int valid = (int) orders.stream().filter(Order::valid).count();
            int invalid = orders.size() - valid;
            int kills = 0;
            long deadline = started + settings.within().toNanos();
            Random killDelay = new Random(random.nextLong());
            long nextSample = 0;
            while (true) {
                deadLetters.poll();
                int settled = quivo.orders().count() + deadLetters.records().size();
                if (kills < killPoints.size() && settled >= killPoints.get(kills)) {
                    Thread.sleep(killDelay.nextInt(500)); // wherever the orders in flight are by then
                    kill();
                    kills++;
                    startService();
                }
                if (feeding.failure != null) {
                    fail("feeding the orders failed", feeding.failure);
                }
                if (!feeder.isAlive() && quivo.orders().count() >= valid && deadLetters.records().size() >= invalid
                        && inboxIsEmpty() && allOffsetsCommitted()) {
                    break;
                }
                if (!service.isAlive()) {
                    fail("the service exited with " + service.exitValue() + "\n" + ServiceJar.tail(current()));
                }
                if (System.nanoTime() > nextSample) {
                    sampleMetrics();
                    nextSample = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                }
                if (System.nanoTime() > deadline) {
                    fail("not settled within " + settings.within().toSeconds() + " s: " + quivo.orders().count() + " of "
                            + valid + " valid orders in Quivo, " + deadLetters.records().size() + " of " + invalid
                            + " dead-lettered, inbox empty " + inboxIsEmpty() + ", offsets committed "
                            + allOffsetsCommitted() + "\n" + ServiceJar.tail(current()));
                }
                Thread.sleep(250);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            // time for a late duplicate (a second create, a second dead-letter) to show before the checks
            Thread.sleep(3_000);
            deadLetters.poll();
            sampleMetrics();
            String lastScrape = get("/observe/metrics");
            assertTrue(get("/observe/health").contains("\"status\":\"UP\""), "health UP once the run is over");
            stopGracefully();
            double loadAfter = loadAverage();

            checkQuivo(orders);
            Map<String, Object> dead = checkDeadLetters(orders, deadLetters.records());
            if (kills == 0) {
                checkMetrics(lastScrape, deadLetters.records().size());
            }
            checkFolders(orders);
            int tokens = scanForSecrets(deadLetters.records());

            keepLogs();
            Map<String, Object> summary = summary(orders, dead, kills, seconds, tokens, loadBefore, loadAfter);
            System.out.println(line(summary));
            return summary;
        } finally {
            if (service != null && service.isAlive()) {
                service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            quivo.close();
        }
    }

    private static final class Feeding {
        volatile Throwable failure;
    }

    // ---- the orders

    /** The orders in the order they are sent: 5 % invalid, half as files, shuffled from the seed. */
    private List<Order> plan(Random random) {
        String prefix = "CH" + Long.toString(System.nanoTime() % 100_000, 36).toUpperCase(Locale.ROOT) + "-";
        int count = settings.orders();
        int invalid = Math.max(1, count / 20);
        List<Integer> invalidAt = shuffled(count, random).subList(0, invalid);
        Set<Integer> invalidSet = new HashSet<>(invalidAt);
        List<Integer> fileAt = shuffled(count, random).subList(0, count / 2);
        Set<Integer> fileSet = new HashSet<>(fileAt);
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + i;
            String body;
            String refusal = null;
            if (!invalidSet.contains(i)) {
                body = Orders.valid(id);
            } else if (i % 2 == 0) {
                body = Orders.withoutPositions(id);
                refusal = NO_POSITIONS;
            } else {
                body = Orders.valid(id).replace(POSITIONS, "\"positions\":[]");
                assertTrue(body.contains("\"positions\":[]"), "an order with no positions: " + body);
                refusal = EMPTY_POSITIONS;
            }
            orders.add(new Order(id, body.getBytes(StandardCharsets.UTF_8), fileSet.contains(i), refusal));
        }
        Collections.shuffle(orders, random);
        return orders;
    }

    /**
     * Sends every order, files and records interleaved, in bursts of 50 with a short pause between them: a
     * shop's steady stream rather than one heap, so that the kills meet orders still arriving.
     */
    private void feed(List<Order> orders, Random random) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        Path staging = work.resolve("staging");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            Files.createDirectories(staging);
            Map<String, Future<RecordMetadata>> sent = new LinkedHashMap<>();
            for (int i = 0; i < orders.size(); i++) {
                Order order = orders.get(i);
                if (order.asFile()) {
                    // written elsewhere and moved in, as a careful shop does; a half-written file is item 4's
                    Path file = staging.resolve(order.id() + ".json");
                    Files.write(file, order.bytes());
                    Files.move(file, inbox.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                } else {
                    sent.put(order.id(), producer.send(new ProducerRecord<>(ordersTopic,
                            order.id().getBytes(StandardCharsets.UTF_8), order.bytes())));
                }
                if (i % 50 == 49) {
                    producer.flush();
                    Thread.sleep(20 + random.nextInt(60));
                }
            }
            producer.flush();
            for (Map.Entry<String, Future<RecordMetadata>> record : sent.entrySet()) {
                RecordMetadata at = record.getValue().get();
                kafkaOrigins.put(record.getKey(), "kafka:" + ordersTopic + "/" + at.partition() + "/" + at.offset());
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not feed the orders", e);
        }
    }

    // ---- the service

    private void startService() throws IOException {
        Path log = work.resolve("service-" + (logs.size() + 1) + ".log");
        logs.add(log);
        managementPort = ServiceJar.freePort();
        ProcessBuilder builder = ServiceJar.command(work, log);
        builder.command().add(1, "-Xmx512m");
        Map<String, String> env = builder.environment();
        env.put("QUIVO_BASE_URL", quivo.baseUrl());
        env.put("QUIVO_API_KEY", apiKey);
        env.put("QUIVO_USERNAME", quivo.username());
        env.put("QUIVO_PASSWORD", password);
        env.put("KAFKA_BROKERS", kafka.bootstrapServers());
        env.put("QUIVO_INBOX_DIR", inbox.toString());
        env.put("QUIVO_ORDERS_TOPIC", ordersTopic);
        env.put("QUIVO_ORDERS_GROUP_ID", group);
        env.put("QUIVO_DLQ_TOPIC", dlqTopic);
        env.put("QUIVO_EVENTS_TOPIC", TestKafka.uniqueTopic("chaos-events"));
        env.put("QUIVO_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("QUIVO_WEBHOOK_PORT", Integer.toString(ServiceJar.freePort()));
        // the policy at test pace: the same counts, shorter waits
        env.put("QUIVO_POLICY_INITIAL_DELAY", "100");
        env.put("QUIVO_POLICY_MAX_DELAY", "2000");
        env.put("QUIVO_POLICY_TOTAL_BUDGET", "60000");
        env.put("QUIVO_POLICY_PROBE_INTERVAL", "1000");
        env.put("QUIVO_INBOX_READ_LOCK_MIN_AGE", "100");
        env.put("QUIVO_INBOX_POLL_DELAY", "200");
        env.put("QUIVO_INBOX_FAILED_RETRY_DELAY", "5000");
        service = builder.start();
    }

    /**
     * A fixed rate limit, set where a user sets it: an application.properties in the working folder. The issue's
     * 429s come at random, whatever the pace, and the default adaptive limit reads each one as Quivo's quota
     * talking: it settles at a few calls a second (the summary's rate limit; rate-limit.md, "A limit that keeps
     * falling"), which would measure that reading rather than the guarantees. A fixed limit ignores 429s and
     * still honours Retry-After.
     */
    private void writeApplicationProperties() throws IOException {
        if (settings.rateLimit() != null) {
            Files.writeString(work.resolve("application.properties"),
                    "camel.component.quivo.rate-limit = " + settings.rateLimit() + "\n");
        }
    }

    private void awaitHealthy() throws InterruptedException {
        ServiceJar.awaitTrue("health UP", Duration.ofSeconds(120), service, current(),
                () -> get("/observe/health").contains("\"status\":\"UP\""));
    }

    /**
     * Scrapes the metrics for the secret scan (one scrape in five is kept) and reads the account's rate limit:
     * the adaptive limiter lowers it on every 429, so it says how much the random 429s slow the run.
     */
    private void sampleMetrics() {
        String scrape = get("/observe/metrics");
        Matcher rate = RATE_LIMIT.matcher(scrape);
        if (rate.find()) {
            double perSecond = Double.parseDouble(rate.group(1));
            rateLimits.add(perSecond);
        }
        if (!scrape.isEmpty() && samples++ % 5 == 0) {
            metricScrapes.add(scrape);
        }
    }

    /** SIGKILL: no shutdown hook, no clean-up, whatever was in flight. */
    private void kill() throws InterruptedException {
        String scrape = get("/observe/metrics");
        if (!scrape.isEmpty()) {
            metricScrapes.add(scrape);
        }
        service.destroyForcibly();
        assertTrue(service.waitFor(20, TimeUnit.SECONDS), "the killed service is gone");
        killedAt.add(Instant.now());
    }

    /** SIGTERM: the service promises to stop with exit code 0. */
    private void stopGracefully() throws InterruptedException {
        service.destroy();
        assertTrue(service.waitFor(60, TimeUnit.SECONDS), "the service stops on SIGTERM\n" + ServiceJar.tail(current()));
        assertEquals(0, service.exitValue(), "exit code after SIGTERM\n" + ServiceJar.tail(current()));
    }

    private Path current() {
        return logs.get(logs.size() - 1);
    }

    private String get(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException notYet) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    // ---- progress

    private boolean inboxIsEmpty() {
        return jsonFiles(inbox).isEmpty() && jsonFiles(inbox.resolve(".failed")).isEmpty();
    }

    private static List<String> jsonFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            return List.of("(unreadable: " + e + ")");
        }
    }

    /** Every partition of the orders topic committed at its end: no record left unsettled. */
    private boolean allOffsetsCommitted() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < 3; p++) {
                latest.put(new TopicPartition(ordersTopic, p), OffsetSpec.latest());
            }
            var ends = admin.listOffsets(latest).all().get();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                    || (committed.get(end.getKey()) != null
                            && committed.get(end.getKey()).offset() == end.getValue().offset()));
        } catch (Exception notYet) {
            return false;
        }
    }

    // ---- the checks

    /** Every valid order exactly once; no invalid one; nothing else. */
    private void checkQuivo(List<Order> orders) {
        Map<String, Long> stored = quivo.orders().all().stream()
                .collect(Collectors.groupingBy(o -> o.path("orderIdentifier").asText(), TreeMap::new,
                        Collectors.counting()));
        List<String> missing = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        List<String> invalidStored = new ArrayList<>();
        for (Order order : orders) {
            long times = stored.getOrDefault(order.id(), 0L);
            if (order.valid() && times == 0) {
                missing.add(order.id());
            } else if (order.valid() && times > 1) {
                twice.add(order.id() + " x" + times);
            } else if (!order.valid() && times > 0) {
                invalidStored.add(order.id());
            }
        }
        Set<String> known = orders.stream().map(Order::id).collect(Collectors.toSet());
        List<String> unknown = stored.keySet().stream().filter(id -> !known.contains(id)).toList();
        assertEquals(List.of(), missing, "valid orders not in Quivo (lost)");
        assertEquals(List.of(), twice, "valid orders created more than once (duplicated)");
        assertEquals(List.of(), invalidStored, "invalid orders in Quivo");
        assertEquals(List.of(), unknown, "orders in Quivo that were never sent");
    }

    /**
     * Every invalid order on the dead-letter topic with its own bytes, its identifier as key and exactly the
     * promised headers, {@code quivo.attempts} at most the calls the simulator saw for it (all of them unless an
     * earlier reading of it was left in its source); nothing else there. Without kills, each exactly once. A kill may
     * come after a dead-letter was written but before its file moved or its offset was committed: then the same
     * order is dead-lettered again after the restart (at least once), each copy complete, and the summary counts
     * the copies.
     */
    private Map<String, Object> checkDeadLetters(List<Order> orders, List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, Order> byId = orders.stream().collect(Collectors.toMap(Order::id, o -> o));
        Map<String, Integer> calls = callsPerOrder();
        Map<String, Integer> copies = new TreeMap<>();
        int attemptsExact = 0;
        Instant earliest = Instant.now().minus(settings.within()).minusSeconds(300);
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String at = "dead-letter " + record.partition() + "/" + record.offset();
            String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            Order order = key == null ? null : byId.get(key);
            assertTrue(order != null, at + ": key " + key + " is no order of the run");
            assertTrue(!order.valid(), at + ": the valid order " + key + " was dead-lettered");
            assertTrue(Arrays.equals(order.bytes(), record.value()), at + ": not the original bytes of " + key);
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                assertTrue(headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)) == null,
                        at + ": header " + header.key() + " twice");
            }
            assertEquals(Set.copyOf(HEADERS), headers.keySet(), at + ": the headers");
            assertEquals("400", headers.get("quivo.status"), at);
            assertEquals(order.refusal(), headers.get("quivo.error"), at);
            assertEquals("backend", headers.get("quivo.error.source"), at);
            assertEquals("orders.create", headers.get("quivo.operation"), at);
            assertEquals(REJECTED, headers.get("quivo.exception"), at);
            String origin = order.asFile() ? "file:" + order.id() + ".json" : kafkaOrigins.get(order.id());
            assertEquals(origin, headers.get("quivo.origin"), at);
            Instant failedAt = Instant.parse(headers.get("quivo.failed.at"));
            assertTrue(failedAt.isAfter(earliest) && failedAt.isBefore(Instant.now()), at + ": quivo.failed.at " + failedAt);
            // the header counts the calls since the order was last read from its source: all of them, unless an
            // earlier reading was left in its source (re-logins or budget spent) or cut short by a kill
            int attempts = Integer.parseInt(headers.get("quivo.attempts"));
            int seen = calls.getOrDefault(key, 0);
            assertTrue(attempts >= 1 && attempts <= seen,
                    at + ": quivo.attempts " + attempts + " against the " + seen + " calls the simulator saw for " + key);
            if (attempts == seen) {
                attemptsExact++;
            }
            copies.merge(key, 1, Integer::sum);
        }
        List<String> notDeadLettered = orders.stream().filter(o -> !o.valid() && !copies.containsKey(o.id()))
                .map(Order::id).toList();
        assertEquals(List.of(), notDeadLettered, "invalid orders never dead-lettered (lost)");
        List<String> repeated = copies.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " x" + e.getValue()).toList();
        if (settings.kills() == 0) {
            assertEquals(List.of(), repeated, "dead-lettered more than once without a crash");
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("deadLettered", copies.size());
        figures.put("deadLetterRecords", records.size());
        figures.put("deadLetterRepeats", records.size() - copies.size());
        figures.put("attemptsEqualToCalls", attemptsExact);
        return figures;
    }

    /**
     * What the service's metrics say against what the simulator and the topic saw; only for a run without kills,
     * since a killed service's counters die with it. Quivo here is on loopback, so every call the service made
     * reached the simulator.
     */
    private void checkMetrics(String scrape, int deadLetterRecords) {
        int calls = quivo.stats().calls("POST /orders") + quivo.stats().calls("GET /orders");
        assertEquals(calls, (int) sum(scrape, "quivo_calls_total", "operation=\"orders.create\""),
                "quivo_calls_total of orders.create against the creates and lookups the simulator saw");
        assertEquals(quivo.stats().successfulLogins(), (int) sum(scrape, "quivo_logins_total", "outcome=\"success\""),
                "quivo_logins_total{outcome=success} against the simulator's logins");
        assertEquals(deadLetterRecords, (int) sum(scrape, "quivo_dead_letters_total", ""),
                "quivo_dead_letters_total against the records on the dead-letter topic");
    }

    /** The sum of a meter's series whose labels contain {@code label}. */
    private static double sum(String scrape, String meter, String label) {
        double total = 0;
        Matcher series = Pattern.compile("(?m)^" + meter + "\\{([^}]*)} ([0-9.Ee+-]+)$").matcher(scrape);
        boolean found = false;
        while (series.find()) {
            if (series.group(1).contains(label)) {
                total += Double.parseDouble(series.group(2));
                found = true;
            }
        }
        assertTrue(found, meter + "{" + label + "} in the metrics");
        return total;
    }

    /** The calls the simulator saw for each order: its creates (by body) and its lookups (by query). */
    private Map<String, Integer> callsPerOrder() {
        Map<String, Integer> calls = new HashMap<>();
        for (RequestRecord request : quivo.stats().requestLog()) {
            String id = orderOf(request);
            if (id != null) {
                calls.merge(id, 1, Integer::sum);
            }
        }
        return calls;
    }

    /** The order a create (by its body) or a lookup (by its query) was for; null for any other call. */
    private static String orderOf(RequestRecord request) {
        if ("POST /orders".equals(request.route())) {
            return identifierIn(request.body());
        }
        if ("GET /orders".equals(request.route()) && request.path().contains("?")) {
            for (String parameter : request.path().substring(request.path().indexOf('?') + 1).split("&")) {
                String decoded = URLDecoder.decode(parameter, StandardCharsets.UTF_8);
                if (decoded.startsWith("query=orderIdentifier:")) {
                    return decoded.substring("query=orderIdentifier:".length());
                }
            }
        }
        return null;
    }

    /**
     * After each kill, how long until Quivo answered a call for an order of each channel with 200 again (the
     * slowest of the kills): how soon a restarted service is back at work on the inbox and on the topic.
     */
    private Map<String, Object> resumption(List<Order> orders) {
        Map<String, Boolean> asFile = orders.stream().collect(Collectors.toMap(Order::id, Order::asFile));
        double files = 0;
        double records = 0;
        List<RequestRecord> log = quivo.stats().requestLog();
        for (Instant kill : killedAt) {
            Instant file = null;
            Instant record = null;
            for (RequestRecord request : log) {
                String id = request.status() == 200 && request.at().isAfter(kill) ? orderOf(request) : null;
                if (id == null || !asFile.containsKey(id)) {
                    continue;
                }
                if (asFile.get(id) && (file == null || request.at().isBefore(file))) {
                    file = request.at();
                } else if (!asFile.get(id) && (record == null || request.at().isBefore(record))) {
                    record = request.at();
                }
            }
            files = Math.max(files, file == null ? -1 : Duration.between(kill, file).toMillis() / 1000.0);
            records = Math.max(records, record == null ? -1 : Duration.between(kill, record).toMillis() / 1000.0);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("filesResumeAfterKillSeconds", Math.round(files * 10) / 10.0);
        figures.put("recordsResumeAfterKillSeconds", Math.round(records * 10) / 10.0);
        return figures;
    }

    private static String identifierIn(String body) {
        String marker = "\"orderIdentifier\":\"";
        int from = body.indexOf(marker);
        if (from < 0) {
            return null;
        }
        int start = from + marker.length();
        return body.substring(start, body.indexOf('"', start));
    }

    /** The inbox and .failed/ empty; every file in .done/, once. */
    private void checkFolders(List<Order> orders) {
        assertEquals(List.of(), jsonFiles(inbox), "files left in the inbox");
        assertEquals(List.of(), jsonFiles(inbox.resolve(".failed")), "files left in .failed/");
        List<String> expected = orders.stream().filter(Order::asFile).map(o -> o.id() + ".json").sorted().toList();
        assertEquals(expected, jsonFiles(inbox.resolve(".done")), "every file in .done/");
    }

    /** Logs of every start, every metrics scrape, every dead-letter record; returns how many tokens were looked for. */
    private int scanForSecrets(List<ConsumerRecord<byte[], byte[]>> records) {
        SecretScan scan = SecretScan.of(quivo);
        assertTrue(scan.tokenCount() > 1, "the run issued tokens to look for");
        logs.forEach(scan::file);
        for (int i = 0; i < metricScrapes.size(); i++) {
            assertTrue(metricScrapes.get(i).contains("quivo_calls_total"), "a metrics scrape");
            scan.text("metrics scrape " + (i + 1), metricScrapes.get(i));
        }
        scan.deadLetters(records);
        scan.assertClean();
        return scan.tokenCount();
    }

    // ---- the figures

    /** The service's output of each start, kept in target/reliability under the run's name (the scan found it clean). */
    private void keepLogs() throws IOException {
        Path kept = Path.of(System.getProperty("basedir", ".")).resolve("target/reliability").resolve(settings.name());
        Files.createDirectories(kept);
        for (Path log : logs) {
            Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Map<String, Object> summary(List<Order> orders, Map<String, Object> dead, int kills, double seconds,
            int tokens, double loadBefore, double loadAfter) throws IOException {
        List<RequestRecord> log = quivo.stats().requestLog();
        Map<String, Integer> faults = new TreeMap<>();
        int realExpiries = 0;
        for (RequestRecord request : log) {
            if (request.fault() != null && !"POST /login".equals(request.route())) {
                faults.merge(request.fault(), 1, Integer::sum);
            } else if (request.status() == 401 && !"POST /login".equals(request.route())) {
                realExpiries++;
            }
        }
        long valid = orders.stream().filter(Order::valid).count();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("run", settings.name());
        summary.put("rateLimit", settings.rateLimit() == null ? "adaptive" : settings.rateLimit());
        summary.put("orders", orders.size());
        summary.put("files", orders.stream().filter(Order::asFile).count());
        summary.put("records", orders.stream().filter(o -> !o.asFile()).count());
        summary.put("invalid", orders.size() - valid);
        summary.put("accepted", valid);
        summary.putAll(dead);
        summary.put("faultsInjected", faults.values().stream().mapToInt(Integer::intValue).sum());
        summary.put("faultsByKind", faults);
        summary.put("expiredTokens", realExpiries);
        summary.put("posts", quivo.stats().calls("POST /orders"));
        summary.put("lookups", quivo.stats().calls("GET /orders"));
        summary.put("logins", quivo.stats().logins());
        summary.put("tokensScanned", tokens);
        summary.put("kills", kills);
        if (kills > 0) {
            summary.putAll(resumption(orders));
        }
        summary.put("leftInSource", countInLogs("Not settled after"));
        summary.put("pauses", countInLogs("paused: a message could not be settled"));
        summary.put("rateLimitMedian", rateLimits.isEmpty() ? -1 : Math.round(median(rateLimits) * 10) / 10.0);
        summary.put("rateLimitMin", rateLimits.stream().mapToDouble(Double::doubleValue).min().orElse(-1));
        summary.put("seconds", Math.round(seconds * 10) / 10.0);
        summary.put("ordersPerSecond", Math.round(orders.size() / seconds * 10) / 10.0);
        summary.put("loadAverage", loadBefore + " -> " + loadAfter);
        summary.put("cores", Runtime.getRuntime().availableProcessors());
        summary.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return summary;
    }

    private int countInLogs(String text) throws IOException {
        int count = 0;
        for (Path log : logs) {
            try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                count += (int) lines.filter(line -> line.contains(text)).count();
            } catch (UncheckedIOException malformed) {
                count += (int) new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()
                        .filter(line -> line.contains(text)).count();
            }
        }
        return count;
    }

    static String line(Map<String, Object> s) {
        return String.format(Locale.ROOT, "%s: %d orders (%d files, %d records, %d invalid): %d accepted exactly once,"
                + " %d dead-lettered (%d records); faults injected %d %s, expired tokens %d; %d POSTs, %d lookups,"
                + " %d logins; %d kills%s; %d left in source, %d pauses; rate limit median %s/s; %.1f s (%.1f orders/s);"
                + " load %s on %d cores",
                s.get("run"), s.get("orders"), s.get("files"), s.get("records"), s.get("invalid"), s.get("accepted"),
                s.get("deadLettered"), s.get("deadLetterRecords"), s.get("faultsInjected"), s.get("faultsByKind"),
                s.get("expiredTokens"), s.get("posts"), s.get("lookups"), s.get("logins"), s.get("kills"),
                s.containsKey("filesResumeAfterKillSeconds") ? " (back at work within " + s.get("filesResumeAfterKillSeconds")
                        + " s on files, " + s.get("recordsResumeAfterKillSeconds") + " s on records)" : "",
                s.get("leftInSource"), s.get("pauses"), s.get("rateLimitMedian"), s.get("seconds"), s.get("ordersPerSecond"),
                s.get("loadAverage"), s.get("cores"));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return -1;
        }
    }

    // ---- helpers

    private List<Integer> killPoints(Random random, int orders) {
        List<Integer> points = new ArrayList<>();
        for (int i = 0; i < settings.kills(); i++) {
            points.add((int) (orders * (0.1 + 0.8 * random.nextDouble())));
        }
        Collections.sort(points);
        return points;
    }

    private static List<Integer> shuffled(int count, Random random) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(i);
        }
        Collections.shuffle(all, random);
        return all;
    }

    private static Map<String, Integer> weights(Object... nameAndWeight) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (int i = 0; i < nameAndWeight.length; i += 2) {
            weights.put((String) nameAndWeight[i], (Integer) nameAndWeight[i + 1]);
        }
        return weights;
    }

    private static double total(Map<String, Integer> weights) {
        return weights.values().stream().mapToInt(Integer::intValue).sum() * UNIT;
    }

    /** Each fault as often in the list as its weight: the simulator draws uniformly from the list. */
    private static Fault[] faults(Map<String, Integer> weights) {
        List<Fault> list = new ArrayList<>();
        weights.forEach((name, weight) -> {
            for (int i = 0; i < weight; i++) {
                list.add(fault(name));
            }
        });
        return list.toArray(Fault[]::new);
    }

    private static Fault fault(String name) {
        return switch (name) {
            case "expiredToken" -> Fault.expiredToken();
            case "throttled" -> Fault.throttled();
            case "serverError" -> Fault.serverError();
            case "unavailable" -> Fault.unavailable();
            case "gatewayTimeoutBeforeStore" -> Fault.gatewayTimeoutBeforeStore();
            case "gatewayTimeoutAfterStore" -> Fault.gatewayTimeoutAfterStore();
            case "resetBeforeStore" -> Fault.resetBeforeStore();
            case "resetAfterStore" -> Fault.resetAfterStore();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The dead-letter topic read from its start with a plain consumer, as any user of it would. */
    private final class DeadLetterReader implements AutoCloseable {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();

        DeadLetterReader() {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            TopicPartition partition = new TopicPartition(dlqTopic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
        }

        void poll() {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }

        List<ConsumerRecord<byte[], byte[]>> records() {
            return records;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
