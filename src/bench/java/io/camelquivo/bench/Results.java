package io.camelquivo.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures and the details behind them; printed as a table, written as results.json, published on request. */
final class Results {

    static final String TABLE_START = "<!-- bench:figures -->";
    static final String TABLE_END = "<!-- /bench:figures -->";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Every figure by the phase that measures it, in the order the table shows them. */
    private static final Map<String, List<String>> PHASES = new LinkedHashMap<>();

    static {
        PHASES.put("client", List.of("quivo_vs_raw_c16", "quivo_vs_raw_c64", "quivo_vs_camel_http_c16",
                "quivo_vs_camel_http_c64", "quivo_p99_added_ms"));
        PHASES.put("expiry", List.of("logins_per_expiry"));
        PHASES.put("steady", List.of("unauthorized_in_steady_state"));
        PHASES.put("quota", List.of("goodput_ratio", "throttled_share"));
        PHASES.put("files", List.of("service_orders_per_s_files", "latency_efficiency_files"));
        PHASES.put("kafka", List.of("service_orders_per_s_kafka", "latency_efficiency_kafka"));
        PHASES.put("backlog", List.of("backlog_ok", "peak_rss_mb"));
        PHASES.put("ready", List.of("ready_ms"));
    }

    private static final List<String> ORDER = PHASES.values().stream().flatMap(List::stream).toList();

    /** Units and targets, so that a figure the bench could not measure still shows what it should have been. */
    private static final Map<String, Figure> SPECS = new LinkedHashMap<>();

    static {
        spec("quivo_vs_raw_c16", "x", Target.atLeast(0.95));
        spec("quivo_vs_raw_c64", "x", Target.atLeast(0.95));
        spec("quivo_vs_camel_http_c16", "x", Target.atLeast(1.0));
        spec("quivo_vs_camel_http_c64", "x", Target.atLeast(1.0));
        spec("quivo_p99_added_ms", "ms", Target.atMost(1));
        spec("logins_per_expiry", "", Target.exactly(1));
        spec("unauthorized_in_steady_state", "", Target.exactly(0));
        spec("goodput_ratio", "x", Target.atLeast(0.95));
        spec("throttled_share", "", Target.atMost(0.01));
        spec("service_orders_per_s_files", "orders/s", null);
        spec("latency_efficiency_files", "x", Target.atLeast(0.9));
        spec("service_orders_per_s_kafka", "orders/s", null);
        spec("latency_efficiency_kafka", "x", Target.atLeast(0.9));
        spec("backlog_ok", "", Target.isTrue());
        spec("peak_rss_mb", "MB", Target.atMost(400));
        spec("ready_ms", "ms", Target.atMost(3000));
    }

    private static void spec(String name, String unit, Target target) {
        SPECS.put(name, new Figure(name, null, unit, target, null));
    }

    /** The figure as its spec says, with its value and how it was measured. */
    static Figure figure(String name, Object value, String note) {
        Figure spec = SPECS.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("no such figure: " + name);
        }
        return new Figure(name, value, spec.unit(), spec.target(), note);
    }

    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final ObjectNode details = JSON.createObjectNode();
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    synchronized void add(Figure figure) {
        figures.put(figure.name(), figure);
    }

    synchronized ObjectNode detail(String name) {
        return details.has(name) ? (ObjectNode) details.get(name) : details.putObject(name);
    }

    synchronized boolean has(String name) {
        return figures.containsKey(name);
    }

    static List<String> figuresOf(String phase) {
        return PHASES.getOrDefault(phase, List.of());
    }

    synchronized List<Figure> figures() {
        List<Figure> sorted = new ArrayList<>(figures.values());
        sorted.sort(Comparator.comparingInt(f -> ORDER.contains(f.name()) ? ORDER.indexOf(f.name()) : ORDER.size()));
        return sorted;
    }

    ObjectNode details() {
        return details;
    }

    Instant started() {
        return started;
    }

    /** The table as the console shows it: each figure next to its target, pass or miss, or n/a and why. */
    String table() {
        StringBuilder out = new StringBuilder();
        String format = "%-30s %14s  %-10s %-5s %s%n";
        out.append(String.format(Locale.ROOT, format, "figure", "value", "target", "", "how / why"));
        out.append("-".repeat(110)).append('\n');
        for (Figure f : figures()) {
            String value = f.valueText() + (f.value() == null || f.unit().isEmpty() ? "" : " " + f.unit());
            out.append(String.format(Locale.ROOT, format, f.name(), value, f.target() == null ? "" : f.target(),
                    f.statusText(), f.note() == null ? "" : f.note()));
        }
        return out.toString();
    }

    /** The table for performance.md. */
    String markdown(double benchSeconds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Measured %s on %d cores, %s; the bench itself took %.0f s.%n%n",
                started, Runtime.getRuntime().availableProcessors(), javaText(), benchSeconds));
        out.append("| figure | value | target | result | how / why |\n|---|---|---|---|---|\n");
        for (Figure f : figures()) {
            String value = f.valueText() + (f.value() == null || f.unit().isEmpty() ? "" : " " + f.unit());
            out.append("| `").append(f.name()).append("` | ").append(value).append(" | ")
                    .append(f.target() == null ? "" : f.target().toString().replace("<", "&lt;")).append(" | ")
                    .append(f.statusText()).append(" | ").append(f.note() == null ? "" : f.note().replace("|", "/"))
                    .append(" |\n");
        }
        return out.toString();
    }

    void writeJson(Path file, double benchSeconds) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode machine = root.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryMb", memoryMb());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("java", javaText());
        root.put("date", started.toString());
        root.put("benchSeconds", Math.round(benchSeconds));
        ObjectNode out = root.putObject("figures");
        for (Figure f : figures()) {
            ObjectNode node = out.putObject(f.name());
            if (f.value() instanceof Boolean b) {
                node.put("value", b);
            } else if (f.value() instanceof Number n && f.status() != Figure.Status.NA) {
                node.put("value", n.doubleValue());
            } else {
                node.putNull("value");
            }
            node.put("unit", f.unit());
            node.put("target", f.target() == null ? null : f.target().toString());
            node.put("result", f.statusText().isEmpty() ? "measured" : f.statusText());
            node.put("note", f.note());
        }
        root.set("details", details);
        Files.writeString(file, JSON.writeValueAsString(root), StandardCharsets.UTF_8);
    }

    /** Replaces the figures between the markers of performance.md; the rest of the page is prose, left alone. */
    void publish(Path page, double benchSeconds) throws IOException {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int start = text.indexOf(TABLE_START);
        int end = text.indexOf(TABLE_END);
        if (start < 0 || end < start) {
            throw new IOException(page.getFileName() + " has no " + TABLE_START + " ... " + TABLE_END + " block");
        }
        String updated = text.substring(0, start + TABLE_START.length()) + "\n" + markdown(benchSeconds)
                + text.substring(end);
        Files.writeString(page, updated, StandardCharsets.UTF_8);
    }

    static String javaText() {
        return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    private static long memoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // unknown
        }
        return -1;
    }
}
