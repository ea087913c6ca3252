package io.camelquivo.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelquivo.error.ErrorSource;
import io.camelquivo.error.QuivoException;
import io.camelquivo.error.QuivoServerErrorException;
import io.camelquivo.error.QuivoThrottledException;
import io.camelquivo.error.QuivoTransientException;
import io.camelquivo.error.QuivoUnauthorizedException;
import io.camelquivo.error.QuivoUnavailableException;
import io.camelquivo.error.QuivoUnresolvedCreateException;
import io.camelquivo.error.StatusFamily;
import io.camelquivo.simulator.Fault;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.QuivoTestSupport;
import io.camelquivo.testing.ScanForSecrets;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * Answers from Quivo (or from something between it and the connector) that are not what HTTP or Quivo's two error
 * formats promise: each still becomes its typed exception, with a family the policy acts on and a text a person
 * can read. What the status policy then does with them is in routes/BadAnswersFromQuivoRouteTest.
 */
@ScanForSecrets
class BadAnswersFromQuivoTest extends QuivoTestSupport {

    @Override
    protected void configure(QuivoComponent quivo) {
        quivo.setRateLimitMaxPause(0); // the 429s below must not hold back the next call of the account
    }

    @Test
    void anHtmlPageWithA500IsAServerErrorWhoseTextIsThePagesTitle() {
        simulator().faults().next(1, "GET /warehouses", Fault.htmlServerError());

        QuivoException failure = failureOf("quivo:warehouses.list", null);

        assertEquals(QuivoServerErrorException.class, failure.getClass());
        assertEquals(StatusFamily.SERVER_ERROR, failure.getFamily());
        assertEquals(500, failure.getStatusCode());
        assertEquals("HTML page: 500 Internal Server Error", failure.getErrorText(), "not the markup");
        assertEquals(ErrorSource.BACKEND, failure.getErrorSource());
        assertEquals("text/html; charset=UTF-8", failure.responseHeader("content-type").orElseThrow());
    }

    @Test
    void anEmpty401IsUnauthorizedByItsReasonPhraseAndTheNextCallLogsInAgain() {
        simulator().faults().next(1, "GET /warehouses", Fault.emptyUnauthorized());

        QuivoException failure = failureOf("quivo:warehouses.list", null);

        assertEquals(QuivoUnauthorizedException.class, failure.getClass());
        assertEquals(StatusFamily.UNAUTHORIZED, failure.getFamily());
        assertEquals(401, failure.getStatusCode());
        assertEquals("Unauthorized", failure.getErrorText());
        assertEquals(ErrorSource.BACKEND, failure.getErrorSource());
        assertNull(template.request("quivo:warehouses.list", e -> { }).getException());
        assertEquals(2, simulator().stats().logins(), "the refused token was dropped");
    }

    @Test
    void aGatewayErrorCutShortIsStillTheGatewaysAndSaysSo() {
        simulator().faults().next(1, "GET /warehouses", Fault.truncatedGatewayError(503));

        QuivoException failure = failureOf("quivo:warehouses.list", null);

        assertEquals(QuivoUnavailableException.class, failure.getClass());
        assertEquals(StatusFamily.UNAVAILABLE, failure.getFamily());
        assertEquals("Service Unavail... (the answer was cut short)", failure.getErrorText());
        assertEquals(ErrorSource.GATEWAY, failure.getErrorSource());
    }

    @Test
    void aCreateWhose503FromTheGatewayIsCutShortIsLookedUpBeforeItIsSentAgain() {
        // a 503 from the gateway may have reached the backend: the create stays remembered
        simulator().faults().next(1, "POST /orders", Fault.truncatedGatewayError(503));
        assertInstanceOf(QuivoUnavailableException.class, failureOf("quivo:orders.create", Orders.valid("CUT-1")));

        Exchange again = template.request("quivo:orders.create", e -> e.getMessage().setBody(Orders.valid("CUT-1")));

        assertNull(again.getException());
        assertEquals(1, simulator().stats().calls("GET /orders"), "looked up first");
        assertEquals(2, simulator().stats().calls("POST /orders"), "then created, since Quivo did not have it");
        assertEquals(1, simulator().orders().byIdentifier("CUT-1").size());
    }

    @Test
    void a200WithInvalidJsonOnACreateIsUnresolvedAndTheNextAttemptFindsTheOrder() {
        simulator().faults().next(1, "POST /orders", Fault.okWithInvalidJsonAfterStore());

        QuivoException failure = failureOf("quivo:orders.create", Orders.valid("GARBLED-1"));

        assertEquals(QuivoUnresolvedCreateException.class, failure.getClass());
        assertInstanceOf(QuivoTransientException.class, failure, "waited out, never dead-lettered");
        assertEquals(StatusFamily.UNRESOLVED_CREATE, failure.getFamily());
        assertEquals(200, failure.getStatusCode());
        assertTrue(failure.getErrorText().startsWith("order GARBLED-1 may be in Quivo: the answer to its create is"
                + " not JSON: Unexpected end-of-input"), failure.getErrorText());
        assertEquals(1, simulator().orders().byIdentifier("GARBLED-1").size(), "it was stored");

        Exchange again = template.request("quivo:orders.create?unmarshalType=com.fasterxml.jackson.databind.JsonNode",
                e -> e.getMessage().setBody(Orders.valid("GARBLED-1")));

        assertNull(again.getException());
        assertEquals(true, again.getMessage().getHeader(QuivoConstants.EXISTED));
        assertEquals("GARBLED-1", again.getMessage().getBody(JsonNode.class).get("orderIdentifier").asText());
        assertEquals(1, simulator().stats().calls("POST /orders"), "looked up, not sent again");
        assertEquals(1, simulator().orders().byIdentifier("GARBLED-1").size());
    }

    @Test
    void a200WithInvalidJsonFromSomethingElseIsLookedUpAndTheOrderCreatedOnce() {
        simulator().faults().next(1, "POST /orders", Fault.okWithInvalidJson()); // not stored

        assertInstanceOf(QuivoUnresolvedCreateException.class,
                failureOf("quivo:orders.create?unmarshalType=java.util.Map", Orders.valid("GARBLED-2")),
                "the same with an unmarshalType: never Jackson's own exception");
        assertNull(template.request("quivo:orders.create", e -> e.getMessage().setBody(Orders.valid("GARBLED-2")))
                .getException());

        assertEquals(1, simulator().stats().calls("GET /orders"));
        assertEquals(2, simulator().stats().calls("POST /orders"));
        assertEquals(1, simulator().orders().byIdentifier("GARBLED-2").size());
    }

    @Test
    void aNegativeOrUnreadableRetryAfterIsIgnoredAndTheRawValueKept() {
        for (String retryAfter : new String[] {"-5", "garbage", "1.5", "99999999999999999999999"}) {
            simulator().faults().next(1, "GET /warehouses", Fault.throttledRetryAfter(retryAfter));

            QuivoException failure = failureOf("quivo:warehouses.list", null);

            assertEquals(QuivoThrottledException.class, failure.getClass(), retryAfter);
            assertEquals(StatusFamily.THROTTLED, failure.getFamily());
            assertNull(failure.getRetryAfter(), retryAfter + ": the policy's own backoff instead");
            assertEquals(retryAfter, failure.responseHeader("Retry-After").orElseThrow());
            assertEquals("Too Many Requests", failure.getErrorText());
            assertEquals(ErrorSource.GATEWAY, failure.getErrorSource());
        }
        assertNull(template.request("quivo:warehouses.list", e -> { }).getException(), "the account is not held back");
    }

    private QuivoException failureOf(String uri, Object body) {
        Exchange exchange = template.request(uri, e -> e.getMessage().setBody(body));
        return assertInstanceOf(QuivoException.class, exchange.getException());
    }
}
