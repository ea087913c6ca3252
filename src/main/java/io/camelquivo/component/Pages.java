package io.camelquivo.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.camelquivo.client.QuivoRequest;
import io.camelquivo.client.QuivoResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The elements of a paged list, page after page, as Quivo's three paging styles go: {@code page} until a
 * short page, the cursor {@code searchAfter} taken from the last element's {@code sort} value, or
 * {@code pageToken} until no {@code nextPageToken} comes. A page is fetched only when the elements before it
 * have been taken (or the last of them, by a reader that looks one ahead), so memory holds a page or two however
 * long the list, and at most {@code maxItems} are given.
 */
final class Pages implements Iterator<JsonNode> {

    /** Quivo's largest page, asked for when the caller did not choose a page size. */
    static final int FOLLOWING_PAGE_SIZE = 1000;
    /** Quivo's page size when none is asked for. */
    static final int QUIVO_DEFAULT_PAGE_SIZE = 25;

    private final QuivoOperation.Paging paging;
    private final Function<QuivoRequest, QuivoResponse> call;
    private final ObjectMapper mapper;
    private final int maxItems;
    private final Deque<JsonNode> page = new ArrayDeque<>();
    private QuivoRequest next;
    private int given;

    Pages(QuivoOperation.Paging paging, QuivoRequest first, Function<QuivoRequest, QuivoResponse> call,
            ObjectMapper mapper, int maxItems) {
        this.paging = paging;
        this.call = call;
        this.mapper = mapper;
        this.maxItems = maxItems;
        this.next = paging == QuivoOperation.Paging.PAGE_TOKEN || first.query().containsKey("pageSize") ? first
                : with(first, "pageSize", String.valueOf(FOLLOWING_PAGE_SIZE));
    }

    @Override
    public boolean hasNext() {
        while (page.isEmpty() && next != null && given < maxItems) {
            fetch();
        }
        return !page.isEmpty() && given < maxItems;
    }

    @Override
    public JsonNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        given++;
        return page.removeFirst();
    }

    private void fetch() {
        QuivoRequest request = next;
        JsonNode answer = read(call.apply(request));
        Page fetched = page(paging, request, answer);
        fetched.elements().forEach(page::addLast);
        next = fetched.next();
    }

    private JsonNode read(QuivoResponse response) {
        try {
            return response.body() == null ? mapper.createArrayNode() : mapper.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Quivo answered a list page that is not JSON", e);
        }
    }

    /** One page's elements, and the request for the page after it (null after the last page). */
    record Page(JsonNode elements, QuivoRequest next) {
    }

    /** Reads one answer of a paged list: its elements and where the next page starts, if there is one. */
    static Page page(QuivoOperation.Paging paging, QuivoRequest request, JsonNode answer) {
        if (paging == QuivoOperation.Paging.PAGE_TOKEN) {
            JsonNode elements = firstArray(answer);
            JsonNode token = answer.path("nextPageToken");
            boolean more = token.isTextual() && !token.asText().isBlank();
            return new Page(elements, more ? with(request, "pageToken", token.asText()) : null);
        }
        // a page is an array, or an object holding one (item movements: {warehouseName, itemMovements: [...]})
        JsonNode elements = firstArray(answer);
        String size = request.query().get("pageSize");
        boolean full = elements.size() >= (size == null ? QUIVO_DEFAULT_PAGE_SIZE : Integer.parseInt(size));
        if (!full) {
            return new Page(elements, null);
        }
        if (paging == QuivoOperation.Paging.SEARCH_AFTER) {
            JsonNode sort = elements.get(elements.size() - 1).get("sort");
            if (sort != null && !sort.isNull()) {
                QuivoRequest after = with(request, "searchAfter", sort.isTextual() ? sort.asText() : sort.toString());
                return new Page(elements, without(after, "page"));
            }
        }
        String page = request.query().get("page");
        return new Page(elements, with(request, "page", String.valueOf(page == null ? 1 : Long.parseLong(page) + 1)));
    }

    /** The cursor option of the page after {@code page}: a page number, a searchAfter value or a page token. */
    static String cursorOf(Page page) {
        if (page.next() == null) {
            return null;
        }
        Map<String, String> query = page.next().query();
        return query.containsKey("pageToken") ? query.get("pageToken")
                : query.containsKey("searchAfter") ? query.get("searchAfter") : query.get("page");
    }

    private static JsonNode firstArray(JsonNode answer) {
        if (answer.isArray()) {
            return answer;
        }
        for (JsonNode field : answer) {
            if (field.isArray()) {
                return field;
            }
        }
        return JsonNodeFactory.instance.arrayNode();
    }

    private static QuivoRequest with(QuivoRequest request, String name, String value) {
        Map<String, String> query = new LinkedHashMap<>(request.query());
        query.put(name, value);
        return new QuivoRequest(request.operation(), request.method(), request.path(), query, request.body());
    }

    private static QuivoRequest without(QuivoRequest request, String name) {
        Map<String, String> query = new LinkedHashMap<>(request.query());
        query.remove(name);
        return new QuivoRequest(request.operation(), request.method(), request.path(), query, request.body());
    }
}
