package io.camelquivo.component;

import io.camelquivo.testing.Orders;
import io.camelquivo.testing.QuivoTestSupport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.error.ErrorSource;
import io.camelquivo.error.QuivoConnectionException;
import io.camelquivo.error.QuivoException;
import io.camelquivo.error.QuivoForbiddenException;
import io.camelquivo.error.QuivoNotImplementedException;
import io.camelquivo.error.QuivoRejectedException;
import io.camelquivo.error.QuivoServerErrorException;
import io.camelquivo.error.QuivoThrottledException;
import io.camelquivo.error.QuivoUnauthorizedException;
import io.camelquivo.error.QuivoUnavailableException;
import io.camelquivo.simulator.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every status of Quivo's reference, in each error format, becomes the right exception with its text. */
class ErrorMappingTest extends QuivoTestSupport {

    @Override
    protected void configure(QuivoComponent quivo) {
        // the Retry-After faults below (7 s, 30 s) would hold back the next call of the account that long
        quivo.setRateLimitMaxPause(0);
    }

    enum Format {
        BACKEND_TEXT, GATEWAY_LOWER, GATEWAY_UPPER
    }

    static Stream<Arguments> statuses() {
        Object[][] table = {
            {400, QuivoRejectedException.class}, {401, QuivoUnauthorizedException.class},
            {403, QuivoForbiddenException.class}, {404, QuivoRejectedException.class},
            {405, QuivoRejectedException.class}, {409, QuivoRejectedException.class},
            {413, QuivoRejectedException.class}, {415, QuivoRejectedException.class},
            {422, QuivoRejectedException.class}, {429, QuivoThrottledException.class},
            {500, QuivoServerErrorException.class}, {501, QuivoNotImplementedException.class},
            {502, QuivoServerErrorException.class}, {503, QuivoUnavailableException.class},
            {504, QuivoUnavailableException.class},
        };
        return Stream.of(table).flatMap(row -> Stream.of(Format.values()).map(f -> Arguments.of(row[0], f, row[1])));
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("statuses")
    void eachStatusBecomesItsExceptionWithTextAndSource(int status, Format format, Class<?> expected) {
        String text = "status " + status + ": positions: must not be null";
        Fault fault = switch (format) {
            case BACKEND_TEXT -> Fault.status(status, text, "text/plain");
            case GATEWAY_LOWER -> Fault.status(status, "{\"message\":\"" + text + "\"}", "application/json");
            case GATEWAY_UPPER -> Fault.status(status, "{\"Message\":\"" + text + "\"}", "application/json");
        };
        simulator().faults().next(1, "GET /warehouses", fault);

        QuivoException failure = failureOf("quivo:warehouses.list");

        assertEquals(expected, failure.getClass());
        assertEquals(status, failure.getStatusCode());
        assertEquals(text, failure.getErrorText());
        assertEquals(format == Format.BACKEND_TEXT ? ErrorSource.BACKEND : ErrorSource.GATEWAY,
                failure.getErrorSource());
        assertEquals("warehouses.list", failure.getOperation());
        assertEquals("GET", failure.getMethod());
        assertEquals("/warehouses", failure.getPath());
    }

    @Test
    void a403ThatSaysTheTokenExpiredIsUnauthorizedAndTheNextCallLogsInAgain() {
        simulator().faults().next(1, "GET /warehouses", Fault.forbiddenExpiredToken());

        QuivoException failure = failureOf("quivo:warehouses.list");
        assertInstanceOf(QuivoUnauthorizedException.class, failure);
        assertEquals(403, failure.getStatusCode());
        assertEquals("The security token included in the request is expired", failure.getErrorText());

        assertNull(template.request("quivo:warehouses.list", e -> { }).getException());
        assertEquals(2, simulator().stats().logins(), "the refused token was dropped");
    }

    @Test
    void retryAfterIsReadInSecondsAndAsAnHttpDate() {
        simulator().faults().next(1, "GET /warehouses", Fault.throttled(Duration.ofSeconds(7)));
        QuivoException seconds = failureOf("quivo:warehouses.list");
        assertEquals(Duration.ofSeconds(7), seconds.getRetryAfter());
        assertEquals("7", seconds.responseHeader("retry-after").orElseThrow(), "header names ignore case");

        simulator().faults().next(1, "GET /warehouses", Fault.throttledUntil(Instant.now().plusSeconds(30)));
        Duration untilDate = failureOf("quivo:warehouses.list").getRetryAfter();
        assertTrue(untilDate.toSeconds() >= 25 && untilDate.toSeconds() <= 31, "about 30 s: " + untilDate);

        simulator().faults().next(1, "GET /warehouses", Fault.throttled());
        assertNull(failureOf("quivo:warehouses.list").getRetryAfter());
    }

    @Test
    void aDroppedConnectionIsAConnectionFailureThatMayHaveReachedQuivo() {
        simulator().faults().next(1, "POST /orders", Fault.resetAfterStore());

        QuivoConnectionException failure = assertInstanceOf(QuivoConnectionException.class,
                failureOf("quivo:orders.create", Orders.valid("RESET-1")));

        assertEquals(0, failure.getStatusCode());
        assertEquals(ErrorSource.CLIENT, failure.getErrorSource());
        assertTrue(failure.isRequestMayHaveReachedServer());
        assertEquals(1, simulator().orders().byIdentifier("RESET-1").size(), "it did reach Quivo");
    }

    @Test
    void aRefusedConnectionCertainlyDidNotReachQuivo() {
        QuivoConnectionException failure = assertInstanceOf(QuivoConnectionException.class,
                failureOf("quivo:warehouses.list?baseUrl=http://127.0.0.1:1"));
        assertFalse(failure.isRequestMayHaveReachedServer());
        assertEquals("login", failure.getOperation());
    }

    private QuivoException failureOf(String uri) {
        return failureOf(uri, null);
    }

    private QuivoException failureOf(String uri, Object body) {
        Exchange exchange = template.request(uri, e -> e.getMessage().setBody(body));
        return assertInstanceOf(QuivoException.class, exchange.getException());
    }
}
