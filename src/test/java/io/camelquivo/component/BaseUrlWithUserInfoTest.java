package io.camelquivo.component;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.simulator.QuivoSimulator;
import io.camelquivo.simulator.QuivoSimulatorExtension;
import io.camelquivo.testing.LogCapture;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A user and password written into the base URL would travel into every log line and error message that
 * names the URL: the component refuses such a URL before its first call, and does not repeat it.
 */
class BaseUrlWithUserInfoTest {

    private static final String USER_INFO = "quivo-user:pw-93d1";

    @RegisterExtension
    static final QuivoSimulatorExtension SIMULATOR = new QuivoSimulatorExtension();

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theRouteDoesNotStartAndNothingRepeatsThePassword(boolean onTheEndpoint) {
        QuivoSimulator simulator = SIMULATOR.simulator();
        String baseUrl = "http://" + USER_INFO + "@127.0.0.1:" + simulator.port();
        QuivoComponent quivo = new QuivoComponent();
        quivo.getConfiguration().setBaseUrl(onTheEndpoint ? simulator.baseUrl() : baseUrl);
        quivo.getConfiguration().setApiKey(simulator.apiKey());
        quivo.getConfiguration().setUsername(simulator.username());
        quivo.getConfiguration().setPassword(simulator.password());
        String endpoint = "quivo:warehouses.list" + (onTheEndpoint ? "?baseUrl=RAW(" + baseUrl + ")" : "");

        List<String> lines;
        Exception refused;
        try (LogCapture capture = LogCapture.open(LogManager.ROOT_LOGGER_NAME, "io.camelquivo", "org.apache.camel");
                CamelContext camel = new DefaultCamelContext()) {
            camel.addComponent("quivo", quivo);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:warehouses").routeId("warehouses").to(endpoint);
                }
            });
            refused = assertThrows(Exception.class, camel::start);
            lines = new ArrayList<>(capture.lines());
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        Throwable reason = refused;
        while (reason.getCause() != null && !(reason instanceof IllegalArgumentException)) {
            reason = reason.getCause();
        }
        assertNotNull(reason.getMessage());
        assertTrue(reason.getMessage().startsWith("quivo baseUrl must not carry a user or password"),
                reason.getMessage());
        assertTrue(simulator.stats().requestLog().isEmpty(), "no call was made");
        for (Throwable t = refused; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("pw-93d1"), "the password in: " + t);
        }
        for (String line : lines) {
            assertFalse(line.contains("pw-93d1"), "the password in the log: " + line);
        }
    }
}
