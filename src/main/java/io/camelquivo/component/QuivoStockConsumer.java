package io.camelquivo.component;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelquivo.client.QuivoRequest;
import java.io.Flushable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code quivo:items.changes}: Quivo tells of no stock change (no webhook entity, no time to sort by), so every
 * poll reads the whole stock list of each warehouse and seller ({@code GET /items/{warehouseId}/{sellerId}}, all
 * pages) and compares each item's quantities ({@code quantity}, {@code inventory}, {@code inbound},
 * {@code reserved}) with a snapshot. Each SKU whose quantities differ is one exchange; the snapshot takes the new
 * quantities only once that exchange completed, so a failure or a crash emits the change again rather than
 * losing it. The first failed exchange ends the poll: with Kafka away, every further one would wait as long.
 *
 * <p>The snapshot is one state entry per SKU, {@code <stateKey>:<warehouseId>:<sellerId>:<sku>} holding
 * {@code quantity,inventory,inbound,reserved}, so a poll writes only what changed; and one entry per warehouse
 * and seller, {@code <stateKey>:<warehouseId>:<sellerId>}, written once their first walk is complete. Until then
 * {@code initialSnapshot} decides: {@code current} stores what is listed without emitting it, {@code empty}
 * emits it. A repository that buffers its writes may implement {@link Flushable}: it is flushed after each walk,
 * before that entry is written.
 *
 * <p>The consumer starts the repository when it starts and stops it when it stops. Under a {@code master:}
 * endpoint that is when this instance becomes or stops being the leader, so a new leader reads the snapshot the
 * last one wrote, not the one there was when it started.
 */
public class QuivoStockConsumer extends ScheduledPollConsumer {

    /** The whole list is read on every poll: Quivo's largest page makes that the fewest calls. */
    static final int DEFAULT_PAGE_SIZE = 1000;
    static final String DEFAULT_SORT = "itemId:asc";
    static final List<String> QUANTITIES = List.of("quantity", "inventory", "inbound", "reserved");

    private static final Logger LOG = LoggerFactory.getLogger(QuivoStockConsumer.class);

    private final QuivoOperation operation;
    private StateRepository<String, String> state;
    private String prefix;
    private boolean emitFirstWalk;
    private List<Long> warehouses;
    private List<Long> sellers;

    QuivoStockConsumer(QuivoEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.operation = endpoint.resolvedOperation();
    }

    @Override
    public QuivoEndpoint getEndpoint() {
        return (QuivoEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        QuivoEndpoint endpoint = getEndpoint();
        String initial = endpoint.getInitialSnapshot() == null ? "current"
                : endpoint.getInitialSnapshot().trim().toLowerCase(Locale.ROOT);
        if (!initial.equals("current") && !initial.equals("empty")) {
            throw new IllegalArgumentException("quivo:" + operation.id() + ": initialSnapshot must be current or"
                    + " empty: " + endpoint.getInitialSnapshot());
        }
        emitFirstWalk = initial.equals("empty");
        warehouses = ids(endpoint.getWarehouseIds(), "warehouseIds");
        sellers = ids(endpoint.getSellerIds(), "sellerIds");
        prefix = endpoint.getStateKey() != null && !endpoint.getStateKey().isBlank() ? endpoint.getStateKey().trim()
                : operation.id();
        state = endpoint.getStateRepository() != null ? endpoint.getStateRepository() : new MemoryStateRepository();
        ServiceHelper.startService(state);
        LOG.info("quivo:{} reads the stock of {} for {}; a warehouse and seller read for the first time {}",
                operation.id(), warehouses == null ? "every warehouse" : "warehouses " + warehouses,
                sellers == null ? "every seller" : "sellers " + sellers,
                emitFirstWalk ? "has every item emitted" : "becomes the snapshot, nothing emitted");
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        ServiceHelper.stopService(state);
    }

    /** A comma-separated list of ids, or null when unset: then every one Quivo lists. */
    static List<Long> ids(String option, String name) {
        if (option == null || option.isBlank()) {
            return null;
        }
        List<Long> ids = new ArrayList<>();
        for (String id : option.split(",")) {
            try {
                ids.add(Long.parseLong(id.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("quivo:items.changes: " + name + " must be ids separated by"
                        + " commas, e.g. 4,7: " + option, e);
            }
        }
        return List.copyOf(ids);
    }

    @Override
    protected int poll() throws Exception {
        List<Long> pollWarehouses = warehouses != null ? warehouses
                : listedIds("/warehouses", warehouse -> isAbsent(warehouse.get("deactivatedAt")));
        List<Long> pollSellers = sellers != null ? sellers : listedIds("/sellers", seller -> true);
        int emitted = 0;
        for (long warehouse : pollWarehouses) {
            for (long seller : pollSellers) {
                if (!isRunAllowed()) {
                    return emitted;
                }
                Walk walk = walk(warehouse, seller);
                emitted += walk.emitted();
                if (walk.ended()) {
                    return emitted;
                }
            }
        }
        return emitted;
    }

    /** What one warehouse and seller gave: exchanges that succeeded, and whether the poll must end here. */
    private record Walk(int emitted, boolean ended) {
    }

    private Walk walk(long warehouse, long seller) throws Exception {
        String scope = prefix + ":" + warehouse + ":" + seller;
        boolean known = state.getState(scope) != null;
        boolean silent = !known && !emitFirstWalk;
        int emitted = 0;
        int taken = 0;
        try {
            Iterator<JsonNode> items = items(warehouse, seller);
            while (items.hasNext()) {
                if (!isRunAllowed()) {
                    return new Walk(emitted, true);
                }
                JsonNode item = items.next();
                String sku = sku(item);
                if (sku == null) {
                    LOG.warn("quivo:{} skips an item of warehouse {} and seller {} without a sku: {}", operation.id(),
                            warehouse, seller, abbreviate(item));
                    continue;
                }
                String key = scope + ":" + URLEncoder.encode(sku, StandardCharsets.UTF_8);
                String now = quantities(item);
                String before = state.getState(key);
                if (now.equals(before)) {
                    continue;
                }
                if (before == null && silent) {
                    state.setState(key, now);
                    taken++;
                    continue;
                }
                if (!emit(warehouse, seller, sku, item, before, now, key)) {
                    return new Walk(emitted, true);
                }
                emitted++;
            }
        } catch (RuntimeException e) {
            getExceptionHandler().handleException("quivo:" + operation.id() + " could not read the stock of warehouse "
                    + warehouse + " and seller " + seller + "; their snapshot stays as it is and the next poll reads"
                    + " them again", e);
            return new Walk(emitted, false);
        }
        flush();
        if (!known) {
            state.setState(scope, Instant.now().toString());
            flush();
            LOG.info("quivo:{} has the stock of warehouse {} and seller {} in its snapshot ({} SKUs taken as they"
                    + " are, {} emitted)", operation.id(), warehouse, seller, taken, emitted);
        }
        return new Walk(emitted, false);
    }

    private Iterator<JsonNode> items(long warehouse, long seller) {
        QuivoEndpoint endpoint = getEndpoint();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("sort", endpoint.getSort() != null && !endpoint.getSort().isBlank() ? endpoint.getSort().trim()
                : DEFAULT_SORT);
        query.put("pageSize", Integer.toString(endpoint.getPageSize() != null ? endpoint.getPageSize()
                : DEFAULT_PAGE_SIZE));
        String path = operation.path(variable -> variable.equals("warehouseId") ? Long.toString(warehouse)
                : Long.toString(seller));
        return new Pages(QuivoOperation.Paging.SEARCH_AFTER, new QuivoRequest(operation.id(), "GET", path, query,
                null), endpoint.client()::execute, endpoint.objectMapper(), Integer.MAX_VALUE);
    }

    /** The ids of a master-data list (warehouses, sellers), every page of it. */
    private List<Long> listedIds(String path, Predicate<JsonNode> keep) {
        Map<String, String> query = Map.of("sort", "id:asc", "pageSize", Integer.toString(DEFAULT_PAGE_SIZE));
        Iterator<JsonNode> listed = new Pages(QuivoOperation.Paging.SEARCH_AFTER, new QuivoRequest(operation.id(),
                "GET", path, query, null), getEndpoint().client()::execute, getEndpoint().objectMapper(),
                Integer.MAX_VALUE);
        List<Long> ids = new ArrayList<>();
        while (listed.hasNext()) {
            JsonNode element = listed.next();
            JsonNode id = element.get("id");
            if (id != null && id.canConvertToLong() && keep.test(element)) {
                ids.add(id.asLong());
            }
        }
        return ids;
    }

    /** One changed SKU through the route; false when it failed, which ends the poll with its snapshot unchanged. */
    private boolean emit(long warehouse, long seller, String sku, JsonNode item, String before, String now,
            String key) throws Exception {
        Exchange exchange = createExchange(true);
        try {
            Message message = exchange.getMessage();
            message.setHeader(QuivoConstants.ENTITY, operation.entity());
            JsonNode itemId = item.get("itemId");
            if (itemId != null && itemId.canConvertToLong()) {
                message.setHeader(QuivoConstants.ENTITY_ID, itemId.asLong());
            }
            message.setHeader(QuivoConstants.WAREHOUSE_ID, warehouse);
            message.setHeader(QuivoConstants.SELLER_ID, seller);
            message.setHeader(QuivoConstants.SKU, sku);
            if (before != null) {
                message.setHeader(QuivoConstants.STOCK_BEFORE, quantitiesJson(before));
            }
            message.setHeader(QuivoConstants.STOCK_AFTER, quantitiesJson(now));
            message.setBody(getEndpoint().objectMapper().writeValueAsString(item));
            // the snapshot moves when the route is done with the exchange, and only if it succeeded
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onComplete(Exchange done) {
                    state.setState(key, now);
                }
            });
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null || exchange.isRollbackOnly()) {
                getExceptionHandler().handleException("quivo:" + operation.id() + " could not handle the stock"
                        + " change of " + sku + " (warehouse " + warehouse + ", seller " + seller + "); the snapshot"
                        + " keeps its old quantities and the next poll emits it again", exchange,
                        exchange.getException());
                return false;
            }
            return true;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private void flush() throws Exception {
        if (state instanceof Flushable buffered) {
            buffered.flush();
        }
    }

    private static String sku(JsonNode item) {
        JsonNode sku = item.get("sku");
        return sku != null && sku.isValueNode() && !sku.isNull() && !sku.asText().isEmpty() ? sku.asText() : null;
    }

    /** The item's quantities as the snapshot keeps them: JSON numbers separated by commas, empty for none. */
    static String quantities(JsonNode item) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < QUANTITIES.size(); i++) {
            text.append(i == 0 ? "" : ",");
            JsonNode value = item.get(QUANTITIES.get(i));
            if (value != null && value.isNumber()) {
                text.append(value);
            }
        }
        return text.toString();
    }

    /** The snapshot's text of the quantities as a JSON object, null for a field that was not a number. */
    static String quantitiesJson(String quantities) {
        String[] values = quantities.split(",", -1);
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < QUANTITIES.size(); i++) {
            String value = i < values.length && !values[i].isEmpty() ? values[i] : "null";
            json.append(i == 0 ? "" : ",").append('"').append(QUANTITIES.get(i)).append("\":").append(value);
        }
        return json.append('}').toString();
    }

    private static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    private static String abbreviate(JsonNode element) {
        String text = element.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
