package io.camelquivo.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.simulator.RequestRecord;
import io.camelquivo.simulator.Resources;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.QuivoTestSupport;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.spi.UriPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operation table is the one source: the URI's operation list, the options and headers in quivo.json come
 * from it, and every row sends exactly the request its row describes.
 */
class OperationTableTest extends QuivoTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theUriPathListsExactlyTheTablesOperations() throws Exception {
        String enums = QuivoEndpoint.class.getDeclaredField("operation").getAnnotation(UriPath.class).enums();
        assertEquals(QuivoOperation.ids(), enums);
    }

    @Test
    void quivoJsonHasEveryOperationAndAnOptionAndHeaderForEveryPathVariableAndQueryParameter() throws Exception {
        JsonNode component = componentJson();
        List<String> listed = new ArrayList<>();
        component.at("/properties/operation/enum").forEach(name -> listed.add(name.asText()));
        assertEquals(Arrays.asList(QuivoOperation.ids().split(",")), listed);

        Set<String> headers = new TreeSet<>();
        component.path("headers").fieldNames().forEachRemaining(headers::add);
        for (QuivoOperation operation : QuivoOperation.values()) {
            List<String> options = new ArrayList<>(operation.pathVariables());
            operation.query().forEach(parameter -> options.add(parameter.option()));
            for (String option : options) {
                assertTrue(component.path("properties").has(option), operation.id() + ": no option " + option);
                assertTrue(headers.contains(QuivoConstants.header(option)),
                        operation.id() + ": no header " + QuivoConstants.header(option));
            }
        }
    }

    static Stream<QuivoOperation> producerRows() {
        return Arrays.stream(QuivoOperation.values())
                .filter(op -> !op.isChanges() && op != QuivoOperation.REQUEST && op != QuivoOperation.ORDERS_CREATE);
    }

    /** A minimal valid body for each row that takes one: what Quivo's reference marks required, and a little more. */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("orders.update", "{\"comment\":\"leave at the door\"}"),
            Map.entry("orders.updateAddress", "{\"name\":\"Erika Mustermann\",\"street\":\"Hauptstr. 1\","
                    + "\"zip\":\"10115\",\"city\":\"Berlin\",\"countryIso2\":\"DE\"}"),
            Map.entry("orders.addAttachment", "{\"printerType\":\"LABEL_PRINTER\","
                    + "\"attachmentPlacement\":\"INSIDE_PACKAGE\",\"copyCount\":1}"),
            Map.entry("articles.create", "{\"sku\":\"SKU-1\",\"name\":{\"value\":\"Blue Mug\",\"language\":\"EN\"}}"),
            Map.entry("articles.update", "{\"sku\":\"SKU-1\",\"name\":{\"value\":\"Red Mug\",\"language\":\"EN\"}}"),
            Map.entry("articles.validate", "{\"sku\":\"SKU-2\"}"),
            Map.entry("articles.addImage", "{\"id\":\"img-1\"}"),
            Map.entry("inbounds.create", "{\"sellerId\":1001,\"warehouseId\":4,\"shipFrom\":{\"company\":\"Supplier\"},"
                    + "\"estimatedArrivalTime\":\"2026-01-02T10:00:00Z\"}"),
            Map.entry("inbounds.update", "{\"comments\":\"two pallets\"}"),
            Map.entry("shipments.book", "{\"sellerId\":1001,\"shippingServiceGroupId\":3,\"grossWeightKg\":1.2}"),
            Map.entry("shipments.estimate", "{\"estimateRequests\":[{\"sellerId\":1001,\"grossWeightKg\":1.2}]}"),
            Map.entry("shipments.bookBatchAsync", "{\"reference\":\"batch-1\",\"bookRequests\":[{\"lineNumber\":1}]}"),
            Map.entry("shipments.bookShopAsync", "{\"shippingServiceGroupId\":3,\"mailTo\":\"ops@example.com\","
                    + "\"shopId\":7,\"orderIdentifiers\":[\"A-1\"],\"parcelWeight\":0.2}"),
            Map.entry("returns.update", "{\"customerExamined\":true}"),
            Map.entry("returnLinks.create", "{\"sellerId\":1001,\"shippingServiceGroupId\":3}"),
            Map.entry("returnApp.book", "{\"requestUUID\":\"4f1c2d1e-0000-4000-8000-000000000001\",\"hash\":\"v-hash\","
                    + "\"reference\":\"R-1\",\"shipFrom\":{\"name\":\"Erika\"},\"grossWeightKG\":1.0}"),
            Map.entry("shops.authorize", "{\"shopType\":\"SHOPIFY\",\"oauthCode\":\"code\"}"),
            Map.entry("contacts.create", "{\"email\":\"ops@example.com\",\"subscriptionType\":\"ALL\"}"),
            Map.entry("addresses.create", "{\"defaultFor\":[\"SHIP_FROM\"],\"company\":\"Demo\"}"),
            Map.entry("customerInquiries.create", "{\"subject\":\"Late inbound\",\"sellerId\":1001,\"warehouseId\":4,"
                    + "\"messages\":[{\"message\":\"Where is it?\"}]}"),
            Map.entry("customerInquiries.rate", "{\"rating\":5.0,\"ratingMessage\":\"quick\"}"),
            Map.entry("transports.create", "{\"sellerId\":1001,\"shipFrom\":{\"company\":\"A\"},"
                    + "\"shipTo\":{\"company\":\"B\"},\"positions\":[{\"deliveryType\":\"CONTAINER\",\"quantity\":1}]}"),
            Map.entry("fulfillmentPlans.create", "{\"type\":\"RULE\",\"sku\":\"SKU-1\",\"thens\":[{\"warehouse\":4}]}"),
            Map.entry("fulfillmentPlans.update", "{\"type\":\"RULE\",\"sku\":\"SKU-1\",\"thens\":[{\"warehouse\":8}]}"),
            Map.entry("fulfillmentPlans.preview", "{\"orderId\":1,\"excludeWhenIds\":[]}"),
            Map.entry("fulfillmentPlans.skuFork", "{\"fromSku\":\"SET-1\",\"to\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}"),
            Map.entry("subscriptions.create", "{\"sellerId\":1001,\"entity\":\"ORDERS\","
                    + "\"endpoint\":{\"url\":\"https://example.com/hook\"}}"));

    /** A value for each path variable that names something the simulator has: its seller, an order, id 7 of each store. */
    private String pathValue(String variable, String orderId) {
        return switch (variable) {
            case "sellerId" -> "1001";
            case "orderId" -> orderId;
            case "articleIdentifier", "hash" -> "v-" + variable;
            default -> "7";
        };
    }

    private void seedEveryStoreWithId7() {
        Resources resources = simulator().resources();
        resources.names().forEach(name -> resources.store(name).put(7, "{}"));
        resources.store("articles").put(7, "{\"articleIdentifier\":\"v-articleIdentifier\"}");
        resources.store("returnLinks").put(7, "{\"hash\":\"v-hash\"}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("producerRows")
    void eachRowSendsItsMethodPathQueryAndBody(QuivoOperation operation) throws Exception {
        seedEveryStoreWithId7();
        String orderId = MAPPER.readTree(template.requestBody("quivo:orders.create", Orders.valid("A-1"), String.class))
                .get("orderId").asText();
        int before = simulator().stats().requestLog().size();

        Map<String, Object> headers = new LinkedHashMap<>();
        String expectedPath = operation.path(variable -> {
            String value = pathValue(variable, orderId);
            headers.put(QuivoConstants.header(variable), value);
            return value;
        });
        StringBuilder expectedQuery = new StringBuilder();
        for (QuivoOperation.QueryParameter parameter : operation.query()) {
            if (parameter.required() || parameter.option().equals("pageSize")) {
                String value = switch (parameter.option()) {
                    case "pageSize" -> "5";
                    case "addressType" -> "DELIVERY";
                    default -> "q-" + parameter.name();
                };
                headers.put(QuivoConstants.header(parameter.option()), value);
                expectedQuery.append(expectedQuery.isEmpty() ? "?" : "&").append(parameter.name()).append('=').append(value);
            }
        }
        String body = operation.body() == QuivoOperation.Body.NONE ? null : BODIES.get(operation.id());
        assertTrue(operation.body() == QuivoOperation.Body.NONE || body != null, "no test body for " + operation.id());

        template.requestBodyAndHeaders("quivo:" + operation.id(), body, headers);

        List<RequestRecord> log = simulator().stats().requestLog().stream().skip(before)
                .filter(record -> !record.path().startsWith("/login")).toList();
        assertEquals(1, log.size(), "one call: " + log);
        RequestRecord call = log.get(0);
        assertEquals(operation.method(), call.method());
        assertEquals(expectedPath + expectedQuery, call.path());
        assertEquals(operation.method() + " " + operation.pathTemplate(), call.route(), "served by its own route");
        assertTrue(call.status() >= 200 && call.status() < 300, "answered " + call.status());
        if (body == null) {
            assertEquals("", call.body());
        } else {
            JsonNode expected = MAPPER.readTree(body);
            if (operation.retry() == QuivoOperation.Retry.REQUEST_UUID && !expected.has("requestUUID")) {
                // a booking without a requestUUID gets the one its bytes make
                ((com.fasterxml.jackson.databind.node.ObjectNode) expected).put("requestUUID",
                        java.util.UUID.nameUUIDFromBytes(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
            }
            assertEquals(expected, MAPPER.readTree(call.body()), "the simulator received the body");
        }
    }

    @Test
    void aMissingPathVariableNamesTheOptionAndTheHeader() {
        CamelExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(CamelExecutionException.class,
                () -> template.requestBody("quivo:articles.get?sellerId=7", (Object) null));
        IllegalArgumentException missing = assertInstanceOf(IllegalArgumentException.class, failure.getCause());
        assertEquals("quivo:articles.get needs articleId for the path /articles/{sellerId}/{articleId}: set the"
                + " articleId option or the CamelQuivoArticleId header", missing.getMessage());
        assertEquals(0, simulator().stats().requestLog().size(), "nothing was sent");
    }

    @Test
    void anEndpointOptionFillsThePathAndAHeaderWinsOverIt() {
        simulator().resources().store("articles").put(8, "{}").put(9, "{}");
        template.requestBody("quivo:articles.get?sellerId=7&articleId=8", (Object) null);
        template.requestBodyAndHeader("quivo:articles.get?sellerId=7&articleId=8", null, QuivoConstants.ARTICLE_ID, 9L);
        assertEquals(List.of("/articles/7/8", "/articles/7/9"), simulator().stats().requestLog().stream()
                .map(RequestRecord::path).filter(path -> path.startsWith("/articles")).toList());
    }

    private static JsonNode componentJson() throws Exception {
        try (InputStream json = QuivoOperation.class.getResourceAsStream("/META-INF/io/camelquivo/component/quivo.json")) {
            return MAPPER.readTree(json);
        }
    }
}
