package io.camelquivo.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelquivo.console.TopicWindow.Entry;
import io.camelquivo.console.TopicWindow.Position;
import io.camelquivo.kafka.DeadLetterRecord;
import io.camelquivo.kafka.QuivoKafkaComponent;
import io.camelquivo.kafka.Replay;
import io.camelquivo.kafka.ReplayRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the console's API answers, apart from HTTP: the dead-letter topic's window as a filtered list with
 * counts, one record with its payload, and sending records again through the replay topic, each sending and
 * each outcome on the audit topic. Every text that leaves here passes {@link #scrub}: the account's secrets
 * never do, whatever a payload or an error text holds.
 */
final class DeadLetters {

    static final int MAX_ROWS = 1000;
    static final int MAX_RESEND = 1000;
    private static final Pattern SECRET_HEADER = Pattern.compile(
            "(?i).*(authorization|api.?key|password|passwd|token|secret|cookie).*");
    private static final String HIDDEN = "(hidden)";

    private final ObjectMapper json = new ObjectMapper();
    private final TopicWindow deadLetters;
    private final TopicWindow audit;
    private final ProducerTemplate template;
    private final String replayTopic;
    private final int maxCount;
    private final List<String> secrets;

    DeadLetters(TopicWindow deadLetters, TopicWindow audit, ProducerTemplate template, String replayTopic,
            int maxCount, List<String> secrets) {
        this.deadLetters = deadLetters;
        this.audit = audit;
        this.template = template;
        this.replayTopic = replayTopic;
        this.maxCount = maxCount;
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
    }

    /** The filters of the list, each optional: exact status, source, operation; parts of reason and origin; times. */
    record Filter(String status, String reason, String source, String operation, String origin, Instant from,
            Instant to) {

        Predicate<Entry> predicate() {
            return entry -> exact(status, entry.headers().get(DeadLetterRecord.STATUS))
                    && contains(reason, entry.headers().get(DeadLetterRecord.ERROR))
                    && exact(source, entry.headers().get(DeadLetterRecord.ERROR_SOURCE))
                    && exact(operation, entry.headers().get(DeadLetterRecord.OPERATION))
                    && contains(origin, entry.headers().get(DeadLetterRecord.ORIGIN))
                    && (from == null || entry.timestamp() >= from.toEpochMilli())
                    && (to == null || entry.timestamp() <= to.toEpochMilli());
        }

        private static boolean exact(String wanted, String value) {
            return wanted == null || wanted.isBlank() || wanted.equals(value);
        }

        private static boolean contains(String wanted, String value) {
            return wanted == null || wanted.isBlank()
                    || value != null && value.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
        }
    }

    /** The newest records that match, at most {@code limit}, with the window's counts by status and reason. */
    ObjectNode list(Filter filter, int limit) {
        List<Entry> window = deadLetters.entries();
        Map<String, List<ObjectNode>> sentAgain = sentAgain();
        ObjectNode answer = json.createObjectNode();
        answer.put("topic", deadLetters.topic());
        answer.put("window", deadLetters.window());
        answer.put("inWindow", window.size());
        answer.put("readNow", deadLetters.lastReadCount());
        answer.put("maxReplays", maxCount);
        ObjectNode counts = answer.putObject("counts");
        counts.set("status", counts(window, e -> e.headers().getOrDefault(DeadLetterRecord.STATUS, "")));
        counts.set("reason", counts(window, e -> shorten(e.headers().getOrDefault(DeadLetterRecord.ERROR, ""))));
        counts.set("source", counts(window, e -> e.headers().getOrDefault(DeadLetterRecord.ERROR_SOURCE, "")));
        counts.set("operation", counts(window, e -> e.headers().getOrDefault(DeadLetterRecord.OPERATION, "")));
        ArrayNode rows = answer.putArray("records");
        int matched = 0;
        Predicate<Entry> matches = filter.predicate();
        for (Entry entry : window) {
            if (matches.test(entry)) {
                if (matched < limit) {
                    rows.add(summary(entry, sentAgain.get(deadLetters.topic() + "/" + entry.partition() + "/"
                            + entry.offset())));
                }
                matched++;
            }
        }
        answer.put("matched", matched);
        return answer;
    }

    /** One record: its summary, its headers and its payload (pretty-printed when it is JSON); null if not found. */
    ObjectNode show(String id) {
        Position position = Position.parse(id);
        ConsumerRecord<byte[], byte[]> record = deadLetters.fetch(List.of(position)).get(position);
        if (record == null) {
            return null;
        }
        Entry entry = TopicWindow.entry(record, false);
        ObjectNode answer = summary(entry, sentAgain().get(deadLetters.topic() + "/" + id.replace('-', '/')));
        ObjectNode headers = answer.putObject("headers");
        entry.headers().forEach((name, value) ->
                headers.put(name, SECRET_HEADER.matcher(name).matches() ? HIDDEN : scrub(value)));
        String payload = new String(record.value() == null ? new byte[0] : record.value(), StandardCharsets.UTF_8);
        answer.put("payload", scrub(payload));
        try {
            JsonNode tree = json.readTree(payload);
            answer.put("json", tree != null && (tree.isObject() || tree.isArray()));
            if (tree != null && (tree.isObject() || tree.isArray())) {
                answer.put("pretty", scrub(json.writerWithDefaultPrettyPrinter().writeValueAsString(tree)));
            }
        } catch (Exception notJson) {
            answer.put("json", false);
        }
        return answer;
    }

    /** Every replay the audit topic holds, newest first: who sent what, and how it ended. */
    ObjectNode replays() {
        ObjectNode answer = json.createObjectNode();
        ArrayNode list = answer.putArray("replays");
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        for (Entry entry : audit.entries()) { // newest first
            ObjectNode line = auditLine(entry);
            if (line == null) {
                continue;
            }
            String id = line.path("replayId").asText();
            ObjectNode merged = byId.computeIfAbsent(id, key -> json.createObjectNode());
            String outcome = line.path("outcome").asText();
            if (outcome.equals("sent")) {
                line.fields().forEachRemaining(field -> {
                    if (!field.getKey().equals("outcome") || !merged.has("outcome")) {
                        merged.set(field.getKey(), field.getValue());
                    }
                });
                merged.put("sentAt", line.path("at").asText());
            } else if (!merged.has("outcome") || merged.path("outcome").asText().equals("sent")) {
                merged.put("outcome", outcome);
                merged.set("status", line.get("status"));
                merged.set("detail", line.get("detail"));
                merged.put("endedAt", line.path("at").asText());
                merged.put("replayId", id);
            }
        }
        byId.values().stream()
                .sorted(Comparator.comparing((ObjectNode n) -> n.path("sentAt").asText(n.path("endedAt").asText()))
                        .reversed())
                .forEach(list::add);
        return answer;
    }

    /** A resend: each record as it is, or with the payload given; refused past the replay limit. */
    ObjectNode resend(String by, List<Map.Entry<String, String>> requests) {
        Map<Position, String> edited = new LinkedHashMap<>();
        for (Map.Entry<String, String> request : requests) {
            edited.put(Position.parse(request.getKey()), request.getValue());
        }
        Map<Position, ConsumerRecord<byte[], byte[]>> records = deadLetters.fetch(edited.keySet());
        Map<String, List<ObjectNode>> sentAgain = sentAgain();
        ObjectNode answer = json.createObjectNode();
        ArrayNode sent = answer.putArray("sent");
        ArrayNode refused = answer.putArray("refused");
        for (Map.Entry<Position, String> request : edited.entrySet()) {
            ConsumerRecord<byte[], byte[]> record = records.get(request.getKey());
            String id = request.getKey().id();
            List<ObjectNode> sentFromHere = record == null ? null
                    : sentAgain.get(deadLetters.topic() + "/" + record.partition() + "/" + record.offset());
            String why = record == null ? "not on the dead-letter topic (any more)"
                    : whyNot(TopicWindow.entry(record, false), sentFromHere);
            if (why != null) {
                refused.addObject().put("id", id).put("reason", why);
                continue;
            }
            ObjectNode done = send(by, record, request.getValue(), sentFromHere);
            done.put("id", id);
            sent.add(done);
        }
        return answer;
    }

    private ObjectNode send(String by, ConsumerRecord<byte[], byte[]> record, String payload,
            List<ObjectNode> sentFromHere) {
        Entry entry = TopicWindow.entry(record, false);
        int count = replays(entry, sentFromHere) + 1;
        String replayId = UUID.randomUUID().toString();
        String of = deadLetters.topic() + "/" + record.partition() + "/" + record.offset();
        String operation = entry.headers().getOrDefault(DeadLetterRecord.OPERATION, "orders.create");
        byte[] value = payload != null ? payload.getBytes(StandardCharsets.UTF_8) : record.value();
        Exchange written = template.send(QuivoKafkaComponent.SCHEME + ":" + replayTopic, exchange -> {
            exchange.getMessage().setBody(value == null ? new byte[0] : value);
            if (entry.key() != null) {
                exchange.getMessage().setHeader(KafkaConstants.KEY, entry.key());
            }
            exchange.getMessage().setHeader(DeadLetterRecord.OPERATION, operation);
            entry.headers().forEach((name, text) -> {
                if (name.startsWith(Replay.PARAM)) {
                    exchange.getMessage().setHeader(name, text);
                }
            });
            exchange.getMessage().setHeader(Replay.COUNT, Integer.toString(count));
            exchange.getMessage().setHeader(Replay.ID, replayId);
            exchange.getMessage().setHeader(Replay.OF, of);
            exchange.getMessage().setHeader(Replay.BY, by);
        });
        if (written.getException() != null) {
            throw new IllegalStateException("the replay topic " + replayTopic + " could not be written: "
                    + written.getException().getMessage(), written.getException());
        }
        ObjectNode line = json.createObjectNode();
        line.put("replayId", replayId);
        line.put("outcome", "sent");
        line.put("at", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        line.put("by", by);
        line.put("of", of);
        line.put("operation", operation);
        line.put("key", entry.key());
        line.put("edited", payload != null);
        line.put("count", count);
        try {
            template.sendBodyAndHeader(QuivoKafkaComponent.SCHEME + ":" + audit.topic(), json.writeValueAsBytes(line),
                    KafkaConstants.KEY, replayId);
        } catch (Exception e) {
            throw new IllegalStateException("sent again as replay " + replayId + ", but the audit topic "
                    + audit.topic() + " could not be written: " + e.getMessage(), e);
        }
        return json.createObjectNode().put("replayId", replayId).put("count", count);
    }

    /** Null when the record may be sent again, else why not, as the page says it. */
    String whyNot(Entry entry, List<ObjectNode> sentFromHere) {
        int replays = replays(entry, sentFromHere);
        if (replays >= maxCount) {
            return "sent again " + replays + " times already: the limit is " + maxCount
                    + " (quivo.replay.max-count)";
        }
        if (entry.headers().containsKey("quivo.payload.file")) {
            return "its payload is in the quarantine folder, not on the topic";
        }
        String operation = entry.headers().getOrDefault(DeadLetterRecord.OPERATION, "orders.create");
        if (ReplayRequest.sendable(operation) == null) {
            return "'" + operation + "' is not an operation that can be sent again";
        }
        return null;
    }

    /**
     * How often the order was sent again so far: the replays before this record (its count header) and those
     * sent from this record itself, so that sending one record again and again meets the limit too.
     */
    private static int replays(Entry entry, List<ObjectNode> sentFromHere) {
        int before = replays(entry);
        return before == Integer.MAX_VALUE ? before : before + (sentFromHere == null ? 0 : sentFromHere.size());
    }

    private static int replays(Entry entry) {
        try {
            return Integer.parseInt(entry.headers().getOrDefault(Replay.COUNT, "0").trim());
        } catch (NumberFormatException unreadable) {
            return Integer.MAX_VALUE;
        }
    }

    private ObjectNode summary(Entry entry, List<ObjectNode> sentAgain) {
        Map<String, String> h = entry.headers();
        ObjectNode row = json.createObjectNode();
        row.put("id", entry.id());
        row.put("time", Instant.ofEpochMilli(entry.timestamp()).toString());
        row.put("key", scrub(entry.key()));
        row.put("status", h.get(DeadLetterRecord.STATUS));
        row.put("reason", scrub(h.get(DeadLetterRecord.ERROR)));
        row.put("source", h.get(DeadLetterRecord.ERROR_SOURCE));
        row.put("operation", h.get(DeadLetterRecord.OPERATION));
        row.put("origin", scrub(h.get(DeadLetterRecord.ORIGIN)));
        row.put("attempts", h.get(DeadLetterRecord.ATTEMPTS));
        row.put("failedAt", h.get(DeadLetterRecord.FAILED_AT));
        int replays = replays(entry, sentAgain);
        row.put("replays", replays == Integer.MAX_VALUE ? -1 : replays);
        row.put("size", entry.size());
        String why = whyNot(entry, sentAgain);
        row.put("replayable", why == null);
        if (why != null) {
            row.put("notReplayable", why);
        }
        if (sentAgain != null && !sentAgain.isEmpty()) {
            ArrayNode list = row.putArray("sentAgain");
            sentAgain.forEach(list::add);
        }
        return row;
    }

    /** The audit's "sent" lines by the dead-letter record they were made from, with each one's outcome. */
    private Map<String, List<ObjectNode>> sentAgain() {
        Map<String, List<ObjectNode>> byRecord = new HashMap<>();
        for (JsonNode replay : replays().path("replays")) {
            String of = replay.path("of").asText(null);
            if (of != null && replay.has("by")) {
                ObjectNode line = json.createObjectNode();
                line.put("replayId", replay.path("replayId").asText());
                line.put("by", replay.path("by").asText());
                line.put("at", replay.path("sentAt").asText());
                line.put("outcome", replay.path("outcome").asText());
                byRecord.computeIfAbsent(of, key -> new ArrayList<>()).add(line);
            }
        }
        return byRecord;
    }

    private ObjectNode auditLine(Entry entry) {
        if (entry.value() == null) {
            return null;
        }
        try {
            JsonNode line = json.readTree(entry.value());
            if (!(line instanceof ObjectNode object) || !object.hasNonNull("replayId")) {
                return null;
            }
            Set.of("by", "detail", "key").forEach(field -> {
                if (object.hasNonNull(field)) {
                    object.put(field, scrub(object.get(field).asText()));
                }
            });
            return object;
        } catch (Exception notOurs) {
            return null;
        }
    }

    private ObjectNode counts(List<Entry> window, java.util.function.Function<Entry, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        window.forEach(entry -> counts.merge(scrub(key.apply(entry)), 1, Integer::sum));
        ObjectNode node = json.createObjectNode();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(20)
                .forEach(count -> node.put(count.getKey(), count.getValue()));
        return node;
    }

    private static String shorten(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    /** The text with every secret the console knows of replaced. */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String clean = text;
        for (String secret : secrets) {
            clean = clean.replace(secret, HIDDEN);
        }
        return clean;
    }
}
