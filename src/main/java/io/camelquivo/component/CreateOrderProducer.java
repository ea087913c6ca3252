package io.camelquivo.component;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.camelquivo.client.QuivoRequest;
import io.camelquivo.client.QuivoResponse;
import io.camelquivo.error.ErrorSource;
import io.camelquivo.error.QuivoConnectionException;
import io.camelquivo.error.QuivoException;
import io.camelquivo.error.QuivoInputException;
import io.camelquivo.error.QuivoRejectedException;
import io.camelquivo.error.QuivoTransientException;
import io.camelquivo.error.QuivoUnavailableException;
import io.camelquivo.error.QuivoUnresolvedCreateException;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /orders}, creating each order at most once. {@code orderIdentifier} is the order's identity:
 * <ul>
 * <li>before each POST the identifier is remembered, durably, as "may be in Quivo" (the component's pending
 * creates); a definite answer forgets it. An attempt that finds it still remembered (an earlier attempt got
 * a 504, a 503 from the gateway, or lost its connection after sending, here or before a crash or restart)
 * looks the order up first, and no POST follows until a lookup has answered; if Quivo has it, the exchange
 * succeeds with it instead of creating it again;</li>
 * <li>when Quivo refuses a create because the identifier already exists (409, or a 4xx saying "already
 * exists"), the order is there: that is success too, with the order Quivo holds.</li>
 * </ul>
 * Either way the answer carries {@link QuivoConstants#ORDER_EXISTED} = true and the body is Quivo's list
 * element for the order. In the normal case this costs a line in a file and no lookup.
 */
class CreateOrderProducer extends QuivoProducer {

    private static final Logger LOG = LoggerFactory.getLogger(CreateOrderProducer.class);
    private static final Pattern ALREADY_EXISTS = Pattern.compile("(?i).*already exist.*");

    CreateOrderProducer(QuivoEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected QuivoRequest toRequest(Exchange exchange) throws Exception {
        return new QuivoRequest(operationId(), "POST", "/orders", Map.of(),
                requiredJsonBody(exchange, "POST", "/orders"));
    }

    @Override
    protected String bodyName() {
        return "the order";
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        QuivoRequest create = toRequest(exchange);
        JsonNode order = readOrder(create.body());
        String identifier = order.path("orderIdentifier").isTextual() ? order.get("orderIdentifier").asText() : null;
        if (identifier == null) {
            respond(exchange, call(exchange, create)); // Quivo refuses it; nothing to look up by
            return;
        }
        IdempotentRepository pending = getEndpoint().getComponent().pendingCreates();
        if (!pending.add(identifier) && answerWithExisting(exchange, identifier, order.path("sellerId"))) {
            pending.remove(identifier);
            return;
        }
        try {
            respond(exchange, call(exchange, create));
            pending.remove(identifier);
            LOG.info("Quivo accepted order {}", identifier);
        } catch (QuivoException failure) {
            if (mayHaveBeenStored(failure)) {
                throw failure; // still remembered: the next attempt looks it up first
            }
            if (isDuplicate(failure) && answerWithExisting(exchange, identifier, order.path("sellerId"))) {
                pending.remove(identifier);
                return;
            }
            pending.remove(identifier);
            throw failure;
        }
    }

    private JsonNode readOrder(byte[] body) {
        try {
            JsonNode order = getEndpoint().objectMapper().readTree(body);
            if (order != null && order.isObject()) {
                return order;
            }
        } catch (StreamConstraintsException beyondLimit) {
            // valid JSON perhaps, but deeper, longer or bigger than the reader takes: say so, not "invalid"
            throw new QuivoInputException(operationId(), "POST", "/orders",
                    "the order is beyond a limit of the JSON reader: " + firstLine(beyondLimit.getMessage()),
                    beyondLimit);
        } catch (IOException notJson) {
            throw new QuivoInputException(operationId(), "POST", "/orders",
                    "the order is not valid JSON: " + firstLine(notJson.getMessage()), notJson);
        }
        throw new QuivoInputException(operationId(), "POST", "/orders", "the order is not a JSON object", null);
    }

    /** Jackson's messages go on with a source excerpt; the first line says what was wrong. */
    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /**
     * Looks the order up; when Quivo has it, the exchange succeeds with it. A lookup that fails leaves the
     * order unresolved: a failure that waiting fixes is thrown as it is, any other as
     * {@link QuivoUnresolvedCreateException}, since the order may be in Quivo and must not be dead-lettered.
     */
    private boolean answerWithExisting(Exchange exchange, String identifier, JsonNode sellerId) throws IOException {
        QuivoResponse found;
        try {
            found = call(exchange, new QuivoRequest(operationId(), "GET", "/orders",
                    Map.of("query", "orderIdentifier:" + identifier), null));
        } catch (QuivoException failure) {
            throw failure instanceof QuivoTransientException ? failure
                    : QuivoUnresolvedCreateException.lookupFailed(identifier, failure);
        }
        JsonNode list = found.body() == null ? null : getEndpoint().objectMapper().readTree(found.body());
        if (list == null || !list.isArray()) {
            return false;
        }
        for (JsonNode existing : list) {
            boolean sameSeller = sellerId.isMissingNode() || sellerId.asText().equals(existing.path("sellerId").asText());
            if (identifier.equals(existing.path("orderIdentifier").asText()) && sameSeller) {
                LOG.info("Order {} is already in Quivo (orderId {}); not created again", identifier,
                        existing.path("orderId").asText());
                respond(exchange, found.status(), found.headers(),
                        getEndpoint().objectMapper().writeValueAsBytes(existing));
                exchange.getMessage().setHeader(QuivoConstants.ORDER_EXISTED, true);
                return true;
            }
        }
        return false;
    }

    private static boolean mayHaveBeenStored(QuivoException failure) {
        if (failure instanceof QuivoConnectionException lost) {
            return lost.isRequestMayHaveReachedServer();
        }
        return failure instanceof QuivoUnavailableException
                && (failure.getStatusCode() == 504 || failure.getErrorSource() == ErrorSource.GATEWAY);
    }

    private static boolean isDuplicate(QuivoException failure) {
        return failure instanceof QuivoRejectedException
                && (failure.getStatusCode() == 409 || ALREADY_EXISTS.matcher(failure.getErrorText()).matches());
    }
}
