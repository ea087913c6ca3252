package io.camelquivo.component;

import io.camelquivo.testing.Orders;
import io.camelquivo.testing.QuivoTestSupport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/** Each operation round-trips over loopback HTTP to the simulator. */
class QuivoOperationsTest extends QuivoTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderDetail(long orderId, String orderIdentifier, String orderStatus, long sellerId) {
    }

    public record Address(String name, String street, String zip, String city, String countryIso2) {
    }

    @Test
    void createAnswersTheOrderAsJsonTextWithStatusAndHeaders() throws Exception {
        Exchange answer = template.request("quivo:orders.create", e -> e.getMessage().setBody(Orders.valid("SHOP-1")));

        JsonNode order = MAPPER.readTree(answer.getMessage().getBody(String.class));
        assertEquals("SHOP-1", order.get("orderIdentifier").asText());
        assertTrue(order.get("orderId").asLong() > 0);
        assertEquals(200, answer.getMessage().getHeader(QuivoConstants.STATUS_CODE));
        Map<?, ?> headers = answer.getMessage().getHeader(QuivoConstants.RESPONSE_HEADERS, Map.class);
        assertTrue(String.valueOf(headers.get("content-type")).startsWith("application/json"),
                "response headers are readable whatever their case: " + headers);
        assertEquals(1, simulator().orders().count());
    }

    @Test
    void createTakesEveryKindOfJsonBody() throws Exception {
        String text = Orders.valid("BODY-STRING");
        template.requestBody("quivo:orders.create", text);
        template.requestBody("quivo:orders.create", Orders.valid("BODY-BYTES").getBytes(StandardCharsets.UTF_8));
        template.requestBody("quivo:orders.create",
                new ByteArrayInputStream(Orders.valid("BODY-STREAM").getBytes(StandardCharsets.UTF_8)));
        template.requestBody("quivo:orders.create", MAPPER.readValue(Orders.valid("BODY-MAP"), Map.class));
        template.requestBody("quivo:orders.create", MAPPER.readTree(Orders.valid("BODY-JSONNODE")));
        template.requestBody("quivo:orders.create", Map.of("sellerId", 1001, "orderIdentifier", "BODY-POJO",
                "deliveryAddress", new Address("Max", "Ring 2", "1010", "Wien", "AT"),
                "positions", List.of(Map.of("sku", "SKU-9", "quantity", 1))));

        for (String id : List.of("BODY-STRING", "BODY-BYTES", "BODY-STREAM", "BODY-MAP", "BODY-JSONNODE", "BODY-POJO")) {
            assertEquals(1, simulator().orders().byIdentifier(id).size(), id);
        }
    }

    @Test
    void answersUnmarshalToMapJsonNodeOrAClass() {
        Object asMap = template.requestBody("quivo:orders.create?unmarshalType=java.util.Map", Orders.valid("U-1"));
        assertEquals("U-1", ((Map<?, ?>) asMap).get("orderIdentifier"));

        Object asNode = template.requestBody("quivo:orders.create?unmarshalType="
                + JsonNode.class.getName(), Orders.valid("U-2"));
        assertEquals("U-2", ((JsonNode) asNode).get("orderIdentifier").asText());

        Object asClass = template.requestBody("quivo:orders.create?unmarshalType="
                + OrderDetail.class.getName(), Orders.valid("U-3"));
        OrderDetail detail = assertInstanceOf(OrderDetail.class, asClass);
        assertEquals("U-3", detail.orderIdentifier());
        assertEquals("PENDING", detail.orderStatus());
        assertEquals(1001, detail.sellerId());
    }

    @Test
    void listFiltersSortsAndPages() throws Exception {
        for (int i = 1; i <= 5; i++) {
            template.requestBody("quivo:orders.create", Orders.valid("LIST-" + i));
        }
        List<?> one = template.requestBody("quivo:orders.list?query=orderIdentifier:LIST-3&unmarshalType=java.util.List",
                null, List.class);
        assertEquals(1, one.size());
        assertEquals("LIST-3", ((Map<?, ?>) one.get(0)).get("orderIdentifier"));

        JsonNode firstPage = MAPPER.readTree(template.requestBody(
                "quivo:orders.list?sort=orderId:desc&page=0&pageSize=2", null, String.class));
        assertEquals(List.of("LIST-5", "LIST-4"), identifiers(firstPage));

        JsonNode secondPage = MAPPER.readTree(template.requestBodyAndHeader(
                "quivo:orders.list?sort=orderId:desc&pageSize=2", null, QuivoConstants.PAGE, 1, String.class));
        assertEquals(List.of("LIST-3", "LIST-2"), identifiers(secondPage));

        String cursor = firstPage.get(1).get("sort").toString();
        JsonNode afterCursor = MAPPER.readTree(template.requestBodyAndHeader(
                "quivo:orders.list?sort=orderId:desc&pageSize=2", null, QuivoConstants.SEARCH_AFTER, cursor,
                String.class));
        assertEquals(List.of("LIST-3", "LIST-2"), identifiers(afterCursor));

        JsonNode bySku = MAPPER.readTree(template.requestBody("quivo:orders.list?query=sku:SKU-1&pageSize=1000",
                null, String.class));
        assertEquals(5, bySku.size());
    }

    @Test
    void refetchUpdateAndUpdateAddressWorkOnOneOrder() throws Exception {
        Map<?, ?> created = template.requestBody("quivo:orders.create?unmarshalType=java.util.Map",
                Orders.valid("CHANGE-1"), Map.class);
        long orderId = ((Number) created.get("orderId")).longValue();

        Exchange patched = template.request("quivo:orders.update", e -> {
            e.getMessage().setHeader(QuivoConstants.ORDER_ID, orderId);
            e.getMessage().setBody(Map.of("comment", "leave at the door"));
        });
        assertNull(patched.getException());
        assertEquals(204, patched.getMessage().getHeader(QuivoConstants.STATUS_CODE));
        assertNull(patched.getMessage().getBody(), "204 is success with a null body");

        Exchange moved = template.request("quivo:orders.updateAddress?addressType=DELIVERY_AND_INVOICE&orderId="
                + orderId, e -> e.getMessage().setBody(new Address("Eva", "Kai 3", "8001", "Zürich", "CH")));
        assertNull(moved.getException());
        assertNull(moved.getMessage().getBody());

        JsonNode detail = template.requestBodyAndHeader("quivo:orders.refetch?unmarshalType="
                + JsonNode.class.getName(), null, QuivoConstants.ORDER_ID, orderId, JsonNode.class);
        assertEquals("leave at the door", detail.get("comment").asText());
        assertEquals("Zürich", detail.get("deliveryAddress").get("city").asText());
        assertEquals("Zürich", detail.get("invoiceAddress").get("city").asText());
    }

    @Test
    void warehousesAndSellersAreListed() throws Exception {
        JsonNode warehouses = MAPPER.readTree(template.requestBody("quivo:warehouses.list", null, String.class));
        assertEquals(List.of(4L, 7L, 8L), ids(warehouses));
        JsonNode sellers = MAPPER.readTree(template.requestBody("quivo:sellers.list?pageSize=1", null, String.class));
        assertEquals(List.of(1001L), ids(sellers));
    }

    @Test
    void theGenericRequestReachesAnyPathWithAnyMethod() throws Exception {
        JsonNode warehouses = MAPPER.readTree(template.requestBody("quivo:request?path=/warehouses?pageSize=2",
                null, String.class));
        assertEquals(2, warehouses.size());

        Map<?, ?> created = template.requestBodyAndHeaders("quivo:request?unmarshalType=java.util.Map",
                Orders.valid("GENERIC-1"),
                Map.of(QuivoConstants.HTTP_METHOD, "POST", QuivoConstants.PATH, "/orders"), Map.class);
        assertEquals("GENERIC-1", created.get("orderIdentifier"));
        assertEquals(1, simulator().stats().calls("POST /orders"));
    }

    private static List<String> identifiers(JsonNode list) {
        return stream(list).map(n -> n.get("orderIdentifier").asText()).toList();
    }

    private static List<Long> ids(JsonNode list) {
        return stream(list).map(n -> n.get("id").asLong()).toList();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode list) {
        return java.util.stream.StreamSupport.stream(list.spliterator(), false);
    }
}
