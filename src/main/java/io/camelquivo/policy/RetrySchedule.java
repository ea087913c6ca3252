package io.camelquivo.policy;

import io.camelquivo.error.StatusFamily;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.camel.CamelContext;

/**
 * When a failed call is tried again, per status family. This is the one place that holds the numbers of
 * the status policy; each is a property {@code quivo.policy.<name>} with the default shown.
 *
 * <pre>
 * family                              redeliveries, counted per family   delay before each
 * UNAUTHORIZED (401, expired 403)     unauthorized-redeliveries=2        none: the refused token is already dropped
 * THROTTLED, UNAVAILABLE,             throttled-redeliveries=20          Retry-After, else initial-delay doubling,
 *   CONNECTION_FAILURE, UNRESOLVED_CREATE                                with jitter
 * SERVER_ERROR (500, 502)             server-error-redeliveries=3        initial-delay doubling, with jitter
 * anything else                       0                                  dead-letter at once
 * every delay is capped at max-delay (60 s); no delay may end past total-budget (5 min) from the first attempt,
 * except a re-login's, which is immediate; while a route is paused, its routes probe Quivo every probe-interval (10 s)
 * </pre>
 *
 * A family's redeliveries are its own: 429s before a 401 do not use up the 401's re-logins.
 *
 * @param unauthorizedRedeliveries redeliveries after a refused token
 * @param throttledRedeliveries    redeliveries after 429, 503, 504, no answer and an unresolved create
 * @param serverErrorRedeliveries  redeliveries after 500 and 502
 * @param initialDelay             the first backoff delay when Quivo gives no Retry-After
 * @param backoffMultiplier        each further backoff delay is this many times the last
 * @param jitter                   each backoff delay varies by up to this fraction either way
 * @param maxDelay                 no single delay is longer, whatever Retry-After says
 * @param totalBudget              all waits of one message end within this time from its first attempt
 * @param probeInterval            how often a route paused by an outage asks whether Quivo answers again
 */
public record RetrySchedule(int unauthorizedRedeliveries, int throttledRedeliveries, int serverErrorRedeliveries,
        Duration initialDelay, double backoffMultiplier, double jitter, Duration maxDelay, Duration totalBudget,
        Duration probeInterval) {

    /** The prefix of every property of the schedule. */
    public static final String PREFIX = "quivo.policy.";

    public RetrySchedule {
        require(unauthorizedRedeliveries >= 0, "unauthorized-redeliveries", "must not be negative");
        require(throttledRedeliveries >= 0, "throttled-redeliveries", "must not be negative");
        require(serverErrorRedeliveries >= 0, "server-error-redeliveries", "must not be negative");
        require(!initialDelay.isNegative(), "initial-delay", "must not be negative");
        require(backoffMultiplier >= 1 && Double.isFinite(backoffMultiplier), "backoff-multiplier",
                "must be 1 or more");
        require(jitter >= 0 && jitter < 1, "jitter", "must be at least 0 and less than 1");
        require(isPositive(maxDelay), "max-delay", "must be more than 0 ms");
        require(isPositive(totalBudget), "total-budget", "must be more than 0 ms");
        require(isPositive(probeInterval), "probe-interval", "must be more than 0 ms");
    }

    public static RetrySchedule defaults() {
        return new RetrySchedule(2, 20, 3, Duration.ofSeconds(1), 2.0, 0.25, Duration.ofSeconds(60),
                Duration.ofMinutes(5), Duration.ofSeconds(10));
    }

    /** The schedule as the context's properties set it, each falling back to its default. */
    public static RetrySchedule from(CamelContext camel) {
        return from(name -> camel.getPropertiesComponent().resolveProperty(name).orElse(null));
    }

    /**
     * The schedule from {@code quivo.policy.*} as {@code lookup} finds them (null when unset), each falling
     * back to its default.
     *
     * @throws BadSetting naming the first property that is not a number or out of range
     */
    public static RetrySchedule from(UnaryOperator<String> lookup) {
        RetrySchedule d = defaults();
        Settings p = new Settings(lookup);
        return new RetrySchedule(
                p.integer("unauthorized-redeliveries", d.unauthorizedRedeliveries),
                p.integer("throttled-redeliveries", d.throttledRedeliveries),
                p.integer("server-error-redeliveries", d.serverErrorRedeliveries),
                p.millis("initial-delay", d.initialDelay),
                p.decimal("backoff-multiplier", d.backoffMultiplier),
                p.decimal("jitter", d.jitter),
                p.millis("max-delay", d.maxDelay),
                p.millis("total-budget", d.totalBudget),
                p.millis("probe-interval", d.probeInterval));
    }

    /**
     * The delay before the {@code redelivery}-th redelivery for this family (1 for the family's first), or
     * empty when the policy stops redelivering: a dead-letter for families that waiting does not fix, and for
     * the others the message stays in its source.
     *
     * @param retryAfter what Quivo asked for, or null
     * @param elapsed    time since the message's first attempt began
     * @param jitterDraw a random number in [0, 1)
     */
    public Optional<Duration> next(StatusFamily family, Duration retryAfter, int redelivery, Duration elapsed,
            double jitterDraw) {
        if (family == StatusFamily.UNAUTHORIZED) {
            // a re-login costs no waiting, so the time budget does not apply
            return redelivery <= unauthorizedRedeliveries ? Optional.of(Duration.ZERO) : Optional.empty();
        }
        Duration delay = switch (family) {
            case THROTTLED, UNAVAILABLE, CONNECTION_FAILURE, UNRESOLVED_CREATE -> redelivery > throttledRedeliveries
                    ? null : retryAfter != null ? retryAfter : backoff(redelivery, jitterDraw);
            case SERVER_ERROR -> redelivery <= serverErrorRedeliveries ? backoff(redelivery, jitterDraw) : null;
            default -> null;
        };
        if (delay == null) {
            return Optional.empty();
        }
        Duration capped = delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        return elapsed.plus(capped).compareTo(totalBudget) > 0 ? Optional.empty() : Optional.of(capped);
    }

    private Duration backoff(int redelivery, double jitterDraw) {
        double base = initialDelay.toMillis() * Math.pow(backoffMultiplier, redelivery - 1);
        double spread = 1 + jitter * (2 * jitterDraw - 1);
        return Duration.ofMillis(Math.round(Math.min(base * spread, maxDelay.toMillis())));
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean holds, String name, String rule) {
        if (!holds) {
            throw new BadSetting(PREFIX + name, rule);
        }
    }

    /** A {@code quivo.policy.*} value that is not a number or out of its range. */
    public static final class BadSetting extends IllegalArgumentException {

        private final String property;
        private final String problem;

        BadSetting(String property, String problem) {
            super(property + " " + problem);
            this.property = property;
            this.problem = problem;
        }

        /** The property's name, e.g. {@code quivo.policy.jitter}. */
        public String property() {
            return property;
        }

        /** What is wrong with its value. */
        public String problem() {
            return problem;
        }
    }

    /** Reads {@code quivo.policy.*}; a value that does not parse is refused with the setting's name. */
    private record Settings(UnaryOperator<String> lookup) {

        int integer(String name, int fallback) {
            return read(name, fallback, Integer::parseInt);
        }

        double decimal(String name, double fallback) {
            return read(name, fallback, Double::parseDouble);
        }

        Duration millis(String name, Duration fallback) {
            return read(name, fallback, text -> Duration.ofMillis(Long.parseLong(text)));
        }

        private <T> T read(String name, T fallback, Function<String, T> parser) {
            String value = lookup.apply(PREFIX + name);
            if (value == null) {
                return fallback;
            }
            try {
                return parser.apply(value.trim());
            } catch (NumberFormatException e) {
                throw new BadSetting(PREFIX + name, "is not a number: '" + value + "'");
            }
        }
    }
}
