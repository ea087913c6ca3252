package io.camelquivo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthAndGatewayTest {

    @RegisterExtension
    static QuivoSimulatorExtension sim = new QuivoSimulatorExtension(QuivoSimulator.builder().maxBodyBytes(2048));

    private static void assertAnswer(HttpResponse<String> response, int status, String body, String contentType) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(body, response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(contentType),
                response.headers().toString());
    }

    @Test
    void loginGivesAnOpaqueTokenThatOpensTheOtherRoutes() {
        Api api = new Api(sim.simulator()).login();
        String first = api.token();
        assertTrue(first.length() >= 32);
        assertEquals(200, api.get("/warehouses").statusCode());
        assertNotEquals(first, new Api(sim.simulator()).login().token());
        assertEquals(2, sim.simulator().stats().logins());
        assertEquals(2, sim.simulator().stats().successfulLogins());
    }

    @Test
    void loginRejectsWrongAndMalformedCredentials() {
        Api api = new Api(sim.simulator());
        assertAnswer(Api.send(api.request("POST", "/login", "{\"username\":\"sim-user\",\"password\":\"nope\"}").build()),
                401, "{\"message\":\"Invalid username or password\"}", "application/json");
        assertAnswer(Api.send(api.request("POST", "/login", "{\"password\":\"sim-password\"}").build()),
                400, "username: must not be null", "text/plain");
        assertAnswer(Api.send(api.request("POST", "/login", "{\"username\":\"sim-user\"}").build()),
                400, "password: must not be null", "text/plain");
        assertAnswer(Api.send(api.request("POST", "/login", "{\"username\":").build()),
                400, "Malformed JSON request", "text/plain");
        assertEquals(4, sim.simulator().stats().logins());
        assertEquals(0, sim.simulator().stats().successfulLogins());
    }

    @Test
    void everyRouteNeedsTheApiKey() {
        Api api = new Api(sim.simulator()).login();
        HttpResponse<String> missing = Api.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/orders"))
                .header("Authorization", api.token()).build());
        assertAnswer(missing, 403, "{\"message\":\"Forbidden\"}", "application/json");
        HttpResponse<String> wrong = Api.send(api.authorized("GET", "/orders", null).setHeader("X-Api-Key", "x").build());
        assertAnswer(wrong, 403, "{\"message\":\"Forbidden\"}", "application/json");
        HttpResponse<String> wrongOnLogin = Api.send(api.request("POST", "/login",
                "{\"username\":\"sim-user\",\"password\":\"sim-password\"}").setHeader("X-Api-Key", "other").build());
        assertAnswer(wrongOnLogin, 403, "{\"message\":\"Forbidden\"}", "application/json");
    }

    @Test
    void authorizationMustHoldAKnownTokenRawOrBearer() {
        Api api = new Api(sim.simulator());
        assertAnswer(api.get("/orders"), 401, "{\"message\":\"Unauthorized\"}", "application/json");
        HttpResponse<String> unknown = Api.send(api.request("GET", "/orders", null).header("Authorization", "abc").build());
        assertAnswer(unknown, 401, "{\"message\":\"Unauthorized\"}", "application/json");
        api.login();
        HttpResponse<String> bearer = Api.send(api.request("GET", "/orders", null)
                .header("Authorization", "Bearer " + api.token()).build());
        assertEquals(200, bearer.statusCode());
        assertEquals(200, api.get("/orders").statusCode());
    }

    @Test
    void tokensExpireAfterTheLifetimeTheyWereIssuedWith() throws InterruptedException {
        QuivoSimulator simulator = sim.simulator();
        Api longLived = new Api(simulator).login();
        simulator.setTokenLifetime(Duration.ofSeconds(1));
        Api shortLived = new Api(simulator).login();
        assertEquals(200, shortLived.get("/sellers").statusCode());
        Thread.sleep(1100);
        assertAnswer(shortLived.get("/sellers"), 401, "{\"message\":\"The incoming token has expired\"}",
                "application/json");
        assertEquals(200, longLived.get("/sellers").statusCode());
    }

    @Test
    void expireAllTokensExpiresOnlyTokensIssuedSoFar() {
        QuivoSimulator simulator = sim.simulator();
        Api api = new Api(simulator).login();
        simulator.expireAllTokens();
        assertAnswer(api.get("/orders"), 401, "{\"message\":\"The incoming token has expired\"}", "application/json");
        assertEquals(200, api.login().get("/orders").statusCode());
        assertEquals(1, simulator.stats().calls("GET /orders", 401));
        assertEquals(1, simulator.stats().callsWithStatus(401));
    }

    @Test
    void resetForgetsTokens() {
        Api api = new Api(sim.simulator()).login();
        sim.simulator().reset();
        assertAnswer(api.get("/orders"), 401, "{\"message\":\"Unauthorized\"}", "application/json");
    }

    @Test
    void unknownPathsAndMethodsAreGatewayErrors() {
        Api api = new Api(sim.simulator()).login();
        assertAnswer(api.get("/nothing"), 404, "{\"message\":\"Not Found\"}", "application/json");
        assertAnswer(api.get("/orders/"), 404, "{\"message\":\"Not Found\"}", "application/json");
        HttpResponse<String> wrongMethod = Api.send(api.authorized("DELETE", "/orders", null).build());
        assertAnswer(wrongMethod, 405, "{\"message\":\"Method Not Allowed\"}", "application/json");
        assertEquals(2, sim.simulator().stats().callsWithStatus(404));
        RequestRecord unmatched = sim.simulator().stats().requestLog().get(1);
        assertEquals("/nothing", unmatched.path());
        assertNull(unmatched.route());
    }

    @Test
    void bodiesMustBeJsonOfAcceptableSize() {
        Api api = new Api(sim.simulator()).login();
        HttpResponse<String> text = Api.send(api.authorized("POST", "/orders", "x=1")
                .setHeader("Content-Type", "text/plain").build());
        assertAnswer(text, 415, "{\"message\":\"Unsupported Media Type\"}", "application/json");
        HttpResponse<String> charset = Api.send(api.authorized("POST", "/orders", Api.order("A-1").toString())
                .setHeader("Content-Type", "application/json; charset=UTF-8").build());
        assertEquals(200, charset.statusCode());
        String big = Api.order("A-2").put("comment", "x".repeat(5000)).toString();
        assertAnswer(api.post("/orders", big), 413, "{\"message\":\"Request Too Large\"}", "application/json");
        assertAnswer(api.post("/orders", "{not json"), 400, "Malformed JSON request", "text/plain");
        assertAnswer(api.post("/orders", "[1,2]"), 400, "Malformed JSON request", "text/plain");
        assertEquals(1, sim.simulator().orders().count());
    }

    @Test
    void refetchTakesNoBodyAndNoContentType() {
        Api api = new Api(sim.simulator()).login();
        api.createOrder("R-1");
        assertEquals(200, api.post("/orders/1/refetch", null).statusCode());
    }
}
