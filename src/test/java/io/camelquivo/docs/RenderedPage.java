package io.camelquivo.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A page of connector-docs that is rendered from the code and committed. Every build renders it into
 * target/generated-docs, and the staleness tests compare the committed page with that; with
 * {@code -Dquivo.docs.write=true} they write the committed page anew first.
 */
final class RenderedPage {

    private RenderedPage() {
    }

    static void assertCurrent(Path page, String rendered, Class<?> renderer) throws IOException {
        Path generated = Path.of("target/generated-docs").resolve(page.subpath(1, page.getNameCount()));
        Files.createDirectories(generated.getParent());
        Files.writeString(generated, rendered, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("quivo.docs.write")) {
            Files.createDirectories(page.toAbsolutePath().getParent());
            Files.writeString(page, rendered, StandardCharsets.UTF_8);
        }
        assertEquals(rendered, Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : "",
                page + " is stale: run mvn -q test -Dtest=" + renderer.getSimpleName() + " -Dquivo.docs.write=true");
    }
}
