package io.camelquivo.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.camelquivo.kafka.Acknowledge;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.spi.Resource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routes against the simulator and a real broker, with the policy's delays made short so that a test of
 * many retries stays quick. Every test gets its own topics and inbox.
 */
public abstract class RoutesTestSupport extends QuivoTestSupport {

    protected static final TestKafka KAFKA = TestKafka.shared();

    protected final String dlqTopic = TestKafka.uniqueTopic("dlq");
    protected final String ordersTopic = TestKafka.uniqueTopic("orders");
    protected final String ordersGroup = TestKafka.uniqueTopic("group");

    @TempDir
    protected Path inbox;

    /** Where dead-letter payloads too large for Kafka go; never the working folder's ./data/quarantine. */
    @TempDir
    protected Path quarantine;

    /** Brokers, topics, inbox and the short policy timings; tests add or change entries. */
    protected Properties properties() {
        Properties p = new Properties();
        p.put("kafka.brokers", kafka().bootstrapServers());
        p.put("quivo.dlq-topic", dlqTopic);
        p.put("quivo.orders-topic", ordersTopic);
        p.put("quivo.orders.group-id", ordersGroup);
        p.put("quivo.inbox-dir", inbox.toString());
        p.put("quivo.dlq.quarantine-dir", quarantine.toString());
        p.put("quivo.inbox.read-lock-min-age", "100");
        p.put("quivo.inbox.read-lock-check-interval", "50");
        p.put("quivo.inbox.poll-delay", "100");
        p.put("quivo.kafka.poll-timeout-ms", "500");
        p.put("quivo.policy.initial-delay", "50");
        p.put("quivo.policy.max-delay", "1500");
        p.put("quivo.policy.total-budget", "20000");
        p.put("quivo.policy.probe-interval", "300");
        p.put("quivo.kafka.max-block-ms", "3000");
        p.put("quivo.kafka.request-timeout-ms", "3000");
        p.put("quivo.kafka.delivery-timeout-ms", "6000");
        return p;
    }

    protected TestKafka kafka() {
        return KAFKA;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        // not through useOverridePropertiesWithPropertiesComponent: Camel calls that before fields are set
        camel.getPropertiesComponent().setOverrideProperties(properties());
        camel.addRoutePolicyFactory(Acknowledge.outagePause());
        // the change feeds run on the leader (master: endpoints); this context is the only member of its cluster
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setRoot(Files.createTempDirectory("quivo-cluster").toString());
        cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
        // leadership is declared on a later try of the lock than the first: tries 10 s apart would hold every
        // test's feeds back that long
        cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        camel.addService(cluster);
        return camel;
    }

    /** The route files of routes/, as the service loads them. */
    protected RoutesBuilder[] yaml(String... files) throws Exception {
        return yamlRoutes(files).toArray(RoutesBuilder[]::new);
    }

    protected List<RoutesBuilder> yamlRoutes(String... files) throws Exception {
        List<RoutesBuilder> builders = new ArrayList<>();
        for (String file : files) {
            Resource resource = PluginHelper.getResourceLoader(context).resolveResource("file:routes/" + file);
            builders.addAll(PluginHelper.getRoutesLoader(context).findRoutesBuilders(resource));
        }
        return builders;
    }

    /** Waits until the orders group has committed {@code offset} on the orders topic, else fails. */
    protected void awaitCommitted(long offset, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (kafka().committedOffset(ordersGroup, ordersTopic) < offset) {
            if (System.nanoTime() > end) {
                throw new AssertionError("committed offset " + kafka().committedOffset(ordersGroup, ordersTopic)
                        + " did not reach " + offset + " within " + within + "; " + simulator().stats());
            }
            Thread.sleep(200);
        }
    }

    /** The topics whose records' keys and headers {@link ScanForSecrets} searches for secrets. */
    protected List<String> scannedTopics() {
        return List.of(dlqTopic);
    }

    protected List<ConsumerRecord<byte[], byte[]>> deadLetters(int expected) {
        return kafka().read(dlqTopic, expected, Duration.ofSeconds(20));
    }

    public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    /** Checks a dead-letter record as connector-docs/error-policy.md describes it: headers, key, value's bytes. */
    public static void assertDeadLetter(ConsumerRecord<byte[], byte[]> record, byte[] original, String key,
            int status, String error, String source, int attempts, String origin, Class<?> exception) {
        assertArrayEquals(original, record.value(), "the value is the original payload");
        assertEquals(key, key(record));
        assertEquals(String.valueOf(status), header(record, "quivo.status"));
        assertEquals(error, header(record, "quivo.error"));
        assertEquals(source, header(record, "quivo.error.source"));
        assertEquals("orders.create", header(record, "quivo.operation"));
        assertEquals(String.valueOf(attempts), header(record, "quivo.attempts"));
        assertEquals(origin, header(record, "quivo.origin"));
        assertEquals(exception.getName(), header(record, "quivo.exception"));
        assertNotNull(Instant.parse(header(record, "quivo.failed.at")), "ISO-8601 UTC");
    }
}
