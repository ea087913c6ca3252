package io.camelquivo.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// a case that were valid by mistake would start the whole service: the timeout makes that a failure
@Timeout(30)
class ServiceSettingsTest {

    private static final Properties DEFAULTS = SettingSources.fromClasspath("application.properties");

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
        QUIVO_BASE_URL        | http://quivo.example.com | QUIVO_BASE_URL (quivo.base-url): quivo baseUrl must use https:// unless the host is loopback: http://quivo.example.com
        QUIVO_BASE_URL        | ftp://quivo.example.com  | QUIVO_BASE_URL (quivo.base-url): quivo baseUrl must be an http(s) URL with a host: ftp://quivo.example.com
        QUIVO_BASE_URL        | '  '                     | QUIVO_BASE_URL (quivo.base-url): is set but empty: unset it or give a value
        QUIVO_ENVIRONMENT     | staging                  | QUIVO_ENVIRONMENT (quivo.environment): must be production or sandbox, not 'staging'
        QUIVO_ENVIRONMENT     | sandbox                  | QUIVO_ENVIRONMENT (quivo.environment): quivo environment=sandbox: Quivo has not published its sandbox URL; set baseUrl to the one Quivo gave you
        QUIVO_MANAGEMENT_PORT | nine                     | QUIVO_MANAGEMENT_PORT (quivo.management-port): must be a port number (1-65535), not 'nine'
        QUIVO_MANAGEMENT_PORT | 65536                    | QUIVO_MANAGEMENT_PORT (quivo.management-port): must be between 1 and 65535, not 65536
        QUIVO_WEBHOOK_PORT    | 0                        | QUIVO_WEBHOOK_PORT (quivo.webhook-port): must be between 1 and 65535, not 0
        QUIVO_WEBHOOK_PORT    | -1                       | QUIVO_WEBHOOK_PORT (quivo.webhook-port): must be between 1 and 65535, not -1
        KAFKA_BROKERS         | localhost                | KAFKA_BROKERS (kafka.brokers): must be host:port[,host:port...], not 'localhost'
        KAFKA_BROKERS         | kafka:9092,kafka2:x      | KAFKA_BROKERS (kafka.brokers): must be a port number (1-65535), not 'x'
        QUIVO_INBOX_DIR       | ''                       | QUIVO_INBOX_DIR (quivo.inbox-dir): is set but empty: unset it or give a value
        QUIVO_EXAMPLE_ORDERS  | maybe                    | QUIVO_EXAMPLE_ORDERS (quivo.example-orders): must be true or false, not 'maybe'
        QUIVO_POLICY_JITTER   | not-a-number             | QUIVO_POLICY_JITTER (quivo.policy.jitter): is not a number: 'not-a-number'
        QUIVO_POLICY_MAX_DELAY | -5                      | QUIVO_POLICY_MAX_DELAY (quivo.policy.max-delay): must be more than 0 ms
        QUIVO_POLICY_TOTAL_BUDGET | 5m                   | QUIVO_POLICY_TOTAL_BUDGET (quivo.policy.total-budget): is not a number: '5m'
        """)
    void eachBadSettingGetsOneLineAndExitCode2(String variable, String value, String message) {
        assertRefused(Map.of(variable, value), message);
    }

    @Test
    void aBaseUrlNeedsTheWholeAccount() {
        Map<String, String> env = new HashMap<>(Map.of("QUIVO_BASE_URL", "https://quivo.example.com/api",
                "QUIVO_API_KEY", "k", "QUIVO_USERNAME", "u"));
        assertRefused(env, "QUIVO_PASSWORD (quivo.password): is needed to call Quivo at https://quivo.example.com/api");
        env.remove("QUIVO_API_KEY");
        assertRefused(env, "QUIVO_API_KEY (quivo.api-key): is needed to call Quivo at https://quivo.example.com/api");
        assertRefused(Map.of("QUIVO_ENVIRONMENT", "production"),
                "QUIVO_API_KEY (quivo.api-key): is needed to call Quivo at https://api.quivo.co");
    }

    @Test
    void aRefusalNeverEchoesASecret() {
        String line = assertRefused(Map.of("QUIVO_BASE_URL", "http://quivo.example.com",
                "QUIVO_API_KEY", "key-7f3a", "QUIVO_USERNAME", "u", "QUIVO_PASSWORD", "pw-91c2"),
                "QUIVO_BASE_URL (quivo.base-url): quivo baseUrl must use https:// unless the host is loopback:"
                        + " http://quivo.example.com");
        assertFalse(line.contains("key-7f3a") || line.contains("pw-91c2"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"https://quivo-user:pw-4e7b@quivo.example.com", "http://quivo-user:pw-4e7b@127.0.0.1:8089/api",
        "https://quivo-user:pw-4e7b@quivo example.com"})
    void aBaseUrlWithUserAndPasswordIsRefusedWithoutEchoingThem(String baseUrl) {
        Map<String, String> env = Map.of("QUIVO_BASE_URL", baseUrl, "QUIVO_API_KEY", "k", "QUIVO_USERNAME", "u",
                "QUIVO_PASSWORD", "p", "KAFKA_BROKERS", "kafka:9092");
        assertEquals(Setting.BASE_URL, assertThrows(BadConfigurationException.class,
                () -> ServiceSettings.resolve(sources(env, new Properties()))).setting());
        String line = assertRefused(env, "QUIVO_BASE_URL (quivo.base-url): quivo baseUrl must not carry a user or"
                + " password (user:password@host); give them as the username and password options");
        assertFalse(line.contains("pw-4e7b") || line.contains("quivo-user"), line);
    }

    @Test
    void nothingSetMeansBothEmbeddedDefaultsAndTheDocumentedDefaults() {
        ServiceSettings settings = ServiceSettings.resolve(sources(Map.of(), new Properties()));
        assertTrue(settings.embeddedSimulator());
        assertTrue(settings.embeddedBroker());
        assertNull(settings.apiKey());
        assertEquals(Path.of("./data/inbox"), settings.inboxDir());
        assertEquals(List.of("quivo.orders", "quivo.events", "quivo.dlq"),
                List.of(settings.ordersTopic(), settings.eventsTopic(), settings.dlqTopic()));
        assertEquals(9876, settings.managementPort());
        assertEquals(8080, settings.webhookPort());
        assertNull(settings.routes());
        assertNull(settings.webhookSecret());
    }

    @Test
    void productionPicksQuivosUrlAndLoopbackMayUseHttp() {
        Map<String, String> account = Map.of("QUIVO_API_KEY", "k", "QUIVO_USERNAME", "u", "QUIVO_PASSWORD", "p");
        Map<String, String> production = new HashMap<>(account);
        production.put("QUIVO_ENVIRONMENT", "production");
        assertEquals("https://api.quivo.co", ServiceSettings.resolve(sources(production, new Properties())).baseUrl());

        Map<String, String> loopback = new HashMap<>(account);
        loopback.put("QUIVO_BASE_URL", "http://127.0.0.1:8089/");
        ServiceSettings settings = ServiceSettings.resolve(sources(loopback, new Properties()));
        assertEquals("http://127.0.0.1:8089", settings.baseUrl());
        assertFalse(settings.embeddedSimulator());
    }

    @Test
    void theEnvironmentVariableWinsOverTheSystemPropertyWhichWinsOverTheFiles() {
        Properties system = new Properties();
        system.setProperty("quivo.inbox-dir", "/from/system");
        system.setProperty("quivo.orders-topic", "orders.from.system");
        ServiceSettings settings = ServiceSettings.resolve(sources(Map.of("QUIVO_INBOX_DIR", "/from/env"), system));
        assertEquals(Path.of("/from/env"), settings.inboxDir());
        assertEquals("orders.from.system", settings.ordersTopic());
        assertEquals("quivo.dlq", settings.dlqTopic());
    }

    @Test
    void aBadSystemPropertyIsNamedToo() {
        Properties system = new Properties();
        system.setProperty("quivo.management-port", "http");
        BadConfigurationException e = assertThrows(BadConfigurationException.class,
                () -> ServiceSettings.resolve(sources(Map.of(), system)));
        assertEquals(Setting.MANAGEMENT_PORT, e.setting());
    }

    @Test
    void aManagementPortInUseIsRefusedBeforeAnythingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            String port = Integer.toString(taken.getLocalPort());
            String line = assertRefused(Map.of("QUIVO_MANAGEMENT_PORT", port), null);
            assertTrue(line.startsWith("quivo-connector: bad configuration: QUIVO_MANAGEMENT_PORT"
                    + " (quivo.management-port): port " + port + " is in use"), line);
        }
    }

    /** Runs the service's entry point (without exiting) and checks its exit code and its one stderr line. */
    private static String assertRefused(Map<String, String> env, String expected) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = QuivoService.run(sources(env, new Properties()), new String[0],
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String output = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, exitCode);
        assertEquals(1, output.lines().count(), output);
        if (expected != null) {
            assertEquals("quivo-connector: bad configuration: " + expected + System.lineSeparator(), output);
        }
        return output;
    }

    private static SettingSources sources(Map<String, String> env, Properties system) {
        return new SettingSources(env, system, List.of(DEFAULTS));
    }
}
