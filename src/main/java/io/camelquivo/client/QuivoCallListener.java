package io.camelquivo.client;

import io.camelquivo.error.StatusFamily;
import java.util.function.DoubleSupplier;

/** Hears about every call and login, for metrics. Implementations must be quick and must not throw. */
public interface QuivoCallListener {

    QuivoCallListener NONE = new QuivoCallListener() {
    };

    /** A call ended: {@code family} is null for a 2xx answer. */
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
