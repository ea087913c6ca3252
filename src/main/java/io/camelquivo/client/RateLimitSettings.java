package io.camelquivo.client;

import java.time.Duration;

/**
 * How fast the calls of one account may go: learned from Quivo's 429s, fixed, or not limited.
 *
 * @param mode      {@link Mode#ADAPTIVE}, {@link Mode#FIXED} or {@link Mode#OFF}
 * @param perSecond adaptive: the ceiling, where the rate starts and which it never passes; fixed: the rate;
 *                  off: not used
 * @param maxPause  the longest one {@code Retry-After} holds back every call of the account
 */
public record RateLimitSettings(Mode mode, double perSecond, Duration maxPause) {

    public enum Mode { ADAPTIVE, FIXED, OFF }

    public RateLimitSettings {
        if (mode != Mode.OFF && !(perSecond > 0 && Double.isFinite(perSecond))) {
            throw new IllegalArgumentException("The rate limit must be a positive number of requests per second: "
                    + perSecond);
        }
        if (maxPause.isNegative()) {
            throw new IllegalArgumentException("The longest rate limit pause must not be negative");
        }
    }

    public static RateLimitSettings adaptive(double ceilingPerSecond) {
        return new RateLimitSettings(Mode.ADAPTIVE, ceilingPerSecond, Duration.ofSeconds(60));
    }

    public static RateLimitSettings fixed(double perSecond) {
        return new RateLimitSettings(Mode.FIXED, perSecond, Duration.ofSeconds(60));
    }

    public static RateLimitSettings off() {
        return new RateLimitSettings(Mode.OFF, 0, Duration.ZERO);
    }

    public RateLimitSettings withMaxPause(Duration longestPause) {
        return new RateLimitSettings(mode, perSecond, longestPause);
    }
}
