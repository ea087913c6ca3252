package io.camelquivo.component;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.camelquivo.client.QuivoRequest;
import io.camelquivo.client.QuivoResponse;
import io.camelquivo.error.ErrorDetails;
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
 * A create that happens at most once per identity: {@code POST /orders} by {@code orderIdentifier},
 * {@code POST /inbounds} by {@code externalIdentifier} (the row's {@link QuivoOperation.Identity}).
 * <ul>
 * <li>before each POST the identity is remembered, durably, as "sent to Quivo" (the component's pending
 * creates). Only an answer that proves it was not stored (a 4xx refusal) forgets it; an accepted one stays
 * remembered, since the same message may come again: a Kafka record read again after a crash before its
 * offset was committed, or a file left behind by a crash before it was moved. An attempt that finds the
 * identity remembered (that, or an earlier attempt that got a 504, a 503 from the gateway, or lost its
 * connection after sending) looks the entity up first ({@code GET <path>?query=<field>:<value>}), and no
 * POST follows until a lookup has answered; if Quivo has it, the exchange succeeds with it instead of
 * creating it again;</li>
 * <li>when Quivo refuses a create because the identity already exists (409, or a 4xx saying "already
 * exists"), the entity is there: that is success too, with the one Quivo holds.</li>
 * </ul>
 * Either way the answer carries {@link QuivoConstants#EXISTED} = true and the body is Quivo's list element
 * for it. In the normal case this costs a line in a file and no lookup; the file keeps the most recent
 * identities (see {@link QuivoComponent#setPendingCreateFile}). A body without the identity field is sent as
 * it is: there is nothing to look it up by.
 */
class CreateOnceProducer extends QuivoProducer {

    private static final Logger LOG = LoggerFactory.getLogger(CreateOnceProducer.class);
    private static final Pattern ALREADY_EXISTS = Pattern.compile("(?i).*already exist.*");

    private final QuivoOperation operation;
    private final QuivoOperation.Identity identity;
    private final String noun;

    CreateOnceProducer(QuivoEndpoint endpoint) {
        super(endpoint);
        this.operation = endpoint.resolvedOperation();
        this.identity = operation.identity();
        String group = operation.id().substring(0, operation.id().indexOf('.'));
        this.noun = group.substring(0, group.length() - 1); // orders -> order, inbounds -> inbound
    }

    @Override
    protected QuivoRequest toRequest(Exchange exchange) throws Exception {
        // the body is all there is to it; no parameters of an earlier call of the same message
        exchange.setProperty(QuivoExchangeProperties.CALL_PARAMETERS, Map.of());
        return new QuivoRequest(operationId(), "POST", path(), Map.of(), requiredJsonBody(exchange, "POST", path()));
    }

    @Override
    protected String bodyName() {
        return "the " + noun;
    }

    private String path() {
        return operation.pathTemplate();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        QuivoRequest create = toRequest(exchange);
        Identifying entity = readEntity(create.body());
        String identifier = entity.identifier();
        if (identifier == null) {
            respond(exchange, call(exchange, create)); // nothing to look up by
            return;
        }
        IdempotentRepository pending = getEndpoint().getComponent().pendingCreates();
        String mark = pendingMark(identifier);
        if (!pending.add(mark) && answerWithExisting(exchange, identifier, entity.sellerId())) {
            return;
        }
        QuivoResponse created;
        try {
            created = call(exchange, create);
        } catch (QuivoException failure) {
            if (mayHaveBeenStored(failure)) {
                throw failure; // still remembered: the next attempt looks it up first
            }
            if (isDuplicate(failure) && answerWithExisting(exchange, identifier, entity.sellerId())) {
                return;
            }
            pending.remove(mark); // refused: not in Quivo, so a corrected message may be sent as new
            throw failure;
        }
        requireReadable(created, identifier); // still remembered when it is not
        respond(exchange, created);
        LOG.info("Quivo accepted {} {}", noun, identifier);
    }

    /**
     * The pending-creates entry: an order's is its identifier alone, as files written before inbounds had
     * one hold; any other's is prefixed with its operation, so that an inbound never looks like an order.
     */
    private String pendingMark(String identifier) {
        return operation == QuivoOperation.ORDERS_CREATE ? identifier : operation.id() + ":" + identifier;
    }

    /** What a create is told apart by: its identity field (null when absent or blank) and its seller, if any. */
    private record Identifying(String identifier, String sellerId) {
    }

    /**
     * Reads the identity and the seller from the body, checking that it is one JSON object, with a streaming
     * parser: on the hot path of every create, a tree of the whole order would be built only to read two fields.
     */
    private Identifying readEntity(byte[] body) {
        try (JsonParser parser = getEndpoint().objectMapper().getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new QuivoInputException(operationId(), "POST", path(), "the " + noun + " is not a JSON object",
                        null);
            }
            String identifier = null;
            String sellerId = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(identity.field())) {
                    identifier = value == JsonToken.VALUE_STRING && !parser.getText().isBlank() ? parser.getText() : null;
                } else if (name.equals("sellerId") && value.isScalarValue()) {
                    sellerId = parser.getText();
                }
                parser.skipChildren();
            }
            return new Identifying(identifier, sellerId);
        } catch (StreamConstraintsException beyondLimit) {
            // valid JSON perhaps, but deeper, longer or bigger than the reader takes: say so, not "invalid"
            throw new QuivoInputException(operationId(), "POST", path(),
                    "the " + noun + " is beyond a limit of the JSON reader: " + firstLine(beyondLimit.getMessage()),
                    beyondLimit);
        } catch (IOException notJson) {
            throw new QuivoInputException(operationId(), "POST", path(),
                    "the " + noun + " is not valid JSON: " + firstLine(notJson.getMessage()), notJson);
        }
    }

    /** Jackson's messages go on with a source excerpt; the first line says what was wrong. */
    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /**
     * Looks the entity up; when Quivo has it, the exchange succeeds with it. A lookup that fails leaves the
     * create unresolved: a failure that waiting fixes is thrown as it is, any other as
     * {@link QuivoUnresolvedCreateException}, since the entity may be in Quivo and must not be dead-lettered.
     */
    private boolean answerWithExisting(Exchange exchange, String identifier, String sellerId) throws IOException {
        QuivoResponse found;
        try {
            found = call(exchange, new QuivoRequest(operationId(), "GET", path(),
                    Map.of("query", identity.field() + ":" + identifier), null));
        } catch (QuivoException failure) {
            throw failure instanceof QuivoTransientException ? failure
                    : QuivoUnresolvedCreateException.lookupFailed(noun, identifier, failure);
        }
        JsonNode list = found.body() == null ? null : getEndpoint().objectMapper().readTree(found.body());
        if (list == null || !list.isArray()) {
            return false;
        }
        for (JsonNode existing : list) {
            boolean sameSeller = sellerId == null || sellerId.equals(existing.path("sellerId").asText());
            if (identifier.equals(existing.path(identity.field()).asText()) && sameSeller) {
                LOG.info("The {} {} is already in Quivo ({} {}); not created again", noun, identifier,
                        identity.idField(), existing.path(identity.idField()).asText());
                respond(exchange, found.status(), found.headers(),
                        getEndpoint().objectMapper().writeValueAsBytes(existing));
                exchange.getMessage().setHeader(QuivoConstants.EXISTED, true);
                return true;
            }
        }
        return false;
    }

    /**
     * A 2xx whose body is not JSON (cut short, or from something in between that is not Quivo) proves nothing:
     * the create may or may not have been stored. It is unresolved, like a 504: still remembered, so the next
     * attempt looks the identity up, and creates it only if Quivo does not have it. Dead-lettering it could put
     * an order both in Quivo and on the dead-letter topic; accepting it could lose one.
     */
    private void requireReadable(QuivoResponse answer, String identifier) {
        if (answer.body() == null) {
            return;
        }
        try (JsonParser parser = getEndpoint().objectMapper().getFactory().createParser(answer.body())) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
        } catch (IOException notJson) {
            throw new QuivoUnresolvedCreateException(new ErrorDetails(answer.status(), operationId(), "POST", path(),
                    noun + " " + identifier + " may be in Quivo: the answer to its create is not JSON: "
                            + firstLine(notJson.getMessage()), ErrorSource.BACKEND, null, answer.headers()),
                    notJson);
        }
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
