package io.camelquivo.component;

import io.camelquivo.testing.LogCapture;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.QuivoTestSupport;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.error.QuivoUnauthorizedException;
import io.camelquivo.simulator.Fault;
import io.camelquivo.simulator.QuivoSimulator;
import io.camelquivo.simulator.QuivoSimulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Logins, errors, failed logins and Camel's own error logging, all at DEBUG: no secret shows. */
class NoSecretsInLogTest extends QuivoTestSupport {

    private static final String API_KEY = "API-KEY-s3cr3t-0001";
    private static final String PASSWORD = "PASSWORD-s3cr3t-0002";
    private static final String WRONG_PASSWORD = "WRONG-PASSWORD-s3cr3t-0003";

    @RegisterExtension
    static QuivoSimulatorExtension sim = new QuivoSimulatorExtension(
            QuivoSimulator.builder().apiKey(API_KEY).password(PASSWORD));

    @Override
    protected QuivoSimulator simulator() {
        return sim.simulator();
    }

    @Override
    protected void configure(QuivoComponent quivo) {
        quivo.getConfiguration().setApiKey(API_KEY);
        quivo.getConfiguration().setPassword(PASSWORD);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(QuivoUnauthorizedException.class).maximumRedeliveries(2).redeliveryDelay(0);
                from("direct:create").to("quivo:orders.create");
                from("direct:list").to("quivo:warehouses.list");
                from("direct:wrongPassword").to("quivo:sellers.list?password=RAW(" + WRONG_PASSWORD + ")");
                from("direct:keyInUri").to("quivo:sellers.list?apiKey=RAW(" + API_KEY + ")");
            }
        };
    }

    @Test
    void noLogLineCarriesTheApiKeyThePasswordOrAToken() {
        List<String> lines;
        try (LogCapture capture = LogCapture.open(LogManager.ROOT_LOGGER_NAME, "io.camelquivo", "org.apache.camel")) {
            template.requestBody("direct:create", Orders.valid("LOG-1"));
            sim.simulator().faults().next(1, "POST /orders", Fault.status(400, "positions: must not be null",
                    "text/plain"));
            template.request("direct:create", e -> e.getMessage().setBody(Orders.valid("LOG-2")));
            sim.simulator().faults().next(1, "GET /warehouses", Fault.expiredToken());
            template.requestBody("direct:list", (Object) null);
            sim.simulator().faults().next(1, "GET /warehouses", Fault.forbidden());
            template.request("direct:list", e -> { });
            sim.simulator().faults().next(1, "GET /warehouses", Fault.throttled(Duration.ofSeconds(1)));
            template.request("direct:list", e -> { });
            sim.simulator().faults().next(1, "GET /warehouses", Fault.resetBeforeStore());
            template.request("direct:list", e -> { });
            template.request("direct:wrongPassword", e -> { });
            template.request("direct:keyInUri", e -> { });
            lines = new ArrayList<>(capture.lines());
        }

        assertTrue(lines.stream().anyMatch(l -> l.contains("Logged in to Quivo")), "the capture saw the login");
        assertTrue(lines.stream().anyMatch(l -> l.contains("answered 403")), "the capture saw the failures");
        List<String> secrets = new ArrayList<>(List.of(API_KEY, PASSWORD, WRONG_PASSWORD));
        secrets.addAll(sim.simulator().issuedTokens());
        assertTrue(secrets.size() >= 5, "at least two tokens were issued: " + secrets.size());
        for (String line : lines) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "a secret in the log: " + line);
            }
        }
    }
}
