package io.camelquivo.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.error.StatusFamily;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
    void serverErrorsAndLostConnectionsGetThreeRedeliveries() {
        for (StatusFamily family : new StatusFamily[] {StatusFamily.SERVER_ERROR, StatusFamily.CONNECTION_FAILURE}) {
            assertTrue(next(family, null, 3).isPresent(), family.name());
            assertEquals(Optional.empty(), next(family, null, 4), family.name());
        }
    }

    @ParameterizedTest
    @EnumSource(value = StatusFamily.class, names = {"REJECTED", "FORBIDDEN", "NOT_IMPLEMENTED", "UNEXPECTED",
        "INVALID_INPUT"})
    void everythingElseIsNeverRedelivered(StatusFamily family) {
        assertEquals(Optional.empty(), next(family, Duration.ofSeconds(1), 1));
    }

    private Optional<Duration> next(StatusFamily family, Duration retryAfter, int redelivery) {
        return schedule.next(family, retryAfter, redelivery, Duration.ZERO, 0.5);
    }
}
