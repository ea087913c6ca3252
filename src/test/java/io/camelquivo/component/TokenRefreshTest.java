package io.camelquivo.component;

import io.camelquivo.testing.Concurrently;
import io.camelquivo.testing.QuivoTestSupport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens are replaced ahead of time, so steady traffic never meets an expired one. */
class TokenRefreshTest extends QuivoTestSupport {

    @Override
    protected void configure(QuivoComponent quivo) {
        quivo.getConfiguration().setTokenLifetimeSeconds(2);
        quivo.getConfiguration().setTokenRefreshMarginSeconds(1);
    }

    @Test
    void tenSecondsOfSteadyCallsWithATwoSecondTokenMeetNo401() throws Exception {
        simulator().setTokenLifetime(Duration.ofSeconds(2));
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Integer> callsPerThread = Concurrently.run(4, () -> {
            int calls = 0;
            while (System.nanoTime() < end) {
                template.requestBody("quivo:warehouses.list", null, String.class);
                calls++;
                Thread.sleep(20);
            }
            return calls;
        });

        int calls = callsPerThread.stream().mapToInt(Integer::intValue).sum();
        assertTrue(calls > 100, "steady traffic: " + calls + " calls");
        assertEquals(0, simulator().stats().callsWithStatus(401));
        int logins = simulator().stats().logins();
        assertTrue(logins >= 8 && logins <= 12, "one login about every second: " + logins);
    }
}
