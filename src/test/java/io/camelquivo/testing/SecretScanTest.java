package io.camelquivo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.simulator.QuivoSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan finds each kind of secret wherever it hides, and names where without repeating it. */
class SecretScanTest {

    private static final String API_KEY = "scan-test-api-key-7f3a9";
    private static final String PASSWORD = "scan-test-password-41c2e";

    @TempDir
    Path dir;

    @Test
    void findsTheKeyThePasswordAndAnIssuedTokenButNotWhatLooksLikeOne() throws Exception {
        try (QuivoSimulator quivo = QuivoSimulator.builder().apiKey(API_KEY).password(PASSWORD).build().start()) {
            String token = login(quivo);
            String lookalike = "A".repeat(43);
            Path log = Files.writeString(dir.resolve("service.log"), String.join("\n",
                    "08:00:00.000 INFO  Logged in to Quivo as sim-user",
                    "08:00:01.000 WARN  header Authorization: Bearer" + token + "xyz", // inside a longer run
                    "08:00:02.000 INFO  nothing here but " + lookalike,
                    "08:00:03.000 DEBUG body {\"password\":\"" + PASSWORD + "\"}"));
            ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("dlq", 0, 7, "ORDER-1".getBytes(), new byte[0]);
            record.headers().add("quivo.error", ("X-Api-Key " + API_KEY).getBytes(StandardCharsets.UTF_8));

            SecretScan scan = SecretScan.of(quivo).file(log).text("metrics", "quivo_logins_total 1.0\n")
                    .deadLetters(List.of(record));

            assertEquals(List.of("a session token in service.log line 2", "the password in service.log line 4",
                    "the API key in dead-letter record 0/7 header quivo.error"), scan.hits());
            AssertionError failure = assertThrows(AssertionError.class, scan::assertClean);
            assertFalse(failure.getMessage().contains(token) || failure.getMessage().contains(PASSWORD)
                    || failure.getMessage().contains(API_KEY), "the failure names places, not secrets");
            assertEquals(3, scan.sources());
        }
    }

    @Test
    void cleanOutputPasses() throws Exception {
        try (QuivoSimulator quivo = QuivoSimulator.builder().apiKey(API_KEY).password(PASSWORD).build().start()) {
            login(quivo);
            SecretScan scan = SecretScan.of(quivo).text("log", "Quivo accepted order A-1\nDead-lettering order A-2");
            scan.assertClean();
            assertTrue(scan.scannedChars() > 0);
        }
    }

    @Test
    void refusesTheDefaultCredentialsWhichProveNothing() {
        try (QuivoSimulator quivo = QuivoSimulator.builder().build().start()) {
            assertThrows(IllegalArgumentException.class, () -> SecretScan.of(quivo));
        }
    }

    private static String login(QuivoSimulator quivo) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(quivo.baseUrl() + "/login"))
                .header("X-Api-Key", API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + quivo.username() + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build();
        String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        String token = body.replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertEquals(List.of(token), quivo.issuedTokens());
        return token;
    }
}
