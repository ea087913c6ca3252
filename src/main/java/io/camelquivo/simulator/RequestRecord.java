package io.camelquivo.simulator;

import java.time.Instant;

/**
 * One request as the simulator saw it.
 *
 * @param at     when it arrived
 * @param method HTTP method
 * @param path   path with query string
 * @param route  route name such as {@code "POST /orders"}, or null when no route matched (404, 405)
 * @param status status answered; 0 when the connection was dropped without an answer
 * @param fault  the name of the fault put on it, or null
 * @param body   the request body as UTF-8 text, "" when it had none
 */
public record RequestRecord(Instant at, String method, String path, String route, int status, String fault,
        String body) {
}
