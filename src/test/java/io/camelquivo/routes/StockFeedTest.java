package io.camelquivo.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.client.QuivoCallListener;
import io.camelquivo.component.QuivoComponent;
import io.camelquivo.error.StatusFamily;
import io.camelquivo.testing.RoutesTestSupport;
import io.camelquivo.testing.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * routes/quivo-stock.yaml (with routes/quivo-changes.yaml, whose route configuration it uses) against the
 * simulator and the shared broker, polling every 100 ms: 2,500 items of one warehouse and seller, in pages of
 * 1,000, and a few of another.
 */
class StockFeedTest extends RoutesTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ITEMS = "GET /items/{warehouseId}/{sellerId}";
    private static final int MANY = 2_500;

    @TempDir
    Path snapshotDir;
    @TempDir
    Path sharedClusterDir;

    private final String stockTopic = TestKafka.uniqueTopic("stock");
    private final Properties extra = new Properties();
    /** The calls of items.changes made by each context, in the order the contexts were made. */
    private final List<AtomicInteger> stockCalls = new ArrayList<>();
    private final List<CamelContext> others = new ArrayList<>();
    private boolean sharedCluster;

    @Override
    protected Properties properties() {
        Properties p = super.properties();
        p.put("quivo.stock.enabled", "true");
        p.put("quivo.stock.delay", "100");
        p.put("quivo.stock.initial-delay", "0");
        p.put("quivo.stock-topic", stockTopic);
        p.put("quivo.stock.snapshot-file", snapshotDir.resolve("stock.state").toString());
        p.putAll(extra);
        return p;
    }

    @Override
    protected void configure(QuivoComponent quivo) {
        AtomicInteger calls = new AtomicInteger();
        stockCalls.add(calls);
        quivo.setCallListener(new QuivoCallListener() {
            @Override
            public void onCall(String operation, int status, StatusFamily family) {
                if (operation.equals("items.changes")) {
                    calls.incrementAndGet();
                }
            }
        });
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        if (sharedCluster) {
            // two instances: their lock files in one folder, as the service's QUIVO_CLUSTER_DIR on a shared volume
            camel.hasService(FileLockClusterService.class).setRoot(sharedClusterDir.toString());
        }
        return camel;
    }

    /** The routes are added by each test once the simulator holds its stock: a first poll takes it as it is. */
    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[0];
    }

    @AfterEach
    void stopOthers() {
        others.forEach(CamelContext::stop);
    }

    @Test
    void onlyChangedSkusArePublishedOnceAndARestartPublishesNothingNew() throws Exception {
        seed();
        startRoutes(context);
        awaitPolls(2);
        assertEquals(0, published(), "the first poll takes the stock as it is");

        changeQuantity(42, 7);
        changeQuantity(1_337, 0);
        changeQuantity(2_499, 120);
        simulator().items().put(500, item(500, 4, 1001, quantity(500), "a new name"));
        changeQuantity(90_002, 9);
        List<ConsumerRecord<byte[], byte[]>> records = kafka().read(stockTopic, 4, Duration.ofSeconds(20));
        awaitPolls(3);
        assertEquals(4, published(), "each changed SKU once, and a change of the name alone is none: " + keys(records));

        ConsumerRecord<byte[], byte[]> mug = records.stream().filter(r -> key(r).equals("ITEMS:4:1001:SKU-0042"))
                .findFirst().orElseThrow(() -> new AssertionError("SKU-0042 not published: " + keys(records)));
        assertEquals(Map.of("quivo.entity", "ITEMS", "quivo.id", "42", "quivo.source", "poll",
                "quivo.warehouseId", "4", "quivo.sellerId", "1001", "quivo.sku", "SKU-0042",
                "quivo.stock.before", quantitiesJson(quantity(42)), "quivo.stock.after", quantitiesJson(7)),
                headers(mug));
        JsonNode value = MAPPER.readTree(mug.value());
        assertEquals("SKU-0042", value.get("sku").asText());
        assertEquals(7, value.get("quantity").asInt());
        assertTrue(keys(records).contains("ITEMS:7:1002:SKU-90002"), "another warehouse and seller: " + keys(records));

        context.stop();
        CamelContext again = another();
        startRoutes(again);
        awaitPolls(3);
        assertEquals(4, published(), "the snapshot survived the restart");
        changeQuantity(3, 1);
        assertEquals(5, kafka().read(stockTopic, 5, Duration.ofSeconds(20)).size());
        awaitPolls(2);
        assertEquals(5, published());
    }

    @Test
    void ofTwoInstancesOnlyTheLeaderPollsAndTheOtherTakesOverWhereItStopped() throws Exception {
        sharedCluster = true;
        CamelContext first = context;
        first.stop();
        first = another();
        seed();
        startRoutes(first);
        CamelContext second = another();
        startRoutes(second);
        awaitPolls(2);
        int leader = stockCalls.get(1).get() > 0 ? 1 : 2;
        int follower = 3 - leader;
        assertEquals(0, stockCalls.get(follower).get(), "only the leader reads the stock");

        changeQuantity(10, 3);
        changeQuantity(20, 4);
        assertEquals(2, kafka().read(stockTopic, 2, Duration.ofSeconds(20)).size());
        awaitPolls(2);
        assertEquals(2, published());
        assertEquals(0, stockCalls.get(follower).get(), "only the leader reads the stock");

        (leader == 1 ? first : second).stop();
        waitUntil(() -> stockCalls.get(follower).get() > 0, "the other instance took over");
        awaitPolls(3);
        assertEquals(2, published(), "the new leader read the snapshot the old one left");
        changeQuantity(30, 5);
        assertEquals(3, kafka().read(stockTopic, 3, Duration.ofSeconds(20)).size());
        awaitPolls(2);
        assertEquals(3, published());
    }

    @Test
    void anEmptyFirstSnapshotPublishesEverythingAndTheKafkaSnapshotSurvivesARestart() throws Exception {
        extra.put("quivo.stock.initial-snapshot", "empty");
        extra.put("quivo.stock.warehouse-ids", "7");
        extra.put("quivo.stock.seller-ids", "1002");
        extra.put("quivo.stock.snapshot-store", "kafka");
        extra.put("quivo.stock.snapshot-topic", TestKafka.uniqueTopic("stock-snapshot"));
        context.stop();
        CamelContext first = another();
        seed();
        startRoutes(first);
        List<ConsumerRecord<byte[], byte[]>> everything = kafka().read(stockTopic, 3, Duration.ofSeconds(20));
        awaitPolls(2);
        assertEquals(3, published(), "every item of warehouse 7 and seller 1002 once: " + keys(everything));
        assertNull(everything.get(0).headers().lastHeader("quivo.stock.before"), "new to the snapshot");

        first.stop();
        CamelContext again = another();
        startRoutes(again);
        awaitPolls(3);
        assertEquals(3, published(), "the snapshot on Kafka survived the restart");
        changeQuantity(90_001, 77);
        assertEquals(4, kafka().read(stockTopic, 4, Duration.ofSeconds(20)).size());
        awaitPolls(2);
        assertEquals(4, published());
    }

    /** 2,500 items of warehouse 4 and seller 1001 (three pages), three of warehouse 7 and seller 1002. */
    private void seed() {
        for (long id = 0; id < MANY; id++) {
            simulator().items().put(id, item(id, 4, 1001, quantity(id), "Item " + id));
        }
        for (long id = 90_000; id < 90_003; id++) {
            simulator().items().put(id, item(id, 7, 1002, quantity(id), "Item " + id));
        }
    }

    private static int quantity(long id) {
        return (int) (id % 50) + 10;
    }

    private void changeQuantity(long id, int quantity) throws Exception {
        JsonNode item = simulator().items().get(id).orElseThrow();
        simulator().items().put(id, item(id, item.get("warehouseId").asLong(), item.get("sellerId").asLong(), quantity,
                item.get("name").asText()));
    }

    private static String item(long id, long warehouse, long seller, int quantity, String name) {
        return """
                {"itemId":%d,"sku":"SKU-%04d","name":"%s","warehouseId":%d,"sellerId":%d,"quantity":%d,\
                "inventory":%d,"inbound":0,"reserved":2}""".formatted(id, id, name, warehouse, seller, quantity,
                quantity + 2);
    }

    private static String quantitiesJson(int quantity) {
        return "{\"quantity\":" + quantity + ",\"inventory\":" + (quantity + 2) + ",\"inbound\":0,\"reserved\":2}";
    }

    private CamelContext another() throws Exception {
        CamelContext camel = createCamelContext();
        others.add(camel);
        camel.start();
        return camel;
    }

    private void startRoutes(CamelContext camel) throws Exception {
        for (RoutesBuilder routes : routes(camel)) {
            camel.addRoutes(routes);
        }
    }

    private List<RoutesBuilder> routes(CamelContext camel) throws Exception {
        List<RoutesBuilder> builders = new ArrayList<>();
        for (String file : List.of("quivo-changes.yaml", "quivo-stock.yaml")) {
            var resource = org.apache.camel.support.PluginHelper.getResourceLoader(camel)
                    .resolveResource("file:routes/" + file);
            builders.addAll(org.apache.camel.support.PluginHelper.getRoutesLoader(camel).findRoutesBuilders(resource));
        }
        return builders;
    }

    /**
     * Waits until {@code polls} more polls began: each begins with one list of the warehouses or, with the
     * warehouses given, of the first one's stock, so the poll before the last of them is complete.
     */
    private void awaitPolls(int polls) throws InterruptedException {
        String route = extra.containsKey("quivo.stock.warehouse-ids") ? ITEMS : "GET /warehouses";
        int before = simulator().stats().calls(route);
        waitUntil(() -> simulator().stats().calls(route) >= before + polls, polls + " more polls");
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private long published() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(stockTopic)) {
                return 0;
            }
            TopicPartition partition = new TopicPartition(stockTopic, 0);
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
        }
    }

    private static List<String> keys(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(RoutesTestSupport::key).toList();
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new java.util.TreeMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
        return headers;
    }
}
