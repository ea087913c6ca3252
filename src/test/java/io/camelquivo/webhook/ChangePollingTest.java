package io.camelquivo.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.component.QuivoConstants;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * routes/quivo-changes.yaml (with routes/quivo-webhooks.yaml, whose beans it shares) against the simulator and
 * the shared broker, polling every 150 ms.
 */
class ChangePollingTest extends WebhookTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path stateDir;

    private String dedup = dedupTopic;

    @Override
    protected Properties properties() {
        Properties p = super.properties();
        pollQuickly(p, stateDir.resolve("cursors.state"));
        p.put("quivo.events.dedup-topic", dedup);
        return p;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return yaml("quivo-webhooks.yaml", "quivo-changes.yaml");
    }

    /**
     * The feeds run once this context has taken the cluster lock, a moment after it started; a feed's start is
     * its "now". A change made before would be older than that: the tests begin once every feed has polled.
     */
    @BeforeEach
    void everyFeedHasPolled() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (String list : List.of("GET /orders", "GET /shipments", "GET /returns", "GET /inbounds")) {
            while (simulator().stats().calls(list) == 0) {
                assertTrue(System.nanoTime() < deadline, "no poll of " + list);
                Thread.sleep(20);
            }
        }
    }

    @Test
    void anOrderCreatedAndPatchedGivesTwoVersions() throws Exception {
        long orderId = createOrder();
        ConsumerRecord<byte[], byte[]> first = records(1).get(0);
        assertRecord(first, "ORDERS", orderId, 1, refetch(template, orderId));

        template.requestBodyAndHeader("quivo:orders.update", "{\"comment\":\"ring twice\"}", QuivoConstants.ORDER_ID,
                orderId);
        List<ConsumerRecord<byte[], byte[]>> both = records(2);
        assertEquals(2, both.size());
        assertRecord(both.get(1), "ORDERS", orderId, 2, refetch(template, orderId));
        assertEquals(2, settledCount(3));
    }

    @Test
    void aPollThatFindsNothingNewPublishesNothing() throws Exception {
        int before = simulator().stats().calls("GET /orders");
        waitUntil(() -> simulator().stats().calls("GET /orders") >= before + 3);
        assertEquals(0, published());
    }

    @Test
    void aChangeSeenByWebhookAndByPollIsPublishedOnce() throws Exception {
        long orderId = createOrder();
        String lastModified = MAPPER.readTree(refetch(template, orderId)).get("lastModified").asText();
        String call = "{\"events\":[{\"id\":" + orderId + ",\"entity\":\"ORDERS\",\"lastModified\":\""
                + lastModified + "\",\"version\":1}]}";
        var answer = post(call);
        // 503 while the poller publishes the same version at this moment; Quivo then sends the call again
        for (int retry = 0; retry < 10 && answer.statusCode() == 503; retry++) {
            Thread.sleep(200);
            answer = post(call);
        }
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(1, settledCount(3));
        ConsumerRecord<byte[], byte[]> record = records(1).get(0);
        assertEquals("ORDERS:" + orderId, key(record));
        assertTrue(List.of("webhook", "poll").contains(header(record, "quivo.source")));
    }

    @Test
    void aShipmentChangeGivesOneRecord() throws Exception {
        simulator().shipments().put(501, "{\"bookedShipmentId\":501,\"version\":1,\"trackingNumber\":\"TN-1\"}");
        simulator().shipments().bump(501);
        ConsumerRecord<byte[], byte[]> record = records(1).get(0);
        byte[] detail = template.requestBodyAndHeader("quivo:request?unmarshalType=byte[]", null,
                QuivoConstants.PATH, "/shipments/501", byte[].class);
        assertRecord(record, "SHIPMENTS", 501, 2, detail);
        assertEquals(1, settledCount(3));
    }

    @Test
    void theCursorSurvivesARestart() throws Exception {
        long first = createOrder();
        assertEquals(1, records(1).size());
        context.stop();

        // while down: a change of the first order and a new one
        long second;
        CamelContext again = null;
        try {
            // a fresh dedup memory: only the stored cursor keeps version 1 from being published again
            dedup = TestKafka.uniqueTopic("dedup");
            again = createCamelContext();
            ProducerTemplate producer = again.createProducerTemplate();
            again.start();
            producer.requestBodyAndHeader("quivo:orders.update", "{\"comment\":\"while down\"}",
                    QuivoConstants.ORDER_ID, first);
            second = MAPPER.readTree(producer.requestBody("quivo:orders.create", Orders.valid(identifier()), String.class)).get("orderId").asLong();
            for (RoutesBuilder routes : routes(again, "quivo-webhooks.yaml", "quivo-changes.yaml")) {
                again.addRoutes(routes);
            }
            List<ConsumerRecord<byte[], byte[]>> all = records(3);
            assertEquals(3, all.size());
            assertRecord(all.get(1), "ORDERS", first, 2, refetch(producer, first));
            assertRecord(all.get(2), "ORDERS", second, 1, refetch(producer, second));
            assertEquals(3, settledCount(3));
        } finally {
            if (again != null) {
                again.stop();
            }
        }
    }

    private long createOrder() throws Exception {
        String created = template.requestBody("quivo:orders.create", Orders.valid(identifier()),
                String.class);
        return MAPPER.readTree(created).get("orderId").asLong();
    }

    private static String identifier() {
        return "POLL-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static byte[] refetch(ProducerTemplate producer, long orderId) {
        return producer.requestBodyAndHeader("quivo:orders.refetch?unmarshalType=byte[]", null,
                QuivoConstants.ORDER_ID, orderId, byte[].class);
    }

    private static void assertRecord(ConsumerRecord<byte[], byte[]> record, String entity, long id, long version,
            byte[] value) throws Exception {
        JsonNode json = MAPPER.readTree(record.value());
        assertEquals(entity + ":" + id, key(record));
        assertEquals(Map.of("quivo.entity", entity, "quivo.id", Long.toString(id), "quivo.version",
                Long.toString(version), "quivo.lastModified", json.get("lastModified").asText(), "quivo.source",
                "poll"), headers(record));
        assertEquals(version, json.get("version").asLong());
        assertArrayEquals(value, record.value(), "the value is Quivo's detail answer, byte for byte");
    }

    /** The number of records once a few more polls of every list went by. */
    private long settledCount(int polls) throws Exception {
        int orders = simulator().stats().calls("GET /orders");
        int shipments = simulator().stats().calls("GET /shipments");
        waitUntil(() -> simulator().stats().calls("GET /orders") >= orders + polls
                && simulator().stats().calls("GET /shipments") >= shipments + polls);
        return published();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(50);
        }
    }

    private static List<RoutesBuilder> routes(CamelContext camel, String... files) throws Exception {
        List<RoutesBuilder> builders = new java.util.ArrayList<>();
        for (String file : files) {
            Resource resource = PluginHelper.getResourceLoader(camel).resolveResource("file:routes/" + file);
            builders.addAll(PluginHelper.getRoutesLoader(camel).findRoutesBuilders(resource));
        }
        return builders;
    }
}
