package io.camelquivo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ListingTest {

    @RegisterExtension
    static QuivoSimulatorExtension sim = new QuivoSimulatorExtension();

    private Api api;

    @BeforeEach
    void fiveOrders() {
        api = new Api(sim.simulator()).login();
        for (String id : List.of("C", "A", "E", "B", "D")) {
            ObjectNode order = Api.order(id);
            ((ObjectNode) order.get("positions").get(0)).put("sku", "SKU-" + id);
            assertEquals(200, api.post("/orders", order.toString()).statusCode());
        }
    }

    private JsonNode list(String query) {
        HttpResponse<String> response = api.get("/orders" + query);
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response);
    }

    private static List<String> identifiers(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.forEach(order -> ids.add(order.get("orderIdentifier").asText()));
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void listsSummariesInOrderIdOrderByDefault() {
        JsonNode page = list("");
        assertTrue(page.isArray());
        assertEquals(List.of("C", "A", "E", "B", "D"), identifiers(page));
        JsonNode first = page.get(0);
        assertEquals("DE", first.get("shipToCountry").asText());
        assertEquals("10115", first.get("shipToZip").asText());
        assertEquals("Erika Mustermann", first.get("shipToName1").asText());
        assertEquals("SKU-C", first.get("positions").get(0).get("sku").asText());
        assertEquals(1, first.get("version").asLong());
        assertEquals("[1,1]", first.get("sort").toString());
        assertFalse(first.has("deliveryAddress"));
    }

    @Test
    void filtersByOrderIdentifierOrSku() {
        assertEquals(List.of("E"), identifiers(list("?query=orderIdentifier:E")));
        assertEquals(List.of("B"), identifiers(list("?query=" + encode("sku:SKU-B"))));
        assertEquals(List.of(), identifiers(list("?query=orderIdentifier:Z")));
        assertEquals("query: unknown field color", api.get("/orders?query=color:red").body());
    }

    @Test
    void sortsByAnyOfTheFourFields() {
        assertEquals(List.of("A", "B", "C", "D", "E"), identifiers(list("?sort=orderIdentifier:asc")));
        assertEquals(List.of("E", "D", "C", "B", "A"), identifiers(list("?sort=orderIdentifier:desc")));
        assertEquals(List.of("D", "B", "E", "A", "C"), identifiers(list("?sort=orderId:desc")));
        assertEquals(List.of("C", "A", "E", "B", "D"), identifiers(list("?sort=created:asc")));
        JsonNode byModified = list("?sort=lastModified:desc").get(0);
        assertTrue(byModified.get("sort").get(0).isIntegralNumber());
        assertEquals("[\"A\",2]", list("?sort=orderIdentifier").get(0).get("sort").toString());
        HttpResponse<String> unknown = api.get("/orders?sort=color:asc");
        assertEquals(400, unknown.statusCode());
        assertEquals("sort: unknown field color", unknown.body());
    }

    @Test
    void pagesAreZeroBasedAndBounded() {
        assertEquals(List.of("C", "A"), identifiers(list("?pageSize=2")));
        assertEquals(List.of("E", "B"), identifiers(list("?pageSize=2&page=1")));
        assertEquals(List.of("D"), identifiers(list("?pageSize=2&page=2")));
        assertEquals(List.of(), identifiers(list("?pageSize=2&page=3")));
        for (String size : List.of("0", "1001", "many")) {
            HttpResponse<String> response = api.get("/orders?pageSize=" + size);
            assertEquals(400, response.statusCode());
            assertEquals("pageSize: must be between 1 and 1000", response.body());
        }
    }

    @Test
    void searchAfterWalksEveryOrderOnceAndOverridesPage() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        while (true) {
            // page=7 would be empty: searchAfter overrides it.
            JsonNode page = list("?sort=orderIdentifier:desc&pageSize=2"
                    + (cursor == null ? "" : "&page=7&searchAfter=" + encode(cursor)));
            seen.addAll(identifiers(page));
            if (page.size() < 2) {
                break;
            }
            cursor = page.get(page.size() - 1).get("sort").toString();
        }
        assertEquals(List.of("E", "D", "C", "B", "A"), seen);
        assertEquals(List.of("E", "B", "D"), identifiers(list("?searchAfter=2")));
        assertEquals(List.of("D", "E"), identifiers(list("?sort=orderIdentifier&searchAfter=C")));
        assertEquals(400, api.get("/orders?searchAfter=" + encode("[\"x\",1]")).statusCode());
    }

    @Test
    void warehousesAndSellersAreFixedListsWithPaging() {
        JsonNode warehouses = Api.json(api.get("/warehouses"));
        assertEquals(3, warehouses.size());
        assertEquals(List.of(4L, 7L, 8L), List.of(warehouses.get(0).get("id").asLong(),
                warehouses.get(1).get("id").asLong(), warehouses.get(2).get("id").asLong()));
        assertEquals("DE", warehouses.get(0).get("warehouseAddress").get("countryIso2").asText());
        assertEquals("[4,4]", warehouses.get(0).get("sort").toString());
        JsonNode sellers = Api.json(api.get("/sellers?sort=id:desc&pageSize=1"));
        assertEquals(1, sellers.size());
        assertEquals("Second Seller Ltd", sellers.get(0).get("name").asText());
        JsonNode demo = Api.json(api.get("/sellers?pageSize=1&page=0")).get(0);
        assertEquals(1001, demo.get("id").asLong());
        assertEquals("DEMO", demo.get("identifier").asText());
        assertEquals("ACTIVE", demo.get("status").asText());
        assertEquals(400, api.get("/warehouses?pageSize=0").statusCode());
    }
}
