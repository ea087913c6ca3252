package io.camelquivo.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call to Quivo, without credentials: the client adds those on every attempt, so a retried request
 * never carries a stale token.
 *
 * @param operation the connector operation, for errors and logs (e.g. {@code orders.create})
 * @param method    the HTTP method
 * @param path      the path below the base URL, starting with {@code /}
 * @param query     query parameters in order; null values are left out
 * @param body      the JSON body, or null
 */
public record QuivoRequest(String operation, String method, String path, Map<String, String> query, byte[] body) {

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
    }

    public static QuivoRequest of(String operation, String method, String path) {
        return new QuivoRequest(operation, method, path, Map.of(), null);
    }
}
