package io.camelquivo.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.simulator.QuivoSimulatorExtension;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.ServiceJar;
import io.camelquivo.testing.TestKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two service instances, as two processes in one consumer group on a 6-partition orders topic: the orders
 * spread over both and each is created once, and only the leader polls the change feeds, until it is gone.
 */
class ScaleOutIT {

    @RegisterExtension
    static QuivoSimulatorExtension sim = new QuivoSimulatorExtension();

    private static final int ORDERS = 60;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern POLLED = Pattern.compile(
            "quivo_calls_total\\{[^}]*operation=\"orders\\.changes\"[^}]*} ([0-9.]+)");

    @TempDir
    Path work;

    @Test
    void ordersSpreadOverBothInstancesAndOnlyTheLeaderPolls() throws Exception {
        TestKafka kafka = TestKafka.shared();
        String orders = TestKafka.uniqueTopic("scale-orders");
        kafka.createTopic(orders, 6);
        Path cluster = Files.createDirectories(work.resolve("shared-cluster"));
        // a group of their own: other tests' services on the shared broker use the default group
        String group = TestKafka.uniqueTopic("scale-group");

        Instance a = Instance.start(work.resolve("a"), kafka, orders, group, cluster);
        Instance b = Instance.start(work.resolve("b"), kafka, orders, group, cluster);
        try {
            a.awaitHealthy();
            b.awaitHealthy();
            awaitGroupOfTwo(kafka, orders, group);

            String prefix = "SCALE-" + System.nanoTime() + "-";
            for (int i = 0; i < ORDERS; i++) {
                kafka.send(orders, i % 6, prefix + i, Orders.valid(prefix + i).getBytes(StandardCharsets.UTF_8));
            }
            ServiceJar.awaitTrue(ORDERS + " orders in the simulator", Duration.ofSeconds(90), a.process, a.log,
                    () -> created(prefix) == ORDERS);
            for (int i = 0; i < ORDERS; i++) {
                assertEquals(1, sim.simulator().orders().byIdentifier(prefix + i).size(), prefix + i);
            }
            assertEquals(ORDERS, sim.simulator().stats().calls("POST /orders"), "each order sent once");
            int byA = a.accepted(prefix);
            int byB = b.accepted(prefix);
            assertEquals(ORDERS, byA + byB, "every order accepted by exactly one instance");
            assertTrue(byA > 0 && byB > 0, "the orders spread over both: " + byA + " and " + byB);

            // one leader polls the change feeds; the other holds its consumers back
            ServiceJar.awaitTrue("one instance polling", Duration.ofSeconds(30), a.process, a.log,
                    () -> a.polls() + b.polls() > 0);
            Thread.sleep(3_000); // the follower tries the lock every 500 ms: time enough to show a second poller
            Instance leader = a.polls() > 0 ? a : b;
            Instance follower = leader == a ? b : a;
            assertEquals(0.0, follower.polls(), "the follower polls nothing");
            assertEquals(1, leader.feedStarts(), "the leader started the orders feed once");
            assertEquals(0, follower.feedStarts(), "the follower never started it");
            leader.assertNoLeadershipBudgetWarning();

            // the leader is gone: the follower takes the lock and polls
            leader.process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            ServiceJar.awaitTrue("the follower taking over the polling", Duration.ofSeconds(30), follower.process,
                    follower.log, () -> follower.polls() > 0);
        } finally {
            a.stop();
            b.stop();
        }
    }

    private static int created(String prefix) {
        return (int) sim.simulator().orders().all().stream()
                .filter(order -> order.path("orderIdentifier").asText().startsWith(prefix)).count();
    }

    /** Both instances in the group, the six partitions shared out between them. */
    private static void awaitGroupOfTwo(TestKafka kafka, String topic, String group) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(List.of(group)).all().get();
                List<MemberDescription> members = groups.get(group).members().stream()
                        .filter(member -> member.assignment().topicPartitions().stream()
                                .anyMatch(partition -> partition.topic().equals(topic)))
                        .toList();
                if (members.size() == 2 && members.stream()
                        .allMatch(member -> member.assignment().topicPartitions().size() == 3)) {
                    return;
                }
                assertTrue(System.nanoTime() < deadline, "the group never shared the partitions out: " + members);
                Thread.sleep(250);
            }
        }
    }

    /** One service process, with its own folder and ports, on the shared simulator, broker and lock folder. */
    private record Instance(Process process, Path log, int managementPort) {

        static Instance start(Path dir, TestKafka kafka, String ordersTopic, String group, Path cluster)
                throws IOException {
            Files.createDirectories(dir);
            int managementPort = ServiceJar.freePort();
            Path log = dir.resolve("service.log");
            ProcessBuilder builder = ServiceJar.command(dir, log);
            // polling and the lock at test pace
            builder.command().addAll(1, List.of("-Dquivo.changes.delay=500", "-Dquivo.changes.initial-delay=0",
                    "-D" + ServiceSettings.CLUSTER_LOCK_INTERVAL + "=500"));
            Map<String, String> env = builder.environment();
            env.put("QUIVO_BASE_URL", sim.simulator().baseUrl());
            env.put("QUIVO_API_KEY", sim.simulator().apiKey());
            env.put("QUIVO_USERNAME", sim.simulator().username());
            env.put("QUIVO_PASSWORD", sim.simulator().password());
            env.put("KAFKA_BROKERS", kafka.bootstrapServers());
            env.put("QUIVO_ORDERS_TOPIC", ordersTopic);
            env.put("QUIVO_ORDERS_GROUP_ID", group);
            env.put("QUIVO_EVENTS_TOPIC", TestKafka.uniqueTopic("scale-events"));
            env.put("QUIVO_DLQ_TOPIC", TestKafka.uniqueTopic("scale-dlq"));
            env.put("QUIVO_MANAGEMENT_PORT", Integer.toString(managementPort));
            env.put("QUIVO_WEBHOOK_PORT", Integer.toString(ServiceJar.freePort()));
            env.put("QUIVO_CHANGES_ENABLED", "true");
            env.put("QUIVO_CLUSTER_DIR", cluster.toString());
            return new Instance(builder.start(), log, managementPort);
        }

        void awaitHealthy() throws InterruptedException {
            String health = "http://127.0.0.1:" + managementPort + "/observe/health";
            ServiceJar.awaitTrue("health UP on " + health, Duration.ofSeconds(90), process, log,
                    () -> get(health).contains("\"status\":\"UP\""));
        }

        /** The calls this instance made to list orders for the change feed, as its metrics count them. */
        double polls() {
            Matcher calls = POLLED.matcher(get("http://127.0.0.1:" + managementPort + "/observe/metrics"));
            double total = 0;
            while (calls.find()) {
                total += Double.parseDouble(calls.group(1));
            }
            return total;
        }

        int accepted(String prefix) throws IOException {
            return (int) Files.readAllLines(log).stream()
                    .filter(line -> line.contains("Quivo accepted order " + prefix)).count();
        }

        int feedStarts() throws IOException {
            return (int) Files.readAllLines(log).stream()
                    .filter(line -> line.contains("quivo:orders.changes lists by")).count();
        }

        /**
         * camel-master 4.18 warns five seconds after a leader's feeds started that their start task ran out of
         * budget, though they run fine; the service's log configuration drops that line. Waits the five seconds
         * out, then looks for it.
         */
        void assertNoLeadershipBudgetWarning() throws Exception {
            DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
            LocalDateTime started = Files.readAllLines(log).stream()
                    .filter(line -> line.contains("Leadership taken. Attempt #1 success"))
                    .map(line -> LocalDateTime.parse(line.substring(0, 23), format))
                    .max(Comparator.naturalOrder()).orElseThrow(() -> new AssertionError("no feed started"));
            long wait = Duration.between(LocalDateTime.now(), started.plusSeconds(7)).toMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            assertEquals(List.of(), Files.readAllLines(log).stream()
                    .filter(line -> line.contains("does not have more budget")).toList());
        }

        void stop() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }

        private static String get(String url) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException notYet) {
                return "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }
    }
}
