package io.camelquivo.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelquivo.client.QuivoRequest;
import io.camelquivo.client.QuivoResponse;
import io.camelquivo.error.QuivoInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Executes any row of the operation table ({@link QuivoOperation}): the path with its variables filled in,
 * the row's query parameters, and the body when the row takes one. Each value comes from the header
 * {@code CamelQuivo<Name>}, else from the endpoint option of the same name.
 */
class OperationProducer extends QuivoProducer {

    static final String REQUEST_UUID = "requestUUID";
    static final String ONE_PAGE = "one";
    static final String ALL_PAGES = "all";

    OperationProducer(QuivoEndpoint endpoint) {
        super(endpoint);
    }

    /**
     * One call, or for a paged list with {@code paging=all} or {@code paging=stream} as many as its pages: all
     * elements as one JSON array, or an iterator that fetches each page as it is read (for a streaming split).
     * With one page, {@link QuivoConstants#NEXT_CURSOR} says where the next one starts.
     */
    @Override
    public void process(Exchange exchange) throws Exception {
        QuivoOperation operation = getEndpoint().resolvedOperation();
        QuivoRequest first = toRequest(exchange);
        String paging = getEndpoint().getPaging();
        if (operation.paging() == QuivoOperation.Paging.NONE || ONE_PAGE.equals(paging)) {
            QuivoResponse answer = call(exchange, first);
            respond(exchange, answer);
            if (operation.paging() != QuivoOperation.Paging.NONE && answer.body() != null) {
                exchange.getMessage().setHeader(QuivoConstants.NEXT_CURSOR, Pages.cursorOf(Pages.page(
                        operation.paging(), first, getEndpoint().objectMapper().readTree(answer.body()))));
            }
            return;
        }
        Pages pages = new Pages(operation.paging(), first, request -> call(exchange, request),
                getEndpoint().objectMapper(), getEndpoint().getMaxItems());
        Message message = exchange.getMessage();
        message.setHeader(QuivoConstants.STATUS_CODE, 200);
        if (ALL_PAGES.equals(paging)) {
            ArrayNode all = getEndpoint().objectMapper().createArrayNode();
            pages.forEachRemaining(all::add);
            message.setBody(getEndpoint().readBody(getEndpoint().objectMapper().writeValueAsBytes(all)));
        } else {
            message.setBody(new Iterator<Object>() {
                @Override
                public boolean hasNext() {
                    return pages.hasNext();
                }

                @Override
                public Object next() {
                    try {
                        return getEndpoint().readBody(getEndpoint().objectMapper().writeValueAsBytes(pages.next()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }
    }

    @Override
    protected QuivoRequest toRequest(Exchange exchange) throws Exception {
        QuivoOperation operation = getEndpoint().resolvedOperation();
        Map<String, String> parameters = new LinkedHashMap<>();
        String path = operation.path(variable -> {
            String value = required(exchange, variable, "the path " + operation.pathTemplate());
            parameters.put(variable, value);
            return value;
        });
        Map<String, String> query = new LinkedHashMap<>();
        for (QuivoOperation.QueryParameter parameter : operation.query()) {
            String value = parameter.required()
                    ? required(exchange, parameter.option(), "the query parameter " + parameter.name())
                    : value(exchange, parameter.option());
            query.put(parameter.name(), value);
            if (value != null) {
                parameters.put(parameter.option(), value);
            }
        }
        exchange.setProperty(QuivoExchangeProperties.CALL_PARAMETERS, parameters);
        byte[] body = switch (operation.body()) {
            case NONE -> null;
            case REQUIRED -> requiredJsonBody(exchange, operation.method(), path);
            case OPTIONAL -> jsonBody(exchange);
        };
        if (operation.retry() == QuivoOperation.Retry.REQUEST_UUID) {
            body = withRequestUuid(body, operation.method(), path);
        }
        return new QuivoRequest(operationId(), operation.method(), path, query, body);
    }

    /** The body with its requestUUID, made from the body's bytes when it has none: the same booking, the same id. */
    private byte[] withRequestUuid(byte[] body, String method, String path) throws IOException {
        JsonNode booking = getEndpoint().objectMapper().readTree(body);
        if (!(booking instanceof ObjectNode object)) {
            throw new QuivoInputException(operationId(), method, path, "the booking is not a JSON object", null);
        }
        if (object.path(REQUEST_UUID).isTextual() && !object.get(REQUEST_UUID).asText().isBlank()) {
            return body;
        }
        object.put(REQUEST_UUID, UUID.nameUUIDFromBytes(body).toString());
        return getEndpoint().objectMapper().writeValueAsBytes(object);
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
