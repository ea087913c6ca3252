package io.camelquivo.client;

import java.util.Map;

/**
 * A successful (2xx) answer.
 *
 * @param status  the HTTP status
 * @param headers response headers; lookups ignore case
 * @param body    the body, or null for 204 and empty answers
 */
public record QuivoResponse(int status, Map<String, String> headers, byte[] body) {
}
