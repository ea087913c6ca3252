package io.camelquivo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer, ready to send. Quivo has two error formats: API Gateway answers JSON with a
 * {@code message} (or {@code Message}) field, the backend answers plain text.
 */
final class Reply {

    static final String JSON = "application/json";
    static final String TEXT = "text/plain; charset=UTF-8";

    /** Marker for "drop the connection without any HTTP answer". */
    static final Reply DROP = new Reply(0, null, new byte[0], Map.of());

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Map<String, String> headers;

    private Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.headers = headers;
    }

    static Reply gateway(int status, String message) {
        return json(status, Json.object().put("message", message));
    }

    /** Some AWS authorizer denials spell the key with a capital M. */
    static Reply gatewayCapitalised(int status, String message) {
        return json(status, Json.object().put("Message", message));
    }

    static Reply backend(int status, String text) {
        return of(status, text, TEXT);
    }

    static Reply json(int status, JsonNode node) {
        return new Reply(status, JSON, Json.bytes(node), Map.of());
    }

    static Reply noContent() {
        return new Reply(204, null, new byte[0], Map.of());
    }

    static Reply of(int status, String body, String contentType) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return new Reply(status, bytes.length == 0 ? null : contentType, bytes, Map.of());
    }

    Reply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Reply(status, contentType, body, Map.copyOf(copy));
    }

    boolean isDrop() {
        return this == DROP;
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    byte[] body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }

    @Override
    public String toString() {
        return isDrop() ? "drop" : status + " " + new String(body, StandardCharsets.UTF_8);
    }
}
