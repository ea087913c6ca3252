package io.camelquivo.client;

import io.camelquivo.error.StatusFamily;
import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;

/** Several listeners heard as one, in order: the component takes a single one (metrics and tracing, say). */
final class AllListeners implements QuivoCallListener {

    private final List<QuivoCallListener> listeners;

    AllListeners(List<QuivoCallListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onOperation(String operation) {
        listeners.forEach(listener -> listener.onOperation(operation));
    }

    @Override
    public void onCall(Call call) {
        listeners.forEach(listener -> listener.onCall(call));
    }

    @Override
    public void onCall(String operation, int status, StatusFamily family, Duration elapsed) {
        listeners.forEach(listener -> listener.onCall(operation, status, family, elapsed));
    }

    @Override
    public void onCall(String operation, int status, StatusFamily family) {
        listeners.forEach(listener -> listener.onCall(operation, status, family));
    }

    @Override
    public void onLogin(Login login) {
        listeners.forEach(listener -> listener.onLogin(login));
    }

    @Override
    public void onLogin(boolean succeeded) {
        listeners.forEach(listener -> listener.onLogin(succeeded));
    }

    @Override
    public void onRedeliveryDecision(RedeliveryDecision decision) {
        listeners.forEach(listener -> listener.onRedeliveryDecision(decision));
    }

    @Override
    public void onRateLimiter(String account, DoubleSupplier permitsPerSecond) {
        listeners.forEach(listener -> listener.onRateLimiter(account, permitsPerSecond));
    }
}
