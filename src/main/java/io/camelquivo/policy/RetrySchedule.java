package io.camelquivo.policy;

import io.camelquivo.error.StatusFamily;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.CamelContext;

/**
 * When a failed call is tried again, per status family. This is the one place that holds the numbers of
 * the status policy; each is a property {@code quivo.policy.<name>} with the default shown.
 *
 * <pre>
 * family                          redeliveries                 delay before each
 * UNAUTHORIZED (401, expired 403)  unauthorized-redeliveries=2  none: the refused token is already dropped
 * THROTTLED, UNAVAILABLE           throttled-redeliveries=20    Retry-After, else initial-delay doubling, with jitter
 * SERVER_ERROR, CONNECTION_FAILURE server-error-redeliveries=3  initial-delay doubling, with jitter
 * anything else                    0                            dead-letter at once
 * every delay is capped at max-delay (60 s); no delay may end past total-budget (5 min) from the first attempt
 * </pre>
 *
 * @param unauthorizedRedeliveries redeliveries after a refused token
 * @param throttledRedeliveries    redeliveries after 429, 503 and 504
 * @param serverErrorRedeliveries  redeliveries after 500, 502 and lost connections
 * @param initialDelay             the first backoff delay when Quivo gives no Retry-After
 * @param backoffMultiplier        each further backoff delay is this many times the last
 * @param jitter                   each backoff delay varies by up to this fraction either way
 * @param maxDelay                 no single delay is longer, whatever Retry-After says
 * @param totalBudget              all attempts of one message end within this time from its first
 */
public record RetrySchedule(int unauthorizedRedeliveries, int throttledRedeliveries, int serverErrorRedeliveries,
        Duration initialDelay, double backoffMultiplier, double jitter, Duration maxDelay, Duration totalBudget) {

    public static RetrySchedule defaults() {
        return new RetrySchedule(2, 20, 3, Duration.ofSeconds(1), 2.0, 0.25, Duration.ofSeconds(60),
                Duration.ofMinutes(5));
    }

    /** The schedule as the context's properties set it, each falling back to its default. */
    public static RetrySchedule from(CamelContext camel) {
        RetrySchedule d = defaults();
        Properties p = new Properties(camel);
        return new RetrySchedule(
                p.integer("unauthorized-redeliveries", d.unauthorizedRedeliveries),
                p.integer("throttled-redeliveries", d.throttledRedeliveries),
                p.integer("server-error-redeliveries", d.serverErrorRedeliveries),
                p.millis("initial-delay", d.initialDelay),
                p.decimal("backoff-multiplier", d.backoffMultiplier),
                p.decimal("jitter", d.jitter),
                p.millis("max-delay", d.maxDelay),
                p.millis("total-budget", d.totalBudget));
    }

    /**
     * The delay before redelivery number {@code redelivery} (1 for the first), or empty when the message
     * is to be dead-lettered instead.
     *
     * @param retryAfter what Quivo asked for, or null
     * @param elapsed    time since the message's first attempt began
     * @param jitterDraw a random number in [0, 1)
     */
    public Optional<Duration> next(StatusFamily family, Duration retryAfter, int redelivery, Duration elapsed,
            double jitterDraw) {
        Duration delay = switch (family) {
            case UNAUTHORIZED -> redelivery <= unauthorizedRedeliveries ? Duration.ZERO : null;
            case THROTTLED, UNAVAILABLE -> redelivery > throttledRedeliveries ? null
                    : retryAfter != null ? retryAfter : backoff(redelivery, jitterDraw);
            case SERVER_ERROR, CONNECTION_FAILURE -> redelivery <= serverErrorRedeliveries
                    ? backoff(redelivery, jitterDraw) : null;
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

    /** Reads {@code quivo.policy.*}; a value that does not parse stops the start with the setting's name. */
    private record Properties(CamelContext camel) {

        private String raw(String name) {
            return camel.getPropertiesComponent().resolveProperty("quivo.policy." + name).orElse(null);
        }

        int integer(String name, int fallback) {
            String value = raw(name);
            return value == null ? fallback : parse(name, value, Integer::parseInt);
        }

        double decimal(String name, double fallback) {
            String value = raw(name);
            return value == null ? fallback : parse(name, value, Double::parseDouble);
        }

        Duration millis(String name, Duration fallback) {
            String value = raw(name);
            return value == null ? fallback : Duration.ofMillis(parse(name, value, Long::parseLong));
        }

        private static <T> T parse(String name, String value, java.util.function.Function<String, T> parser) {
            try {
                return parser.apply(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("quivo.policy." + name + " is not a number: " + value);
            }
        }
    }
}
