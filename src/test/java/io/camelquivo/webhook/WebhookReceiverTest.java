package io.camelquivo.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.component.QuivoConstants;
import io.camelquivo.component.QuivoEndpoint;
import io.camelquivo.simulator.Fault;
import io.camelquivo.testing.LogCapture;
import io.camelquivo.testing.Orders;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** routes/quivo-webhooks.yaml: Quivo's calls in, full entities out on the events topic, once per version. */
class WebhookReceiverTest extends WebhookTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String REFETCH = "POST /orders/{orderId}/refetch";
    private static final String GET_SHIPMENT = "GET /shipments/{bookedShipmentId}";

    @Test
    void eachNewVersionIsPublishedOnceWithItsKeyHeadersAndQuivosJson() throws Exception {
        long orderId = createOrder("WH-1");
        simulator().shipments().put(501, "{\"bookedShipmentId\":501,\"version\":3,\"trackingNumber\":\"TN-1\"}");

        HttpResponse<String> answer = post(events("ORDERS", orderId, 1, "SHIPMENTS", 501, 3));
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("", answer.body());
        assertEquals(2, published(), "both on the topic when 200 is answered");
        List<Class<?>> fetchedAs = context.getEndpoints().stream().filter(QuivoEndpoint.class::isInstance)
                .map(QuivoEndpoint.class::cast).filter(e -> e.getEndpointUri().contains("unmarshalType"))
                .<Class<?>>map(QuivoEndpoint::getUnmarshalType).toList();
        assertEquals(List.of(byte[].class, byte[].class), fetchedAs, "Quivo's bytes as they came, not a String");
        List<ConsumerRecord<byte[], byte[]>> records = records(2);
        assertRecord(records.get(0), "ORDERS", orderId, 1, orderJson(orderId));
        assertRecord(records.get(1), "SHIPMENTS", 501, 3, simulator().shipments().get(501).orElseThrow());

        // Quivo sends the same call again: acknowledged, nothing fetched, nothing published
        assertEquals(200, post(events("ORDERS", orderId, 1, "SHIPMENTS", 501, 3)).statusCode());
        assertEquals(2, published());
        assertEquals(1, simulator().stats().calls(REFETCH));
        assertEquals(1, simulator().stats().calls(GET_SHIPMENT));

        // the order changes: version 2 is published, the shipment's known version is not
        template.requestBodyAndHeader("quivo:orders.update", "{\"comment\":\"ring twice\"}", QuivoConstants.ORDER_ID,
                orderId);
        assertEquals(2, orderJson(orderId).get("version").asLong());
        assertEquals(200, post(events("ORDERS", orderId, 2, "SHIPMENTS", 501, 3)).statusCode());
        assertEquals(3, published());
        ConsumerRecord<byte[], byte[]> changed = records(3).get(2);
        assertRecord(changed, "ORDERS", orderId, 2, orderJson(orderId));
        assertEquals("ring twice", MAPPER.readTree(changed.value()).get("comment").asText());
    }

    @Test
    void returnsAndInboundsAreFetchedInvoicesAcknowledgedOnly() throws Exception {
        simulator().returns().put(7, "{\"returnShipmentId\":7,\"version\":1,\"customerExamined\":false}");
        simulator().inbounds().put(8, "{\"id\":8,\"version\":4,\"inboundStatus\":\"CREATED\"}");

        HttpResponse<String> answer = post(events("RETURNS", 7, 1, "INBOUNDS", 8, 4, "INVOICES", 9, 1));
        assertEquals(200, answer.statusCode(), answer.body());
        List<ConsumerRecord<byte[], byte[]>> records = records(2);
        assertEquals(2, published(), "no record for the invoice");
        assertRecord(records.get(0), "RETURNS", 7, 1, simulator().returns().get(7).orElseThrow());
        assertRecord(records.get(1), "INBOUNDS", 8, 4, simulator().inbounds().get(8).orElseThrow());
        assertEquals(1, simulator().stats().calls("GET /returns/{returnShipmentId}"));
        assertEquals(1, simulator().stats().calls("GET /inbounds/{inboundId}"));
        assertEquals(3, simulator().stats().calls("*"), "a login and two fetches: nothing asked for the invoice");
    }

    @Test
    void aWrongOrMissingSecretIs404AndNothingElse() throws Exception {
        simulator().shipments().put(501, "{\"bookedShipmentId\":501,\"version\":1}");
        String body = events("SHIPMENTS", 501, 1);
        for (String url : List.of(url("wrong"), url(secret + "x"), url(secret.substring(1)), url(""),
                "http://127.0.0.1:" + port + "/quivo/webhooks", url(secret + "/more"),
                "http://127.0.0.1:" + managementPort + "/quivo/webhooks/" + secret)) {
            HttpResponse<String> answer = post(url, body);
            assertEquals(404, answer.statusCode(), url);
            assertFalse(answer.body().contains(secret), url);
            answer.headers().map().forEach((name, values) ->
                    assertFalse(values.toString().contains(secret), name));
        }
        HttpResponse<String> wrong = post(url("wrong"), body);
        assertEquals("", wrong.body(), "nothing that reveals anything");
        assertEquals(Map.of(), withoutTransport(wrong.headers().map()));

        assertEquals(0, simulator().stats().calls("*"), "nothing fetched, not even a login");
        assertEquals(0, published());
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                + "/observe/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                "the management server runs beside it, without the webhook route");
    }

    @Test
    void malformedBodiesAre400() {
        for (String body : List.of("", "not json", "[]", "{}", "{\"events\":{}}", "{\"events\":[1]}",
                "{\"events\":[{\"entity\":\"ORDERS\"}]}",
                "{\"events\":[{\"id\":1}]}",
                "{\"events\":[{\"id\":\"x1\",\"entity\":\"ORDERS\"}]}",
                "{\"events\":[{\"id\":-1,\"entity\":\"ORDERS\"}]}",
                "{\"events\":[{\"id\":1,\"entity\":\"../orders\"}]}",
                "{\"events\":[{\"id\":1,\"entity\":\"ORDERS\",\"version\":\"one\"}]}",
                "{\"events\":[]} trailing")) {
            HttpResponse<String> answer = post(body);
            assertEquals(400, answer.statusCode(), body);
            assertFalse(answer.body().isBlank(), "the reason: " + body);
            assertEquals("text/plain; charset=UTF-8", answer.headers().firstValue("Content-Type").orElse(""));
        }
        assertEquals("events[0].id: must be a whole number",
                post("{\"events\":[{\"entity\":\"ORDERS\",\"version\":1}]}").body());
        assertEquals(0, simulator().stats().calls("*"));
        assertEquals(0, published());
        assertEquals(200, post("{\"events\":[]}").statusCode(), "no events, nothing to do");
    }

    @Test
    void throttledQuivoIsNot200AndTheRetryPublishesOnce() throws Exception {
        long orderId = createOrder("WH-2");
        simulator().shipments().put(501, "{\"bookedShipmentId\":501,\"version\":1}");
        simulator().faults().next(1, REFETCH, Fault.throttled(Duration.ofSeconds(1)));
        String call = events("SHIPMENTS", 501, 1, "ORDERS", orderId, 1);

        assertEquals(503, post(call).statusCode());
        assertEquals(1, published(), "the shipment before the failure is on the topic");

        assertEquals(200, post(call).statusCode());
        assertEquals(2, published(), "the order now, the shipment not again");
        assertEquals(List.of("SHIPMENTS:501", "ORDERS:" + orderId), records(2).stream().map(r -> key(r)).toList());
        assertEquals(1, simulator().stats().calls(GET_SHIPMENT));
    }

    @Test
    void aFailedKafkaWriteIsNot200AndTheRetryPublishesOnce() throws Exception {
        long orderId = createOrder("WH-3");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers()))) {
            // the broker refuses every record of the order's size
            admin.createTopics(List.of(new NewTopic(eventsTopic, 1, (short) 1)
                    .configs(Map.of("max.message.bytes", "200")))).all().get(10, TimeUnit.SECONDS);

            assertEquals(503, post(events("ORDERS", orderId, 1)).statusCode());
            assertEquals(0, published());

            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, eventsTopic);
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                    new ConfigEntry("max.message.bytes", "1048588"), AlterConfigOp.OpType.SET)))).all().get(10, TimeUnit.SECONDS);
        }
        assertEquals(200, post(events("ORDERS", orderId, 1)).statusCode());
        assertEquals(1, published());
        assertRecord(records(1).get(0), "ORDERS", orderId, 1, orderJson(orderId));
    }

    @Test
    void anEntityQuivoRefusesForGoodIsSkippedAndTheOthersPublished() throws Exception {
        simulator().returns().put(7, "{\"returnShipmentId\":7,\"version\":1}");
        String call = events("SHIPMENTS", 404, 1, "RETURNS", 7, 1);
        try (LogCapture log = LogCapture.open("io.camelquivo.webhook")) {
            assertEquals(200, post(call).statusCode());
            List<String> warnings = log.lines().stream().filter(line -> line.contains("SHIPMENTS:404")).toList();
            assertEquals(1, warnings.size(), log.lines().toString());
            assertTrue(warnings.get(0).contains("answered 404"), warnings.get(0));
        }
        assertEquals(1, published());
        assertEquals("RETURNS:7", key(records(1).get(0)));

        // not remembered: sent again, it is asked for again; the return is not published again
        simulator().shipments().put(404, "{\"bookedShipmentId\":404,\"version\":1}");
        assertEquals(200, post(call).statusCode());
        assertEquals(2, published());
        assertEquals("SHIPMENTS:404", key(records(2).get(1)));
        assertEquals(2, simulator().stats().calls(GET_SHIPMENT));
    }

    @Test
    void anEntityOlderThanTheEventIsNot200UntilQuivoShowsTheChange() {
        simulator().shipments().put(501, "{\"bookedShipmentId\":501,\"version\":1}");
        assertEquals(503, post(events("SHIPMENTS", 501, 2)).statusCode());
        assertEquals(0, published());

        assertEquals(2, simulator().shipments().bump(501));
        assertEquals(200, post(events("SHIPMENTS", 501, 2)).statusCode());
        assertEquals(1, published());
    }

    @Test
    void aRepeatWhileTheFirstCallIsStillAtWorkIsNotPublishedTwice() throws Exception {
        long orderId = createOrder("WH-4");
        simulator().faults().next(1, REFETCH, Fault.latency(Duration.ofMillis(2000)));
        String call = events("ORDERS", orderId, 1);

        CompletableFuture<HttpResponse<String>> first = postAsync(url(secret), call);
        Thread.sleep(500);
        assertFalse(first.isDone(), "the first call is still fetching");
        assertEquals(503, post(call).statusCode(), "the same version is in flight");
        assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
        assertEquals(200, post(call).statusCode());
        assertEquals(1, published());
        assertEquals(1, simulator().stats().calls(REFETCH));
    }

    @Test
    void theMemoryOfPublishedVersionsOutlivesTheReceiver() throws Exception {
        simulator().shipments().put(501, "{\"bookedShipmentId\":501,\"version\":1}");
        assertEquals(200, post(events("SHIPMENTS", 501, 1)).statusCode());

        EventDedupRepository restarted = new EventDedupRepository();
        restarted.setTopic(dedupTopic);
        restarted.setBootstrapServers(kafka().bootstrapServers());
        restarted.setCamelContext(context);
        restarted.start();
        try {
            assertTrue(restarted.contains("SHIPMENTS:501:1"));
            assertFalse(restarted.contains("SHIPMENTS:501:2"));
        } finally {
            restarted.stop();
        }
    }

    @Test
    void noLogLineHoldsTheSecret() throws Exception {
        long orderId = createOrder("WH-5");
        try (LogCapture log = LogCapture.open("io.camelquivo", "org.apache.camel", "io.vertx", "io.netty")) {
            // the routes start again under capture: Camel logs their endpoint URIs
            context.getRouteController().stopRoute("quivo-webhooks");
            context.getRouteController().stopRoute("quivo-webhook-events");
            context.getRouteController().startRoute("quivo-webhook-events");
            context.getRouteController().startRoute("quivo-webhooks");
            simulator().faults().next(1, REFETCH, Fault.serverError());

            assertEquals(404, post(url("wrong"), events("ORDERS", orderId, 1)).statusCode());
            assertEquals(400, post("{\"events\":[{\"id\":1}]}").statusCode());
            assertEquals(503, post(events("ORDERS", orderId, 1)).statusCode());
            assertEquals(200, post(events("ORDERS", orderId, 1, "SHIPMENTS", 404, 1, "INVOICES", 3, 1)).statusCode());
            assertEquals(405, HTTP.send(HttpRequest.newBuilder(URI.create(url(secret))).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());

            assertTrue(log.lines().size() > 10, "the capture works: " + log.lines().size());
            assertTrue(log.lines().stream().anyMatch(line -> line.contains("quivo/webhooks")), "endpoint URIs logged");
            for (String line : log.lines()) {
                assertFalse(line.contains(secret), line);
            }
        }
        assertEquals(1, published());
    }

    private long createOrder(String orderIdentifier) throws Exception {
        String created = template.requestBody("quivo:orders.create", Orders.valid(orderIdentifier), String.class);
        return MAPPER.readTree(created).get("orderId").asLong();
    }

    private JsonNode orderJson(long orderId) {
        return simulator().orders().all().stream().filter(o -> o.get("orderId").asLong() == orderId).findFirst()
                .orElseThrow();
    }

    /** Checks a change-event record: key, string headers, and the value byte for byte as Quivo answered. */
    private static void assertRecord(ConsumerRecord<byte[], byte[]> record, String entity, long id, long version,
            JsonNode quivoJson) throws Exception {
        assertEquals(entity + ":" + id, key(record));
        assertEquals(Map.of("quivo.entity", entity, "quivo.id", Long.toString(id), "quivo.version",
                Long.toString(version), "quivo.lastModified", lastModified(version), "quivo.source", "webhook"),
                headers(record));
        // the simulator answers with a plain ObjectMapper: these are the bytes it sent
        assertArrayEquals(MAPPER.writeValueAsBytes(quivoJson), record.value(), new String(record.value()));
    }

    private static Map<String, List<String>> withoutTransport(Map<String, List<String>> headers) {
        Map<String, List<String>> rest = new TreeMap<>(headers);
        rest.keySet().removeIf(name -> List.of("content-length", "transfer-encoding", "connection", "date")
                .contains(name.toLowerCase(Locale.ROOT)));
        return rest;
    }
}
