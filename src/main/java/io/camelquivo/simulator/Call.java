package io.camelquivo.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** A request as a route handler sees it: the path's variables, the query, the body, and the simulator's data. */
final class Call {

    private final Map<String, String> variables;
    private final Map<String, String> query;
    private final String contentType;
    private final byte[] body;
    private final QuivoSimulator simulator;
    private final OrderService orders;

    Call(Map<String, String> variables, Map<String, String> query, String contentType, byte[] body,
            QuivoSimulator simulator, OrderService orders) {
        this.variables = variables;
        this.query = query;
        this.contentType = contentType;
        this.body = body;
        this.simulator = simulator;
        this.orders = orders;
    }

    /** The value of the path variable {@code name}, as sent (decoded). */
    String variable(String name) {
        return variables.get(name);
    }

    /** Every path variable by name, in path order. */
    Map<String, String> variables() {
        return variables;
    }

    Map<String, String> query() {
        return query;
    }

    /** The body as a JSON object; the 413, 415 and 400 answers of {@link HttpIo#jsonObject} otherwise. */
    ObjectNode body() {
        return HttpIo.jsonObject(contentType, body, simulator.maxBodyBytes());
    }

    EntityStore store(String resource) {
        return simulator.resources().store(resource);
    }

    OrderService orders() {
        return orders;
    }
}
