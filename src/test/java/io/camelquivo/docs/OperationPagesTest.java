package io.camelquivo.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.camelquivo.component.QuivoOperation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * connector-docs/operations.md and the pages under connector-docs/operations/ are rendered from the operation
 * table and must match it. After changing the table, write them anew with
 * {@code mvn -q test -Dtest=OperationPagesTest -Dquivo.docs.write=true}.
 */
class OperationPagesTest {

    @Test
    void theIndexIsCurrent() throws Exception {
        RenderedPage.assertCurrent(Path.of("connector-docs/operations.md"), OperationPages.index(),
                OperationPagesTest.class);
    }

    static Stream<OperationPages.Group> groups() {
        return OperationPages.GROUPS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void eachGroupsPageIsCurrent(OperationPages.Group group) throws Exception {
        RenderedPage.assertCurrent(group.path(), OperationPages.page(group, ReferencePageTest.metadata()),
                OperationPagesTest.class);
    }

    @Test
    void everyOperationIsOnExactlyOnePage() {
        List<String> unplaced = Arrays.stream(QuivoOperation.values())
                .filter(operation -> OperationPages.GROUPS.stream()
                        .filter(group -> group.operations().contains(operation)).count() != 1)
                .map(QuivoOperation::id).toList();
        assertEquals(List.of(), unplaced, "add each one's prefix to one group of OperationPages.GROUPS");
    }

    @Test
    void noPageIsLeftOverFromAGroupThatIsGone() throws Exception {
        try (Stream<Path> pages = Files.list(Path.of("connector-docs/operations"))) {
            assertEquals(OperationPages.GROUPS.stream().map(group -> group.page() + ".md").sorted().toList(),
                    pages.map(page -> page.getFileName().toString()).sorted().toList());
        }
    }
}
