package io.camelquivo.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.junit.jupiter.api.Test;

/**
 * The service's own log4j2.xml with {@code -Dquivo.log-format=json}: one Elastic Common Schema object per line,
 * a failure with its exception in {@code error.*}. QuivoServiceIT checks the same through the runnable jar.
 */
class JsonLogFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachLineIsAnEcsObjectAndAFailureCarriesItsException() throws Exception {
        List<JsonNode> lines = logWithServiceConfiguration(logger -> {
            logger.info("Quivo accepted order {}", "ECS-1");
            logger.error("Dead-lettering order ECS-2", new IllegalStateException("Quivo answered 503"));
        });

        assertEquals(2, lines.size(), lines::toString);
        for (JsonNode line : lines) {
            for (String field : List.of("@timestamp", "log.level", "message", "log.logger", "process.thread.name")) {
                assertTrue(line.hasNonNull(field), () -> field + " missing in " + line);
            }
            assertTrue(line.path("ecs.version").asText().matches("\\d+\\.\\d+\\.\\d+"), line::toString);
            assertEquals("io.camelquivo.service.JsonLogFormatTest", line.path("log.logger").asText());
        }
        assertEquals("INFO", lines.get(0).path("log.level").asText());
        assertEquals("Quivo accepted order ECS-1", lines.get(0).path("message").asText());
        assertTrue(lines.get(0).path("error.type").isMissingNode(), "no error fields without an exception");

        JsonNode failure = lines.get(1);
        assertEquals("ERROR", failure.path("log.level").asText());
        assertEquals("java.lang.IllegalStateException", failure.path("error.type").asText());
        assertEquals("Quivo answered 503", failure.path("error.message").asText());
        assertTrue(failure.path("error.stack_trace").asText().contains("at io.camelquivo.service.JsonLogFormatTest"),
                "the stack trace is one string field, not extra lines");
    }

    /** Runs {@code body} on a logger context of its own built from the service's log4j2.xml, stdout captured. */
    private static List<JsonNode> logWithServiceConfiguration(Consumer<Logger> body)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        String originalFormat = System.getProperty("quivo.log-format");
        // the console appender takes System.out, and the arbiters read the property, when the context starts
        System.setOut(new PrintStream(out, true, UTF_8));
        System.setProperty("quivo.log-format", "json");
        LoggerContext context = new LoggerContext("json-log-format");
        try {
            ConfigurationSource source = ConfigurationSource.fromResource("log4j2.xml",
                    JsonLogFormatTest.class.getClassLoader());
            Configuration configuration = ConfigurationFactory.getInstance().getConfiguration(context, source);
            context.start(configuration);
            body.accept(context.getLogger(JsonLogFormatTest.class));
        } finally {
            context.stop(); // drains the async appender
            System.setOut(originalOut);
            if (originalFormat == null) {
                System.clearProperty("quivo.log-format");
            } else {
                System.setProperty("quivo.log-format", originalFormat);
            }
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(UTF_8).split("\\R")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}
