package io.camelquivo.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.metrics.QuivoMetrics;
import io.camelquivo.policy.PausedRoutesHealthCheck;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.RoutesTestSupport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

/**
 * While Quivo is away for longer than the policy's budget, the inbox route pauses: readiness says DOWN, naming
 * the route and why, and {@code quivo_route_paused} reads 1, until Quivo answers a probe and the order goes
 * through. (QuivoOutageTest counts the orders of a longer outage; this is what a user watching sees.)
 */
class PausedRouteHealthTest extends RoutesTestSupport {

    private static final String ROUTE = "orders-from-files";

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Override
    protected Properties properties() {
        Properties p = super.properties();
        p.put("quivo.policy.total-budget", "2000");
        // one record at a time: the later records of a poll are handed over after the first one paused its route
        p.put("quivo.orders.in-flight", "1");
        return p;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.getRegistry().bind(QuivoMetrics.BEAN_NAME, new QuivoMetrics(meters));
        return camel;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return yaml("quivo-error-policy.yaml", "orders-from-files.yaml", "orders-from-kafka.yaml");
    }

    @Test
    void aPausedRouteTurnsReadinessDownWithItsReasonUntilQuivoAnswersAgain() throws Exception {
        Files.writeString(inbox.resolve("PAUSE-1.json"), Orders.valid("PAUSE-1"));
        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 1, Duration.ofSeconds(30));
        HealthCheck check = HealthCheckHelper.getHealthCheck(context, PausedRoutesHealthCheck.ID);
        assertEquals(HealthCheck.State.UP, check.call().getState());
        assertFalse(check.isLiveness(), "a restart fixes nothing here");
        assertEquals(0, paused().value());

        simulator().close();
        Files.writeString(inbox.resolve("PAUSE-2.json"), Orders.valid("PAUSE-2"));
        await("the route paused", () -> check.call().getState() == HealthCheck.State.DOWN);
        String message = check.call().getMessage().orElseThrow();
        assertTrue(message.startsWith("route " + ROUTE + " paused since "), message);
        assertTrue(message.contains("(Quivo: connection_failure)"), message);
        assertEquals(1, paused().value());
        assertEquals(HealthCheck.State.DOWN, HealthCheckHelper.invokeReadiness(context).stream()
                .filter(result -> result.getCheck().getId().equals(PausedRoutesHealthCheck.ID))
                .findFirst().orElseThrow().getState(), "part of readiness");
        assertTrue(Files.exists(inbox.resolve("PAUSE-2.json")), "the order waits in the inbox");

        simulator().start();
        OrdersFromFilesTest.awaitFiles(inbox.resolve(".done"), 2, Duration.ofSeconds(30));
        await("the route resumed", () -> check.call().getState() == HealthCheck.State.UP);
        assertEquals(0, paused().value());
        assertEquals(1, simulator().orders().byIdentifier("PAUSE-2").size());
    }

    /**
     * The first record of a poll spends the budget and pauses the route it goes through (order-record); the rest
     * of the poll meets that pause at once and stays in the topic, and the Kafka route pauses too, for Quivo's
     * failure. They are not left waiting for a consumer of the paused route that is not there.
     */
    @Test
    void theRestOfAPollStaysInTheTopicAtOnceWhenItsRecordsRoutePauses() throws Exception {
        simulator().close();
        for (int i = 0; i < 5; i++) {
            kafka().send(ordersTopic, 0, "KPAUSE-" + i, Orders.valid("KPAUSE-" + i).getBytes(StandardCharsets.UTF_8));
        }
        HealthCheck check = HealthCheckHelper.getHealthCheck(context, PausedRoutesHealthCheck.ID);
        await("the Kafka route paused", () -> check.call().getMessage().orElse("").contains("route orders-from-kafka"));
        String message = check.call().getMessage().orElseThrow();
        assertTrue(message.contains("route orders-from-kafka paused since")
                && message.contains("route order-record paused since"), message);
        assertFalse(message.contains("DirectConsumerNotAvailable"), message);
        assertEquals(1, meters.get("quivo.route.paused").tag("route", "orders-from-kafka").gauge().value());

        simulator().start();
        awaitCommitted(5, Duration.ofSeconds(30));
        await("every route resumed", () -> check.call().getState() == HealthCheck.State.UP);
        for (int i = 0; i < 5; i++) {
            assertEquals(1, simulator().orders().byIdentifier("KPAUSE-" + i).size(), "KPAUSE-" + i);
        }
        assertEquals(0, meters.get("quivo.route.paused").gauges().stream().mapToDouble(Gauge::value).sum());
    }

    private Gauge paused() {
        return meters.get("quivo.route.paused").tag("route", ROUTE).gauge();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        // well below direct's 30 s wait for a consumer, which a paused route must not leave its callers in
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within 20 s");
            }
            Thread.sleep(100);
        }
    }
}
