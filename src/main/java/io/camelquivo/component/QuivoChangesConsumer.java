package io.camelquivo.component;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelquivo.client.QuivoRequest;
import io.camelquivo.client.QuivoResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code quivo:<entities>.changes}: on every poll, lists {@code GET /<entities>?sort=<field>:asc&pageSize=n
 * &searchAfter=<cursor>} page by page until a page comes back shorter than asked, and emits one exchange per
 * element, in order. The field is the feed's {@link FeedOrder}. The cursor is the element's {@code sort} value;
 * it moves past an element only once that element's exchange succeeded, and is written to the state repository
 * then. The first failure ends the poll: the next poll starts again at that element. A failed list call fails
 * the poll the same way (Camel's scheduled consumer logs it and polls again after the delay).
 *
 * <p>Quivo documents no filter on a time, so a first start (no cursor stored) of a feed sorted by a time lists
 * from the beginning and skips the elements older than {@code initialSince}; the cursor moves past them, and is
 * written at the end of each page, so only the first poll pays for that. An element without that time is
 * emitted, not skipped: nothing says it is old. A feed sorted by id has no time to compare: its first poll
 * starts after the highest id listed then, or at the beginning when the list is empty.
 */
public class QuivoChangesConsumer extends ScheduledPollConsumer {

    /** Quivo's default is 25; bigger pages make the one-time walk past old elements on first start shorter. */
    static final int DEFAULT_PAGE_SIZE = 100;
    static final String SINCE_SUFFIX = ".since";
    /** Stored as the since value when initialSince is empty: everything is emitted. */
    static final String EVERYTHING = "-";

    private static final Logger LOG = LoggerFactory.getLogger(QuivoChangesConsumer.class);

    private final QuivoOperation operation;
    private FeedOrder order;
    private StateRepository<String, String> state;
    private boolean ownState;
    private String key;
    private String cursor;
    private Instant since;

    QuivoChangesConsumer(QuivoEndpoint endpoint, Processor processor) {
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
        state = endpoint.getStateRepository();
        ownState = state == null;
        if (ownState) {
            state = new MemoryStateRepository();
        }
        ServiceHelper.startService(state);
        key = endpoint.getStateKey() != null && !endpoint.getStateKey().isBlank() ? endpoint.getStateKey()
                : operation.id();
        order = FeedOrder.of(operation, endpoint.getSort());
        cursor = state.getState(key);
        String storedSince = state.getState(key + SINCE_SUFFIX);
        if (storedSince == null) {
            storedSince = resolveSince(endpoint.getInitialSince());
            state.setState(key + SINCE_SUFFIX, storedSince);
            warnIfAnInstantCannotApply(endpoint.getInitialSince());
        }
        since = EVERYTHING.equals(storedSince) ? null : Instant.parse(storedSince);
        LOG.info("quivo:{} lists by {} and starts {}", operation.id(), order.field(), cursor != null
                ? "after the stored cursor " + cursor
                : since == null ? "at the beginning"
                : order.byId() ? "after the highest " + order.field() + " its first poll finds"
                : "at the beginning, skipping changes before " + since);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (ownState) {
            ServiceHelper.stopService(state);
        }
    }

    /** An id feed cannot start at a given instant; "now" and empty mean the same for every feed. */
    private void warnIfAnInstantCannotApply(String initialSince) {
        if (order.byId() && initialSince != null && !initialSince.isBlank()
                && !"now".equalsIgnoreCase(initialSince.trim())) {
            LOG.warn("quivo:{} lists by {}, which is no time: initialSince={} acts as now, so the first poll starts"
                    + " after the highest {} (set sort to a time field to start at an instant)", operation.id(),
                    order.field(), initialSince.trim(), order.field());
        }
    }

    static String resolveSince(String initialSince) {
        if (initialSince == null || initialSince.isBlank()) {
            return EVERYTHING;
        }
        if ("now".equalsIgnoreCase(initialSince.trim())) {
            return Instant.now().toString();
        }
        try {
            return Instant.parse(initialSince.trim()).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("initialSince must be now, an ISO-8601 instant such as"
                    + " 2026-01-01T00:00:00Z, or empty: " + initialSince, e);
        }
    }

    @Override
    protected int poll() throws Exception {
        int pageSize = getEndpoint().getPageSize() != null ? getEndpoint().getPageSize() : DEFAULT_PAGE_SIZE;
        if (cursor == null && since != null && order.byId()) {
            startAfterTheHighestId();
        }
        int emitted = 0;
        while (isRunAllowed()) {
            JsonNode page = listPage(order.ascending(), pageSize, cursor);
            boolean skippedOnly = false;
            for (JsonNode element : page) {
                if (!isRunAllowed()) {
                    saveCursor(skippedOnly);
                    return emitted;
                }
                String sortValue = sortValue(element);
                Long id = id(element);
                if (id == null) {
                    LOG.warn("quivo:{} skips a list element without {}: {}", operation.id(),
                            String.join(" or ", operation.idFields()), abbreviate(element));
                    cursor = sortValue;
                    skippedOnly = true;
                    continue;
                }
                if (isOld(element, id)) {
                    LOG.debug("quivo:{} skips {}:{}, changed before {}", operation.id(), operation.entity(), id, since);
                    cursor = sortValue;
                    skippedOnly = true;
                    continue;
                }
                saveCursor(skippedOnly);
                skippedOnly = false;
                if (!emit(element, id, sortValue)) {
                    return emitted;
                }
                emitted++;
                cursor = sortValue;
                state.setState(key, cursor);
            }
            saveCursor(skippedOnly);
            if (page.size() < pageSize) {
                break;
            }
        }
        return emitted;
    }

    /**
     * Where an id feed starts on its first poll: after the newest element listed now, or at the beginning when
     * there is none yet (then every element is new, so initialSince is done with). The newest element's sort
     * value is fed back with the ascending sort, as Quivo's sort values are the field values, whatever the
     * direction.
     */
    private void startAfterTheHighestId() throws Exception {
        JsonNode newest = listPage(order.descending(), 1, null);
        if (newest.isEmpty()) {
            since = null;
            state.setState(key + SINCE_SUFFIX, EVERYTHING);
            LOG.info("quivo:{} found no {} yet: it emits every one from now on", operation.id(),
                    operation.entity());
            return;
        }
        cursor = sortValue(newest.get(0));
        state.setState(key, cursor);
        LOG.info("quivo:{} starts after {}:{}, the highest {} listed now", operation.id(), operation.entity(),
                id(newest.get(0)), order.field());
    }

    private void saveCursor(boolean moved) {
        if (moved && cursor != null) {
            state.setState(key, cursor);
        }
    }

    /** One element through the route; false when it failed, which ends the poll without moving the cursor. */
    private boolean emit(JsonNode element, long id, String sortValue) throws Exception {
        Exchange exchange = createExchange(true);
        try {
            Message message = exchange.getMessage();
            message.setHeader(QuivoConstants.ENTITY, operation.entity());
            message.setHeader(QuivoConstants.ENTITY_ID, id);
            JsonNode version = element.get("version");
            if (version != null && version.isIntegralNumber()) {
                message.setHeader(QuivoConstants.VERSION, version.asLong());
            }
            JsonNode lastModified = element.get("lastModified");
            if (lastModified != null && lastModified.isTextual()) {
                message.setHeader(QuivoConstants.LAST_MODIFIED, lastModified.asText());
            }
            message.setHeader(QuivoConstants.SORT_VALUE, sortValue);
            message.setBody(getEndpoint().objectMapper().writeValueAsString(element));
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null || exchange.isRollbackOnly()) {
                getExceptionHandler().handleException("quivo:" + operation.id() + " could not handle "
                        + operation.entity() + ":" + id + "; the cursor stays before it and the next poll tries it"
                        + " again", exchange, exchange.getException());
                return false;
            }
            return true;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private JsonNode listPage(String sort, int pageSize, String searchAfter) throws Exception {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("sort", sort);
        query.put("pageSize", Integer.toString(pageSize));
        query.put("searchAfter", searchAfter);
        QuivoResponse response = getEndpoint().client().execute(
                new QuivoRequest(operation.id(), "GET", operation.listPath(), query, null, operation.listPath(), 1));
        JsonNode page = response.body() == null ? null : getEndpoint().objectMapper().readTree(response.body());
        if (page == null || !page.isArray()) {
            throw new IllegalStateException("quivo:" + operation.id() + ": GET " + operation.listPath()
                    + " did not answer a JSON array");
        }
        return page;
    }

    private String sortValue(JsonNode element) {
        JsonNode sort = element.get("sort");
        if (sort == null || sort.isNull() || sort.isMissingNode()) {
            throw new IllegalStateException("quivo:" + operation.id() + ": a list element has no sort value, so"
                    + " there is no cursor to go on from: " + abbreviate(element));
        }
        return sort.isTextual() ? sort.asText() : sort.toString();
    }

    private Long id(JsonNode element) {
        for (String field : operation.idFields()) {
            JsonNode id = element.get(field);
            if (id != null && id.canConvertToLong() && id.isIntegralNumber()) {
                return id.asLong();
            }
            if (id != null && id.isTextual()) {
                try {
                    return Long.parseLong(id.asText());
                } catch (NumberFormatException e) {
                    // not an id
                }
            }
        }
        return null;
    }

    /**
     * Older than initialSince by the feed's time field. An id feed's old elements are behind its first cursor
     * already. An element without a time cannot be placed: emitting it risks an old change published, skipping it
     * risks a new change lost, and only the first is harmless downstream.
     */
    private boolean isOld(JsonNode element, long id) {
        if (since == null || order.byId()) {
            return false;
        }
        Instant time = order.time(element);
        if (time == null) {
            LOG.warn("quivo:{} emits {}:{} although it may be older than {}: it has no {} to compare",
                    operation.id(), operation.entity(), id, since, order.field());
            return false;
        }
        return time.isBefore(since);
    }

    private static String abbreviate(JsonNode element) {
        String text = element.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
