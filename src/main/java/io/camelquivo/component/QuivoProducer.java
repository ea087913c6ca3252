package io.camelquivo.component;

import io.camelquivo.client.QuivoRequest;
import io.camelquivo.client.QuivoResponse;
import io.camelquivo.error.QuivoInputException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;
import org.apache.camel.support.DefaultProducer;

/**
 * What every operation shares: send the request that the subclass builds, then put the answer's status,
 * headers and body on the message. The token is added by the client on every attempt, so a redelivery
 * never replays a stale one.
 */
abstract class QuivoProducer extends DefaultProducer {

    QuivoProducer(QuivoEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public QuivoEndpoint getEndpoint() {
        return (QuivoEndpoint) super.getEndpoint();
    }

    protected abstract QuivoRequest toRequest(Exchange exchange) throws Exception;

    @Override
    public void process(Exchange exchange) throws Exception {
        respond(exchange, call(exchange, toRequest(exchange)));
    }

    /**
     * One call to Quivo, counted on the exchange so that a dead-letter can say how many were made, and told its
     * path template and which delivery of the message it belongs to (Camel's redelivery counter), for listeners.
     */
    protected QuivoResponse call(Exchange exchange, QuivoRequest request) {
        exchange.setProperty(QuivoExchangeProperties.OPERATION, operationId());
        exchange.setProperty(QuivoExchangeProperties.CALLS,
                exchange.getProperty(QuivoExchangeProperties.CALLS, 0, Integer.class) + 1);
        int attempt = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) + 1;
        return getEndpoint().client().execute(
                request.tracedAs(getEndpoint().resolvedOperation().pathTemplate(), attempt));
    }

    protected void respond(Exchange exchange, QuivoResponse response) throws IOException {
        respond(exchange, response.status(), response.headers(), response.body());
    }

    protected void respond(Exchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        Message message = exchange.getMessage();
        message.setHeader(QuivoConstants.STATUS_CODE, status);
        message.setHeader(QuivoConstants.RESPONSE_HEADERS, headers);
        message.setBody(getEndpoint().readBody(body));
    }

    protected String operationId() {
        return getEndpoint().resolvedOperation().id();
    }

    /** The body as JSON bytes: text and bytes are sent as they are, anything else is written by Jackson. */
    protected byte[] jsonBody(Exchange exchange) throws Exception {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            return null;
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof InputStream stream) {
            return stream.readAllBytes();
        }
        if (body instanceof WrappedFile<?> || body instanceof File || body instanceof Path) {
            return exchange.getContext().getTypeConverter().mandatoryConvertTo(byte[].class, exchange, body);
        }
        return getEndpoint().objectMapper().writeValueAsBytes(body);
    }

    /**
     * The body as JSON bytes in UTF-8 (a byte order mark dropped, UTF-16 or UTF-32 converted: see
     * {@link JsonEncoding}), refused as unusable input (no call made) when there is none, when it is no text in
     * its encoding, when it is only whitespace, or when it is larger than Quivo's API gateway accepts: retrying
     * cannot change any of these.
     */
    protected byte[] requiredJsonBody(Exchange exchange, String method, String path) throws Exception {
        byte[] body = jsonBody(exchange);
        String unusable;
        if (body == null) {
            unusable = "the message has no body";
        } else {
            try {
                body = JsonEncoding.toUtf8(body);
                unusable = whyUnusable(body);
            } catch (JsonEncoding.NotText notText) {
                unusable = bodyName() + " is " + notText.getMessage();
            }
        }
        if (unusable != null) {
            throw new QuivoInputException(operationId(), method, path, unusable, null);
        }
        return body;
    }

    private String whyUnusable(byte[] body) {
        if (isBlank(body)) {
            return bodyName() + " is empty";
        }
        int max = getEndpoint().getComponent().getMaxBodyBytes();
        if (body.length > max) {
            return bodyName() + " is " + body.length + " bytes, more than the " + max
                    + " bytes Quivo's API gateway accepts";
        }
        return null;
    }

    /** What the body is, as reasons name it: "the body", or e.g. "the order". */
    protected String bodyName() {
        return "the body";
    }

    /** Only the whitespace JSON allows between tokens, or nothing at all. */
    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** A header wins over the endpoint option, so one endpoint can serve many orders. */
    protected <T> T headerOr(Exchange exchange, String header, Class<T> type, T endpointValue) {
        T value = exchange.getMessage().getHeader(header, type);
        return value != null ? value : endpointValue;
    }
}
