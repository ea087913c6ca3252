package io.camelquivo.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.component.QuivoOperation;
import io.camelquivo.testing.ExampleCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * connector-docs/operations.md and one page per group of operations under connector-docs/operations/, rendered
 * from the operation table: each page's table, and a route file and a Java RouteBuilder that call every
 * operation of the group, with the example calls of {@link ExampleCalls}. {@code DocExamplesTest} runs those
 * examples as they stand in the committed pages.
 */
final class OperationPages {

    /** A page: its file name, title, what its operations are for, and the operation names' prefixes it holds. */
    record Group(String page, String title, String intro, List<String> prefixes) {

        Path path() {
            return Path.of("connector-docs/operations/" + page + ".md");
        }

        List<QuivoOperation> operations() {
            return Arrays.stream(QuivoOperation.values()).filter(operation -> prefixes.contains(prefix(operation)))
                    .toList();
        }

        String className() {
            return Arrays.stream(page.split("-")).map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT)
                    + word.substring(1)).collect(Collectors.joining()) + "Routes";
        }
    }

    /** A new prefix in the table needs a page here; OperationPagesTest fails until it has one. */
    static final List<Group> GROUPS = List.of(
            new Group("orders", "Orders", "Submit orders exactly once, read and change them, and follow their changes.",
                    List.of("orders")),
            new Group("articles", "Articles", "The product master: articles, their validation and their images.",
                    List.of("articles")),
            new Group("items", "Items and stock", "Stock per warehouse and seller, its history, and each item's"
                    + " movements.", List.of("items")),
            new Group("inbounds", "Inbounds", "Deliveries announced to the warehouse, created once per"
                    + " externalIdentifier, and the feed of new ones.", List.of("inbounds")),
            new Group("shipments", "Shipments", "Book shipments and their labels, estimate prices, and follow booked"
                    + " shipments.", List.of("shipments", "shippingServiceGroups")),
            new Group("returns", "Returns", "Return shipments, customer return links and the return app.",
                    List.of("returns", "returnLinks", "returnApp")),
            new Group("master-data", "Sellers, warehouses, shops and other master data", "The account's sellers,"
                    + " warehouses and connected shops, contacts and addresses, support tickets, freight transports"
                    + " and routing rules.", List.of("sellers", "warehouses", "shops", "subscriptionPackages",
                            "contacts", "addresses", "storedAddresses", "customerInquiries", "transports",
                            "fulfillmentPlans")),
            new Group("subscriptions", "Webhook subscriptions", "Ask Quivo to post an entity's changes to an HTTPS"
                    + " endpoint, such as the service's webhook receiver (webhooks.md).", List.of("subscriptions")),
            new Group("request", "Any other call", "For a call the table does not name yet: any method on any path,"
                    + " with the session, the error mapping and the status policy of every other operation.",
                    List.of("request")));

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OperationPages() {
    }

    static String prefix(QuivoOperation operation) {
        int dot = operation.id().indexOf('.');
        return dot < 0 ? operation.id() : operation.id().substring(0, dot);
    }

    /** The options an example sets on the endpoint, in order: path variables, required query, then the rest. */
    static Map<String, String> exampleOptions(QuivoOperation operation) {
        Map<String, String> options = new LinkedHashMap<>();
        if (operation.isChanges()) {
            options.put("delay", "60000");
            return options;
        }
        operation.pathVariables().forEach(variable -> options.put(variable, ExampleCalls.value(variable)));
        operation.query().stream().filter(QuivoOperation.QueryParameter::required)
                .forEach(parameter -> options.put(parameter.option(), ExampleCalls.value(parameter.option())));
        if (operation.paging() != QuivoOperation.Paging.NONE) {
            options.put("paging", "all");
        }
        if (operation == QuivoOperation.REQUEST) {
            options.put("method", "GET");
            options.put("path", "/warehouses");
        }
        return options;
    }

    static String index() {
        StringBuilder page = new StringBuilder("""
                # Operations

                <!-- Rendered from io.camelquivo.component.QuivoOperation by OperationPagesTest: edit the table, not this page. -->

                Every Quivo endpoint has an operation, `quivo:<operation>`. A path variable (`{sellerId}`) and a query
                parameter are endpoint options of the same name; the header `CamelQuivo<Name>` (`CamelQuivoSellerId`)
                overrides the option for one message. A missing path variable fails before any call, naming the option
                and the header. `POST /login` is not an operation: the component's session makes it (see
                [README.md](README.md#how-the-session-works)).

                In Java, the typed endpoint builder names every option: import
                `io.camelquivo.dsl.StaticEndpointBuilders.quivo` statically and write
                `to(quivo("articles.get").sellerId(1001).articleId(7))`. It needs `org.apache.camel:camel-endpointdsl`
                on the classpath, an optional dependency of this component. Each page below has a route file and a Java
                RouteBuilder that call every operation of its group; the suite runs both as they stand here.

                Columns of the pages' tables: the options (path variables first, then query parameters, `!` required;
                paged lists take `query`, `sort`, `page`, `pageSize` and, where Quivo offers it, the cursor
                `searchAfter`); the body (`required`, `none`, `optional`); and whether the error policy may send the call
                again after an answer that leaves its effect unknown (`safe`; `once by identifier`: looked up first;
                `request uuid`: it carries a requestUUID, made from the body when it has none, so a redelivery or a
                restart sends the same; `unsafe`: it may be done twice).

                Paged lists answer one page by default, and the header `CamelQuivoNextCursor` says where the next one
                starts (the `page`, `searchAfter` or `pageToken` to send), absent after the last page. With
                `paging=all` the component follows every page (asking for 1000 at a time unless `pageSize` says
                otherwise) and answers one JSON array; with `paging=stream` it answers an iterator that fetches each
                page as it is read, for a `split` with `streaming: true`: one exchange per element, with a page or two
                in memory. Either stops after `maxItems` elements (10000).

                | page | operations |
                |---|---|
                """);
        for (Group group : GROUPS) {
            page.append("| [").append(group.title()).append("](operations/").append(group.page()).append(".md) | ")
                    .append(group.operations().stream().map(operation -> "`" + operation.id() + "`")
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        return page.toString();
    }

    static String page(Group group, JsonNode metadata) {
        StringBuilder page = new StringBuilder("# ").append(group.title()).append("\n\n")
                .append("<!-- Rendered from io.camelquivo.component.QuivoOperation and the test class ExampleCalls by"
                        + " OperationPagesTest: edit those, not this page. -->\n\n")
                .append(group.intro()).append(" How options, headers, paging and the retry column work: ")
                .append("[operations.md](../operations.md); every option: [reference.md](../reference.md).\n\n")
                .append("| operation | call | options | body | retry | what |\n|---|---|---|---|---|---|\n");
        for (QuivoOperation operation : group.operations()) {
            page.append("| `").append(operation.id()).append("` | ").append(call(operation)).append(" | ")
                    .append(options(operation)).append(" | ")
                    .append(operation.body().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(operation.retry().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" | ")
                    .append(operation.summary()).append(" |\n");
        }
        page.append("\n## From a route file\n\n")
                .append("Each route takes the body from whoever sends to its `direct:` endpoint; a header such as")
                .append(" `CamelQuivoSellerId` may replace an option per message.\n\n```yaml\n");
        for (QuivoOperation operation : group.operations()) {
            page.append(yamlRoute(operation));
        }
        page.append("```\n\n## From Java\n\n```java\n").append(javaRoutes(group, metadata)).append("```\n");
        List<QuivoOperation> withBody = group.operations().stream()
                .filter(operation -> ExampleCalls.body(operation.id()) != null).toList();
        if (!withBody.isEmpty()) {
            page.append("\n## Example bodies\n\nThe least each call needs, as the simulator checks it; Quivo's")
                    .append(" reference lists the other fields.\n");
            for (QuivoOperation operation : withBody) {
                page.append("\n`").append(operation.id()).append("`:\n\n```json\n")
                        .append(pretty(ExampleCalls.body(operation.id()))).append("\n```\n");
            }
        }
        return page.toString();
    }

    private static String call(QuivoOperation operation) {
        return operation.method() == null ? "any method, any path"
                : "`" + operation.method() + " " + operation.pathTemplate() + "`";
    }

    private static String options(QuivoOperation operation) {
        if (operation.isStock()) {
            // it reads every warehouse and seller it is given, not the one its list's path names
            return "`warehouseIds`, `sellerIds`, `initialSnapshot`, `sort`, `pageSize`";
        }
        List<String> options = new java.util.ArrayList<>();
        operation.pathVariables().forEach(variable -> options.add("`" + variable + "`"));
        operation.query().forEach(q -> options.add("`" + q.name() + (q.name().equals(q.option()) ? "" : " (" + q.option()
                + ")") + (q.required() ? "!" : "") + "`"));
        if (operation == QuivoOperation.REQUEST) {
            options.add("`method!`");
            options.add("`path!`");
        }
        return options.isEmpty() ? "–" : String.join(", ", options);
    }

    private static String uri(QuivoOperation operation) {
        String query = exampleOptions(operation).entrySet().stream().map(option -> option.getKey() + "=" + option.getValue())
                .collect(Collectors.joining("&"));
        return "quivo:" + operation.id() + (query.isEmpty() ? "" : "?" + query);
    }

    private static String yamlRoute(QuivoOperation operation) {
        if (operation.isChanges()) {
            return """
                    - route:
                        from:
                          uri: %s
                          steps:
                            - log: "%s ${header.CamelQuivoEntityId} changed"
                    """.formatted(uri(operation), noun(operation));
        }
        return """
                - route:
                    from:
                      uri: direct:%s
                      steps:
                        - to: %s
                """.formatted(operation.id(), uri(operation));
    }

    private static String javaRoutes(Group group, JsonNode metadata) {
        StringBuilder routes = new StringBuilder("""
                import static io.camelquivo.dsl.StaticEndpointBuilders.quivo;

                import org.apache.camel.builder.RouteBuilder;

                public class %s extends RouteBuilder {

                    @Override
                    public void configure() {
                """.formatted(group.className()));
        for (QuivoOperation operation : group.operations()) {
            String builder = "quivo(\"" + operation.id() + "\")" + exampleOptions(operation).entrySet().stream()
                    .map(option -> "." + option.getKey() + "(" + javaValue(metadata, option.getKey(), option.getValue()) + ")")
                    .collect(Collectors.joining());
            if (operation.isChanges()) {
                routes.append("        from(").append(builder).append(")\n                .log(\"")
                        .append(noun(operation)).append(" ${header.CamelQuivoEntityId} changed\");\n");
            } else {
                routes.append("        from(\"direct:").append(operation.id()).append("\")\n                .to(")
                        .append(builder).append(");\n");
            }
        }
        return routes.append("    }\n}\n").toString();
    }

    private static final Set<String> NUMBERS = Set.of("long", "int", "java.lang.Long", "java.lang.Integer");

    /** A number for an option the builder takes as one, else a string literal. */
    private static String javaValue(JsonNode metadata, String option, String value) {
        String type = metadata.at("/properties/" + option + "/javaType").asText();
        return NUMBERS.contains(type) ? value : "\"" + value + "\"";
    }

    private static String noun(QuivoOperation feed) {
        String plural = feed.entity().toLowerCase(Locale.ROOT);
        return plural.substring(0, plural.length() - 1);
    }

    private static String pretty(String json) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
