package io.camelquivo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdminRoutesTest {

    @RegisterExtension
    static QuivoSimulatorExtension sim = new QuivoSimulatorExtension();

    private static HttpResponse<String> admin(String method, String path, String body) {
        return Api.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_simulator" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    @Test
    void faultsStatsOrdersAndResetWithoutCredentials(QuivoSimulator simulator) {
        HttpResponse<String> added = admin("POST", "/faults",
                "{\"route\":\"POST /orders\",\"times\":2,\"fault\":\"throttled\",\"retryAfterSeconds\":1}");
        assertEquals(204, added.statusCode(), added.body());
        Api api = new Api(simulator).login();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> throttled = api.post("/orders", Api.order("ADM-1").toString());
            assertEquals(429, throttled.statusCode());
            assertEquals("1", throttled.headers().firstValue("Retry-After").orElseThrow());
        }
        api.createOrder("ADM-1");

        JsonNode stats = Api.json(admin("GET", "/stats", null));
        assertEquals(1, stats.get("logins").asInt());
        assertEquals(3, stats.get("calls").get("POST /orders").get("total").asInt());
        assertEquals(2, stats.get("calls").get("POST /orders").get("429").asInt());
        assertEquals(1, stats.get("ordersStored").asInt());
        JsonNode orders = Api.json(admin("GET", "/orders", null));
        assertEquals("ADM-1", orders.get(0).get("orderIdentifier").asText());
        assertEquals(4, simulator.stats().requestLog().size(), "admin calls are not counted");

        assertEquals(204, admin("POST", "/reset", null).statusCode());
        assertEquals(0, simulator.orders().count());
        assertEquals(0, simulator.stats().logins());
    }

    @Test
    void anItemPutThroughTheAdminApiIsInItsWarehouseAndSellersStockList(QuivoSimulator simulator) {
        assertEquals(204, admin("PUT", "/items/12", "{\"itemId\":12,\"sku\":\"MUG\",\"warehouseId\":4,"
                + "\"sellerId\":1001,\"quantity\":5}").statusCode());
        assertEquals(204, admin("PUT", "/items/12", "{\"itemId\":12,\"sku\":\"MUG\",\"warehouseId\":4,"
                + "\"sellerId\":1001,\"quantity\":3}").statusCode());
        Api api = new Api(simulator).login();
        JsonNode stock = Api.json(api.get("/items/4/1001"));
        assertEquals(1, stock.size());
        assertEquals(3, stock.get(0).get("quantity").asInt());
        assertEquals(0, Api.json(api.get("/items/7/1001")).size(), "another warehouse's stock");
        assertEquals(400, admin("PUT", "/items/mug", "{}").statusCode());
    }

    @Test
    void randomFaultsAndClearing(QuivoSimulator simulator) {
        assertEquals(204, admin("POST", "/faults",
                "{\"route\":\"*\",\"probability\":1.0,\"seed\":3,\"faults\":[\"serverError\",\"badGateway\"]}").statusCode());
        Api api = new Api(simulator);
        int status = Api.send(api.request("POST", "/login", "{}").build()).statusCode();
        assertTrue(status == 500 || status == 502, "status " + status);
        assertEquals(204, admin("DELETE", "/faults", null).statusCode());
        api.login();
        assertEquals(204, admin("POST", "/faults", "{\"route\":\"GET /orders\",\"fault\":\"status\",\"status\":418,"
                + "\"body\":\"teapot\"}").statusCode());
        assertEquals(418, api.get("/orders").statusCode());
    }

    @Test
    void quotaAndTokenExpiryOverHttp(QuivoSimulator simulator) {
        Api api = new Api(simulator).login();
        assertEquals(204, admin("PUT", "/quota", "{\"capacity\":1,\"refillPerSecond\":0}").statusCode());
        api.createOrder("QUOTA-1");
        assertEquals(429, api.post("/orders", Api.order("QUOTA-2").toString()).statusCode());
        assertEquals(204, admin("DELETE", "/quota", null).statusCode());
        api.createOrder("QUOTA-2");
        assertEquals(400, admin("PUT", "/quota", "{\"capacity\":0,\"refillPerSecond\":1}").statusCode());
        assertEquals(400, admin("PUT", "/quota", "{\"capacity\":1}").statusCode());

        assertEquals(204, admin("POST", "/tokens/expire", null).statusCode());
        HttpResponse<String> expired = api.get("/orders");
        assertEquals(401, expired.statusCode());
        assertTrue(expired.body().contains("expired"), expired.body());
    }

    @Test
    void requestsInFlightAndTheirPeak(QuivoSimulator simulator) throws Exception {
        Api api = new Api(simulator).login();
        assertEquals(204, admin("POST", "/faults", "{\"route\":\"GET /orders\",\"times\":3,\"fault\":\"latency\","
                + "\"latencyMillis\":300}").statusCode());
        Thread[] callers = new Thread[3];
        for (int i = 0; i < callers.length; i++) {
            callers[i] = new Thread(() -> api.get("/orders"));
            callers[i].start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        JsonNode stats = Api.json(admin("GET", "/stats", null));
        assertEquals(0, stats.get("inFlight").asInt());
        assertEquals(3, stats.get("peakInFlight").asInt());
        assertEquals(204, admin("POST", "/reset", null).statusCode());
        assertEquals(0, Api.json(admin("GET", "/stats", null)).get("peakInFlight").asInt());
    }

    @Test
    void badAdminRequestsAreExplained() {
        HttpResponse<String> unknownFault = admin("POST", "/faults", "{\"route\":\"GET /orders\",\"fault\":\"gremlins\"}");
        assertEquals(400, unknownFault.statusCode());
        assertEquals("fault: unknown fault gremlins", unknownFault.body());
        HttpResponse<String> unknownRoute = admin("POST", "/faults", "{\"route\":\"GET /x\",\"fault\":\"forbidden\"}");
        assertEquals(400, unknownRoute.statusCode());
        assertTrue(unknownRoute.body().startsWith("unknown route 'GET /x'"), unknownRoute.body());
        assertEquals(400, admin("POST", "/faults", "nope").statusCode());
        assertEquals(404, admin("GET", "/nothing", null).statusCode());
    }
}
