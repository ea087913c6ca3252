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

    @Test
    void anHtmlPageIsReadAsItsTitleOrElseItsText() {
        assertEquals(new ErrorBodyParser.ParsedError("HTML page: 502 Bad Gateway & more", ErrorSource.BACKEND),
                parse("<html><head><title>\n 502  Bad Gateway &amp; more</title></head><body>x</body></html>"));
        assertEquals(new ErrorBodyParser.ParsedError("HTML page: ERROR The request could not be satisfied.",
                ErrorSource.BACKEND), parse("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">\n<HTML><HEAD>"
                        + "<STYLE>h1 {color: red}</STYLE></HEAD><BODY><H1>ERROR</H1>\n<H2>The request could not be"
                        + " satisfied.</H2><script>var x = '<b>';</script></BODY></HTML>"));
        assertEquals(new ErrorBodyParser.ParsedError("<b>not a page</b>", ErrorSource.BACKEND),
                parse("<b>not a page</b>"), "markup that is no page is the backend's text as it is");
    }

    @Test
    void gatewayJsonCutShortKeepsWhatArrived() {
        assertEquals(new ErrorBodyParser.ParsedError("Endpoint \"request\" ti... (the answer was cut short)",
                ErrorSource.GATEWAY), parse("{\"message\": \"Endpoint \\\"request\\\" ti"));
        assertEquals(new ErrorBodyParser.ParsedError("caf... (the answer was cut short)", ErrorSource.GATEWAY),
                parse("{\"Message\":\"caf\\u00e"), "an escape cut in half is dropped");
        assertEquals(new ErrorBodyParser.ParsedError("{\"message\":\"whole\",", ErrorSource.BACKEND),
                parse("{\"message\":\"whole\","), "broken after a whole message: not cut short, kept as it is");
    }

    private static ErrorBodyParser.ParsedError parse(String body) {
        return ErrorBodyParser.parse(body.getBytes(StandardCharsets.UTF_8), "reason");
    }
}
