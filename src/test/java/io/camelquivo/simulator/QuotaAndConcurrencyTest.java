package io.camelquivo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QuotaAndConcurrencyTest {

    @RegisterExtension
    static QuivoSimulatorExtension sim = new QuivoSimulatorExtension();

    @Test
    void emptyQuotaAnswers429WithoutRetryAfterExceptOnLogin(QuivoSimulator simulator) {
        Api api = new Api(simulator).login();
        simulator.quota(3, 0.0);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.get("/warehouses").statusCode());
        }
        HttpResponse<String> throttled = api.get("/orders");
        assertEquals(429, throttled.statusCode());
        assertEquals("{\"message\":\"Too Many Requests\"}", throttled.body());
        assertFalse(throttled.headers().firstValue("Retry-After").isPresent());
        api.login();
        assertEquals(1, simulator.stats().calls("GET /orders", 429));
        simulator.quotaOff();
        assertEquals(200, api.get("/orders").statusCode());
    }

    @Test
    void quotaRefillsOverTime(QuivoSimulator simulator) throws InterruptedException {
        Api api = new Api(simulator).login();
        simulator.quota(1, 20.0);
        assertEquals(200, api.get("/sellers").statusCode());
        assertEquals(429, api.get("/sellers").statusCode());
        Thread.sleep(120);
        assertEquals(200, api.get("/sellers").statusCode());
    }

    @Test
    void onRequestAnExceededQuotaSaysWhenATokenIsBackInWholeSeconds(QuivoSimulator simulator) {
        Api api = new Api(simulator).login();
        simulator.quota(1, 0.5);
        simulator.quotaRetryAfter(true);
        assertEquals(200, api.get("/sellers").statusCode());

        HttpResponse<String> throttled = api.get("/sellers");

        assertEquals(429, throttled.statusCode());
        assertEquals("2", throttled.headers().firstValue("Retry-After").orElseThrow(), "one token at 0.5/s: 2 s");
        simulator.quota(1, 0.0);
        assertEquals(200, api.get("/sellers").statusCode());
        assertFalse(api.get("/sellers").headers().firstValue("Retry-After").isPresent(),
                "a bucket that never refills names no time");
        simulator.reset();
        simulator.quota(1, 0.5);
        api.login();
        api.get("/sellers");
        assertFalse(api.get("/sellers").headers().firstValue("Retry-After").isPresent(), "reset turns it off");
    }

    @Test
    void countersAreExactUnder256ConcurrentCalls(QuivoSimulator simulator) {
        List<CompletableFuture<HttpResponse<String>>> logins = new ArrayList<>();
        Api anonymous = new Api(simulator);
        for (int i = 0; i < 32; i++) {
            logins.add(Api.HTTP.sendAsync(anonymous.request("POST", "/login",
                    "{\"username\":\"sim-user\",\"password\":\"sim-password\"}").build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        logins.forEach(CompletableFuture::join);

        Api api = new Api(simulator).login();
        // 200 distinct identifiers and 56 repeats racing the originals: exactly one of each pair may win.
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            calls.add(api.postAsync("/orders", Api.order("L-" + (i % 200)).toString()));
        }
        List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

        assertEquals(200, statuses.stream().filter(s -> s == 200).count());
        assertEquals(56, statuses.stream().filter(s -> s == 409).count());
        SimulatorStats stats = simulator.stats();
        assertEquals(33, stats.logins());
        assertEquals(33, stats.successfulLogins());
        assertEquals(256, stats.calls("POST /orders"));
        assertEquals(200, stats.calls("POST /orders", 200));
        assertEquals(56, stats.calls("POST /orders", 409));
        assertEquals(56, stats.callsWithStatus(409));
        assertEquals(256 + 33, stats.requestLog().size());
        assertEquals(289, stats.calls("*"));
        assertEquals(200, simulator.orders().count());
        Set<Long> ids = simulator.orders().all().stream().map(o -> o.get("orderId").asLong())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(200, ids.size());
        assertEquals(200L, ((TreeSet<Long>) ids).last());
        JsonNode listed = Api.json(api.get("/orders?pageSize=1000"));
        assertEquals(200, listed.size());
    }
}
