package io.camelquivo.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.camelquivo.simulator.QuivoSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Looks for the account's secrets wherever a run leaves text a person or a tool may read: the service's
 * output, a scrape of its metrics, the dead-letter records' keys and headers. The secrets are the API key,
 * the password and every token the simulator issued during the run; one hit is a failure. A hit names the
 * secret's kind and where it was, never the secret itself, so the failure message does not leak it either.
 *
 * <pre>{@code
 * SecretScan scan = SecretScan.of(simulator);
 * scan.file(serviceLog);
 * scan.text("metrics", scrape);
 * scan.deadLetters(records);
 * scan.assertClean();
 * }</pre>
 */
public final class SecretScan {

    /** Length of a simulator token: 32 random bytes in unpadded base64url. */
    private static final int TOKEN_LENGTH = 43;

    private final Map<String, String> fixedSecrets = new LinkedHashMap<>();
    private final Set<String> tokens;
    private final List<String> hits = new ArrayList<>();
    private long scannedChars;
    private int sources;

    private SecretScan(Map<String, String> fixedSecrets, Set<String> tokens) {
        this.fixedSecrets.putAll(fixedSecrets);
        this.tokens = tokens;
        for (String token : tokens) {
            if (token.length() != TOKEN_LENGTH) {
                throw new IllegalArgumentException("a token of " + token.length() + " characters, not "
                        + TOKEN_LENGTH + ": the simulator changed how it makes tokens, adapt the scan");
            }
        }
    }

    /**
     * The simulator's API key and password, and every token it issued so far: call it once the run is over,
     * so that the last tokens are in.
     */
    public static SecretScan of(QuivoSimulator simulator) {
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put("the API key", requireDistinctive(simulator.apiKey()));
        fixed.put("the password", requireDistinctive(simulator.password()));
        return new SecretScan(fixed, new HashSet<>(simulator.issuedTokens()));
    }

    /**
     * A simulator whose API key and password are long and random, so that a scan for them means something; a
     * run started on it can be scanned with {@link #of(QuivoSimulator)}.
     */
    public static QuivoSimulator.Builder simulatorWithDistinctiveSecrets() {
        String run = java.util.UUID.randomUUID().toString();
        return QuivoSimulator.builder().apiKey("scan-api-key-" + run).password("scan-password-" + run);
    }

    /** A short or default secret would turn up by chance, and a scan for it proves nothing. */
    private static String requireDistinctive(String secret) {
        if (secret.length() < 12 || secret.equals(QuivoSimulator.DEFAULT_API_KEY)
                || secret.equals(QuivoSimulator.DEFAULT_PASSWORD)) {
            throw new IllegalArgumentException("give the simulator a distinctive API key and password of 12 or more"
                    + " characters, not the defaults: a scan for a common word proves nothing");
        }
        return secret;
    }

    public int tokenCount() {
        return tokens.size();
    }

    public long scannedChars() {
        return scannedChars;
    }

    public int sources() {
        return sources;
    }

    /** Scans a file as UTF-8 (malformed bytes replaced), line by line, so that a hit names its line. */
    public SecretScan file(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8);
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                scan(file.getFileName() + " line " + (i + 1), lines[i]);
            }
            sources++;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " for the secret scan", e);
        }
    }

    /** Scans any text, e.g. a scrape of {@code /observe/metrics}. */
    public SecretScan text(String where, String text) {
        scan(where, text);
        sources++;
        return this;
    }

    /** Scans each record's key and headers (names and values); the values are the orders' own bytes. */
    public SecretScan deadLetters(List<ConsumerRecord<byte[], byte[]>> records) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String at = "dead-letter record " + record.partition() + "/" + record.offset();
            if (record.key() != null) {
                scan(at + " key", new String(record.key(), StandardCharsets.UTF_8));
            }
            for (Header header : record.headers()) {
                scan(at + " header name " + header.key(), header.key());
                if (header.value() != null) {
                    scan(at + " header " + header.key(), new String(header.value(), StandardCharsets.UTF_8));
                }
            }
        }
        sources++;
        return this;
    }

    public List<String> hits() {
        return List.copyOf(hits);
    }

    /** Fails with every hit, by kind and place. */
    public void assertClean() {
        if (!hits.isEmpty()) {
            fail(hits.size() + " secret(s) found in the run's output:\n  " + String.join("\n  ",
                    hits.subList(0, Math.min(50, hits.size()))));
        }
    }

    private void scan(String where, String text) {
        scannedChars += text.length();
        fixedSecrets.forEach((kind, secret) -> {
            if (text.contains(secret)) {
                hits.add(kind + " in " + where);
            }
        });
        if (!tokens.isEmpty() && text.length() >= TOKEN_LENGTH) {
            scanForTokens(where, text);
        }
    }

    /**
     * Tokens are base64url: every run of base64url characters at least a token long is looked up window by
     * window in the set of issued tokens, one pass over the text however many tokens the run issued.
     */
    private void scanForTokens(String where, String text) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean tokenChar = i < text.length() && isBase64Url(text.charAt(i));
            if (tokenChar && start < 0) {
                start = i;
            } else if (!tokenChar && start >= 0) {
                for (int from = start; from + TOKEN_LENGTH <= i; from++) {
                    if (tokens.contains(text.substring(from, from + TOKEN_LENGTH))) {
                        hits.add("a session token in " + where);
                        return;
                    }
                }
                start = -1;
            }
        }
    }

    private static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
