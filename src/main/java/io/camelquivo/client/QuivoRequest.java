package io.camelquivo.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call to Quivo, without credentials: the client adds those on every attempt, so a retried request
 * never carries a stale token.
 *
 * @param operation    the connector operation, for errors and logs (e.g. {@code orders.create})
 * @param method       the HTTP method
 * @param path         the path below the base URL, starting with {@code /}
 * @param query        query parameters in order; null values are left out
 * @param body         the JSON body, or null
 * @param pathTemplate the path with its variables unfilled (e.g. {@code /orders/{orderId}}), for listeners, which
 *                     must not see ids or other values of the message; null when there is none (any-path calls)
 * @param attempt      which delivery of the message this call belongs to: 1, then 2 for the first redelivery, ...
 */
public record QuivoRequest(String operation, String method, String path, Map<String, String> query, byte[] body,
        String pathTemplate, int attempt) {

    public QuivoRequest {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("The path of a Quivo request must start with '/': " + path);
        }
        Map<String, String> copy = new LinkedHashMap<>();
        if (query != null) {
            query.forEach((name, value) -> {
                if (value != null) {
                    copy.put(name, value);
                }
            });
        }
        query = Collections.unmodifiableMap(copy);
        attempt = Math.max(1, attempt);
    }

    /** A first attempt without a path template. */
    public QuivoRequest(String operation, String method, String path, Map<String, String> query, byte[] body) {
        this(operation, method, path, query, body, null, 1);
    }

    /** The same call, told which path template it fills and which delivery of its message it belongs to. */
    public QuivoRequest tracedAs(String template, int deliveryAttempt) {
        return new QuivoRequest(operation, method, path, query, body, template, deliveryAttempt);
    }

    public static QuivoRequest of(String operation, String method, String path) {
        return new QuivoRequest(operation, method, path, Map.of(), null);
    }
}
