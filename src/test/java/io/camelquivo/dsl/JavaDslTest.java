package io.camelquivo.dsl;

import static io.camelquivo.dsl.StaticEndpointBuilders.quivo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.simulator.RequestRecord;
import io.camelquivo.testing.QuivoTestSupport;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * The generated endpoint builder: routes written with typed options, quivo("articles.get").sellerId(7), send
 * exactly what the same route with a URI sends.
 */
class JavaDslTest extends QuivoTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new TypedRoutes();
    }

    @Test
    void typedOptionsFillThePathAndTheQuery() throws Exception {
        simulator().resources().store("articles").put(7, "{\"id\":7,\"sellerId\":1001,\"name\":\"Mug\"}");
        simulator().resources().store("items").put(31, "{\"itemId\":31,\"sku\":\"SKU-2\",\"quantity\":5}");

        JsonNode article = MAPPER.readTree(template.requestBody("direct:article", null, String.class));
        JsonNode items = MAPPER.readTree(template.requestBody("direct:stock", null, String.class));

        assertEquals("Mug", article.path("name").asText());
        assertEquals(5, items.path(0).path("quantity").asInt());
        List<String> paths = simulator().stats().requestLog().stream()
                .filter(request -> request.route() != null && request.route().startsWith("GET"))
                .map(RequestRecord::path).toList();
        assertEquals(List.of("/articles/1001/7", "/items/4/1001?query=sku%3ASKU-2&pageSize=2"), paths);
    }

    @Test
    void theComponentIsListedForCamelsTooling() throws Exception {
        Properties listed = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/services/org/apache/camel/component.properties")) {
            listed.load(in);
        }
        assertEquals("quivo", listed.getProperty("components"));
        assertEquals("quivo-connector", listed.getProperty("artifactId"));
    }
}

/** Routes as a user writes them, with the builders imported statically. */
final class TypedRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:article").to(quivo("articles.get").sellerId(1001).articleId(7));
        from("direct:stock").to(quivo("items.list").warehouseId(4).sellerId(1001).pageSize(2).query("sku:SKU-2"));
    }
}
