package io.camelquivo.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * connector-docs/reference.md is rendered from quivo.json, the component metadata that the build generates from
 * the {@code @Metadata}, {@code @UriParam} and {@code QuivoConstants} descriptions, and must match it. After
 * changing a description, build once (it regenerates quivo.json) and write the page anew with
 * {@code mvn -q test -Dtest=ReferencePageTest -Dquivo.docs.write=true}.
 */
class ReferencePageTest {

    private static final Path PAGE = Path.of("connector-docs/reference.md");
    private static final String METADATA = "/META-INF/io/camelquivo/component/quivo.json";

    @Test
    void theCommittedPageIsTheRenderedMetadata() throws Exception {
        RenderedPage.assertCurrent(PAGE, render(metadata()), ReferencePageTest.class);
    }

    /** Javadoc markup in a description ends up in catalogs and IDEs as text such as {code orders.create}. */
    @Test
    void everyDescriptionIsPlainText() throws Exception {
        List<String> marked = new ArrayList<>();
        metadata().findParents("description").forEach(owner -> {
            String description = owner.get("description").asText();
            if (description.matches("(?s).*(\\{@?(code|link|literal)|</?[a-z]+>).*")) {
                marked.add(owner.path("name").asText(owner.path("kind").asText()) + ": " + description);
            }
        });
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), marked);
    }

    static JsonNode metadata() throws IOException {
        try (InputStream json = ReferencePageTest.class.getResourceAsStream(METADATA)) {
            if (json == null) {
                throw new IllegalStateException(METADATA + " is not on the classpath: build the project first");
            }
            return new ObjectMapper().readTree(json);
        }
    }

    static String render(JsonNode metadata) {
        JsonNode component = metadata.get("component");
        StringBuilder page = new StringBuilder("""
                # Options and headers

                <!-- Rendered from quivo.json, the component metadata the build generates, by ReferencePageTest: edit the
                descriptions in QuivoComponent, QuivoConfiguration, QuivoEndpoint, QuivoCallParameters and QuivoConstants,
                not this page. -->

                """);
        page.append(component.get("description").asText()).append("\n\n")
                .append("URI: `").append(component.get("syntax").asText()).append("?option=value&...`. The operations are")
                .append(" listed in [operations.md](operations.md); how the session, the exceptions and the status policy")
                .append(" behave is in [README.md](README.md) and [error-policy.md](error-policy.md).\n\n")
                .append("""
                        ## Component options

                        Set once on the component; every endpoint starts from them. In camel-main, as properties:
                        `camel.component.quivo.base-url = https://api.quivo.co` (an option's name in dashed lower case).
                        Keep secrets in properties or environment variables, never in endpoint URIs.
                        """);
        appendOptions(page, metadata.get("componentProperties"));
        page.append("""

                ## Endpoint options

                An endpoint may set any of these on its URI, `quivo:articles.get?sellerId=7`, and overrides the component
                options of the same name. Its account options (`baseUrl`, `apiKey`, `username`, `password`, ...) give it a
                session of its own.
                """);
        appendOptions(page, metadata.get("properties"));
        page.append("""

                ## Message headers

                Headers named after an option (`CamelQuivoSellerId` for `sellerId`) override the option for one message.
                """);
        byGroup(metadata.get("headers")).forEach((group, headers) -> {
            page.append("\n### ").append(group).append("\n\n| header | type | description |\n|---|---|---|\n");
            headers.forEach(header -> page.append("| `").append(header.getKey()).append("` | `")
                    .append(header.getValue().get("javaType").asText()).append("` | ")
                    .append(cell(header.getValue().get("description").asText())).append(" |\n"));
        });
        return page.toString();
    }

    private static void appendOptions(StringBuilder page, JsonNode options) {
        byGroup(options).forEach((group, members) -> {
            page.append("\n### ").append(group).append("\n\n| option | type | default | description |\n|---|---|---|---|\n");
            members.forEach(option -> page.append("| ").append(name(option.getKey(), option.getValue())).append(" | ")
                    .append(type(option.getValue())).append(" | ").append(defaultValue(option.getValue())).append(" | ")
                    .append(cell(option.getValue().get("description").asText())).append(" |\n"));
        });
    }

    /** The groups in the order the generator wrote them: common first, then consumer, producer and the rest. */
    private static Map<String, List<Map.Entry<String, JsonNode>>> byGroup(JsonNode members) {
        Map<String, List<Map.Entry<String, JsonNode>>> groups = new LinkedHashMap<>();
        members.fields().forEachRemaining(member -> groups
                .computeIfAbsent(member.getValue().get("group").asText(), group -> new ArrayList<>()).add(member));
        return groups;
    }

    private static String name(String name, JsonNode option) {
        List<String> marks = new ArrayList<>();
        if ("path".equals(option.get("kind").asText())) {
            marks.add("path");
        }
        if (option.path("required").asBoolean()) {
            marks.add("required");
        }
        if (option.path("secret").asBoolean()) {
            marks.add("secret");
        }
        if (option.path("autowired").asBoolean()) {
            marks.add("autowired");
        }
        return "`" + name + "`" + (marks.isEmpty() ? "" : " (" + String.join(", ", marks) + ")");
    }

    private static String type(JsonNode option) {
        if ("path".equals(option.get("kind").asText())) {
            return "one of the [operations](operations.md)";
        }
        if (option.has("enum")) {
            return StreamSupport.stream(option.get("enum").spliterator(), false)
                    .map(value -> "`" + value.asText() + "`").collect(Collectors.joining(", "));
        }
        String type = option.get("type").asText();
        return cell("object".equals(type) ? "`" + option.get("javaType").asText() + "`" : type);
    }

    private static String defaultValue(JsonNode option) {
        JsonNode value = option.get("defaultValue");
        return value == null ? "–" : cell("`" + value.asText() + "`");
    }

    /** A table cell holds one line, and a pipe would end it. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
