package io.camelquivo.client;

import io.camelquivo.error.StatusFamily;

/** Hears about every call and login, for metrics. Implementations must be quick and must not throw. */
public interface QuivoCallListener {

    QuivoCallListener NONE = new QuivoCallListener() {
    };

    /** A call ended: {@code family} is null for a 2xx answer. */
    default void onCall(String operation, int status, StatusFamily family) {
    }

    default void onLogin(boolean succeeded) {
    }
}
