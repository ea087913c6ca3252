package io.camelquivo.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.error.StatusFamily;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The numbers of the status policy, family by family, with the defaults users get. */
class RetryScheduleTest {

    private final RetrySchedule schedule = RetrySchedule.defaults();

    @Test
    void aRefusedTokenIsRedeliveredTwiceAtOnce() {
        assertEquals(Optional.of(Duration.ZERO), next(StatusFamily.UNAUTHORIZED, null, 1));
        assertEquals(Optional.of(Duration.ZERO), next(StatusFamily.UNAUTHORIZED, null, 2));
        assertEquals(Optional.empty(), next(StatusFamily.UNAUTHORIZED, null, 3));
    }

    @Test
    void throttlingWaitsAsRetryAfterSaysButNoLongerThanTheCap() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), next(StatusFamily.THROTTLED, Duration.ofSeconds(7), 1));
        assertEquals(Optional.of(Duration.ofSeconds(60)), next(StatusFamily.UNAVAILABLE, Duration.ofHours(1), 1));
    }

    @Test
    void withoutRetryAfterTheDelayDoublesWithJitter() {
        for (int redelivery = 1; redelivery <= 5; redelivery++) {
            double base = 1000 * Math.pow(2, redelivery - 1);
            long low = schedule.next(StatusFamily.THROTTLED, null, redelivery, Duration.ZERO, 0.0).orElseThrow().toMillis();
            long high = schedule.next(StatusFamily.THROTTLED, null, redelivery, Duration.ZERO, 0.999).orElseThrow()
                    .toMillis();
            assertEquals(Math.round(base * 0.75), low, "redelivery " + redelivery);
            assertTrue(high >= Math.round(base * 1.249) && high <= Math.round(base * 1.25), "redelivery " + redelivery);
        }
        assertEquals(60_000, next(StatusFamily.THROTTLED, null, 10).orElseThrow().toMillis(), "capped");
    }

    @Test
    void noAttemptMayEndPastTheTotalBudget() {
        assertEquals(Optional.of(Duration.ofSeconds(30)),
                schedule.next(StatusFamily.THROTTLED, Duration.ofSeconds(30), 3, Duration.ofSeconds(270), 0.5));
        assertEquals(Optional.empty(),
                schedule.next(StatusFamily.THROTTLED, Duration.ofSeconds(31), 3, Duration.ofSeconds(270), 0.5));
    }

    @Test
    void serverErrorsGetThreeRedeliveries() {
        assertTrue(next(StatusFamily.SERVER_ERROR, null, 3).isPresent());
        assertEquals(Optional.empty(), next(StatusFamily.SERVER_ERROR, null, 4));
    }

    @ParameterizedTest
    @EnumSource(value = StatusFamily.class, names = {"THROTTLED", "UNAVAILABLE", "CONNECTION_FAILURE",
        "UNRESOLVED_CREATE"})
    void whatWaitingFixesWaitsUntilTheBudgetIsSpent(StatusFamily family) {
        assertTrue(next(family, null, 20).isPresent(), family.name());
        assertEquals(Optional.empty(), next(family, null, 21), family.name());
        assertEquals(Optional.empty(), schedule.next(family, null, 1, Duration.ofMinutes(5), 0.5), family.name());
    }

    @Test
    void aReLoginIsImmediateEvenWhenTheBudgetIsSpent() {
        assertEquals(Optional.of(Duration.ZERO),
                schedule.next(StatusFamily.UNAUTHORIZED, null, 1, Duration.ofMinutes(10), 0.5));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "jitter, not-a-number, is not a number", "max-delay, -5, must be more than 0 ms", "jitter, 1.5, less than 1",
        "server-error-redeliveries, -1, must not be negative", "backoff-multiplier, 0.5, must be 1 or more",
        "total-budget, 0, must be more than 0 ms", "probe-interval, 1e3, is not a number"
    })
    void aBadSettingIsRefusedWithItsName(String name, String value, String problem) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RetrySchedule.from(key -> key.equals("quivo.policy." + name) ? value : null));
        assertTrue(refused.getMessage().startsWith("quivo.policy." + name + " "), refused.getMessage());
        assertTrue(refused.getMessage().contains(problem), refused.getMessage());
    }

    @Test
    void unsetSettingsKeepTheirDefaults() {
        assertEquals(RetrySchedule.defaults(), RetrySchedule.from(key -> null));
        assertEquals(Duration.ofMillis(250), RetrySchedule.from(key -> key.equals("quivo.policy.max-delay") ? " 250 "
                : null).maxDelay());
    }

    @ParameterizedTest
    @EnumSource(value = StatusFamily.class, names = {"REJECTED", "FORBIDDEN", "NOT_IMPLEMENTED", "UNEXPECTED",
        "INVALID_INPUT", "LOGIN_REFUSED"})
    void everythingElseIsNeverRedelivered(StatusFamily family) {
        assertEquals(Optional.empty(), next(family, Duration.ofSeconds(1), 1));
    }

    private Optional<Duration> next(StatusFamily family, Duration retryAfter, int redelivery) {
        return schedule.next(family, retryAfter, redelivery, Duration.ZERO, 0.5);
    }
}
