package io.camelquivo.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.client.QuivoCallListener;
import io.camelquivo.component.QuivoComponent;
import io.camelquivo.error.QuivoConnectionException;
import io.camelquivo.error.QuivoServerErrorException;
import io.camelquivo.error.StatusFamily;
import io.camelquivo.simulator.Fault;
import io.camelquivo.testing.QuivoTestSupport;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** The meters QuivoMetrics makes from the component's calls, read from a Prometheus registry. */
class QuivoMetricsTest extends QuivoTestSupport {

    private static final Duration SLOW = Duration.ofMillis(300);

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** What a listener written before calls were timed hears. */
    private final Map<String, Integer> untimed = new ConcurrentHashMap<>();

    @Override
    protected void configure(QuivoComponent quivo) {
        QuivoMetrics metrics = new QuivoMetrics(meters);
        quivo.setCallListener(new QuivoCallListener() {
            @Override
            public void onOperation(String operation) {
                metrics.onOperation(operation);
            }

            @Override
            public void onCall(String operation, int status, StatusFamily family, Duration elapsed) {
                metrics.onCall(operation, status, family, elapsed);
                QuivoCallListener.super.onCall(operation, status, family, elapsed);
            }

            @Override
            public void onCall(String operation, int status, StatusFamily family) {
                untimed.merge(operation + " " + status, 1, Integer::sum);
            }

            @Override
            public void onLogin(boolean succeeded) {
                metrics.onLogin(succeeded);
            }
        });
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:warehouses").to("quivo:warehouses.list");
            }
        };
    }

    @Test
    void eachCallIsTimedUnderItsOperationAndFamily() {
        simulator().faults().next(1, "GET /warehouses", Fault.latency(SLOW));
        assertNull(template.request("direct:warehouses", e -> { }).getException());
        simulator().faults().next(1, "GET /warehouses", Fault.serverError());
        assertInstanceOf(QuivoServerErrorException.class, template.request("direct:warehouses", e -> { }).getException());
        simulator().faults().next(1, "GET /warehouses", Fault.resetBeforeStore());
        assertInstanceOf(QuivoConnectionException.class, template.request("direct:warehouses", e -> { }).getException());

        Timer success = timer("success");
        assertEquals(1, success.count());
        // the injected latency is inside the measured exchange: the call cannot have been quicker than it
        assertTrue(success.totalTime(TimeUnit.MILLISECONDS) >= SLOW.toMillis(), success.totalTime(TimeUnit.MILLISECONDS)
                + " ms");
        assertEquals(1, timer("server_error").count());
        assertEquals(1, timer("connection_failure").count());
        assertEquals(1.0, meters.get("quivo.calls").tags("operation", "warehouses.list", "family", "server_error")
                .counter().count());

        String scrape = meters.scrape();
        assertTrue(scrape.contains("# TYPE quivo_call_duration_seconds histogram"), scrape);
        assertTrue(scrape.contains(
                "quivo_call_duration_seconds_bucket{family=\"success\",operation=\"warehouses.list\",le=\"0.25\"} 0"),
                () -> scrape.lines().filter(line -> line.startsWith("quivo_call_duration")).toList().toString());
        // a listener that knows only the call without its time still hears every call
        assertEquals(Map.of("warehouses.list 200", 1, "warehouses.list 500", 1, "warehouses.list 0", 1), untimed);
    }

    @Test
    void everyMeterSaysWhatItMeasures() {
        assertNull(template.request("direct:warehouses", e -> { }).getException());
        QuivoMetrics metrics = new QuivoMetrics(meters);
        metrics.onRedelivery(StatusFamily.THROTTLED);
        metrics.onDeadLetter(StatusFamily.REJECTED, "orders.create");
        metrics.onQuarantine("orders.create");
        metrics.onRateLimiter("1", () -> 10.0);
        metrics.onPausableRoute("orders-from-files", () -> true);

        List<Meter> ours = meters.getMeters().stream().filter(m -> m.getId().getName().startsWith("quivo.")).toList();
        assertEquals(List.of("quivo.call.duration", "quivo.calls", "quivo.dead.letters", "quivo.logins",
                "quivo.quarantined.payloads", "quivo.rate.limit.per.second", "quivo.redeliveries",
                "quivo.route.paused"),
                ours.stream().map(m -> m.getId().getName()).distinct().sorted().toList());
        for (Meter meter : ours) {
            assertNotNull(meter.getId().getDescription(), meter.getId().toString());
        }
        String scrape = meters.scrape();
        for (String help : List.of("quivo_calls_total", "quivo_call_duration_seconds", "quivo_logins_total",
                "quivo_redeliveries_total", "quivo_dead_letters_total", "quivo_quarantined_payloads_total",
                "quivo_rate_limit_per_second", "quivo_route_paused")) {
            assertTrue(scrape.contains("# HELP " + help + " "), "no help for " + help);
        }
        assertTrue(scrape.contains("quivo_route_paused{route=\"orders-from-files\"} 1.0"), scrape);
    }

    @Test
    void onlyTheOperationsInUseHaveSeriesBeforeTheirFirstCall() {
        assertEquals(0.0, meters.get("quivo.calls").tags("operation", "warehouses.list", "family", "throttled")
                .counter().count());
        assertEquals(0.0, meters.get("quivo.dead.letters").tags("operation", "warehouses.list", "family",
                "rejected").counter().count());
        assertEquals(0.0, meters.get("quivo.logins").tag("outcome", "failure").counter().count());
        assertEquals(0.0, meters.get("quivo.redeliveries").tag("family", "unavailable").counter().count());
        assertTrue(meters.find("quivo.calls").tag("operation", "orders.create").counters().isEmpty(),
                "an operation no endpoint uses");
        assertTrue(meters.find("quivo.call.duration").timers().isEmpty(), "a timer before its first call");
        assertTrue(meters.find("quivo.redeliveries").tag("family", "rejected").counters().isEmpty(),
                "a redelivery the policy never makes");
    }

    private Timer timer(String family) {
        return meters.get("quivo.call.duration").tags("operation", "warehouses.list", "family", family).timer();
    }
}
