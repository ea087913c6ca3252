package io.camelquivo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrdersTest {

    @RegisterExtension
    static QuivoSimulatorExtension sim = new QuivoSimulatorExtension();

    @Test
    void createAnswersTheOrderDetail(QuivoSimulator simulator) {
        Api api = new Api(simulator).login();
        JsonNode order = Api.json(api.createOrder("ORD-1"));
        assertEquals(1, order.get("orderId").asLong());
        assertEquals("ORD-1", order.get("orderIdentifier").asText());
        assertEquals("#ORD-1", order.get("orderReference").asText());
        assertEquals("PENDING", order.get("orderStatus").asText());
        assertEquals(1001, order.get("sellerId").asLong());
        assertEquals("Demo Seller GmbH", order.get("sellerName").asText());
        assertEquals(4, order.get("warehouseId").asLong());
        assertEquals(1, order.get("version").asLong());
        assertEquals(order.get("created"), order.get("lastModified"));
        Instant.parse(order.get("created").asText());
        JsonNode address = order.get("deliveryAddress");
        assertEquals("Erika Mustermann", address.get("name1").asText());
        assertEquals("Hauptstrasse 1", address.get("address1").asText());
        assertEquals("DE", address.get("country").asText());
        assertEquals("Berlin", order.get("invoiceAddress").get("city").asText());
        JsonNode position = order.get("positions").get(0);
        assertEquals("SKU-1", position.get("sku").asText());
        assertEquals(2, position.get("quantity").asLong());
        assertTrue(position.get("positionId").asLong() > 0);
        assertEquals(false, order.get("trackingEnabled").asBoolean());
        assertTrue(order.get("customAttributes").isObject());
        assertEquals(2, Api.json(api.createOrder("ORD-2")).get("orderId").asLong());
        assertEquals(2, simulator.orders().count());
        assertEquals(order.toString(), simulator.orders().byIdentifier("ORD-1").get(0).toString());
    }

    static Stream<Arguments> invalidOrders() {
        return Stream.of(
                invalid(o -> o.remove("sellerId"), "sellerId: must not be null"),
                invalid(o -> o.put("sellerId", 999), "sellerId: unknown seller 999"),
                invalid(o -> o.put("sellerId", "abc"), "Malformed JSON request"),
                invalid(o -> o.put("orderIdentifier", " "), "orderIdentifier: must not be blank"),
                invalid(o -> o.put("orderIdentifier", "x".repeat(41)), "orderIdentifier: size must be between 1 and 40"),
                invalid(o -> o.put("orderReference", "x".repeat(41)), "orderReference: size must be between 0 and 40"),
                invalid(o -> o.remove("deliveryAddress"), "deliveryAddress: must not be null"),
                invalid(o -> address(o).remove("name"), "deliveryAddress: name or company must be given"),
                invalid(o -> address(o).remove("street"), "deliveryAddress.street: must not be blank"),
                invalid(o -> address(o).put("zip", ""), "deliveryAddress.zip: must not be blank"),
                invalid(o -> address(o).remove("city"), "deliveryAddress.city: must not be blank"),
                invalid(o -> address(o).remove("countryIso2"), "deliveryAddress.countryIso2: must not be blank"),
                invalid(o -> o.remove("positions"), "positions: must not be null"),
                invalid(o -> o.putArray("positions"), "positions: must not be empty"),
                invalid(o -> position(o).remove("sku"), "positions[0].sku: must not be blank"),
                invalid(o -> position(o).put("quantity", 0), "positions[0].quantity: must be greater than 0"),
                invalid(o -> position(o).remove("quantity"), "positions[0].quantity: must not be null"),
                invalid(o -> o.put("comment", "x".repeat(251)), "comment: size must be between 0 and 250"));
    }

    private static Arguments invalid(Consumer<ObjectNode> change, String message) {
        return Arguments.of(change, message);
    }

    private static ObjectNode address(ObjectNode order) {
        return (ObjectNode) order.get("deliveryAddress");
    }

    private static ObjectNode position(ObjectNode order) {
        return (ObjectNode) order.get("positions").get(0);
    }

    @ParameterizedTest
    @MethodSource("invalidOrders")
    void createValidatesLikeASpringBackend(Consumer<ObjectNode> change, String message, QuivoSimulator simulator) {
        Api api = new Api(simulator).login();
        ObjectNode order = Api.order("BAD-1");
        change.accept(order);
        HttpResponse<String> response = api.post("/orders", order.toString());
        assertEquals(400, response.statusCode());
        assertEquals(message, response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        assertEquals(0, simulator.orders().count());
    }

    @Test
    void coordinatesMayReplaceStreetZipCityAndCountry(QuivoSimulator simulator) {
        Api api = new Api(simulator).login();
        ObjectNode order = Api.order("GEO-1");
        ObjectNode address = order.putObject("deliveryAddress");
        address.put("company", "Lighthouse Ltd");
        address.put("latitude", 54.1);
        address.put("longitude", 7.9);
        assertEquals(200, api.post("/orders", order.toString()).statusCode());
    }

    @Test
    void orderIdentifierIsUniquePerSeller(QuivoSimulator simulator) {
        Api api = new Api(simulator).login();
        api.createOrder("DUP-1");
        HttpResponse<String> again = api.post("/orders", Api.order("DUP-1").toString());
        assertEquals(409, again.statusCode());
        assertEquals("orderIdentifier 'DUP-1' already exists for seller 1001", again.body());
        assertEquals(200, api.post("/orders", Api.order("DUP-1").put("sellerId", 1002).toString()).statusCode());
        assertEquals(2, simulator.orders().byIdentifier("DUP-1").size());
    }

    @Test
    void aSimulatorThatStoresDuplicatesShowsASecondCreateAsASecondOrder() {
        try (QuivoSimulator duplicates = QuivoSimulator.builder().storeDuplicateOrders(true).build().start()) {
            Api api = new Api(duplicates).login();
            JsonNode first = Api.json(api.createOrder("TWICE-1"));
            HttpResponse<String> again = api.post("/orders", Api.order("TWICE-1").toString());
            assertEquals(200, again.statusCode());
            assertEquals(first.get("orderId").asLong() + 1, Api.json(again).get("orderId").asLong());
            assertEquals(2, duplicates.orders().byIdentifier("TWICE-1").size());
            assertEquals(2, Api.json(api.get("/orders?query=orderIdentifier:TWICE-1")).size(),
                    "a lookup finds both");
        }
    }

    @Test
    void refetchAnswersTheCurrentDetailOr404(QuivoSimulator simulator) {
        Api api = new Api(simulator).login();
        JsonNode created = Api.json(api.createOrder("REF-1"));
        HttpResponse<String> refetched = api.post("/orders/1/refetch", null);
        assertEquals(200, refetched.statusCode());
        assertEquals(created, Api.json(refetched));
        HttpResponse<String> missing = api.post("/orders/123/refetch", null);
        assertEquals(404, missing.statusCode());
        assertEquals("Order 123 not found", missing.body());
        assertEquals(400, api.post("/orders/abc/refetch", null).statusCode());
    }

    @Test
    void patchAppliesFieldsAndBumpsVersion(QuivoSimulator simulator) {
        Api api = new Api(simulator).login();
        JsonNode created = Api.json(api.createOrder("PAT-1"));
        String patch = "{\"comment\":\"leave at door\",\"trackingEnabled\":true,\"customAttributes\":{\"a\":\"b\"},"
                + "\"address\":{\"company\":\"ACME\",\"street\":\"Ring 2\",\"zip\":\"1010\",\"city\":\"Wien\",\"countryIso2\":\"AT\"}}";
        HttpResponse<String> response = api.patch("/orders/1", patch);
        assertEquals(204, response.statusCode());
        assertEquals("", response.body());
        JsonNode order = simulator.orders().all().get(0);
        assertEquals("leave at door", order.get("comment").asText());
        assertTrue(order.get("trackingEnabled").asBoolean());
        assertEquals("b", order.get("customAttributes").get("a").asText());
        assertEquals("AT", order.get("deliveryAddress").get("country").asText());
        assertEquals("DE", order.get("invoiceAddress").get("country").asText());
        assertEquals(2, order.get("version").asLong());
        assertTrue(Instant.parse(order.get("lastModified").asText())
                .isAfter(Instant.parse(created.get("lastModified").asText())));
        assertEquals(404, api.patch("/orders/9", "{\"comment\":\"x\"}").statusCode());
        HttpResponse<String> tooLong = api.patch("/orders/1", "{\"comment\":\"" + "x".repeat(251) + "\"}");
        assertEquals("comment: size must be between 0 and 250", tooLong.body());
        assertEquals("address: name or company must be given",
                api.patch("/orders/1", "{\"address\":{\"street\":\"s\"}}").body());
    }

    @Test
    void putAddressReplacesTheChosenAddresses(QuivoSimulator simulator) {
        Api api = new Api(simulator).login();
        api.createOrder("ADR-1");
        String address = "{\"name\":\"New Name\",\"street\":\"Neue Strasse 5\",\"zip\":\"80331\",\"city\":\"Muenchen\","
                + "\"countryIso2\":\"DE\"}";
        assertEquals(204, api.put("/orders/1/address?type=INVOICE", address).statusCode());
        JsonNode order = simulator.orders().all().get(0);
        assertEquals("New Name", order.get("invoiceAddress").get("name1").asText());
        assertEquals("Erika Mustermann", order.get("deliveryAddress").get("name1").asText());
        assertEquals(2, order.get("version").asLong());
        assertEquals(204, api.put("/orders/1/address?type=DELIVERY_AND_INVOICE", address).statusCode());
        order = simulator.orders().all().get(0);
        assertEquals("Muenchen", order.get("deliveryAddress").get("city").asText());
        assertEquals(3, order.get("version").asLong());
        String typeProblem = "type: must be one of DELIVERY, INVOICE, DELIVERY_AND_INVOICE";
        assertEquals(typeProblem, api.put("/orders/1/address", address).body());
        assertEquals(typeProblem, api.put("/orders/1/address?type=HOME", address).body());
        assertEquals("address.city: must not be blank",
                api.put("/orders/1/address?type=DELIVERY", "{\"name\":\"n\",\"street\":\"s\",\"zip\":\"1\"}").body());
        assertEquals("Order 7 not found", api.put("/orders/7/address?type=DELIVERY", address).body());
    }
}
