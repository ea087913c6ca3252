package io.camelquivo.component;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.error.QuivoThrottledException;
import io.camelquivo.testing.Concurrently;
import io.camelquivo.testing.QuivoTestSupport;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * Eight threads call through two routes of one account, far faster than its quota of 50/s: the shared
 * limiter learns the quota from the 429s, and after a warm-up few calls are throttled while nearly the whole
 * quota is used. The bounds are loose on purpose, so that a slow machine does not fail the test.
 */
class RateLimitConvergenceTest extends QuivoTestSupport {

    private static final int QUOTA = 50;
    private static final int WARM_UP = 100;
    private static final int CALLS = 300;

    /** One call: its number in the order calls were started, whether Quivo throttled it, when it ended. */
    private record Call(int number, boolean throttled, long startedAt, long endedAt) {
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler()); // every 429 comes back to the caller, unlogged
                from("direct:warehouses").to("quivo:warehouses.list");
                from("direct:orders").to("quivo:orders.list?pageSize=1");
            }
        };
    }

    @Test
    void twoRoutesOfOneAccountLearnItsQuotaTogether() throws Exception {
        simulator().quota(10, QUOTA);
        AtomicInteger numbers = new AtomicInteger();
        ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

        Concurrently.run(8, () -> {
            for (int number = numbers.getAndIncrement(); number < CALLS; number = numbers.getAndIncrement()) {
                long startedAt = System.nanoTime();
                Exchange done = template.request(number % 2 == 0 ? "direct:warehouses" : "direct:orders", e -> { });
                if (done.getException() != null && !(done.getException() instanceof QuivoThrottledException)) {
                    throw done.getException();
                }
                calls.add(new Call(number, done.getException() != null, startedAt, System.nanoTime()));
            }
            return null;
        });

        List<Call> measured = calls.stream().filter(call -> call.number() >= WARM_UP).toList();
        long throttled = measured.stream().filter(Call::throttled).count();
        long passed = measured.size() - throttled;
        long from = measured.stream().mapToLong(Call::startedAt).min().orElseThrow();
        long to = measured.stream().mapToLong(Call::endedAt).max().orElseThrow();
        double passedPerSecond = passed * 1e9 / (to - from);
        double rate = context.getEndpoint("quivo:warehouses.list", QuivoEndpoint.class).client().rateLimiter()
                .currentRate();
        String summary = String.format("after the warm-up %d of %d calls were throttled, %.1f/s passed;"
                + " %d throttled in all; the limit ended at %.1f/s", throttled, measured.size(), passedPerSecond,
                simulator().stats().callsWithStatus(429), rate);
        // with rateLimit=off nearly nine calls in ten are throttled here
        assertTrue(throttled <= measured.size() / 20, summary);
        assertTrue(passedPerSecond >= QUOTA * 0.5, summary);
        assertTrue(rate >= QUOTA * 0.5 && rate <= QUOTA * 2, summary);
    }
}
