package io.camelquivo.simulator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Maps a method and path to one of the simulated routes, named like {@code "PATCH /orders/{orderId}"}. */
final class Router {

    static final String ANY = "*";
    static final String LOGIN = "POST /login";
    static final String CREATE_ORDER = "POST /orders";
    static final String LIST_ORDERS = "GET /orders";
    static final String PATCH_ORDER = "PATCH /orders/{orderId}";
    static final String PUT_ADDRESS = "PUT /orders/{orderId}/address";
    static final String REFETCH_ORDER = "POST /orders/{orderId}/refetch";
    static final String WAREHOUSES = "GET /warehouses";
    static final String SELLERS = "GET /sellers";
    static final String GET_SHIPMENT = "GET /shipments/{bookedShipmentId}";
    static final String GET_RETURN = "GET /returns/{returnShipmentId}";
    static final String GET_INBOUND = "GET /inbounds/{inboundId}";
    static final String LIST_SHIPMENTS = "GET /shipments";
    static final String LIST_RETURNS = "GET /returns";
    static final String LIST_INBOUNDS = "GET /inbounds";

    static final List<String> ROUTES = List.of(
            LOGIN, CREATE_ORDER, LIST_ORDERS, PATCH_ORDER, PUT_ADDRESS, REFETCH_ORDER, WAREHOUSES, SELLERS,
            GET_SHIPMENT, GET_RETURN, GET_INBOUND, LIST_SHIPMENTS, LIST_RETURNS, LIST_INBOUNDS);

    /** A matched route and the value of its id segment ({@code {orderId}}, {@code {inboundId}}, ...), if it has one. */
    record Match(String route, String orderId) {
    }

    private Router() {
    }

    static boolean isRouteName(String name) {
        return ANY.equals(name) || ROUTES.contains(name);
    }

    /** @throws ApiException 404 for an unknown path, 405 for a known path with another method */
    static Match match(String method, String path) {
        String[] actual = segments(path);
        Set<String> allowed = new LinkedHashSet<>();
        for (String route : ROUTES) {
            String routeMethod = route.substring(0, route.indexOf(' '));
            String[] template = segments(route.substring(route.indexOf(' ') + 1));
            String param = matchSegments(template, actual);
            if (param == null) {
                continue;
            }
            if (routeMethod.equals(method)) {
                return new Match(route, param.isEmpty() ? null : param);
            }
            allowed.add(routeMethod);
        }
        if (allowed.isEmpty()) {
            throw new ApiException(Reply.gateway(404, "Not Found"));
        }
        throw new ApiException(Reply.gateway(405, "Method Not Allowed").withHeader("Allow", String.join(", ", allowed)));
    }

    /** Returns null when the path does not fit, "" when it fits without a parameter, else the parameter. */
    private static String matchSegments(String[] template, String[] actual) {
        if (template.length != actual.length) {
            return null;
        }
        String param = "";
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{")) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                param = actual[i];
            } else if (!template[i].equals(actual[i])) {
                return null;
            }
        }
        return param;
    }

    private static String[] segments(String path) {
        // A trailing slash makes an empty last segment, so "/orders/" is not "/orders".
        return path.split("/", -1);
    }
}
