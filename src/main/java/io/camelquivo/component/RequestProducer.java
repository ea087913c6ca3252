package io.camelquivo.component;

import io.camelquivo.client.QuivoRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Any method on any path, for Quivo endpoints that have no operation of their own yet. It still gets the
 * session, the error model and the policy.
 */
class RequestProducer extends QuivoProducer {

    RequestProducer(QuivoEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected QuivoRequest toRequest(Exchange exchange) throws Exception {
        String method = headerOr(exchange, QuivoConstants.HTTP_METHOD, String.class, getEndpoint().getMethod());
        String target = headerOr(exchange, QuivoConstants.PATH, String.class, getEndpoint().getPath());
        if (target == null || !target.startsWith("/")) {
            throw new IllegalArgumentException("quivo:request needs a path starting with '/': set the path option"
                    + " or the " + QuivoConstants.PATH + " header");
        }
        exchange.setProperty(QuivoExchangeProperties.CALL_PARAMETERS, Map.of("httpMethod", method, "path", target));
        int queryStart = target.indexOf('?');
        String path = queryStart < 0 ? target : target.substring(0, queryStart);
        Map<String, String> query = queryStart < 0 ? Map.of() : parseQuery(target.substring(queryStart + 1));
        return new QuivoRequest(operationId(), method.toUpperCase(Locale.ROOT), path, query, jsonBody(exchange));
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
