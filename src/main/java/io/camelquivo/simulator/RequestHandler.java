package io.camelquivo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
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
        this.orders = new OrderService(simulator.orders(), simulator::duplicateOrderStatus);
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
        String method = exchange.getRequestMethod();
        String route = null;
        Fault fault = null;
        Reply reply;
        try {
            Router.Match match = Router.match(method, exchange.getRequestURI().getPath());
            route = match.route();
            fault = simulator.faults().draw(route);
            reply = fault == null ? null : fault.before();
            if (reply == null) {
                reply = serveOrExplain(exchange, match);
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
                reply.isDrop() ? 0 : reply.status(), fault == null ? null : fault.name()));
        try {
            HttpIo.send(exchange, reply);
        } catch (IOException e) {
            exchange.close();
        }
    }

    /** Serves the request; an error found on the way becomes the answer, as an after-store fault needs one either way. */
    private Reply serveOrExplain(HttpExchange exchange, Router.Match match) throws IOException {
        try {
            return serve(exchange, match);
        } catch (ApiException e) {
            return e.reply();
        }
    }

    private Reply serve(HttpExchange exchange, Router.Match match) throws IOException {
        checkApiKey(exchange);
        if (match.route().equals(Router.LOGIN)) {
            return login(HttpIo.readJsonObject(exchange, simulator.maxBodyBytes()));
        }
        checkToken(exchange);
        TokenBucket quota = simulator.quotaBucket();
        if (quota != null && !quota.tryTake()) {
            throw new ApiException(Reply.gateway(429, "Too Many Requests"));
        }
        return dispatch(exchange, match);
    }

    private Reply dispatch(HttpExchange exchange, Router.Match match) throws IOException {
        switch (match.route()) {
            case Router.CREATE_ORDER:
                return orders.create(body(exchange));
            case Router.LIST_ORDERS:
                return orders.list(HttpIo.queryParams(exchange));
            case Router.REFETCH_ORDER:
                return orders.refetch(match.orderId());
            case Router.PATCH_ORDER:
                return orders.patch(match.orderId(), body(exchange));
            case Router.PUT_ADDRESS:
                JsonNode address = body(exchange);
                return orders.replaceAddress(match.orderId(), HttpIo.queryParams(exchange), address);
            case Router.WAREHOUSES:
                return MasterData.warehouses(HttpIo.queryParams(exchange));
            case Router.SELLERS:
                return MasterData.sellers(HttpIo.queryParams(exchange));
            case Router.GET_SHIPMENT:
                return simulator.shipments().answer(match.orderId());
            case Router.GET_RETURN:
                return simulator.returns().answer(match.orderId());
            case Router.GET_INBOUND:
                return simulator.inbounds().answer(match.orderId());
            case Router.LIST_SHIPMENTS:
                return simulator.shipments().list(HttpIo.queryParams(exchange));
            case Router.LIST_RETURNS:
                return simulator.returns().list(HttpIo.queryParams(exchange));
            case Router.LIST_INBOUNDS:
                return simulator.inbounds().list(HttpIo.queryParams(exchange));
            default:
                throw new IllegalStateException("no handler for " + match.route());
        }
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        return HttpIo.readJsonObject(exchange, simulator.maxBodyBytes());
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
