package io.camelquivo.simulator;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps a method and path to one row of {@link Routes#ALL}, named like {@code "PATCH /orders/{orderId}"}. */
final class Router {

    static final String ANY = "*";
    static final String LOGIN = Routes.LOGIN;

    static final List<String> ROUTES = Routes.ALL.stream().map(Route::name).toList();

    /** A matched route and the values of its path variables, by name. */
    record Match(Route route, Map<String, String> variables) {
    }

    private Router() {
    }

    static boolean isRouteName(String name) {
        return ANY.equals(name) || ROUTES.contains(name);
    }

    /**
     * Where two templates fit, the one with more fixed segments wins: {@code /items/7/movements} is an item's
     * movements, not the stock of warehouse 7's seller "movements".
     *
     * @throws ApiException 404 for an unknown path, 405 for a known path with another method
     */
    static Match match(String method, String path) {
        String[] actual = segments(path);
        Set<String> allowed = new LinkedHashSet<>();
        Match best = null;
        int bestFixed = -1;
        for (Route route : Routes.ALL) {
            String[] template = segments(route.template());
            Map<String, String> variables = matchSegments(template, actual);
            if (variables == null) {
                continue;
            }
            if (!route.method().equals(method)) {
                allowed.add(route.method());
                continue;
            }
            int fixed = template.length - variables.size();
            if (fixed > bestFixed) {
                best = new Match(route, variables);
                bestFixed = fixed;
            }
        }
        if (best != null) {
            return best;
        }
        if (allowed.isEmpty()) {
            throw new ApiException(Reply.gateway(404, "Not Found"));
        }
        throw new ApiException(Reply.gateway(405, "Method Not Allowed").withHeader("Allow", String.join(", ", allowed)));
    }

    /** The variables' values when the path fits the template, else null. */
    private static Map<String, String> matchSegments(String[] template, String[] actual) {
        if (template.length != actual.length) {
            return null;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{")) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                variables.put(template[i].substring(1, template[i].length() - 1), actual[i]);
            } else if (!template[i].equals(actual[i])) {
                return null;
            }
        }
        return variables;
    }

    private static String[] segments(String path) {
        // A trailing slash makes an empty last segment, so "/orders/" is not "/orders".
        return path.split("/", -1);
    }
}
