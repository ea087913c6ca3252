package io.camelquivo.component;

import io.camelquivo.client.QuivoRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/** A paged list (orders, warehouses, sellers): {@code GET path?query&sort&page&pageSize&searchAfter}. */
class ListProducer extends QuivoProducer {

    private final String path;

    ListProducer(QuivoEndpoint endpoint, String path) {
        super(endpoint);
        this.path = path;
    }

    @Override
    protected QuivoRequest toRequest(Exchange exchange) {
        QuivoEndpoint endpoint = getEndpoint();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("query", headerOr(exchange, QuivoConstants.QUERY, String.class, endpoint.getQuery()));
        query.put("sort", headerOr(exchange, QuivoConstants.SORT, String.class, endpoint.getSort()));
        query.put("page", text(headerOr(exchange, QuivoConstants.PAGE, Integer.class, endpoint.getPage())));
        query.put("pageSize",
                text(headerOr(exchange, QuivoConstants.PAGE_SIZE, Integer.class, endpoint.getPageSize())));
        query.put("searchAfter",
                headerOr(exchange, QuivoConstants.SEARCH_AFTER, String.class, endpoint.getSearchAfter()));
        return new QuivoRequest(operationId(), "GET", path, query, null);
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }
}
