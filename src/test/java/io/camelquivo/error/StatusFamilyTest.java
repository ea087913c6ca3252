package io.camelquivo.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every code in Quivo's status reference, and the ones the policy names, lands in its family. */
class StatusFamilyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "400, REJECTED", "401, UNAUTHORIZED", "403, FORBIDDEN", "404, REJECTED", "405, REJECTED",
        "409, REJECTED", "413, REJECTED", "415, REJECTED", "422, REJECTED", "418, REJECTED",
        "429, THROTTLED", "500, SERVER_ERROR", "501, NOT_IMPLEMENTED", "502, SERVER_ERROR",
        "503, UNAVAILABLE", "504, UNAVAILABLE", "505, SERVER_ERROR", "302, UNEXPECTED", "0, CONNECTION_FAILURE"
    })
    void eachStatusHasOneFamily(int status, StatusFamily expected) {
        assertEquals(expected, StatusFamily.classify(status, "some text"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The incoming token has expired", "The security token included in the request is expired",
        "Token expired", "EXPIRED TOKEN"
    })
    void a403ThatSaysTheTokenExpiredIsUnauthorized(String text) {
        assertEquals(StatusFamily.UNAUTHORIZED, StatusFamily.classify(403, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "User is not authorized to access this resource", "Forbidden", "Invalid API key", "", "Request expired"
    })
    void anyOther403IsForbidden(String text) {
        assertEquals(StatusFamily.FORBIDDEN, StatusFamily.classify(403, text));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "400, QuivoRejectedException", "401, QuivoUnauthorizedException", "403, QuivoForbiddenException",
        "404, QuivoRejectedException", "405, QuivoRejectedException", "413, QuivoRejectedException",
        "415, QuivoRejectedException", "429, QuivoThrottledException", "500, QuivoServerErrorException",
        "501, QuivoNotImplementedException", "502, QuivoServerErrorException", "503, QuivoUnavailableException",
        "504, QuivoUnavailableException"
    })
    void eachFamilyRaisesItsOwnType(int status, String simpleName) {
        QuivoException e = StatusFamily.toException(details(status, "text"));
        assertEquals(simpleName, e.getClass().getSimpleName());
        assertEquals(status, e.getStatusCode());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403})
    void aRefusedLoginIsItsOwnFamilyWhateverItsStatusAndNeverWaitedFor(int status) {
        QuivoException refused = new QuivoAuthenticationException(new ErrorDetails(status, "login", "POST", "/login",
                "Invalid username or password", ErrorSource.GATEWAY, null, Map.of()));
        assertEquals(StatusFamily.LOGIN_REFUSED, refused.getFamily());
        assertFalse(refused instanceof QuivoTransientException);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 302, 400, 401, 403, 404, 409, 429, 500, 501, 502, 503, 504})
    void theExceptionCarriesTheFamilyOfItsStatusAndIsTransientExactlyWhenWaitingFixesIt(int status) {
        QuivoException e = StatusFamily.toException(details(status, "text"));
        assertEquals(StatusFamily.classify(status, "text"), e.getFamily());
        assertEquals(e.getFamily().waitingFixes(), e instanceof QuivoTransientException, e.getFamily().name());
    }

    @org.junit.jupiter.api.Test
    void theMessageNamesStatusOperationPathAndTextOnly() {
        QuivoException e = StatusFamily.toException(details(400, "positions: must not be null"));
        assertEquals("Quivo orders.create (POST /orders) answered 400 [backend]: positions: must not be null",
                e.getMessage());
        assertInstanceOf(QuivoRejectedException.class, e);
        assertTrue(e.responseHeader("x-amzn-requestid").isPresent(), "header lookups ignore case");
        assertFalse(e.responseHeader("Retry-After").isPresent());
    }

    private static ErrorDetails details(int status, String text) {
        return new ErrorDetails(status, "orders.create", "POST", "/orders", text, ErrorSource.BACKEND, null,
                Map.of("X-Amzn-RequestId", "abc"));
    }
}
