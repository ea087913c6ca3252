package io.camelquivo.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.simulator.RequestRecord;
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
    void eachRowSendsItsMethodPathQueryAndBody(QuivoOperation operation) {
        Map<String, Object> headers = new LinkedHashMap<>();
        String expectedPath = operation.path(variable -> {
            String value = variable.endsWith("Id") ? "7" : "v-" + variable;
            headers.put(QuivoConstants.header(variable), value);
            return value;
        });
        StringBuilder expectedQuery = new StringBuilder();
        for (QuivoOperation.QueryParameter parameter : operation.query()) {
            if (parameter.required() || parameter.option().equals("pageSize")) {
                String value = parameter.option().equals("pageSize") ? "5" : "q-" + parameter.name();
                headers.put(QuivoConstants.header(parameter.option()), value);
                expectedQuery.append(expectedQuery.isEmpty() ? "?" : "&").append(parameter.name()).append('=').append(value);
            }
        }
        Object body = operation.body() == QuivoOperation.Body.NONE ? null : "{\"probe\":true}";

        send("quivo:" + operation.id(), body, headers);

        List<RequestRecord> log = simulator().stats().requestLog().stream()
                .filter(record -> !record.path().startsWith("/login")).toList();
        assertEquals(1, log.size(), "one call: " + log);
        assertEquals(operation.method(), log.get(0).method());
        assertEquals(expectedPath + expectedQuery, log.get(0).path());
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
        send("quivo:articles.get?sellerId=7&articleId=8", null, Map.of());
        send("quivo:articles.get?sellerId=7&articleId=8", null, Map.of(QuivoConstants.ARTICLE_ID, 9L));
        assertEquals(List.of("/articles/7/8", "/articles/7/9"), simulator().stats().requestLog().stream()
                .map(RequestRecord::path).filter(path -> path.startsWith("/articles")).toList());
    }

    /** Sends and keeps only what was sent: rows the simulator does not serve yet answer 404. */
    private void send(String uri, Object body, Map<String, Object> headers) {
        try {
            template.requestBodyAndHeaders(uri, body, headers);
        } catch (CamelExecutionException refusedByTheSimulator) {
            assertInstanceOf(io.camelquivo.error.QuivoException.class, refusedByTheSimulator.getCause());
        }
    }

    private static JsonNode componentJson() throws Exception {
        try (InputStream json = QuivoOperation.class.getResourceAsStream("/META-INF/io/camelquivo/component/quivo.json")) {
            return MAPPER.readTree(json);
        }
    }
}
