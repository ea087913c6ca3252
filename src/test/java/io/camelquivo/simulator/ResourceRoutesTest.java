package io.camelquivo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The resources beyond orders: validated creates, reads, updates and deletes, faulted and counted like orders. */
class ResourceRoutesTest {

    @RegisterExtension
    static QuivoSimulatorExtension sim = new QuivoSimulatorExtension();

    @Test
    void aCreateWithoutARequiredFieldIsRefusedWithPlainTextAndStoresNothing() {
        QuivoSimulator simulator = sim.simulator();
        Api api = new Api(simulator).login();

        assertRefused(api.post("/inbounds", "{\"sellerId\":1001,\"warehouseId\":4,\"shipFrom\":{}}"),
                "estimatedArrivalTime: must not be null");
        assertRefused(api.post("/transports", "{\"sellerId\":1001,\"shipFrom\":{},\"shipTo\":null,\"positions\":[]}"),
                "shipTo: must not be null");
        assertRefused(api.post("/customerInquiries", "{\"sellerId\":1001,\"warehouseId\":4,\"messages\":[]}"),
                "subject: must not be null");
        assertRefused(api.post("/subscriptions", "{\"sellerId\":1001,\"entity\":\"ORDERS\"}"),
                "endpoint: must not be null");
        assertRefused(api.post("/shipments/bookBatchAsync", "{\"reference\":\"r\"}"), "bookRequests: must not be null");

        assertEquals(0, simulator.inbounds().count());
        assertEquals(0, simulator.resources().store("transports").count());
        assertEquals(0, simulator.resources().store("customerInquiries").count());
        assertEquals(0, simulator.resources().store("subscriptions").count());
        assertEquals(1, simulator.stats().calls("POST /transports", 400));
    }

    @Test
    void aSubscriptionIsCreatedReadListedAndDeleted() {
        Api api = new Api(sim.simulator()).login();

        HttpResponse<String> created = api.post("/subscriptions",
                "{\"sellerId\":1001,\"entity\":\"ORDERS\",\"endpoint\":{\"url\":\"https://example.invalid/hook\"}}");
        assertEquals(200, created.statusCode(), created.body());
        long uuid = Api.json(created).get("uuid").asLong();
        JsonNode read = Api.json(api.get("/subscriptions/" + uuid));
        assertEquals("https://example.invalid/hook", read.at("/endpoint/url").asText());
        assertEquals(1, Api.json(api.get("/subscriptions")).size());

        assertEquals(204, Api.send(api.authorized("DELETE", "/subscriptions/" + uuid, null).build()).statusCode());
        HttpResponse<String> gone = api.get("/subscriptions/" + uuid);
        assertEquals(404, gone.statusCode());
        assertEquals("Subscription " + uuid + " not found", gone.body());
        assertEquals(0, Api.json(api.get("/subscriptions")).size());
    }

    @Test
    void anInboundIsAnsweredWithItsIdAndUpdatedByPut() {
        Api api = new Api(sim.simulator()).login();

        HttpResponse<String> created = api.post("/inbounds", "{\"sellerId\":1001,\"warehouseId\":4,\"shipFrom\":{},"
                + "\"estimatedArrivalTime\":\"2026-01-02T10:00:00Z\",\"externalIdentifier\":\"IN-1\"}");
        assertEquals(200, created.statusCode(), created.body());
        assertEquals("OK", Api.json(created).get("status").asText());
        long id = Api.json(created).get("inboundId").asLong();

        HttpResponse<String> updated = api.put("/inbounds/" + id, "{\"externalIdentifier\":\"IN-2\"}");
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals("IN-2", Api.json(api.get("/inbounds/" + id)).get("externalIdentifier").asText());
        assertEquals(2, Api.json(api.get("/inbounds/" + id)).get("version").asLong(), "a PUT is a change");
    }

    @Test
    void faultsWorkOnEveryRouteAndTheMoreSpecificTemplateWins() {
        QuivoSimulator simulator = sim.simulator();
        simulator.resources().store("items").put(7, "{\"itemId\":7,\"warehouseName\":\"DE\",\"itemMovements\":[{\"reference\":\"R1\"}]}");
        simulator.faults().next(1, "POST /fulfillmentPlans/{sellerId}/skuFork", Fault.unavailable());
        Api api = new Api(simulator).login();

        assertEquals(503, api.post("/fulfillmentPlans/1001/skuFork", "{\"fromSku\":\"A\",\"to\":[]}").statusCode());
        assertEquals(204, api.post("/fulfillmentPlans/1001/skuFork", "{\"fromSku\":\"A\",\"to\":[]}").statusCode());
        assertEquals("R1", Api.json(api.get("/items/7/movements")).at("/itemMovements/0/reference").asText());
        assertEquals(1, simulator.stats().calls("GET /items/{itemId}/movements"));
        assertEquals(0, simulator.stats().calls("GET /items/{warehouseId}/{sellerId}"));
    }

    @Test
    void shopOrdersArePagedByPageToken() {
        QuivoSimulator simulator = sim.simulator();
        EntityStore shopOrders = simulator.resources().store("shopOrders");
        for (int i = 1; i <= 30; i++) {
            shopOrders.put(i, "{\"shopId\":" + (i == 30 ? 8 : 7) + ",\"orderIdentifier\":\"S-" + i + "\"}");
        }
        Api api = new Api(simulator).login();

        JsonNode first = Api.json(api.get("/shops/7/orders"));
        assertEquals(25, first.get("orders").size());
        assertEquals("S-1", first.at("/orders/0/orderIdentifier").asText());
        JsonNode last = Api.json(api.get("/shops/7/orders?pageToken=" + first.get("nextPageToken").asText()));
        assertEquals(4, last.get("orders").size(), "shop 8's order is not shop 7's");
        assertEquals("S-29", last.at("/orders/3/orderIdentifier").asText());
        assertEquals(true, last.get("nextPageToken").isNull());
        assertRefused(api.get("/shops/7/orders?pageToken=x"), "pageToken: invalid");
    }

    private static void assertRefused(HttpResponse<String> answer, String text) {
        assertEquals(400, answer.statusCode());
        assertEquals(text, answer.body());
        assertEquals("text/plain; charset=UTF-8", answer.headers().firstValue("Content-Type").orElse(""));
    }
}
