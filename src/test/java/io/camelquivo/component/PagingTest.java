package io.camelquivo.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.simulator.EntityStore;
import io.camelquivo.simulator.RequestRecord;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.QuivoTestSupport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** paging=all and paging=stream follow a list's pages for you; one page says where the next starts. */
class PagingTest extends QuivoTestSupport {

    private static final int ORDERS = 2_500;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The GET /orders calls made by the time each streamed element reached the route. */
    private final List<Integer> listCallsAtElement = new ArrayList<>();
    /** The sku of each streamed element, in order. */
    private final List<String> streamed = new ArrayList<>();

    /** A list of each paging kind, its store, its simulator route, and the elements of one page. */
    record Kind(String uri, String store, String route, int pageSize) {
        @Override
        public String toString() {
            return uri;
        }
    }

    static List<Kind> kinds() {
        return List.of(
                new Kind("quivo:inbounds.list?paging=stream&pageSize=1000&unmarshalType="
                        + "com.fasterxml.jackson.databind.JsonNode", "inbounds", "GET /inbounds", 1000),
                new Kind("quivo:articles.list?paging=stream&pageSize=1000&unmarshalType="
                        + "com.fasterxml.jackson.databind.JsonNode", "articles", "GET /articles", 1000),
                new Kind("quivo:shops.orders?shopId=7&paging=stream&unmarshalType="
                        + "com.fasterxml.jackson.databind.JsonNode", "shopOrders", "GET /shops/{shopId}/orders", 25));
    }

    /**
     * searchAfter, page numbers and page tokens alike: a large list streams every element once, and the next
     * page is fetched only as its elements are reached, so at most a page or two is held however long the list.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("kinds")
    void streamHasEveryElementOnceWithAtMostTheNextPageFetchedAhead(Kind kind) {
        int count = 10_000;
        EntityStore store = simulator().resources().store(kind.store());
        for (int i = 1; i <= count; i++) {
            store.put(i, "{\"shopId\":7,\"sku\":\"SKU-" + i + "\"}");
        }

        template.sendBodyAndHeaders("direct:stream-any", null,
                java.util.Map.of("listUri", kind.uri(), "listRoute", kind.route()));

        assertEquals(count, streamed.size());
        assertEquals(count, new HashSet<>(streamed).size(), "no element twice, none skipped");
        for (int element = 0; element < count; element++) {
            int pagesNeeded = element / kind.pageSize() + 1;
            int fetched = listCallsAtElement.get(element);
            if (fetched > pagesNeeded + 1) {
                throw new AssertionError("element " + element + " reached with " + fetched + " pages fetched; it needs "
                        + pagesNeeded);
            }
        }
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream").to("quivo:orders.list?paging=stream&pageSize=1000")
                        .split(body()).streaming()
                        .process(e -> listCallsAtElement.add(simulator().stats().calls("GET /orders")));
                from("direct:stream-any").toD("${header.listUri}")
                        .split(body()).streaming()
                        .process(e -> {
                            listCallsAtElement.add(simulator().stats().calls(e.getMessage().getHeader("listRoute",
                                    String.class)));
                            streamed.add(e.getMessage().getBody(JsonNode.class).path("sku").asText());
                        });
            }
        };
    }

    private void twoAndAHalfThousandOrders() {
        for (int i = 0; i < ORDERS; i++) {
            template.requestBody("quivo:request?method=POST&path=/orders", Orders.valid("PAGED-" + i));
        }
    }

    @Test
    void allFollowsEveryPageIntoOneList() throws Exception {
        twoAndAHalfThousandOrders();
        JsonNode all = MAPPER.readTree(template.requestBody("quivo:orders.list?paging=all&pageSize=1000", (Object) null,
                String.class));

        assertEquals(ORDERS, all.size());
        assertEquals(ORDERS, distinctIdentifiers(all), "no element twice, none skipped");
        assertEquals(3, simulator().stats().calls("GET /orders"), "1000 + 1000 + 500");
    }

    @Test
    void allStopsAtMaxItems() throws Exception {
        twoAndAHalfThousandOrders();
        JsonNode some = MAPPER.readTree(template.requestBody("quivo:orders.list?paging=all&pageSize=1000&maxItems=1500",
                (Object) null, String.class));

        assertEquals(1500, some.size());
        assertEquals(2, simulator().stats().calls("GET /orders"), "no page fetched beyond what was needed");
    }

    @Test
    void streamFetchesEachPageOnlyWhenItsElementsAreReached() {
        twoAndAHalfThousandOrders();
        template.sendBody("direct:stream", null);

        assertEquals(ORDERS, listCallsAtElement.size());
        assertEquals(1, listCallsAtElement.get(0), "one page in memory before the first element");
        // Camel's splitter looks one element ahead to know the last one: a page comes as its last element is taken
        assertEquals(1, listCallsAtElement.get(998));
        assertEquals(2, listCallsAtElement.get(1000));
        assertEquals(3, listCallsAtElement.get(ORDERS - 1));
    }

    @Test
    void onePageSaysWhereTheNextStartsUntilTheLast() throws Exception {
        twoAndAHalfThousandOrders();
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            String after = cursor;
            Exchange page = template.request("quivo:orders.list?pageSize=1000",
                    e -> e.getMessage().setHeader(QuivoConstants.SEARCH_AFTER, after));
            MAPPER.readTree(page.getMessage().getBody(String.class))
                    .forEach(order -> seen.add(order.get("orderIdentifier").asText()));
            cursor = page.getMessage().getHeader(QuivoConstants.NEXT_CURSOR, String.class);
            pages++;
        } while (cursor != null && pages < 10);

        assertEquals(3, pages);
        assertEquals(ORDERS, seen.size());
        assertNull(cursor, "no cursor after the last page");
    }

    @Test
    void allFollowsPageNumbersUntilAShortPage() throws Exception {
        EntityStore articles = simulator().resources().store("articles");
        for (int i = 1; i <= ORDERS; i++) {
            articles.put(i, "{\"sellerId\":1001,\"sku\":\"SKU-" + i + "\"}");
        }

        JsonNode all = MAPPER.readTree(template.requestBody("quivo:articles.list?paging=all&pageSize=1000",
                (Object) null, String.class));

        assertEquals(ORDERS, all.size());
        assertEquals(List.of("/articles?pageSize=1000", "/articles?pageSize=1000&page=1",
                "/articles?pageSize=1000&page=2"), simulator().stats().requestLog().stream()
                .map(RequestRecord::path).filter(path -> path.startsWith("/articles")).toList());
    }

    @Test
    void allFollowsPageTokensUntilNoneComes() throws Exception {
        EntityStore shopOrders = simulator().resources().store("shopOrders");
        for (int i = 1; i <= ORDERS; i++) {
            shopOrders.put(i, "{\"shopId\":7,\"orderIdentifier\":\"SHOP-" + i + "\"}");
        }

        JsonNode all = MAPPER.readTree(template.requestBody("quivo:shops.orders?shopId=7&paging=all",
                (Object) null, String.class));

        assertEquals(ORDERS, all.size());
        assertEquals(ORDERS, distinctIdentifiers(all));
        Exchange first = template.request("quivo:shops.orders?shopId=7", e -> { });
        assertEquals("25", first.getMessage().getHeader(QuivoConstants.NEXT_CURSOR), "the token of the next page");
    }

    private static int distinctIdentifiers(JsonNode orders) {
        Set<String> identifiers = new HashSet<>();
        orders.forEach(order -> identifiers.add(order.get("orderIdentifier").asText()));
        return identifiers.size();
    }
}
