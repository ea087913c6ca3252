package io.camelquivo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.Objects;
import java.util.Optional;

/**
 * The in-memory store of one resource other than orders (shipments, returns, inbounds, articles, ...): created,
 * read, replaced and deleted by id, and listed with Style-A paging as for orders, sortable by {@code id} (also under the
 * entity's own id field), {@code lastModified} and the dates given for its list (a date the stored JSON lacks sorts
 * as the time the entity was first put), each element the stored JSON plus its {@code sort} value. A
 * {@code query=field:value} matches the fields made {@link #queryable}, by equal text; any other field is a 400.
 * Tests seed them with the JSON they want Quivo to answer and bump their version to model a change; an unknown
 * id is answered 404 with a plain-text body, as the backend does.
 *
 * <pre>{@code
 * sim.shipments().put(501, "{\"bookedShipmentId\":501,\"version\":1,\"trackingNumber\":\"TN-1\"}");
 * sim.shipments().bump(501);   // version 2, lastModified later
 * }</pre>
 */
public final class EntityStore {

    private final String noun;
    private final String idField;
    private final Map<Long, ObjectNode> byId = new LinkedHashMap<>();
    /** When each entity last changed (ms): its lastModified, or the time it was put when it has none. */
    private final Map<Long, Long> changedAt = new LinkedHashMap<>();
    /** When each entity was first put (ms): what a date it lacks sorts as. */
    private final Map<Long, Long> firstPutAt = new LinkedHashMap<>();
    private final Listing<Stored> listing;
    private final Map<String, BiPredicate<Stored, String>> queryFields = new LinkedHashMap<>();

    private record Stored(long id, ObjectNode entity, long changedAt, long firstPutAt) {

        /** The date field in ms, from the JSON when it holds a timestamp or a date, else when it was first put. */
        long dateMillis(String field) {
            Instant date = date(entity, field);
            return date != null ? date.toEpochMilli() : firstPutAt;
        }
    }

    /**
     * @param idField    the field a created entity gets its id in, e.g. {@code bookedShipmentId}; it sorts as
     *                   {@code id} does
     * @param dateFields the dates its list sorts by besides {@code lastModified}
     */
    EntityStore(String noun, String idField, String... dateFields) {
        this.noun = noun;
        this.idField = idField;
        Map<String, Function<Stored, Object>> sortFields = new LinkedHashMap<>();
        sortFields.put("id", Stored::id);
        sortFields.put(idField, Stored::id);
        sortFields.put("lastModified", Stored::changedAt);
        for (String field : dateFields) {
            sortFields.put(field, stored -> stored.dateMillis(field));
        }
        this.listing = new Listing<>(sortFields, queryFields, Stored::id, "id:asc");
    }

    /** Lets {@code query=field:value} select by each of these fields, as Quivo's list does for its identifiers. */
    EntityStore queryable(String... fields) {
        for (String field : fields) {
            queryFields.put(field, (stored, wanted) -> wanted.equals(stored.entity().path(field).asText(null)));
        }
        return this;
    }

    /** Stores the entity, replacing any with the same id; it is answered exactly as given (compact JSON). */
    public synchronized EntityStore put(long id, String json) {
        Objects.requireNonNull(json, "json");
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("an entity is a JSON object: " + json);
        }
        byId.put(id, (ObjectNode) node);
        Instant now = OrderViews.now();
        Instant lastModified = date(node, "lastModified");
        changedAt.put(id, (lastModified != null ? lastModified : now).toEpochMilli());
        firstPutAt.putIfAbsent(id, now.toEpochMilli());
        return this;
    }

    /** A copy of the stored entity. */
    public synchronized Optional<JsonNode> get(long id) {
        return Optional.ofNullable(byId.get(id)).map(ObjectNode::deepCopy);
    }

    /**
     * Marks a change: {@code version} up by one (an entity without one had version 1), {@code lastModified}
     * strictly later than before.
     *
     * @return the new version
     * @throws IllegalArgumentException when there is no entity with this id
     */
    public synchronized long bump(long id) {
        ObjectNode entity = byId.get(id);
        if (entity == null) {
            throw new IllegalArgumentException("no " + noun.toLowerCase(java.util.Locale.ROOT) + " " + id);
        }
        long version = entity.path("version").asLong(1) + 1;
        entity.put("version", version);
        Instant now = OrderViews.now();
        Instant previous = date(entity, "lastModified");
        Instant changed = previous != null && !now.isAfter(previous) ? previous.plusMillis(1) : now;
        entity.put("lastModified", Json.iso(changed));
        changedAt.put(id, changed.toEpochMilli());
        return version;
    }

    public synchronized boolean remove(long id) {
        changedAt.remove(id);
        firstPutAt.remove(id);
        return byId.remove(id) != null;
    }

    public synchronized int count() {
        return byId.size();
    }

    synchronized void clear() {
        byId.clear();
        changedAt.clear();
        firstPutAt.clear();
    }

    /** The answer to {@code GET /<entities>?query&sort&page&pageSize&searchAfter}. */
    Reply list(Map<String, String> params) {
        return list(params, entity -> true);
    }

    /** The same, of the entities the path scopes the list to (e.g. one warehouse's and seller's items). */
    Reply list(Map<String, String> params, Predicate<JsonNode> scope) {
        List<Stored> snapshot = new ArrayList<>();
        synchronized (this) {
            byId.forEach((id, entity) -> {
                if (scope.test(entity)) {
                    snapshot.add(new Stored(id, entity.deepCopy(), changedAt.get(id), firstPutAt.get(id)));
                }
            });
        }
        return listing.answer(snapshot, params, Stored::entity);
    }

    /** Copies of every entity, by id. */
    public synchronized List<ObjectNode> all() {
        return byId.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** The answer to {@code GET /<entities>/{id}}. */
    synchronized Reply answer(String idSegment) {
        return Reply.json(200, existing(id(idSegment)).deepCopy());
    }

    /** Stores a new entity with the next free id in its id field; the stored copy. */
    synchronized ObjectNode create(ObjectNode entity) {
        long id = byId.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        ObjectNode stored = entity.deepCopy();
        stored.put(idField, id);
        Instant now = OrderViews.now();
        stored.put("created", Json.iso(now));
        byId.put(id, stored);
        changedAt.put(id, now.toEpochMilli());
        firstPutAt.put(id, now.toEpochMilli());
        return stored.deepCopy();
    }

    /** Replaces the entity's fields with {@code entity}'s (PUT), keeping its id; 404 when there is none. */
    synchronized ObjectNode replace(String idSegment, ObjectNode entity) {
        long id = id(idSegment);
        ObjectNode stored = existing(id);
        ObjectNode replacement = entity.deepCopy();
        replacement.set(idField, stored.get(idField));
        if (stored.has("version")) {
            replacement.set("version", stored.get("version"));
        }
        byId.put(id, replacement);
        bump(id);
        return replacement.deepCopy();
    }

    /** Sets the given fields and keeps the others; 404 when there is no such entity. */
    synchronized ObjectNode merge(String idSegment, ObjectNode fields) {
        long id = id(idSegment);
        existing(id).setAll(fields.deepCopy());
        bump(id);
        return byId.get(id).deepCopy();
    }

    /** Removes the entity; 404 when there is none. */
    synchronized void delete(String idSegment) {
        long id = id(idSegment);
        existing(id);
        remove(id);
    }

    /** The first entity whose {@code field} has the text {@code value}; 404 when there is none. */
    synchronized ObjectNode findBy(String field, String value) {
        return byId.values().stream().filter(entity -> value.equals(entity.path(field).asText(null))).findFirst()
                .map(ObjectNode::deepCopy)
                .orElseThrow(() -> new ApiException(Reply.backend(404, noun + " " + value + " not found")));
    }

    private ObjectNode existing(long id) {
        ObjectNode entity = byId.get(id);
        if (entity == null) {
            throw new ApiException(Reply.backend(404, noun + " " + id + " not found"));
        }
        return entity;
    }

    /** A path's id segment as a number; 400 otherwise. */
    static long id(String idSegment) {
        try {
            return Long.parseLong(idSegment);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("id: must be a number");
        }
    }

    /** An ISO-8601 instant, or a date (its start in UTC); null when the field holds neither. */
    private static Instant date(JsonNode entity, String field) {
        JsonNode value = entity.get(field);
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(value.asText()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
