package io.camelquivo.client;

import java.time.Duration;

/**
 * How long a session token is trusted and how logins are paced.
 *
 * @param tokenLifetime       Quivo's documented lifetime is one hour; it sends no expiry with the token
 * @param refreshMargin       the token is replaced this long before its lifetime ends, so that calls in
 *                            flight never carry a token that expires on the way
 * @param authorizationPrefix put before the token in {@code Authorization}; Quivo's docs show the raw
 *                            token, so the default is empty ({@code "Bearer "} is the alternative)
 * @param loginBackoff        wait after a failed login before the next one is tried
 * @param loginBackoffMax     the backoff doubles after each further refused login, up to this; a login that
 *                            got no answer is tried again after {@code loginBackoff}
 */
public record SessionSettings(Duration tokenLifetime, Duration refreshMargin, String authorizationPrefix,
        Duration loginBackoff, Duration loginBackoffMax) {

    public SessionSettings {
        if (!refreshMargin.isNegative() && refreshMargin.compareTo(tokenLifetime) >= 0) {
            throw new IllegalArgumentException("The token refresh margin (" + refreshMargin.toSeconds()
                    + " s) must be shorter than the token lifetime (" + tokenLifetime.toSeconds() + " s)");
        }
        if (refreshMargin.isNegative() || tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("The token lifetime must be positive and its margin not negative");
        }
        authorizationPrefix = authorizationPrefix == null ? "" : authorizationPrefix;
    }

    public static SessionSettings defaults() {
        return new SessionSettings(Duration.ofSeconds(3600), Duration.ofSeconds(60), "", Duration.ofSeconds(1),
                Duration.ofSeconds(60));
    }
}
