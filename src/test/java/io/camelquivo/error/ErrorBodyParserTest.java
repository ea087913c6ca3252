package io.camelquivo.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ErrorBodyParserTest {

    @Test
    void plainTextIsTheBackendsText() {
        ErrorBodyParser.ParsedError parsed = parse("positions: must not be null\n");
        assertEquals("positions: must not be null", parsed.text());
        assertEquals(ErrorSource.BACKEND, parsed.source());
    }

    @Test
    void gatewayJsonWithLowerOrUpperCaseMessage() {
        assertEquals(new ErrorBodyParser.ParsedError("The incoming token has expired", ErrorSource.GATEWAY),
                parse("{\"message\":\"The incoming token has expired\"}"));
        assertEquals(new ErrorBodyParser.ParsedError("User is not authorized", ErrorSource.GATEWAY),
                parse("{\"Message\":\"User is not authorized\"}"));
    }

    @Test
    void jsonWithoutAMessageFieldIsKeptWhole() {
        assertEquals(new ErrorBodyParser.ParsedError("{\"error\":42}", ErrorSource.BACKEND), parse("{\"error\":42}"));
    }

    @Test
    void anEmptyBodyFallsBackToTheReasonPhrase() {
        assertEquals(new ErrorBodyParser.ParsedError("Bad Gateway", ErrorSource.BACKEND),
                ErrorBodyParser.parse(new byte[0], "Bad Gateway"));
    }

    @Test
    void longBodiesAreCut() {
        String text = ErrorBodyParser.parse("x".repeat(10_000).getBytes(StandardCharsets.UTF_8), "").text();
        assertTrue(text.length() < 2100, "cut to a readable length");
    }

    @Test
    void retryAfterInSecondsOrAsHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse("7", clock));
        assertEquals(Duration.ofSeconds(30), RetryAfter.parse("Tue, 24 Nov 2026 10:00:30 GMT", clock));
        assertEquals(Duration.ZERO, RetryAfter.parse("Tue, 24 Nov 2026 09:00:00 GMT", clock));
        assertNull(RetryAfter.parse("soon", clock));
        assertNull(RetryAfter.parse(null, clock));
    }

    private static ErrorBodyParser.ParsedError parse(String body) {
        return ErrorBodyParser.parse(body.getBytes(StandardCharsets.UTF_8), "reason");
    }
}
