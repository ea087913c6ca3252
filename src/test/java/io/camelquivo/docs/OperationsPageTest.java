package io.camelquivo.docs;

import io.camelquivo.component.QuivoOperation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * connector-docs/operations.md is rendered from the operation table and must match it. After changing the
 * table, write the page anew with {@code mvn -q test -Dtest=OperationsPageTest -Dquivo.docs.write=true}.
 */
class OperationsPageTest {

    private static final Path PAGE = Path.of("connector-docs/operations.md");

    @Test
    void theCommittedPageIsTheRenderedTable() throws Exception {
        RenderedPage.assertCurrent(PAGE, render(), OperationsPageTest.class);
    }

    static String render() {
        StringBuilder page = new StringBuilder("""
                # Operations

                <!-- Rendered from io.camelquivo.component.QuivoOperation by OperationsPageTest: edit the table, not this page. -->

                Every Quivo endpoint has an operation, `quivo:<operation>`. A path variable (`{sellerId}`) and a query
                parameter are endpoint options of the same name; the header `CamelQuivo<Name>` (`CamelQuivoSellerId`)
                overrides the option for one message. A missing path variable fails before any call, naming the option
                and the header. `POST /login` is not an operation: the component's session makes it (see
                [README.md](README.md#how-the-session-works)).

                ```yaml
                - route:
                    from:
                      uri: direct:article
                      steps:
                        - to: quivo:articles.get?sellerId=7   # the article id from the CamelQuivoArticleId header
                ```

                Columns: the query parameters (`!` required; paged lists take `query`, `sort`, `page`, `pageSize` and,
                where Quivo offers it, the cursor `searchAfter`); the body (`required`, `none`, `optional`); and whether the
                error policy may send the call again after an answer that leaves its effect unknown (`safe`; `once by
                identifier`: looked up first; `request uuid`: it carries a requestUUID, made from the body when it has none,
                so a redelivery or a restart sends the same; `unsafe`: it may be done twice).

                Paged lists answer one page by default, and the header `CamelQuivoNextCursor` says where the next one
                starts (the `page`, `searchAfter` or `pageToken` to send), absent after the last page. With
                `paging=all` the component follows every page (asking for 1000 at a time unless `pageSize` says
                otherwise) and answers one JSON array; with `paging=stream` it answers an iterator that fetches each
                page as it is read, for a `split` with `streaming: true`: one exchange per element, with a page or two
                in memory. Either stops after `maxItems` elements (10000).
                """);
        Map<String, List<QuivoOperation>> groups = new LinkedHashMap<>();
        for (QuivoOperation operation : QuivoOperation.values()) {
            groups.computeIfAbsent(operation.id().contains(".") ? operation.id().substring(0, operation.id().indexOf('.'))
                    : operation.id(), group -> new java.util.ArrayList<>()).add(operation);
        }
        groups.forEach((group, operations) -> {
            page.append("\n## ").append(group).append("\n\n")
                    .append("| operation | call | query | body | retry | what |\n|---|---|---|---|---|---|\n");
            for (QuivoOperation operation : operations) {
                String call = operation.method() == null ? "any method, any path" : "`" + operation.method() + " "
                        + operation.pathTemplate() + "`";
                String query = operation.query().stream()
                        .map(q -> "`" + q.name() + (q.name().equals(q.option()) ? "" : " (" + q.option() + ")")
                                + (q.required() ? "!" : "") + "`")
                        .collect(Collectors.joining(", "));
                page.append("| `").append(operation.id()).append("` | ").append(call).append(" | ")
                        .append(query.isEmpty() ? "–" : query).append(" | ")
                        .append(operation.body().name().toLowerCase()).append(" | ")
                        .append(operation.retry().name().toLowerCase().replace('_', ' ')).append(" | ")
                        .append(operation.summary()).append(" |\n");
            }
        });
        return page.toString();
    }
}
