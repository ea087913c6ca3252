package io.camelquivo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The limiter's rule on a clock that moves only when a call waits, so every number is exact: the decrease,
 * once per congestion window, the pause, the climb, the ceiling and floor, and the fixed and off modes.
 */
class RateLimiterTest {

    private static final long MS = 1_000_000L;

    /** Time stands still until a caller waits; waiting jumps straight to the deadline. */
    private static final class ManualTicker implements RateLimiter.Ticker {

        long now = 5_000 * MS;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepUntil(long deadline) {
            now = Math.max(now, deadline);
        }

        void advance(Duration by) {
            now += by.toNanos();
        }
    }

    private final ManualTicker ticker = new ManualTicker();

    private RateLimiter adaptive(int ceiling) {
        return new RateLimiter(RateLimitSettings.adaptive(ceiling), ticker);
    }

    private RateLimiter.Permit acquire(RateLimiter limiter) throws InterruptedException {
        return limiter.acquire();
    }

    /** Calls back to back, each answered at once without 429; they come at 1000/s when nothing holds them. */
    private void passedCalls(RateLimiter limiter, int calls) throws InterruptedException {
        for (int i = 0; i < calls; i++) {
            RateLimiter.Permit permit = acquire(limiter);
            limiter.passed(permit);
            if (!permit.waited()) {
                ticker.advance(Duration.ofMillis(1));
            }
        }
    }

    /** The same for about {@code seconds} of the limiter's clock. */
    private void passedFor(RateLimiter limiter, double seconds) throws InterruptedException {
        long until = ticker.now + (long) (seconds * 1e9);
        while (ticker.now < until) {
            passedCalls(limiter, 1);
        }
    }

    @Test
    void beforeAny429NoCallWaitsHoweverFastTheyCome() throws InterruptedException {
        RateLimiter limiter = adaptive(1000);
        long start = ticker.now;

        for (int i = 0; i < 10_000; i++) {
            RateLimiter.Permit permit = acquire(limiter);
            assertFalse(permit.waited());
            limiter.passed(permit);
        }

        assertEquals(start, ticker.now, "10,000 calls in no time at all");
        assertEquals(1000.0, limiter.currentRate(), "the gauge shows the ceiling");
    }

    @Test
    void a429AfterCallsThatPassedLowersTheRateByATenth() throws InterruptedException {
        RateLimiter limiter = adaptive(100);
        passedCalls(limiter, 199);

        limiter.throttled(acquire(limiter), null);

        // 199 of the 200 calls passed: 100/s * 0.9 * 199/200
        assertEquals(89.55, limiter.currentRate(), 1e-9);
        RateLimiter.Permit next = acquire(limiter);
        RateLimiter.Permit after = acquire(limiter);
        assertEquals((long) (1e9 / limiter.currentRate()), after.sentAt() - next.sentAt(),
                "calls are spaced at the new rate");
    }

    @Test
    void aBurstOf429sLowersTheRateOncePerCongestionWindow() throws InterruptedException {
        RateLimiter limiter = adaptive(100);
        passedCalls(limiter, 199);
        RateLimiter.Permit[] inFlight = new RateLimiter.Permit[32];
        for (int i = 0; i < inFlight.length; i++) {
            inFlight[i] = acquire(limiter);
        }
        ticker.advance(Duration.ofMillis(5)); // their answers come a little later

        for (RateLimiter.Permit permit : inFlight) {
            limiter.throttled(permit, null);
        }
        double lowered = limiter.currentRate();
        assertEquals(100 * 0.9 * 199 / 200, lowered, 1e-9, "the first 429 of the burst counts");

        for (int i = 0; i < RateLimiter.WINDOW_PERMITS; i++) {
            limiter.throttled(acquire(limiter), null);
        }
        assertEquals(lowered, limiter.currentRate(), "429s of calls sent within the window count for nothing");

        limiter.throttled(acquire(limiter), null);
        assertTrue(limiter.currentRate() < lowered, "a 429 after the window lowers the rate again");
    }

    @Test
    void whenMostCallsAreThrottledTheRateDropsToWhatPassedButAtMostByThreeQuarters() throws InterruptedException {
        RateLimiter limiter = adaptive(1000);
        passedCalls(limiter, 99);
        limiter.throttled(acquire(limiter), null);
        assertEquals(1000 * 0.9 * 99 / 100, limiter.currentRate(), 1e-9);

        // at 891/s Quivo lets 4 calls in 11 pass: the quota is near 324/s
        for (int i = 0; i < RateLimiter.WINDOW_PERMITS; i++) {
            RateLimiter.Permit permit = acquire(limiter);
            if (i < 4) {
                limiter.passed(permit);
            } else {
                limiter.throttled(permit, null);
            }
        }
        limiter.throttled(acquire(limiter), null);
        // the four calls that passed moved the climb on a little, by well under 1/s
        assertEquals(891 * 0.9 * 4 / 11, limiter.currentRate(), 0.5, "0.9 of what passed");

        double before = limiter.currentRate();
        for (int i = 0; i < RateLimiter.WINDOW_PERMITS + 1; i++) {
            limiter.throttled(acquire(limiter), null);
        }
        assertEquals(before * RateLimiter.DEEPEST_DECREASE, limiter.currentRate(), 1e-9,
                "nothing passed at all: three quarters off, no more");
    }

    @Test
    void aLoneEarly429CostsATenthNotThreeQuarters() throws InterruptedException {
        RateLimiter limiter = adaptive(1000);
        limiter.throttled(acquire(limiter), null);
        assertEquals(900, limiter.currentRate(), 1e-9);
    }

    @Test
    void a429WhileCallsDidNotWaitLowersTheLimitItselfNotWhatWentOut() throws InterruptedException {
        RateLimiter limiter = adaptive(1000);
        for (int i = 0; i < 49; i++) {
            limiter.passed(acquire(limiter));
            ticker.advance(Duration.ofMillis(20)); // 50 calls a second, as a JVM still warming up might manage
        }
        RateLimiter.Permit throttled = acquire(limiter);
        assertFalse(throttled.waited());

        limiter.throttled(throttled, null);

        assertEquals(1000 * 0.9 * 49 / 50, limiter.currentRate(), 1e-9);
    }

    @Test
    void afterADecreaseTheRateClimbsBackToThePlateauAndThenProbesAboveIt() throws InterruptedException {
        RateLimiter limiter = adaptive(1000);
        passedFor(limiter, 1.0);
        limiter.throttled(acquire(limiter), null);
        double lowered = limiter.currentRate();
        assertEquals(900, lowered, 1.0);

        passedFor(limiter, 1.0);
        double afterOne = limiter.currentRate();
        assertTrue(afterOne > lowered + 30 && afterOne < 1000, "climbs fast at first: " + afterOne);
        passedFor(limiter, 2.0);
        assertEquals(1000, limiter.currentRate(), 15, "back on the plateau after about 3 s");
    }

    @Test
    void afterADeepCutTheRateClimbsFastLevelsOffWhereTheLast429CameThenProbesUpToTheCeiling()
            throws InterruptedException {
        RateLimiter limiter = adaptive(1000);
        passedFor(limiter, 1.0);
        limiter.throttled(acquire(limiter), null);
        double plateau = limiter.currentRate();
        for (int i = 0; i < RateLimiter.WINDOW_PERMITS + 1; i++) {
            limiter.throttled(acquire(limiter), null); // nothing passes at this rate
        }
        assertEquals(plateau / 4, limiter.currentRate(), 1e-9);

        passedFor(limiter, 1.0);
        assertTrue(limiter.currentRate() > plateau / 2, "fast at first: " + limiter.currentRate());
        passedFor(limiter, 4.9);
        assertEquals(plateau, limiter.currentRate(), plateau * 0.01, "levels off at the rate that drew the 429");
        passedFor(limiter, 3.0);
        double probing = limiter.currentRate();
        assertTrue(probing > plateau * 1.05 && probing < 1000, "probing above it: " + probing);
        passedFor(limiter, 3.0);
        assertEquals(1000, limiter.currentRate(), "never above the ceiling");
        assertFalse(acquire(limiter).waited(), "where it paces nothing again");
    }

    @Test
    void callsThatDidNotWaitDoNotRaiseTheRate() throws InterruptedException {
        RateLimiter limiter = adaptive(100);
        passedCalls(limiter, 199);
        limiter.throttled(acquire(limiter), null);
        double lowered = limiter.currentRate();

        for (int i = 0; i < 500; i++) {
            ticker.advance(Duration.ofMillis(50)); // 20 calls a second: the limit holds nobody back
            limiter.passed(acquire(limiter));
        }

        assertEquals(lowered, limiter.currentRate(), "a quiet spell leaves the rate where it was");
    }

    @Test
    void theRateNeverFallsBelowOnePerSecond() throws InterruptedException {
        RateLimiter limiter = adaptive(10);
        for (int round = 0; round < 30; round++) {
            for (int i = 0; i < RateLimiter.WINDOW_PERMITS + 1; i++) {
                limiter.throttled(acquire(limiter), null);
            }
        }
        assertEquals(RateLimiter.FLOOR, limiter.currentRate());
    }

    @Test
    void retryAfterHoldsBackEveryCallUntilThen() throws InterruptedException {
        RateLimiter limiter = adaptive(100);
        passedCalls(limiter, 10);
        long throttledAt = ticker.now;

        limiter.throttled(acquire(limiter), Duration.ofSeconds(2));

        RateLimiter.Permit next = acquire(limiter);
        assertTrue(next.sentAt() >= throttledAt + 2_000 * MS, "no call before Retry-After has passed");
        assertTrue(next.sentAt() <= throttledAt + 2_100 * MS, "but soon after: " + (next.sentAt() - throttledAt));
    }

    @Test
    void aRetryAfterLongerThanTheMaximumPausesOnlyForTheMaximum() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(RateLimitSettings.adaptive(100).withMaxPause(Duration.ofSeconds(60)),
                ticker);
        long throttledAt = ticker.now;
        limiter.throttled(acquire(limiter), Duration.ofHours(1));

        RateLimiter.Permit next = acquire(limiter);

        assertEquals(60_000 * MS, next.sentAt() - throttledAt, 20 * MS);
    }

    @Test
    void aFixedLimitKeepsItsRateButStillPausesForRetryAfter() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(RateLimitSettings.fixed(50), ticker);
        RateLimiter.Permit first = acquire(limiter);
        RateLimiter.Permit second = acquire(limiter);
        assertEquals(20 * MS, second.sentAt() - first.sentAt(), "50/s: 20 ms apart");

        for (int i = 0; i < 100; i++) {
            limiter.throttled(acquire(limiter), null);
        }
        assertEquals(50.0, limiter.currentRate(), "429s do not move a fixed limit");
        passedCalls(limiter, 1000);
        assertEquals(50.0, limiter.currentRate(), "nor do calls that pass");

        long throttledAt = ticker.now;
        limiter.throttled(acquire(limiter), Duration.ofSeconds(3));
        assertTrue(acquire(limiter).sentAt() >= throttledAt + 3_000 * MS);
    }

    @Test
    void offHandsOutEveryPermitAtOnceAndIgnoresRetryAfter() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(RateLimitSettings.off(), ticker);
        long start = ticker.now;
        for (int i = 0; i < 10_000; i++) {
            limiter.throttled(acquire(limiter), Duration.ofSeconds(30));
            limiter.passed(acquire(limiter));
        }
        assertEquals(start, ticker.now, "nobody waited");
        assertEquals(0.0, limiter.currentRate());
    }
}
