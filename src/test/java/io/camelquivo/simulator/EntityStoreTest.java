package io.camelquivo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
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
