package io.camelquivo.error;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything known about one failed call. Held by every {@link QuivoException}, so each subclass stays
 * a bare type that routes can match on.
 *
 * @param statusCode      the HTTP status, or 0 when no answer came
 * @param operation       the connector operation, e.g. {@code orders.create}
 * @param method          the HTTP method
 * @param path            the request path, without the base URL
 * @param errorText       the parsed error text
 * @param source          who wrote the error text
 * @param retryAfter      the parsed {@code Retry-After}, or null
 * @param responseHeaders the response headers, case-insensitive; empty when no answer came
 */
public record ErrorDetails(int statusCode, String operation, String method, String path, String errorText,
        ErrorSource source, Duration retryAfter, Map<String, String> responseHeaders) {

    public ErrorDetails {
        TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (responseHeaders != null) {
            headers.putAll(responseHeaders);
        }
        responseHeaders = Collections.unmodifiableMap(headers);
        errorText = errorText == null ? "" : errorText;
    }

    /** A failure without an HTTP answer. */
    public static ErrorDetails withoutAnswer(String operation, String method, String path, String reason) {
        return new ErrorDetails(0, operation, method, path, reason, ErrorSource.CLIENT, null, Map.of());
    }

    String describe() {
        String answer = statusCode == 0 ? "got no answer" : "answered " + statusCode;
        return "Quivo " + operation + " (" + method + " " + path + ") " + answer + " [" + source.label() + "]: "
                + errorText;
    }
}
