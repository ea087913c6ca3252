package io.camelquivo.client;

import io.camelquivo.error.StatusFamily;
import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Hears about every call and login, and the error policy's redelivery decisions, for metrics and tracing.
 * Implementations must be quick and must not throw. Nothing a listener hears names a secret, an id or a query
 * value: operations, methods, path templates, statuses and families only.
 */
public interface QuivoCallListener {

    QuivoCallListener NONE = new QuivoCallListener() {
    };

    /** Each of {@code listeners} hears everything, in this order. */
    static QuivoCallListener all(List<QuivoCallListener> listeners) {
        return listeners.size() == 1 ? listeners.get(0) : new AllListeners(listeners);
    }

    /**
     * An endpoint of this operation started: its calls will be reported under this name. Lets a listener show
     * the operation's series before its first call, and only for operations in use.
     */
    default void onOperation(String operation) {
    }

    /**
     * A call ended, with everything known of it. A listener that does not override this hears the older
     * {@link #onCall(String, int, StatusFamily, Duration)}.
     */
    default void onCall(Call call) {
        onCall(call.operation(), call.status(), call.family(), call.elapsed());
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

    /** A login ended, with its answer and its time. A listener that does not override this hears the older one. */
    default void onLogin(Login login) {
        onLogin(login.succeeded());
    }

    /** The error policy decided whether a failed message is tried again, and when. */
    default void onRedeliveryDecision(RedeliveryDecision decision) {
    }

    /**
     * An account's rate limiter was made; {@code permitsPerSecond} reads its current rate at any time.
     * {@code account} tells the accounts of one component apart without naming them: "1" for the first
     * account used, "2" for the next. A limiter made again for the same label replaces the earlier one.
     */
    default void onRateLimiter(String account, DoubleSupplier permitsPerSecond) {
    }

    /**
     * One call that ended.
     *
     * @param operation    the connector operation, e.g. {@code orders.create}
     * @param method       the HTTP method
     * @param pathTemplate the path with its variables unfilled, e.g. {@code /orders/{orderId}}; null for calls on
     *                     any path ({@code quivo:request})
     * @param status       the answer's status, 0 when none came
     * @param family       null for a 2xx answer, else the answer's family ({@code CONNECTION_FAILURE} without one)
     * @param elapsed      the HTTP exchange alone, as in {@link #onCall(String, int, StatusFamily, Duration)}
     * @param attempt      which delivery of the message the call belongs to: 1, or 2 and up once redelivered
     * @param afterLogin   whether the call had to wait for a login first (its own, or one another call led)
     */
    record Call(String operation, String method, String pathTemplate, int status, StatusFamily family,
            Duration elapsed, int attempt, boolean afterLogin) {
    }

    /**
     * One login ({@code POST /login}) that ended.
     *
     * @param succeeded whether it gave a token
     * @param status    the answer's status, 0 when none came
     * @param family    null when it succeeded, else why not ({@code LOGIN_REFUSED}, {@code CONNECTION_FAILURE}, ...)
     * @param elapsed   from sending the login to reading its answer, or giving up on it
     */
    record Login(boolean succeeded, int status, StatusFamily family, Duration elapsed) {
    }

    /**
     * What the error policy decided after a failure.
     *
     * @param operation   the operation whose call failed, or null when the failure came before any call
     * @param family      the failure's family
     * @param redelivery  which redelivery of this family this would be: 1 for the first
     * @param delay       how long the message waits before it is sent again; null when it is not
     */
    record RedeliveryDecision(String operation, StatusFamily family, int redelivery, Duration delay) {

        public boolean redelivered() {
            return delay != null;
        }
    }
}
