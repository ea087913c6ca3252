package io.camelquivo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reading requests and writing {@link Reply}s on the JDK HTTP server. */
final class HttpIo {

    // An unread body left on the socket makes the JDK server close the connection, which a
    // client may see as a reset instead of our answer. We read this much before giving up.
    private static final long DISCARD_LIMIT = 64L * 1024 * 1024;

    private HttpIo() {
    }

    /** The body's first {@code maxBytes + 1} bytes: enough to tell a body that is too large. */
    static byte[] readBody(HttpExchange exchange, int maxBytes) throws IOException {
        return exchange.getRequestBody().readNBytes(maxBytes + 1);
    }

    /**
     * The body as a JSON object: 415 unless it is declared {@code application/json}, 413 above
     * {@code maxBytes}, 400 {@code Malformed JSON request} unless it parses to an object.
     */
    static ObjectNode jsonObject(String contentType, byte[] body, int maxBytes) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new ApiException(Reply.gateway(415, "Unsupported Media Type"));
        }
        if (body.length > maxBytes) {
            throw new ApiException(Reply.gateway(413, "Request Too Large"));
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiException.malformed();
        }
        if (node == null || !node.isObject()) {
            throw ApiException.malformed();
        }
        return (ObjectNode) node;
    }

    static void send(HttpExchange exchange, Reply reply) throws IOException {
        if (reply.isDrop()) {
            // Closing before any response header makes the JDK server close the socket: the client gets no status at all.
            exchange.close();
            return;
        }
        discardBody(exchange);
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = reply.body();
        if (reply.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        boolean bodyless = body.length == 0 || reply.status() == 204 || reply.status() == 304 || reply.status() < 200;
        exchange.sendResponseHeaders(reply.status(), bodyless ? -1 : body.length);
        if (!bodyless) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /** Query parameters, decoded; the first of repeated names wins. */
    static Map<String, String> queryParams(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    static String pathWithQuery(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        return exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
    }

    private static void discardBody(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while (total < DISCARD_LIMIT && (n = in.read(buffer)) > 0) {
            total += n;
        }
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Malformed query string");
        }
    }
}
