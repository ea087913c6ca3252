package io.camelquivo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FaultsTest {

    @RegisterExtension
    static QuivoSimulatorExtension sim = new QuivoSimulatorExtension();

    static Stream<Arguments> answers() {
        String json = "application/json";
        String text = "text/plain";
        return Stream.of(
                Arguments.of(Fault.expiredToken(), 401, "{\"message\":\"The incoming token has expired\"}", json, null),
                Arguments.of(Fault.forbiddenExpiredToken(), 403,
                        "{\"Message\":\"The security token included in the request is expired\"}", json, null),
                Arguments.of(Fault.forbidden(), 403, "{\"Message\":\"User is not authorized to access this resource\"}",
                        json, null),
                Arguments.of(Fault.throttled(), 429, "{\"message\":\"Too Many Requests\"}", json, null),
                Arguments.of(Fault.throttled(Duration.ofSeconds(1)), 429, "{\"message\":\"Too Many Requests\"}", json, "1"),
                Arguments.of(Fault.throttled(Duration.ofMillis(1500)), 429, "{\"message\":\"Too Many Requests\"}", json, "2"),
                Arguments.of(Fault.serverError(), 500, "{\"message\":\"Internal server error\"}", json, null),
                Arguments.of(Fault.badGateway(), 502, "{\"message\":\"Bad Gateway\"}", json, null),
                Arguments.of(Fault.notImplemented(), 501, "Not implemented", text, null),
                Arguments.of(Fault.unavailable(), 503, "{\"message\":\"Service Unavailable\"}", json, null),
                Arguments.of(Fault.unavailable(Duration.ofSeconds(30)), 503, "{\"message\":\"Service Unavailable\"}",
                        json, "30"),
                Arguments.of(Fault.gatewayTimeoutBeforeStore(), 504, "{\"message\":\"Endpoint request timed out\"}",
                        json, null),
                Arguments.of(Fault.gatewayTimeoutAfterStore(), 504, "{\"message\":\"Endpoint request timed out\"}",
                        json, null),
                Arguments.of(Fault.status(418, "{\"error\":\"teapot\"}", json), 418, "{\"error\":\"teapot\"}", json, null),
                Arguments.of(Fault.status(400, "positions: must not be null", null), 400, "positions: must not be null",
                        text, null));
    }

    @ParameterizedTest
    @MethodSource("answers")
    void eachFaultAnswersInQuivosFormat(Fault fault, int status, String body, String contentType, String retryAfter,
                                         QuivoSimulator simulator) {
        Api api = new Api(simulator).login();
        simulator.faults().next(1, "GET /sellers", fault);
        HttpResponse<String> response = api.get("/sellers");
        assertEquals(status, response.statusCode());
        assertEquals(body, response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(contentType));
        assertEquals(retryAfter, response.headers().firstValue("Retry-After").orElse(null));
        RequestRecord record = simulator.stats().requestLog().get(1);
        assertEquals(fault.name(), record.fault());
        assertEquals(status, record.status());
        assertEquals(200, api.get("/sellers").statusCode());
    }

    @Test
    void statusFaultCanAnswerWithoutBody(QuivoSimulator simulator) {
        Api api = new Api(simulator).login();
        simulator.faults().next(1, "GET /sellers", Fault.status(204, null, null));
        HttpResponse<String> response = api.get("/sellers");
        assertEquals(204, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void throttledUntilSendsAnHttpDate(QuivoSimulator simulator) {
        Api api = new Api(simulator).login();
        Instant until = Instant.now().plusSeconds(90).truncatedTo(ChronoUnit.SECONDS);
        simulator.faults().next(1, "GET /orders", Fault.throttledUntil(until));
        HttpResponse<String> response = api.get("/orders");
        assertEquals(429, response.statusCode());
        String header = response.headers().firstValue("Retry-After").orElseThrow();
        assertTrue(header.endsWith(" GMT"), header);
        assertEquals(until, ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        assertEquals("throttledUntil", simulator.stats().requestLog().get(1).fault());
    }

    @Test
    void resetBeforeStoreDropsTheConnectionAndStoresNothing(QuivoSimulator simulator) {
        Api api = new Api(simulator).login();
        simulator.faults().next(1, "POST /orders", Fault.resetBeforeStore());
        assertThrows(IOException.class, () -> api.postRaw("/orders", Api.order("RST-1").toString()));
        assertEquals(0, simulator.orders().count());
        assertEquals(1, simulator.stats().calls("POST /orders", 0));
        RequestRecord record = simulator.stats().requestLog().get(1);
        assertEquals(0, record.status());
        assertEquals("resetBeforeStore", record.fault());
        api.createOrder("RST-1");
    }

    @Test
    void resetAfterStoreDropsTheConnectionButKeepsTheOrder(QuivoSimulator simulator) {
        Api api = new Api(simulator).login();
        simulator.faults().next(1, "POST /orders", Fault.resetAfterStore());
        assertThrows(IOException.class, () -> api.postRaw("/orders", Api.order("RST-2").toString()));
        assertEquals(1, simulator.orders().byIdentifier("RST-2").size());
        assertEquals(409, api.post("/orders", Api.order("RST-2").toString()).statusCode());
        assertEquals(List.of("RST-2"), List.of(Api.json(api.get("/orders?query=orderIdentifier:RST-2"))
                .get(0).get("orderIdentifier").asText()));
    }

    @Test
    void gatewayTimeoutBeforeOrAfterStore(QuivoSimulator simulator) {
        Api api = new Api(simulator).login();
        simulator.faults().next(1, "POST /orders", Fault.gatewayTimeoutBeforeStore())
                .next(1, "POST /orders", Fault.gatewayTimeoutAfterStore());
        assertEquals(504, api.post("/orders", Api.order("GT-1").toString()).statusCode());
        assertEquals(0, simulator.orders().count());
        assertEquals(504, api.post("/orders", Api.order("GT-2").toString()).statusCode());
        assertEquals(1, simulator.orders().byIdentifier("GT-2").size());
    }

    @Test
    void faultsAreDrawnBeforeTheApiKeyAndTokenChecks(QuivoSimulator simulator) {
        Api anonymous = new Api(simulator);
        simulator.faults().next(1, "GET /warehouses", Fault.serverError());
        assertEquals(500, Api.send(anonymous.request("GET", "/warehouses", null).setHeader("X-Api-Key", "x").build())
                .statusCode());
        assertEquals(403, Api.send(anonymous.request("GET", "/warehouses", null).setHeader("X-Api-Key", "x").build())
                .statusCode());
    }

    @Test
    void scriptedFaultsAreFifoPerRouteAndWinOverRandomOnes(QuivoSimulator simulator) {
        Api api = new Api(simulator).login();
        simulator.faults().random(7L, 1.0, "GET /sellers", Fault.unavailable());
        simulator.faults().next(1, "GET /sellers", Fault.serverError()).next(2, "GET /sellers", Fault.badGateway());
        simulator.faults().next(1, "GET /warehouses", Fault.notImplemented());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(api.get("/sellers").statusCode());
        }
        assertEquals(List.of(500, 502, 502, 503), statuses);
        assertEquals(501, api.get("/warehouses").statusCode());
        simulator.faults().clear();
        assertEquals(200, api.get("/sellers").statusCode());
        assertEquals(3, simulator.stats().calls("GET /sellers", 502) + simulator.stats().calls("GET /sellers", 500));
    }

    @Test
    void starMatchesEveryRouteIncludingLogin(QuivoSimulator simulator) {
        simulator.faults().next(1, "*", Fault.unavailable());
        Api api = new Api(simulator);
        assertEquals(503, Api.send(api.request("POST", "/login", "{}").build()).statusCode());
        api.login();
        assertEquals(1, simulator.stats().successfulLogins());
        assertEquals(2, simulator.stats().logins());
    }

    @Test
    void seededRandomFaultsRepeatExactly(QuivoSimulator simulator) {
        List<Integer> first = callsWithRandomFaults(simulator, 42L);
        simulator.reset();
        assertEquals(first, callsWithRandomFaults(simulator, 42L));
        assertTrue(first.contains(200) && first.contains(500) && first.contains(502), first.toString());
        simulator.reset();
        assertFalse(first.equals(callsWithRandomFaults(simulator, 43L)));
    }

    private static List<Integer> callsWithRandomFaults(QuivoSimulator simulator, long seed) {
        simulator.faults().random(seed, 0.5, "GET /sellers", Fault.serverError(), Fault.badGateway());
        Api api = new Api(simulator).login();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(api.get("/sellers").statusCode());
        }
        return statuses;
    }

    @Test
    void latencyDelaysThenServes(QuivoSimulator simulator) {
        Api api = new Api(simulator).login();
        simulator.faults().next(1, "GET /orders", Fault.latency(Duration.ofMillis(300)));
        long start = System.nanoTime();
        HttpResponse<String> response = api.get("/orders");
        assertTrue(System.nanoTime() - start >= 300_000_000L);
        assertEquals(200, response.statusCode());
        assertEquals("latency", simulator.stats().requestLog().get(1).fault());
        assertNull(simulator.stats().requestLog().get(0).fault());
    }

    @Test
    void unknownRouteNamesAreRefused(QuivoSimulator simulator) {
        assertThrows(IllegalArgumentException.class, () -> simulator.faults().next(1, "POST /order", Fault.forbidden()));
        assertThrows(IllegalArgumentException.class,
                () -> simulator.faults().random(1L, 2.0, "POST /orders", Fault.forbidden()));
    }
}
