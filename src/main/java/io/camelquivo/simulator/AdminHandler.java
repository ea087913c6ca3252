package io.camelquivo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Control routes under {@code /_simulator} for people who run the simulator as a process and
 * cannot call its Java API. They need no credentials and are not counted in the stats. {@code PUT
 * /_simulator/items/{itemId}} stores an item (its JSON as the stock list shows it) in place of the one with that
 * id.
 */
final class AdminHandler {

    static final String PREFIX = "/_simulator";
    private static final String ITEMS = PREFIX + "/items/";

    private final QuivoSimulator simulator;

    AdminHandler(QuivoSimulator simulator) {
        this.simulator = simulator;
    }

    void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        try {
            reply = serve(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(), exchange);
        } catch (ApiException e) {
            reply = e.reply();
        } catch (RuntimeException e) {
            reply = Reply.backend(400, String.valueOf(e.getMessage()));
        }
        HttpIo.send(exchange, reply);
    }

    private Reply serve(String call, HttpExchange exchange) throws IOException {
        if (call.startsWith("PUT " + ITEMS)) {
            // what a warehouse's stock change looks like to Quivo's stock list, for trying the stock feed
            long itemId = EntityStore.id(call.substring(("PUT " + ITEMS).length()));
            simulator.items().put(itemId, readBody(exchange).toString());
            return Reply.noContent();
        }
        switch (call) {
            case "GET " + PREFIX + "/stats":
                return Reply.json(200, stats());
            case "GET " + PREFIX + "/orders":
                ArrayNode orders = Json.MAPPER.createArrayNode();
                simulator.orders().all().forEach(orders::add);
                return Reply.json(200, orders);
            case "POST " + PREFIX + "/reset":
                simulator.reset();
                return Reply.noContent();
            case "POST " + PREFIX + "/faults":
                addFaults(readBody(exchange));
                return Reply.noContent();
            case "DELETE " + PREFIX + "/faults":
                simulator.faults().clear();
                return Reply.noContent();
            case "PUT " + PREFIX + "/quota":
                setQuota(readBody(exchange));
                return Reply.noContent();
            case "DELETE " + PREFIX + "/quota":
                simulator.quotaOff();
                return Reply.noContent();
            case "POST " + PREFIX + "/tokens/expire":
                simulator.expireAllTokens();
                return Reply.noContent();
            default:
                return Reply.gateway(404, "Not Found");
        }
    }

    private ObjectNode stats() {
        SimulatorStats stats = simulator.stats();
        ObjectNode out = Json.object();
        out.put("logins", stats.logins());
        out.put("successfulLogins", stats.successfulLogins());
        ObjectNode calls = out.putObject("calls");
        stats.snapshot().forEach((route, statuses) -> {
            ObjectNode byStatus = calls.putObject(route);
            byStatus.put("total", statuses.values().stream().mapToInt(Integer::intValue).sum());
            statuses.forEach((status, count) -> byStatus.put(String.valueOf(status), count));
        });
        out.put("ordersStored", simulator.orders().count());
        out.put("inFlight", stats.inFlight());
        out.put("peakInFlight", stats.peakInFlight());
        return out;
    }

    /** {@code {"capacity":20,"refillPerSecond":200}}: the same bucket as {@link QuivoSimulator#quota}. */
    private void setQuota(JsonNode spec) {
        if (!spec.path("capacity").canConvertToInt() || !spec.path("refillPerSecond").isNumber()) {
            throw ApiException.badRequest("quota: needs a whole number capacity and a number refillPerSecond");
        }
        try {
            simulator.quota(spec.get("capacity").asInt(), spec.get("refillPerSecond").asDouble());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("quota: " + e.getMessage());
        }
    }

    /**
     * {@code {"route":"POST /orders","times":3,"fault":"throttled","retryAfterSeconds":1}}, or for
     * random faults {@code {"route":"*","probability":0.2,"seed":42,"faults":["unavailable","resetAfterStore"]}}.
     */
    private void addFaults(JsonNode spec) {
        String route = Json.text(spec, "route");
        if (route == null) {
            throw ApiException.badRequest("route: must not be null");
        }
        List<Fault> faults = new ArrayList<>();
        if (spec.path("faults").isArray()) {
            spec.get("faults").forEach(name -> faults.add(fault(name.asText(), spec)));
        } else {
            faults.add(fault(Json.text(spec, "fault"), spec));
        }
        if (spec.has("probability")) {
            simulator.faults().random(spec.path("seed").asLong(0), spec.get("probability").asDouble(), route,
                    faults.toArray(new Fault[0]));
        } else {
            int times = spec.path("times").asInt(1);
            faults.forEach(fault -> simulator.faults().next(times, route, fault));
        }
    }

    private static Fault fault(String name, JsonNode spec) {
        Duration retryAfter = spec.hasNonNull("retryAfterSeconds")
                ? Duration.ofSeconds(spec.get("retryAfterSeconds").asLong()) : null;
        switch (name == null ? "" : name) {
            case "expiredToken": return Fault.expiredToken();
            case "forbiddenExpiredToken": return Fault.forbiddenExpiredToken();
            case "forbidden": return Fault.forbidden();
            case "throttled": return retryAfter == null ? Fault.throttled() : Fault.throttled(retryAfter);
            case "throttledUntil": return Fault.throttledUntil(instant(Json.text(spec, "until")));
            case "serverError": return Fault.serverError();
            case "badGateway": return Fault.badGateway();
            case "notImplemented": return Fault.notImplemented();
            case "unavailable": return retryAfter == null ? Fault.unavailable() : Fault.unavailable(retryAfter);
            case "gatewayTimeoutBeforeStore": return Fault.gatewayTimeoutBeforeStore();
            case "gatewayTimeoutAfterStore": return Fault.gatewayTimeoutAfterStore();
            case "resetBeforeStore": return Fault.resetBeforeStore();
            case "resetAfterStore": return Fault.resetAfterStore();
            case "latency": return Fault.latency(Duration.ofMillis(spec.path("latencyMillis").asLong(0)));
            case "status": return Fault.status(spec.path("status").asInt(),
                    Json.text(spec, "body"), Json.text(spec, "contentType"));
            default: throw ApiException.badRequest("fault: unknown fault " + name);
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("until: must be an ISO-8601 instant");
        }
    }

    private static JsonNode readBody(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(1 << 20);
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // answered below
        }
        throw ApiException.malformed();
    }
}
