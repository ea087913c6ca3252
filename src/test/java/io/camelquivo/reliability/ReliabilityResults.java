package io.camelquivo.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of the reliability runs: each run adds its summary to {@code target/reliability/results.json}
 * (a later run of the same name replaces it), and with {@code -Dreliability.publish=true} the table between the
 * markers of connector-docs/reliability.md is written anew from that file, as the bench does for performance.md.
 */
public final class ReliabilityResults {

    static final String TABLE_START = "<!-- reliability:figures -->";
    static final String TABLE_END = "<!-- /reliability:figures -->";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReliabilityResults() {
    }

    /** Adds the run's summary to results.json, and to reliability.md when publishing is on. */
    public static synchronized void record(Map<String, Object> summary) throws IOException {
        Path file = basedir().resolve("target/reliability/results.json");
        Files.createDirectories(file.getParent());
        ObjectNode root = Files.isRegularFile(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
        ObjectNode machine = root.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("java", "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        ObjectNode runs = root.has("runs") ? (ObjectNode) root.get("runs") : root.putObject("runs");
        runs.set(String.valueOf(summary.get("run")), JSON.valueToTree(summary));
        Files.writeString(file, JSON.writeValueAsString(root), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("reliability.publish")) {
            publish(basedir().resolve("connector-docs/reliability.md"), root);
        }
    }

    /** Replaces the figures between the markers; the rest of the page is prose, left alone. */
    static void publish(Path page, JsonNode results) throws IOException {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int start = text.indexOf(TABLE_START);
        int end = text.indexOf(TABLE_END);
        if (start < 0 || end < start) {
            throw new IOException(page.getFileName() + " has no " + TABLE_START + " ... " + TABLE_END + " block");
        }
        String updated = text.substring(0, start + TABLE_START.length()) + "\n" + markdown(results)
                + text.substring(end);
        Files.writeString(page, updated, StandardCharsets.UTF_8);
    }

    static String markdown(JsonNode results) {
        StringBuilder out = new StringBuilder();
        JsonNode machine = results.path("machine");
        out.append(String.format(Locale.ROOT, "On %d cores, %s.%n%n", machine.path("cores").asInt(),
                machine.path("java").asText()));
        out.append("| run | date | orders (files / records) | invalid | accepted, each once | dead-lettered"
                + " (records) | faults injected | expired tokens | POSTs | lookups | logins | kills | left in source"
                + " / pauses | seconds | orders/s | load |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = results.path("runs").fields(); it.hasNext();) {
            JsonNode run = it.next().getValue();
            out.append("| `").append(run.path("run").asText()).append("` | ")
                    .append(run.path("date").asText()).append(" | ")
                    .append(run.path("orders").asInt()).append(" (").append(run.path("files").asInt()).append(" / ")
                    .append(run.path("records").asInt()).append(") | ")
                    .append(run.path("invalid").asInt()).append(" | ")
                    .append(run.path("accepted").asInt()).append(" | ")
                    .append(run.path("deadLettered").asInt()).append(" (")
                    .append(run.path("deadLetterRecords").asInt()).append(") | ")
                    .append(run.path("faultsInjected").asInt()).append(": ").append(faults(run.path("faultsByKind")))
                    .append(" | ")
                    .append(run.path("expiredTokens").asInt()).append(" | ")
                    .append(run.path("posts").asInt()).append(" | ")
                    .append(run.path("lookups").asInt()).append(" | ")
                    .append(run.path("logins").asInt()).append(" | ")
                    .append(run.path("kills").asInt()).append(" | ")
                    .append(run.path("leftInSource").asInt()).append(" / ").append(run.path("pauses").asInt())
                    .append(" | ")
                    .append(run.path("seconds").asText()).append(" | ")
                    .append(run.path("ordersPerSecond").asText()).append(" | ")
                    .append(run.path("loadAverage").asText()).append(" |\n");
        }
        return out.toString();
    }

    private static String faults(JsonNode byKind) {
        StringBuilder out = new StringBuilder();
        for (String kind : List.of("expiredToken", "throttled", "serverError", "unavailable", "gatewayTimeoutBeforeStore",
                "gatewayTimeoutAfterStore", "resetBeforeStore", "resetAfterStore")) {
            if (byKind.has(kind)) {
                out.append(out.isEmpty() ? "" : ", ").append(label(kind)).append(' ').append(byKind.get(kind).asInt());
            }
        }
        return out.toString();
    }

    private static String label(String kind) {
        return switch (kind) {
            case "expiredToken" -> "401";
            case "throttled" -> "429";
            case "serverError" -> "500";
            case "unavailable" -> "503";
            case "gatewayTimeoutBeforeStore" -> "504";
            case "gatewayTimeoutAfterStore" -> "504 after store";
            case "resetBeforeStore" -> "reset";
            case "resetAfterStore" -> "reset after store";
            default -> kind;
        };
    }

    private static Path basedir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    }
}
