package io.camelquivo.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * A misbehaviour the simulator can put on a request: an error answer in Quivo's own format, a
 * dropped connection, or a delay. "Before store" faults answer instead of the operation;
 * "after store" faults let the operation take effect and then hide its answer, which is how a
 * client ends up not knowing whether its order was created.
 */
public final class Fault {

    // IMF-fixdate as HTTP wants it; DateTimeFormatter.RFC_1123_DATE_TIME drops the leading zero of the day.
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final String name;
    private final Reply reply;
    private final boolean afterEffect;
    private final Duration delay;

    private Fault(String name, Reply reply, boolean afterEffect, Duration delay) {
        this.name = name;
        this.reply = reply;
        this.afterEffect = afterEffect;
        this.delay = delay;
    }

    private static Fault answer(String name, Reply reply) {
        return new Fault(name, reply, false, null);
    }

    public static Fault expiredToken() {
        return answer("expiredToken", Reply.gateway(401, "The incoming token has expired"));
    }

    public static Fault forbiddenExpiredToken() {
        return answer("forbiddenExpiredToken",
                Reply.gatewayCapitalised(403, "The security token included in the request is expired"));
    }

    public static Fault forbidden() {
        return answer("forbidden", Reply.gatewayCapitalised(403, "User is not authorized to access this resource"));
    }

    public static Fault throttled() {
        return answer("throttled", tooManyRequests());
    }

    public static Fault throttled(Duration retryAfter) {
        return answer("throttled", tooManyRequests().withHeader("Retry-After", seconds(retryAfter)));
    }

    public static Fault throttledUntil(Instant until) {
        Objects.requireNonNull(until, "until");
        return answer("throttledUntil", tooManyRequests().withHeader("Retry-After", HTTP_DATE.format(until)));
    }

    public static Fault serverError() {
        return answer("serverError", Reply.gateway(500, "Internal server error"));
    }

    public static Fault badGateway() {
        return answer("badGateway", Reply.gateway(502, "Bad Gateway"));
    }

    public static Fault notImplemented() {
        return answer("notImplemented", Reply.backend(501, "Not implemented"));
    }

    public static Fault unavailable() {
        return answer("unavailable", Reply.gateway(503, "Service Unavailable"));
    }

    public static Fault unavailable(Duration retryAfter) {
        return answer("unavailable",
                Reply.gateway(503, "Service Unavailable").withHeader("Retry-After", seconds(retryAfter)));
    }

    public static Fault gatewayTimeoutBeforeStore() {
        return new Fault("gatewayTimeoutBeforeStore", gatewayTimeout(), false, null);
    }

    public static Fault gatewayTimeoutAfterStore() {
        return new Fault("gatewayTimeoutAfterStore", gatewayTimeout(), true, null);
    }

    public static Fault resetBeforeStore() {
        return new Fault("resetBeforeStore", Reply.DROP, false, null);
    }

    public static Fault resetAfterStore() {
        return new Fault("resetAfterStore", Reply.DROP, true, null);
    }

    /** Waits, then lets the request proceed normally. */
    public static Fault latency(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive");
        }
        return new Fault("latency", null, false, delay);
    }

    /** Any answer at all; {@code body} may be null for none, {@code contentType} null for text/plain. */
    public static Fault status(int status, String body, String contentType) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be between 100 and 599: " + status);
        }
        return answer("status", Reply.of(status, body, contentType == null ? Reply.TEXT : contentType));
    }

    /** The factory name, as written to the request log. */
    public String name() {
        return name;
    }

    /**
     * Runs when the request arrives. Returns the answer to give instead of serving the request,
     * or null to serve it.
     */
    Reply before() {
        if (delay != null) {
            sleep(delay);
            return null;
        }
        return afterEffect ? null : reply;
    }

    /** Runs once the request was served; may replace its answer. */
    Reply after(Reply served) {
        return afterEffect ? reply : served;
    }

    @Override
    public String toString() {
        return delay == null ? name : name + "(" + delay.toMillis() + " ms)";
    }

    private static Reply tooManyRequests() {
        return Reply.gateway(429, "Too Many Requests");
    }

    private static Reply gatewayTimeout() {
        return Reply.gateway(504, "Endpoint request timed out");
    }

    private static String seconds(Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("retryAfter must be zero or positive");
        }
        // Retry-After carries whole seconds; rounding up never tells a client to come back too early.
        long millis = duration.toMillis();
        return Long.toString((millis + 999) / 1000);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- answers that are not what HTTP or Quivo's two error formats promise (the bad-input tests) ---

    /** A 500 as a proxy or load balancer in front of Quivo answers it: an HTML page. */
    public static Fault htmlServerError() {
        return answer("htmlServerError", Reply.of(500, """
                <!DOCTYPE html>
                <html>
                <head><title>500 Internal Server Error</title>
                <style>body { font-family: sans-serif; }</style></head>
                <body>
                <center><h1>500 Internal Server Error</h1></center>
                <hr><center>nginx</center>
                </body>
                </html>
                """, "text/html; charset=UTF-8"));
    }

    /** A 401 with no body at all. */
    public static Fault emptyUnauthorized() {
        return answer("emptyUnauthorized", Reply.of(401, null, null));
    }

    /** The gateway's JSON error cut off mid-message, as a connection closed early leaves it. */
    public static Fault truncatedGatewayError(int status) {
        return answer("truncatedGatewayError", Reply.of(status, "{\"message\":\"Service Unavail", Reply.JSON));
    }

    /** A 200 whose body is not JSON (cut short); the request is not served. */
    public static Fault okWithInvalidJson() {
        return answer("okWithInvalidJson", okCutShort());
    }

    /** The request is served (an order is stored), and its answer replaced by a 200 whose body is not JSON. */
    public static Fault okWithInvalidJsonAfterStore() {
        return new Fault("okWithInvalidJsonAfterStore", okCutShort(), true, null);
    }

    /** A 429 whose {@code Retry-After} is exactly {@code retryAfter}, however unreadable: "-5", "soon". */
    public static Fault throttledRetryAfter(String retryAfter) {
        return answer("throttledRetryAfter", tooManyRequests().withHeader("Retry-After", retryAfter));
    }

    private static Reply okCutShort() {
        return Reply.of(200, "{\"orderId\":4711,\"orderIdentifier\":\"", Reply.JSON);
    }
}
