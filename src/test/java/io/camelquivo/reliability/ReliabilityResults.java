package io.camelquivo.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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
        List<JsonNode> others = new ArrayList<>();
        List<JsonNode> orderRuns = new ArrayList<>();
        List<JsonNode> outageRuns = new ArrayList<>();
        results.path("runs").forEach(run -> (run.has("faultsByKind") ? orderRuns
                : run.has("outageSeconds") ? outageRuns : others).add(run));
        Comparator<JsonNode> byName = Comparator.comparing(run -> run.path("run").asText());
        orderRuns.sort(byName);
        outageRuns.sort(byName);
        others.sort(byName);
        if (!orderRuns.isEmpty()) {
            orderTable(out, orderRuns);
        }
        if (!outageRuns.isEmpty()) {
            out.append(orderRuns.isEmpty() ? "" : "\n");
            outageTable(out, outageRuns);
        }
        for (JsonNode run : others) {
            // a run of another shape: its figures as they are
            out.append(orderRuns.isEmpty() && outageRuns.isEmpty() && run == others.get(0) ? "" : "\n").append("- `")
                    .append(run.path("run").asText()).append("`:");
            for (Iterator<Map.Entry<String, JsonNode>> it = run.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> figure = it.next();
                if (!figure.getKey().equals("run")) {
                    out.append(' ').append(figure.getKey()).append(' ').append(figure.getValue().isTextual()
                            ? figure.getValue().asText() : figure.getValue().toString()).append(it.hasNext() ? "," : "");
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** One column per run, one row per figure: a few runs side by side read better than a wide table. */
    private static void orderTable(StringBuilder out, List<JsonNode> runs) {
        out.append("| figure |");
        runs.forEach(run -> out.append(" `").append(run.path("run").asText()).append("` |"));
        out.append("\n|---|");
        runs.forEach(run -> out.append("---|"));
        out.append('\n');
        row(out, runs, "date", run -> run.path("date").asText());
        row(out, runs, "orders (files / records)", run -> run.path("orders").asInt() + " (" + run.path("files").asInt()
                + " / " + run.path("records").asInt() + ")");
        row(out, runs, "invalid (Quivo answers 400)", run -> run.path("invalid").asText());
        row(out, runs, "valid, each in Quivo exactly once", run -> run.path("accepted").asText());
        row(out, runs, "invalid, dead-lettered (records written)", run -> run.path("deadLettered").asInt() + " ("
                + run.path("deadLetterRecords").asInt() + ")");
        row(out, runs, "dead-letters whose quivo.attempts counts every call of the order", run ->
                run.path("attemptsEqualToCalls").asText());
        row(out, runs, "faults injected", run -> run.path("faultsInjected").asText());
        for (String kind : KINDS) {
            row(out, runs, "&nbsp;&nbsp;" + label(kind), run -> run.path("faultsByKind").path(kind).asText("0"));
        }
        row(out, runs, "tokens expired on their own (401)", run -> run.path("expiredTokens").asText());
        row(out, runs, "creates (POST /orders)", run -> run.path("posts").asText());
        row(out, runs, "lookups (GET /orders?query=orderIdentifier:...)", run -> run.path("lookups").asText());
        row(out, runs, "logins", run -> run.path("logins").asText());
        row(out, runs, "SIGKILLs", run -> run.path("kills").asText());
        row(out, runs, "seconds from a SIGKILL to Quivo answering a call of a file / a record (slowest)",
                run -> run.has("filesResumeAfterKillSeconds") ? run.path("filesResumeAfterKillSeconds").asText() + " / "
                        + run.path("recordsResumeAfterKillSeconds").asText() : "");
        row(out, runs, "orders left in their source / route pauses", run -> run.path("leftInSource").asInt() + " / "
                + run.path("pauses").asInt());
        row(out, runs, "rate limit", run -> run.path("rateLimit").asText().equals("adaptive") ? "adaptive"
                : "fixed, " + run.path("rateLimit").asText() + "/s");
        row(out, runs, "seconds, first order to last settled", run -> run.path("seconds").asText());
        row(out, runs, "orders per second", run -> run.path("ordersPerSecond").asText());
        row(out, runs, "load average, start -> end", run -> run.path("loadAverage").asText());
    }

    /** The outages: what a user saw while each lasted, how soon the same process recovered, and the account. */
    private static void outageTable(StringBuilder out, List<JsonNode> runs) {
        out.append("| outage |");
        runs.forEach(run -> out.append(" `").append(run.path("run").asText()).append("` |"));
        out.append("\n|---|");
        runs.forEach(run -> out.append("---|"));
        out.append('\n');
        row(out, runs, "date", run -> run.path("date").asText());
        row(out, runs, "seconds of outage", run -> run.path("outageSeconds").asText());
        row(out, runs, "orders fed (files / records)", run -> (run.path("files").asInt() + run.path("records").asInt())
                + " (" + run.path("files").asInt() + " / " + run.path("records").asInt() + ")");
        row(out, runs, "valid, each in Quivo exactly once", run -> run.path("accepted").asText());
        row(out, runs, "invalid, dead-lettered once (valid ones dead-lettered: none)",
                run -> run.path("deadLettered").asText());
        row(out, runs, "orders created while it lasted", run -> run.path("createdDuringOutage").asText("0"));
        row(out, runs, "scrapes while it lasted: readiness DOWN / of all", run -> run.path("readinessDownScrapes")
                .asText() + " / " + run.path("scrapesDuringOutage").asText());
        row(out, runs, "readiness checks seen DOWN", run -> run.path("downChecksSeen").asText()
                .replace("[", "").replace("]", ""));
        row(out, runs, "scrapes with a paused route (`quivo_route_paused` 1)", run -> run.path("pausedGaugeScrapes").asText());
        row(out, runs, "seconds after it until ready, no route paused", run -> run.path("recoveredSecondsAfterOutage").asText());
        row(out, runs, "seconds after it until every order settled", run -> run.path("settledSecondsAfterOutage").asText());
        row(out, runs, "logins", run -> run.path("logins").asText());
        row(out, runs, "secret scan (log, every metrics scrape, dead-letters)", run -> run.path("secretScan").asText());
    }

    private static void row(StringBuilder out, List<JsonNode> runs, String figure,
            Function<JsonNode, String> value) {
        out.append("| ").append(figure).append(" |");
        runs.forEach(run -> out.append(' ').append(value.apply(run)).append(" |"));
        out.append('\n');
    }

    private static final List<String> KINDS = List.of("expiredToken", "throttled", "serverError", "unavailable",
            "gatewayTimeoutBeforeStore", "gatewayTimeoutAfterStore", "resetBeforeStore", "resetAfterStore");

    private static String label(String kind) {
        return switch (kind) {
            case "expiredToken" -> "401 expired token";
            case "throttled" -> "429";
            case "serverError" -> "500";
            case "unavailable" -> "503";
            case "gatewayTimeoutBeforeStore" -> "504 before the order is stored";
            case "gatewayTimeoutAfterStore" -> "504 after the order is stored";
            case "resetBeforeStore" -> "connection reset before storing";
            case "resetAfterStore" -> "connection reset after storing";
            default -> kind;
        };
    }

    private static Path basedir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    }
}
