package io.camelquivo.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Quivo's "Style A" list paging: {@code query=field:value}, {@code sort=field:asc|desc},
 * 0-based {@code page}, {@code pageSize} (default 25, 1..1000) and {@code searchAfter}. Every
 * element gets a {@code sort} value {@code [<sort field value>, <id>]}; the id breaks ties
 * (always ascending), so feeding an element's {@code sort} back as {@code searchAfter} pages
 * through everything exactly once.
 *
 * @param <T> the listed item; sort values are Long or String
 */
final class Listing<T> {

    private record Sort(String field, boolean descending) {
    }

    private final Map<String, Function<T, Object>> sortFields;
    private final Map<String, BiPredicate<T, String>> filters;
    private final ToLongFunction<T> id;
    private final String defaultSort;

    Listing(Map<String, Function<T, Object>> sortFields, Map<String, BiPredicate<T, String>> filters,
            ToLongFunction<T> id, String defaultSort) {
        this.sortFields = sortFields;
        this.filters = filters;
        this.id = id;
        this.defaultSort = defaultSort;
    }

    Reply answer(List<T> items, Map<String, String> params, Function<T, ObjectNode> render) {
        int pageSize = pageSize(params.get("pageSize"));
        long page = page(params.get("page"));
        Sort sort = sort(params.getOrDefault("sort", defaultSort));
        List<T> selected = new ArrayList<>(items.stream().filter(query(params.get("query"))).toList());
        Comparator<T> order = comparator(sort);
        selected.sort(order);

        String searchAfter = params.get("searchAfter");
        List<T> window;
        if (searchAfter != null && !searchAfter.isBlank()) {
            List<JsonNode> cursor = cursor(searchAfter);
            window = selected.stream().filter(item -> compareToCursor(item, cursor, sort) > 0).limit(pageSize).toList();
        } else {
            long from = page * pageSize;
            window = from >= selected.size() ? List.of()
                    : selected.subList((int) from, (int) Math.min(selected.size(), from + pageSize));
        }

        ArrayNode out = Json.MAPPER.createArrayNode();
        for (T item : window) {
            ObjectNode element = render.apply(item);
            ArrayNode sortValue = element.putArray("sort");
            addValue(sortValue, value(item, sort.field()));
            sortValue.add(id.applyAsLong(item));
            out.add(element);
        }
        return Reply.json(200, out);
    }

    private Predicate<T> query(String query) {
        if (query == null || query.isBlank()) {
            return item -> true;
        }
        int colon = query.indexOf(':');
        if (colon < 1) {
            throw ApiException.badRequest("query: must be field:value");
        }
        String field = query.substring(0, colon).trim();
        String wanted = query.substring(colon + 1).trim();
        BiPredicate<T, String> filter = filters.get(field);
        if (filter == null) {
            throw ApiException.badRequest("query: unknown field " + field);
        }
        return item -> filter.test(item, wanted);
    }

    private Comparator<T> comparator(Sort sort) {
        Comparator<T> primary = (a, b) -> compareValues(value(a, sort.field()), value(b, sort.field()));
        return (sort.descending() ? primary.reversed() : primary).thenComparingLong(id);
    }

    private int compareToCursor(T item, List<JsonNode> cursor, Sort sort) {
        Object mine = value(item, sort.field());
        int c = compareValues(mine, cursorValue(cursor.get(0), mine));
        if (sort.descending()) {
            c = -c;
        }
        if (c != 0 || cursor.size() == 1) {
            return c;
        }
        return Long.compare(id.applyAsLong(item), (Long) cursorValue(cursor.get(1), 0L));
    }

    private Object value(T item, String field) {
        return sortFields.get(field).apply(item);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    /** Converts a cursor element to the type of the field's values. */
    private static Object cursorValue(JsonNode node, Object like) {
        if (like instanceof Long) {
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return node.asLong();
            }
            if (node.isTextual()) {
                try {
                    return Long.parseLong(node.asText());
                } catch (NumberFormatException e) {
                    // falls through to the 400 below
                }
            }
            throw ApiException.badRequest("searchAfter: invalid value " + node);
        }
        if (node.isValueNode() && !node.isNull()) {
            return node.asText();
        }
        throw ApiException.badRequest("searchAfter: invalid value " + node);
    }

    /** A JSON array, or a bare scalar for a one-element key (quoted or not, for strings). */
    private static List<JsonNode> cursor(String raw) {
        JsonNode parsed;
        try {
            parsed = Json.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            parsed = new TextNode(raw);
        }
        List<JsonNode> cursor = new ArrayList<>();
        if (parsed.isArray()) {
            parsed.forEach(cursor::add);
        } else {
            cursor.add(parsed);
        }
        if (cursor.isEmpty() || cursor.size() > 2) {
            throw ApiException.badRequest("searchAfter: must have one or two values");
        }
        return cursor;
    }

    private Sort sort(String raw) {
        String[] parts = raw.split(":", -1);
        String field = parts[0].trim();
        if (!sortFields.containsKey(field)) {
            throw ApiException.badRequest("sort: unknown field " + field);
        }
        String direction = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        if (parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
            throw ApiException.badRequest("sort: unknown direction " + (parts.length > 1 ? parts[1] : ""));
        }
        return new Sort(field, direction.equals("desc"));
    }

    static int pageSize(String raw) {
        long value = number(raw, 25, "pageSize: must be between 1 and 1000");
        if (value < 1 || value > 1000) {
            throw ApiException.badRequest("pageSize: must be between 1 and 1000");
        }
        return (int) value;
    }

    static long page(String raw) {
        long value = number(raw, 0, "page: must be greater than or equal to 0");
        if (value < 0) {
            throw ApiException.badRequest("page: must be greater than or equal to 0");
        }
        // Far past any data; keeps page * pageSize clear of overflow.
        return Math.min(value, Integer.MAX_VALUE);
    }

    private static long number(String raw, long fallback, String problem) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(problem);
        }
    }

    private static void addValue(ArrayNode array, Object value) {
        if (value instanceof Long number) {
            array.add(number);
        } else {
            array.add(String.valueOf(value));
        }
    }
}
