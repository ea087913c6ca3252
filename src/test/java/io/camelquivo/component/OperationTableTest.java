package io.camelquivo.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.simulator.RequestRecord;
import io.camelquivo.simulator.Resources;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.ExampleCalls;
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("producerRows")
    void eachRowSendsItsMethodPathQueryAndBody(QuivoOperation operation) throws Exception {
        ExampleCalls.seed(simulator());
        String orderId = MAPPER.readTree(template.requestBody("quivo:orders.create", Orders.valid("A-1"), String.class))
                .get("orderId").asText();
        int before = simulator().stats().requestLog().size();

        Map<String, Object> headers = new LinkedHashMap<>();
        String expectedPath = operation.path(variable -> {
            String value = variable.equals("orderId") ? orderId : ExampleCalls.value(variable);
            headers.put(QuivoConstants.header(variable), value);
            return value;
        });
        StringBuilder expectedQuery = new StringBuilder();
        for (QuivoOperation.QueryParameter parameter : operation.query()) {
            if (parameter.required() || parameter.option().equals("pageSize")) {
                String value = parameter.option().equals("pageSize") ? "5" : ExampleCalls.value(parameter.option());
                headers.put(QuivoConstants.header(parameter.option()), value);
                expectedQuery.append(expectedQuery.isEmpty() ? "?" : "&").append(parameter.name()).append("=")
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        String body = operation.body() == QuivoOperation.Body.NONE ? null : ExampleCalls.body(operation.id());
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
