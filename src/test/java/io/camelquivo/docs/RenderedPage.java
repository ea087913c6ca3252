package io.camelquivo.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A page of connector-docs that is rendered from the code and committed. The staleness tests compare it with
 * what they render; with {@code -Dquivo.docs.write=true} they write it anew first.
 */
final class RenderedPage {

    private RenderedPage() {
    }

    static void assertCurrent(Path page, String rendered, Class<?> renderer) throws IOException {
        if (Boolean.getBoolean("quivo.docs.write")) {
            Files.writeString(page, rendered, StandardCharsets.UTF_8);
        }
        assertEquals(rendered, Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : "",
                page + " is stale: run mvn -q test -Dtest=" + renderer.getSimpleName() + " -Dquivo.docs.write=true");
    }
}
