package io.camelquivo.component;

import io.camelquivo.client.QuivoRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Executes any row of the operation table ({@link QuivoOperation}): the path with its variables filled in,
 * the row's query parameters, and the body when the row takes one. Each value comes from the header
 * {@code CamelQuivo<Name>}, else from the endpoint option of the same name.
 */
class OperationProducer extends QuivoProducer {

    OperationProducer(QuivoEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected QuivoRequest toRequest(Exchange exchange) throws Exception {
        QuivoOperation operation = getEndpoint().resolvedOperation();
        String path = operation.path(variable -> required(exchange, variable, "the path " + operation.pathTemplate()));
        Map<String, String> query = new LinkedHashMap<>();
        for (QuivoOperation.QueryParameter parameter : operation.query()) {
            String value = parameter.required()
                    ? required(exchange, parameter.option(), "the query parameter " + parameter.name())
                    : value(exchange, parameter.option());
            query.put(parameter.name(), value);
        }
        byte[] body = switch (operation.body()) {
            case NONE -> null;
            case REQUIRED -> requiredJsonBody(exchange, operation.method(), path);
            case OPTIONAL -> jsonBody(exchange);
        };
        return new QuivoRequest(operationId(), operation.method(), path, query, body);
    }

    private String value(Exchange exchange, String option) {
        Object value = exchange.getMessage().getHeader(QuivoConstants.header(option));
        if (value == null) {
            value = getEndpoint().option(option);
        }
        return value == null ? null : value.toString();
    }

    private String required(Exchange exchange, String option, String usedIn) {
        String value = value(exchange, option);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("quivo:" + operationId() + " needs " + option + " for " + usedIn
                    + ": set the " + option + " option or the " + QuivoConstants.header(option) + " header");
        }
        return value;
    }
}
