package io.camelquivo.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.client.RateLimiter;
import io.camelquivo.error.QuivoThrottledException;
import io.camelquivo.metrics.QuivoMetrics;
import io.camelquivo.simulator.Fault;
import io.camelquivo.simulator.QuivoSimulator;
import io.camelquivo.testing.QuivoTestSupport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** One limiter per set of credentials, whatever endpoint or route calls; its rate is a gauge. */
class SharedRateLimitTest extends QuivoTestSupport {

    private static final String OTHER_ACCOUNT = "quivo:warehouses.list?username=another-user";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected void configure(QuivoComponent quivo) {
        quivo.setCallListener(new QuivoMetrics(meters));
        if (getCurrentTestName() != null && getCurrentTestName().contains("Off")) {
            quivo.setRateLimit("off");
        }
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:warehouses").to("quivo:warehouses.list");
                from("direct:orders").to("quivo:orders.list?pageSize=5");
            }
        };
    }

    private RateLimiter limiterOf(String uri) {
        return context.getEndpoint(uri, QuivoEndpoint.class).client().rateLimiter();
    }

    private Collection<Gauge> gauges() {
        return meters.find("quivo.rate.limit.per.second").gauges();
    }

    private double gauge(String account) {
        return meters.get("quivo.rate.limit.per.second").tag("account", account).gauge().value();
    }

    @Test
    void everyEndpointOfAnAccountSharesOneLimiterAndAnotherAccountHasItsOwn() {
        assertSame(limiterOf("quivo:warehouses.list"), limiterOf("quivo:orders.list?pageSize=5"));
        assertSame(limiterOf("quivo:warehouses.list"), limiterOf("quivo:warehouses.list?sort=id:asc"));
        assertNotSame(limiterOf("quivo:warehouses.list"), limiterOf(OTHER_ACCOUNT));
        assertNotSame(limiterOf("quivo:warehouses.list"), limiterOf("quivo:warehouses.list?apiKey=RAW(another-key)"));
        assertSame(limiterOf(OTHER_ACCOUNT), limiterOf("quivo:orders.list?username=another-user"));
    }

    @Test
    void theGaugeShowsEachAccountsCurrentRateAndA429OnOneRouteSlowsTheOtherToo() {
        limiterOf(OTHER_ACCOUNT);
        assertEquals(2, gauges().size(), "one gauge per account, not per endpoint or route");
        assertEquals(1000.0, gauge("1"), "the ceiling before any 429");
        assertEquals(1000.0, gauge("2"));
        for (Gauge gauge : gauges()) {
            assertEquals(List.of("account"), gauge.getId().getTags().stream().map(Tag::getKey).toList());
            gauge.getId().getTags().forEach(tag -> assertTrue(tag.getValue().matches("[0-9]+"), "a number, no name"));
        }
        for (int i = 0; i < 5; i++) {
            assertNull(template.request("direct:warehouses", e -> { }).getException());
        }

        simulator().faults().next(1, "GET /orders", Fault.throttled());
        assertInstanceOf(QuivoThrottledException.class, template.request("direct:orders", e -> { }).getException());

        double lowered = gauge("1");
        assertTrue(lowered < 1000.0, "the 429 lowered the account's rate: " + lowered);
        assertSame(limiterOf("quivo:orders.list?pageSize=5"), limiterOf("quivo:warehouses.list"));
        assertEquals(lowered, limiterOf("quivo:warehouses.list").currentRate(), "the other route goes at it too");
        assertEquals(1000.0, gauge("2"), "the other account is untouched");
    }

    @Test
    void rateLimitOffMakesNoGaugeAndNeverWaits() {
        assertEquals(0.0, limiterOf("quivo:warehouses.list").currentRate());
        simulator().faults().next(1, "GET /warehouses", Fault.throttled(Duration.ofSeconds(30)));
        assertInstanceOf(QuivoThrottledException.class, template.request("direct:warehouses", e -> { }).getException());
        assertNull(template.request("direct:warehouses", e -> { }).getException(), "no 30 s pause");
        assertTrue(gauges().isEmpty());
    }

    @Test
    void aLimiterMadeAgainForAnAccountTakesOverItsGauge() {
        QuivoMetrics metrics = new QuivoMetrics(meters);
        metrics.onRateLimiter("7", () -> 120.0);
        metrics.onRateLimiter("7", () -> 80.0); // the component was stopped and started again

        assertEquals(80.0, gauge("7"));
        assertEquals(1, meters.find("quivo.rate.limit.per.second").tag("account", "7").gauges().size());
    }

    @Test
    void theGaugeNamesNoSecret() {
        limiterOf("quivo:warehouses.list");
        String scrape = meters.getMetersAsString();
        for (String secret : List.of(QuivoSimulator.DEFAULT_API_KEY, QuivoSimulator.DEFAULT_PASSWORD,
                QuivoSimulator.DEFAULT_USERNAME)) {
            assertTrue(!scrape.contains(secret), secret + " in " + scrape);
        }
    }
}
