package io.camelquivo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Single shipments, returns and inbounds: seeded by tests, answered by GET, faulted and counted like the rest. */
class EntityStoreTest {

    @RegisterExtension
    static QuivoSimulatorExtension sim = new QuivoSimulatorExtension();

    @Test
    void answersWhatWasPutAndPlainText404ForUnknownIds() {
        QuivoSimulator simulator = sim.simulator();
        simulator.shipments().put(501, "{\"bookedShipmentId\":501, \"trackingNumber\":\"TN-1\"}");
        simulator.returns().put(7, "{\"returnShipmentId\":7}");
        simulator.inbounds().put(8, "{\"id\":8,\"inboundStatus\":\"CREATED\"}");
        Api api = new Api(simulator).login();

        assertAnswer(api.get("/shipments/501"), 200, "{\"bookedShipmentId\":501,\"trackingNumber\":\"TN-1\"}");
        assertAnswer(api.get("/returns/7"), 200, "{\"returnShipmentId\":7}");
        assertAnswer(api.get("/inbounds/8"), 200, "{\"id\":8,\"inboundStatus\":\"CREATED\"}");
        assertAnswer(api.get("/shipments/502"), 404, "Shipment 502 not found");
        assertAnswer(api.get("/returns/8"), 404, "Return shipment 8 not found");
        assertAnswer(api.get("/inbounds/9"), 404, "Inbound 9 not found");
        assertEquals("text/plain; charset=UTF-8", api.get("/inbounds/9").headers().firstValue("Content-Type").orElse(""));
        assertAnswer(api.get("/inbounds/x"), 400, "id: must be a number");
        assertEquals(2, simulator.stats().calls("GET /shipments/{bookedShipmentId}"));
        assertEquals(2, simulator.stats().calls("GET /returns/{returnShipmentId}"));
        assertEquals(4, simulator.stats().calls("GET /inbounds/{inboundId}"));
    }

    @Test
    void listsPageBySortValueAsForOrders() {
        QuivoSimulator simulator = sim.simulator();
        EntityStore shipments = simulator.shipments();
        shipments.put(503, "{\"bookedShipmentId\":503,\"lastModified\":\"2020-01-01T00:00:01Z\"}");
        shipments.put(501, "{\"bookedShipmentId\":501,\"lastModified\":\"2020-01-01T00:00:02Z\"}");
        shipments.put(502, "{\"bookedShipmentId\":502,\"lastModified\":\"2020-01-01T00:00:03Z\"}");
        shipments.bump(501);
        Api api = new Api(simulator).login();

        assertEquals("[503,502]", ids(api.get("/shipments?sort=lastModified:asc&pageSize=2")));
        String cursor = Api.json(api.get("/shipments?sort=lastModified:asc&pageSize=2")).get(1).get("sort").toString();
        assertEquals("[501]", ids(api.get("/shipments?sort=lastModified:asc&pageSize=2&searchAfter="
                + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8))));
        assertEquals("[501,502,503]", ids(api.get("/shipments")), "by id by default");
        assertEquals("[503,502,501]", ids(api.get("/shipments?sort=id:desc")));
        assertEquals("[]", ids(api.get("/returns")));
        assertEquals("[]", ids(api.get("/inbounds?sort=lastModified:desc")));
        JsonNode element = Api.json(api.get("/shipments?sort=id:asc&pageSize=1")).get(0);
        assertEquals(501, element.get("sort").get(1).asLong(), "[lastModified, id]");
        assertEquals(2, element.get("version").asLong(), "the stored JSON, as GET by id answers it");
        assertEquals(400, api.get("/shipments?sort=color:asc").statusCode());
        assertEquals(7, simulator.stats().calls("GET /shipments"));
    }

    private static String ids(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
        List<Long> ids = new ArrayList<>();
        Api.json(answer).forEach(element -> ids.add(element.get("bookedShipmentId").asLong()));
        return ids.toString().replace(" ", "");
    }

    @Test
    void bumpMarksAChange() throws Exception {
        EntityStore shipments = sim.simulator().shipments();
        shipments.put(501, "{\"bookedShipmentId\":501}");
        assertEquals(2, shipments.bump(501), "an entity without version had version 1");
        Instant first = Instant.parse(shipments.get(501).orElseThrow().get("lastModified").asText());
        assertEquals(3, shipments.bump(501));
        Instant second = Instant.parse(shipments.get(501).orElseThrow().get("lastModified").asText());
        assertTrue(second.isAfter(first), first + " then " + second);
        assertThrows(IllegalArgumentException.class, () -> shipments.bump(999));
        assertThrows(IllegalArgumentException.class, () -> shipments.put(1, "[1]"));
    }

    @Test
    void faultsTokensAndResetApplyAsOnEveryRoute() {
        QuivoSimulator simulator = sim.simulator();
        simulator.inbounds().put(8, "{\"id\":8}");
        simulator.faults().next(1, "GET /inbounds/{inboundId}", Fault.throttled());
        Api api = new Api(simulator).login();
        assertEquals(429, api.get("/inbounds/8").statusCode());
        assertEquals(200, api.get("/inbounds/8").statusCode());
        assertEquals(401, new Api(simulator).get("/inbounds/8").statusCode(), "no token");

        simulator.reset();
        assertEquals(0, simulator.inbounds().count());
    }

    private static void assertAnswer(HttpResponse<String> response, int status, String body) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(body, response.body());
    }
}
