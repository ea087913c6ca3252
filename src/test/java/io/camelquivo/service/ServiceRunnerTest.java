package io.camelquivo.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceRunnerTest {

    @TempDir
    Path workingDir;

    @Test
    void routesComeFromTheFolderOrElseFromTheJar() throws Exception {
        assertEquals("classpath:routes/*.yaml", ServiceRunner.routesIncludePattern(null, workingDir));
        Files.createDirectory(workingDir.resolve("routes"));
        assertEquals("file:routes/*.yaml", ServiceRunner.routesIncludePattern(null, workingDir));
    }

    @Test
    void givenRoutesAreFilePatternsUnlessTheyNameTheirScheme() {
        assertEquals("file:/etc/quivo/*.yaml,classpath:routes/orders-from-files.yaml",
                ServiceRunner.routesIncludePattern("/etc/quivo/*.yaml, classpath:routes/orders-from-files.yaml",
                        workingDir));
    }

    @Test
    void placeholdersCarryTheCheckedValuesAndNoUnsetSecret() {
        Map<String, String> env = Map.of("QUIVO_BASE_URL", "https://quivo.example.com/", "QUIVO_API_KEY", "k",
                "QUIVO_USERNAME", "u", "QUIVO_PASSWORD", "p", "KAFKA_BROKERS", "kafka:9092",
                "QUIVO_MANAGEMENT_PORT", " 9100 ");
        ServiceSettings settings = ServiceSettings.resolve(new SettingSources(env, new Properties(),
                List.of(SettingSources.fromClasspath("application.properties"))));
        Properties placeholders = ServiceRunner.placeholders(settings);
        assertEquals("https://quivo.example.com", placeholders.getProperty("quivo.base-url"));
        assertEquals("kafka:9092", placeholders.getProperty("kafka.brokers"));
        assertEquals("9100", placeholders.getProperty("quivo.management-port"));
        assertEquals("quivo.dlq", placeholders.getProperty("quivo.dlq-topic"));
        assertFalse(placeholders.containsKey("quivo.webhook-secret"));
    }
}
