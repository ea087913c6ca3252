package io.camelquivo.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.SecretScan;
import io.camelquivo.testing.TestKafka;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The API behind the dead-letter console, against the service on the simulator and a real broker: list, filter,
 * show, edit and send again, send a selection again, the replay limit, the audit topic, sign-in and forgery.
 */
@Timeout(180)
class DeadLetterConsoleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static ConsoleService console;
    /** Every answer of the console, scanned for secrets at the end of each test that adds to it. */
    private final List<String> answers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        console = ConsoleService.shared();
    }

    @Test
    void withoutTheTokenNothingIsShown() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(console.base())).GET());
        assertEquals(401, page.statusCode());
        assertTrue(page.body().contains("name=\"token\""), "the sign-in form: " + page.body());
        assertEquals(401, send(HttpRequest.newBuilder(URI.create(console.base() + "/api/records")).GET()).statusCode());
        assertEquals(401, send(HttpRequest.newBuilder(URI.create(console.base() + "/api/records"))
                .header("Authorization", "Bearer not-" + ConsoleService.TOKEN).GET()).statusCode());
        assertEquals(401, send(HttpRequest.newBuilder(URI.create(console.base() + "/console.js")).GET()).statusCode());
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(URI.create(console.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=nope")));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty(), "no session for a wrong token");
        assertEquals(401, post("/api/resend", "{\"by\":\"x\",\"records\":[{\"id\":\"0-0\"}]}", Map.of()).statusCode());
    }

    @Test
    void aRejectedOrderIsListedShownFixedAndAcceptedAndTheAuditSaysWho() throws Exception {
        String id = "FIX-" + UUID.randomUUID().toString().substring(0, 8);
        console.drop(id, Orders.withoutPositions(id));
        JsonNode row = awaitOne("origin=" + id, r -> true);
        assertEquals("400", row.path("status").asText());
        assertEquals("backend", row.path("source").asText());
        assertEquals("orders.create", row.path("operation").asText());
        assertEquals("file:" + id + ".json", row.path("origin").asText());
        assertEquals("1", row.path("attempts").asText());
        assertEquals(id, row.path("key").asText());
        assertTrue(row.path("reason").asText().contains("positions"), row.toString());
        assertTrue(row.path("replayable").asBoolean());

        // filters: each narrows, and the counts at the top count the window
        JsonNode list = records("status=400&reason=POSITIONS&source=backend&operation=orders.create&origin=" + id);
        assertEquals(1, list.path("matched").asInt());
        assertEquals(0, records("status=500&origin=" + id).path("matched").asInt());
        assertEquals(0, records("source=gateway&origin=" + id).path("matched").asInt());
        assertEquals(0, records("from=2999-01-01T00:00:00Z&origin=" + id).path("matched").asInt());
        assertTrue(list.path("counts").path("status").path("400").asInt() >= 1, list.path("counts").toString());
        assertEquals(400, get("/api/records?from=yesterday").statusCode());

        JsonNode shown = json(get("/api/records/" + row.path("id").asText()));
        assertTrue(shown.path("json").asBoolean());
        assertTrue(shown.path("pretty").asText().contains("\n  \"orderIdentifier\" : \"" + id + "\""),
                shown.path("pretty").asText());
        assertEquals("400", shown.path("headers").path("quivo.status").asText());
        assertTrue(shown.path("headers").has("quivo.failed.at"));
        assertEquals(404, get("/api/records/0-999999").statusCode());

        HttpResponse<String> resent = post("/api/resend", JSON.writeValueAsString(Map.of("by", "Erika",
                "records", List.of(Map.of("id", row.path("id").asText(), "payload", Orders.valid(id))))), bearer());
        assertEquals(200, resent.statusCode(), resent.body());
        JsonNode answer = JSON.readTree(resent.body());
        assertEquals(1, answer.path("sent").size(), resent.body());
        String replayId = answer.path("sent").get(0).path("replayId").asText();

        awaitTrue("the fixed order in Quivo", () -> console.simulator.orders().byIdentifier(id).size() == 1);
        JsonNode replay = awaitReplay(replayId, "accepted");
        assertEquals("Erika", replay.path("by").asText());
        assertTrue(replay.path("edited").asBoolean());
        assertEquals(1, replay.path("count").asInt());
        JsonNode after = awaitOne("origin=" + id, r -> r.has("sentAgain"));
        assertEquals("accepted", after.path("sentAgain").get(0).path("outcome").asText());
        assertEquals("Erika", after.path("sentAgain").get(0).path("by").asText());
        scanAnswers();
    }

    @Test
    void aSelectionSentAgainUnchangedFailsAgainAndCountsItsReplays() throws Exception {
        String marker = "BULK-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            console.drop(marker + "-" + i, Orders.withoutPositions(marker + "-" + i));
        }
        JsonNode list = awaitList("origin=" + marker, l -> l.path("matched").asInt() == 3);
        List<Map<String, String>> ids = new ArrayList<>();
        list.path("records").forEach(r -> ids.add(Map.of("id", r.path("id").asText())));

        JsonNode answer = json(post("/api/resend", JSON.writeValueAsString(Map.of("by", "Max", "records", ids)),
                bearer()));
        assertEquals(3, answer.path("sent").size(), answer.toString());
        for (JsonNode sent : answer.path("sent")) {
            assertEquals("dead-lettered", awaitReplay(sent.path("replayId").asText(), "dead-lettered")
                    .path("outcome").asText());
        }
        // dead-lettered again, from the replay topic, saying which replay it was
        JsonNode again = awaitList("reason=positions&origin=kafka:quivo.dlq.replay", l -> count(l, marker) == 3);
        for (JsonNode row : again.path("records")) {
            if (row.path("key").asText().startsWith(marker)) {
                assertEquals(1, row.path("replays").asInt(), row.toString());
                assertTrue(row.path("replayable").asBoolean());
                JsonNode shown = json(get("/api/records/" + row.path("id").asText()));
                assertEquals("1", shown.path("headers").path("quivo.replay.count").asText());
                assertEquals("Max", shown.path("headers").path("quivo.replay.by").asText());
            }
        }
        assertEquals(0, console.simulator.orders().byIdentifier(marker + "-0").size());
        scanAnswers();
    }

    @Test
    void pastTheLimitARecordIsNotSentAgainAndThePageSaysWhy() throws Exception {
        String id = "LIMIT-" + UUID.randomUUID().toString().substring(0, 8);
        deadLetterOfAReplay(id, 3);
        JsonNode row = awaitOne("origin=" + id, r -> true);
        assertFalse(row.path("replayable").asBoolean());
        assertTrue(row.path("notReplayable").asText().contains("limit is 3"), row.toString());
        JsonNode answer = json(post("/api/resend", JSON.writeValueAsString(Map.of("by", "Max",
                "records", List.of(Map.of("id", row.path("id").asText())))), bearer()));
        assertEquals(0, answer.path("sent").size());
        assertTrue(answer.path("refused").get(0).path("reason").asText().contains("limit"), answer.toString());
    }

    /** The limit counts the sends from one record too: sending the same record again and again meets it. */
    @Test
    void oneRecordSentAgainAndAgainMeetsTheLimitToo() throws Exception {
        String id = "AGAIN-" + UUID.randomUUID().toString().substring(0, 8);
        deadLetterOfAReplay(id, 2);
        JsonNode row = awaitOne("origin=" + id, r -> true);
        assertTrue(row.path("replayable").asBoolean(), "sent again twice before: once more is allowed");
        String resend = JSON.writeValueAsString(Map.of("by", "Max", "records", List.of(Map.of("id",
                row.path("id").asText()))));

        JsonNode first = json(post("/api/resend", resend, bearer()));
        assertEquals(1, first.path("sent").size(), first.toString());
        assertEquals(3, first.path("sent").get(0).path("count").asInt());
        JsonNode after = awaitOne("origin=" + id, r -> r.has("sentAgain"));
        assertEquals(3, after.path("replays").asInt(), after.toString());
        assertFalse(after.path("replayable").asBoolean(), after.toString());

        JsonNode second = json(post("/api/resend", resend, bearer()));
        assertEquals(0, second.path("sent").size(), second.toString());
        assertTrue(second.path("refused").get(0).path("reason").asText().contains("limit is 3"), second.toString());
    }

    /** Not only orders.create: the record's operation and parameters make the same call again. */
    @Test
    void aRecordOfAnotherOperationIsSentToItsOwnCall() throws Exception {
        String id = "UPD-" + UUID.randomUUID().toString().substring(0, 8);
        console.drop(id, Orders.valid(id));
        awaitTrue("the order in Quivo", () -> console.simulator.orders().byIdentifier(id).size() == 1);
        String orderId = console.simulator.orders().byIdentifier(id).get(0).path("orderId").asText();
        console.deadLetter(id, "{\"comment\":\"" + id + "\"}", Map.of("quivo.status", "500", "quivo.error",
                "boom", "quivo.error.source", "backend", "quivo.operation", "orders.update", "quivo.attempts", "4",
                "quivo.origin", "route:" + id, "quivo.failed.at", "2025-01-01T00:00:00Z", "quivo.exception",
                "io.camelquivo.error.QuivoServerErrorException", "quivo.param.orderId", orderId));
        JsonNode row = awaitOne("origin=route:" + id, r -> true);
        JsonNode answer = json(post("/api/resend", JSON.writeValueAsString(Map.of("by", "Ops",
                "records", List.of(Map.of("id", row.path("id").asText())))), bearer()));
        awaitReplay(answer.path("sent").get(0).path("replayId").asText(), "accepted");
        assertTrue(console.simulator.stats().requestLog().stream().anyMatch(call -> call.method().equals("PATCH")
                && call.path().equals("/orders/" + orderId) && call.body().contains(id)),
                "PATCH /orders/" + orderId + " with the record's payload");
    }

    @Test
    void aCallThatChangesSomethingNeedsThePagesValueOrTheBearerToken() throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(console.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token="
                        + URLEncoder.encode(ConsoleService.TOKEN, StandardCharsets.UTF_8))));
        assertEquals(303, login.statusCode());
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("httponly") && setCookie.contains("SameSite=Strict"), setCookie);
        assertFalse(setCookie.contains(ConsoleService.TOKEN), "the cookie is not the token");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(console.base())).header("Cookie", cookie).GET());
        assertEquals(200, page.statusCode());
        String csrf = page.body().replaceAll("(?s).*name=\"quivo-csrf\" content=\"([^\"]+)\".*", "$1");
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(console.base() + "/api/records"))
                .header("Cookie", cookie).GET()).statusCode());

        String body = "{\"by\":\"x\",\"records\":[{\"id\":\"0-999999\"}]}";
        assertEquals(403, post("/api/resend", body, Map.of("Cookie", cookie)).statusCode(), "no anti-forgery value");
        assertEquals(403, post("/api/resend", body, Map.of("Cookie", cookie, "X-Quivo-Csrf", "guess")).statusCode());
        assertEquals(403, post("/api/resend", body, Map.of("Cookie", cookie, "X-Quivo-Csrf", csrf,
                "Origin", "https://evil.example")).statusCode(), "another site");
        HttpResponse<String> allowed = post("/api/resend", body, Map.of("Cookie", cookie, "X-Quivo-Csrf", csrf,
                "Origin", "http://127.0.0.1:" + console.service.managementPort()));
        assertEquals(200, allowed.statusCode(), allowed.body());
        assertTrue(allowed.body().contains("not on the dead-letter topic"), allowed.body());
        assertEquals(400, post("/api/resend", "{\"records\":[{\"id\":\"0-1\"}]}", bearer()).statusCode(), "no name");
        answers.add(page.body());
        scanAnswers();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private void scanAnswers() throws Exception {
        answers.add(get("/api/records").body());
        answers.add(get("/api/replays").body());
        answers.add(get("").body());
        answers.add(get("/console.js").body());
        JsonNode all = JSON.readTree(get("/api/records?limit=50").body());
        for (JsonNode row : all.path("records")) {
            answers.add(get("/api/records/" + row.path("id").asText()).body());
        }
        SecretScan scan = SecretScan.of(console.simulator);
        for (int i = 0; i < answers.size(); i++) {
            scan.text("console answer " + i, answers.get(i));
            assertFalse(answers.get(i).contains(ConsoleService.TOKEN), "the console's token in answer " + i);
        }
        scan.assertClean();
    }

    /** A rejected order's dead-letter as the replay route writes it, after {@code replays} replays. */
    private void deadLetterOfAReplay(String id, int replays) {
        console.deadLetter(id, Orders.withoutPositions(id), Map.of("quivo.status", "400", "quivo.error",
                "positions: must not be null", "quivo.error.source", "backend", "quivo.operation", "orders.create",
                "quivo.attempts", "1", "quivo.origin", "kafka:quivo.dlq.replay/0/" + id, "quivo.failed.at",
                "2025-01-01T00:00:00Z", "quivo.exception", "io.camelquivo.error.QuivoRejectedException",
                "quivo.replay.count", String.valueOf(replays)));
    }

    private static Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + ConsoleService.TOKEN);
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(console.base() + path))
                .header("Authorization", "Bearer " + ConsoleService.TOKEN).GET());
        answers.add(answer.body());
        return answer;
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(console.base() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> answer = send(request);
        answers.add(answer.body());
        return answer;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode records(String query) throws Exception {
        return json(get("/api/records?" + query));
    }

    private static JsonNode json(HttpResponse<String> answer) throws Exception {
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    private static int count(JsonNode list, String keyPrefix) {
        int n = 0;
        for (JsonNode row : list.path("records")) {
            if (row.path("key").asText().startsWith(keyPrefix)) {
                n++;
            }
        }
        return n;
    }

    private JsonNode awaitList(String query, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode list = records(query);
        while (!done.test(list)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + query + " -> " + list);
            }
            Thread.sleep(300);
            list = records(query);
        }
        return list;
    }

    private JsonNode awaitOne(String query, Predicate<JsonNode> done) throws Exception {
        return awaitList(query, l -> l.path("matched").asInt() == 1 && done.test(l.path("records").get(0)))
                .path("records").get(0);
    }

    private JsonNode awaitReplay(String replayId, String outcome) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            for (JsonNode replay : json(get("/api/replays")).path("replays")) {
                if (replay.path("replayId").asText().equals(replayId) && replay.path("outcome").asText().equals(outcome)) {
                    return replay;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("replay " + replayId + " did not end " + outcome + " within 60 s: "
                        + get("/api/replays").body());
            }
            Thread.sleep(300);
        }
    }

    private static void awaitTrue(String what, java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within 60 s");
            }
            Thread.sleep(200);
        }
    }
}
