package io.camelquivo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * Serves one API request, in the order a request meets Quivo's gateway and backend: route,
 * fault, API key, session token, quota, body, operation. Every request is recorded in the stats
 * before its answer goes out.
 */
final class RequestHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(RequestHandler.class.getName());

    private final QuivoSimulator simulator;
    private final OrderService orders;
    private final AdminHandler admin;

    RequestHandler(QuivoSimulator simulator) {
        this.simulator = simulator;
        this.orders = new OrderService(simulator.orders(), simulator::duplicateOrderStatus,
                simulator::storesDuplicateOrders);
        this.admin = new AdminHandler(simulator);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().startsWith(AdminHandler.PREFIX)) {
            admin.handle(exchange);
            return;
        }
        Instant at = Instant.now();
        long sequence = simulator.stats().arrive();
        answer(exchange, at, sequence);
    }

    private void answer(HttpExchange exchange, Instant at, long sequence) {
        String method = exchange.getRequestMethod();
        String route = null;
        Fault fault = null;
        byte[] body = new byte[0];
        Reply reply;
        try {
            body = HttpIo.readBody(exchange, simulator.maxBodyBytes());
            if (held(exchange, at, sequence, body)) {
                return;
            }
            Router.Match match = Router.match(method, exchange.getRequestURI().getPath());
            route = match.route().name();
            fault = simulator.faults().draw(route, body);
            reply = fault == null ? null : fault.before();
            if (reply == null) {
                reply = serveOrExplain(exchange, match, body);
                reply = fault == null ? reply : fault.after(reply);
            }
        } catch (ApiException e) {
            reply = e.reply();
        } catch (IOException e) {
            // The client went away while we read its body; there is nobody left to answer.
            reply = Reply.DROP;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Quivo simulator failed on " + method + " " + route, e);
            reply = Reply.gateway(500, "Internal server error");
        }
        simulator.stats().record(sequence, new RequestRecord(at, method, HttpIo.pathWithQuery(exchange), route,
                reply.isDrop() ? 0 : reply.status(), fault == null ? null : fault.name(),
                recordedBody(route, body)));
        try {
            HttpIo.send(exchange, reply);
        } catch (IOException e) {
            exchange.close();
        }
    }

    /** While the simulator does not answer, the request read is kept open unanswered instead of being served. */
    private boolean held(HttpExchange exchange, Instant at, long sequence, byte[] body) {
        if (!simulator.heldRequests().holding()) {
            return false;
        }
        String route;
        try {
            route = Router.match(exchange.getRequestMethod(), exchange.getRequestURI().getPath()).route().name();
        } catch (ApiException unknownPath) {
            route = null;
        }
        return simulator.heldRequests().hold(exchange, sequence, HeldRequests.unanswered(at,
                exchange.getRequestMethod(), HttpIo.pathWithQuery(exchange), route, recordedBody(route, body)));
    }

    /** The body for the request log; a login's stays out, as it holds the password. */
    private static String recordedBody(String route, byte[] body) {
        return Router.LOGIN.equals(route) ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** Serves the request; an error found on the way becomes the answer, as an after-store fault needs one either way. */
    private Reply serveOrExplain(HttpExchange exchange, Router.Match match, byte[] body) {
        try {
            return serve(exchange, match, body);
        } catch (ApiException e) {
            return e.reply();
        }
    }

    private Reply serve(HttpExchange exchange, Router.Match match, byte[] body) {
        checkApiKey(exchange);
        Call call = new Call(match.variables(), HttpIo.queryParams(exchange),
                exchange.getRequestHeaders().getFirst("Content-Type"), body, simulator, orders);
        if (match.route().name().equals(Router.LOGIN)) {
            return login(call.body());
        }
        checkToken(exchange);
        TokenBucket quota = simulator.quotaBucket();
        if (quota != null && !quota.tryTake()) {
            Reply tooMany = Reply.gateway(429, "Too Many Requests");
            Long seconds = simulator.quotaRetryAfter() ? quota.secondsUntilNextToken() : null;
            throw new ApiException(seconds == null ? tooMany : tooMany.withHeader("Retry-After", seconds.toString()));
        }
        return match.route().handler().serve(call);
    }

    private Reply login(JsonNode credentials) {
        String username = Json.text(credentials, "username");
        String password = Json.text(credentials, "password");
        if (username == null) {
            throw ApiException.badRequest("username: must not be null");
        }
        if (password == null) {
            throw ApiException.badRequest("password: must not be null");
        }
        if (!username.equals(simulator.username()) || !password.equals(simulator.password())) {
            return Reply.gateway(401, "Invalid username or password");
        }
        return Reply.json(200, Json.object().put("token", simulator.tokens().issue()));
    }

    private void checkApiKey(HttpExchange exchange) {
        String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
        if (!simulator.apiKey().equals(key)) {
            throw new ApiException(Reply.gateway(403, "Forbidden"));
        }
    }

    private void checkToken(HttpExchange exchange) {
        String token = exchange.getRequestHeaders().getFirst("Authorization");
        if (token != null) {
            token = token.trim();
            // Quivo's docs send the raw token; a public client sends "Bearer <token>". Both work.
            if (token.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
                token = token.substring(7).trim();
            }
        }
        switch (simulator.tokens().check(token)) {
            case VALID:
                return;
            case EXPIRED:
                throw new ApiException(Reply.gateway(401, "The incoming token has expired"));
            default:
                throw new ApiException(Reply.gateway(401, "Unauthorized"));
        }
    }
}
