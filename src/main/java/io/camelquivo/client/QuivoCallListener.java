package io.camelquivo.client;

import io.camelquivo.error.StatusFamily;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/** Hears about every call and login, for metrics. Implementations must be quick and must not throw. */
public interface QuivoCallListener {

    QuivoCallListener NONE = new QuivoCallListener() {
    };

    /**
     * An endpoint of this operation started: its calls will be reported under this name. Lets a listener show
     * the operation's series before its first call, and only for operations in use.
     */
    default void onOperation(String operation) {
    }

    /**
     * A call ended: {@code family} is null for a 2xx answer. {@code elapsed} is the HTTP exchange alone, from
     * handing the request to the HTTP client (a pooled connection taken or a new one opened) to reading the
     * whole answer, or giving up on it; the waits for a rate-limit permit and for a login are not in it, so a
     * throttled account shows in the rate limit, not here. A listener that does not override this hears the
     * call without its time.
     */
    default void onCall(String operation, int status, StatusFamily family, Duration elapsed) {
        onCall(operation, status, family);
    }

    /** A call ended: {@code family} is null for a 2xx answer. Implement the overload with the duration instead. */
    default void onCall(String operation, int status, StatusFamily family) {
    }

    default void onLogin(boolean succeeded) {
    }

    /**
     * An account's rate limiter was made; {@code permitsPerSecond} reads its current rate at any time.
     * {@code account} tells the accounts of one component apart without naming them: "1" for the first
     * account used, "2" for the next. A limiter made again for the same label replaces the earlier one.
     */
    default void onRateLimiter(String account, DoubleSupplier permitsPerSecond) {
    }
}
