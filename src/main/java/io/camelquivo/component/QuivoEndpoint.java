package io.camelquivo.component;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.client.QuivoClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.ScheduledPollEndpoint;

// the component generator copies this comment into quivo.json as the component's description and mangles
// Javadoc tags and quotes there: keep it to plain words
/**
 * Calls one Quivo operation, a row of the operation table such as orders.create or articles.get; the five
 * changes operations (orders.changes, shipments.changes, returns.changes, inbounds.changes, items.changes)
 * instead poll Quivo and emit every entity that changed since the last poll.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "quivo", title = "Quivo", syntax = "quivo:operation",
             category = { Category.SAAS }, headersClass = QuivoConstants.class)
public class QuivoEndpoint extends ScheduledPollEndpoint {

    // the same list as QuivoOperation, the table; a test fails when they drift
    @UriPath(enums = "orders.create,orders.list,orders.update,orders.updateAddress,orders.refetch,"
            + "orders.addAttachment,shops.orders,articles.list,articles.get,"
            + "articles.getByIdentifier,articles.create,articles.update,articles.validate,"
            + "articles.imageUpload,articles.addImage,items.list,items.history,items.get,"
            + "items.movements,inbounds.create,inbounds.list,inbounds.get,inbounds.update,"
            + "shipments.book,shipments.estimate,shipments.bookBatchAsync,shipments.bookShopAsync,"
            + "shipments.list,shipments.get,shippingServiceGroups.list,returns.list,returns.get,"
            + "returns.update,returnLinks.create,returnLinks.get,returnApp.get,returnApp.book,"
            + "sellers.list,sellers.get,warehouses.list,shops.list,shops.authorize,"
            + "subscriptionPackages.get,contacts.create,addresses.create,storedAddresses.list,"
            + "customerInquiries.create,customerInquiries.get,customerInquiries.rate,"
            + "transports.create,transports.list,transports.get,fulfillmentPlans.create,"
            + "fulfillmentPlans.update,fulfillmentPlans.preview,fulfillmentPlans.skuFork,"
            + "subscriptions.create,subscriptions.list,subscriptions.get,subscriptions.delete,"
            + "request,orders.changes,shipments.changes,returns.changes,inbounds.changes,items.changes",
            description = "The operation to perform, a row of the operation table (see connector-docs/operations.md)."
            + " The five changes operations (orders.changes, shipments.changes, returns.changes, inbounds.changes,"
            + " items.changes) are consumers, polling for changed entities or stock; all others are producers.")
    @Metadata(required = true)
    private String operation;
    @UriParam
    private QuivoConfiguration configuration;
    @UriParam
    private QuivoCallParameters parameters = new QuivoCallParameters();
    @UriParam(label = "producer", javaType = "long", description = "The order id for orders.refetch, orders.update and"
            + " orders.updateAddress; the CamelQuivoOrderId header overrides it.")
    private Long orderId;
    @UriParam(label = "producer", description = "List operations: Quivo's search expression, e.g."
            + " orderIdentifier:SHOP-1001 or sku:ABC.")
    private String query;
    @UriParam(label = "common", description = "List operations: field:direction, e.g. created:desc. The changes"
            + " consumers: the one field their list is walked by, ascending (lastModified for orders, created for"
            + " shipments and inbounds, returnShipmentId for returns when unset); initialSince is compared with it"
            + " unless it is an id. items.changes: the sort of its stock lists, itemId:asc when unset; pick a field"
            + " that does not change while the list is read.")
    private String sort;
    @UriParam(label = "producer", description = "List operations: the page, 0-based; ignored when"
            + " searchAfter is given.")
    private Integer page;
    @UriParam(label = "common", description = "List operations and the changes consumers: elements per page;"
            + " Quivo's default is 25 and its maximum 1000. The changes consumers ask for 100 when unset, items.changes"
            + " for 1000.")
    private Integer pageSize;
    @UriParam(label = "producer", description = "List operations: cursor paging, the sort value of the last"
            + " element of the previous page (a JSON array when sort has several fields).")
    private String searchAfter;
    @UriParam(label = "producer", defaultValue = "DELIVERY", enums = "DELIVERY,INVOICE,DELIVERY_AND_INVOICE",
              description = "orders.updateAddress: which address the body replaces.")
    private String addressType = "DELIVERY";
    @UriParam(label = "producer", defaultValue = "one", enums = "one,all,stream", description = "Paged lists: one"
            + " answers the one page asked for, with the CamelQuivoNextCursor header saying where the next starts;"
            + " all follows every page and answers one JSON array; stream answers an iterator that fetches each page"
            + " as it is read, for a split with streaming (one exchange per element, one page in memory).")
    private String paging = "one";
    @UriParam(label = "producer", defaultValue = "10000", description = "Paged lists with paging=all or stream:"
            + " at most this many elements are given.")
    private int maxItems = 10_000;
    @UriParam(label = "producer", defaultValue = "GET", enums = "GET,POST,PUT,PATCH,DELETE",
              description = "The request operation: the HTTP method.")
    private String method = "GET";
    @UriParam(label = "producer", description = "The request operation: the path below the base URL, e.g."
            + " /shipments; it may carry a query string.")
    private String path;
    @UriParam(label = "producer", description = "Unmarshal the answer to this type (e.g. java.util.Map,"
            + " java.util.List, com.fasterxml.jackson.databind.JsonNode or a class of your own). By default the"
            + " body is the answer's JSON as a String; answers without a body give a null body.")
    private Class<?> unmarshalType;
    @UriParam(label = "consumer", defaultValue = "now", description = "The changes consumers: when no cursor is"
            + " stored yet (first start), only changes whose sort field (see sort) is at or after this instant are"
            + " emitted; older list elements are skipped, the cursor moving past them, and elements without that"
            + " field are emitted. A feed sorted by id starts after the highest id its first poll finds instead"
            + " (an instant then acts as now). now (the time the consumer first starts), an ISO-8601 instant such as"
            + " 2026-01-01T00:00:00Z, or empty for everything Quivo lists. The value is stored with the cursor on"
            + " first start and kept from then on, so a restart does not skip changes made while it was down.")
    private String initialSince = "now";
    @UriParam(label = "consumer", description = "The changes consumers: where the cursor (the sort value of the"
            + " last element handled) is kept, e.g. a FileStateRepository, so that a restart resumes where the last"
            + " run stopped. In memory when unset: a restart then starts again from initialSince. items.changes keeps"
            + " its snapshot there (one entry per SKU) and starts and stops the repository with the consumer, so that"
            + " an instance that becomes leader reads what the last one wrote: give it a repository of its own.")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer,advanced", description = "The changes consumers: the key of the cursor in the"
            + " stateRepository; the operation (e.g. orders.changes) when unset. Set it when several accounts"
            + " share one repository. items.changes: the prefix of its snapshot's keys.")
    private String stateKey;
    @UriParam(label = "consumer", description = "items.changes: the warehouses whose stock is read, comma-separated"
            + " ids (e.g. 4,7); every warehouse GET /warehouses lists (but deactivated ones) when unset, asked again"
            + " on every poll.")
    private String warehouseIds;
    @UriParam(label = "consumer", description = "items.changes: the sellers whose stock is read, comma-separated"
            + " ids (e.g. 1001,1002); every seller GET /sellers lists when unset, asked again on every poll. Each"
            + " warehouse is read for each seller.")
    private String sellerIds;
    @UriParam(label = "consumer", defaultValue = "current", enums = "current,empty", description = "items.changes:"
            + " what the first poll of a warehouse and seller compares with, when the snapshot has nothing of them"
            + " yet. current: the stock as listed then becomes the snapshot and nothing is emitted; empty: every item"
            + " listed is emitted, as if its quantities were new.")
    private String initialSnapshot = "current";

    private QuivoOperation resolvedOperation;
    private QuivoClient client;

    public QuivoEndpoint(String uri, QuivoComponent component, String operation, QuivoConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public QuivoComponent getComponent() {
        return (QuivoComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (resolvedOperation().isChanges()) {
            throw new UnsupportedOperationException("quivo:" + operation + " can only consume; use it in from()");
        }
        if (resolvedOperation().retry() == QuivoOperation.Retry.ONCE_BY_IDENTIFIER) {
            return new CreateOnceProducer(this);
        }
        return resolvedOperation() == QuivoOperation.REQUEST ? new RequestProducer(this) : new OperationProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!resolvedOperation().isChanges()) {
            throw new UnsupportedOperationException("quivo:" + operation + " can only send; the consumers are"
                    + " orders.changes, shipments.changes, returns.changes, inbounds.changes and items.changes");
        }
        ScheduledPollConsumer consumer = resolvedOperation().isStock() ? new QuivoStockConsumer(this, processor)
                : new QuivoChangesConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        QuivoOperation started = resolvedOperation();
        client = getComponent().clientFor(configuration);
        getComponent().listener().onOperation(started.id());
    }

    QuivoOperation resolvedOperation() {
        if (resolvedOperation == null) {
            resolvedOperation = QuivoOperation.of(operation);
        }
        return resolvedOperation;
    }

    /** An option's value by its name, e.g. {@code sellerId}, as configured on this endpoint; null when unset. */
    Object option(String name) {
        if (getComponent().getEndpointPropertyConfigurer() instanceof PropertyConfigurerGetter options) {
            return options.getOptionValue(this, name, false);
        }
        throw new IllegalStateException("the quivo component's generated endpoint configurer is missing");
    }

    QuivoClient client() {
        return client;
    }

    ObjectMapper objectMapper() {
        return getComponent().getObjectMapper();
    }

    /** The body of an answer as the endpoint is configured to give it. */
    Object readBody(byte[] body) throws IOException {
        if (body == null) {
            return null;
        }
        if (unmarshalType == null || unmarshalType == String.class) {
            return new String(body, StandardCharsets.UTF_8);
        }
        if (unmarshalType == byte[].class) {
            return body;
        }
        return objectMapper().readValue(body, unmarshalType);
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getPaging() {
        return paging;
    }

    public void setPaging(String paging) {
        this.paging = paging;
    }

    public int getMaxItems() {
        return maxItems;
    }

    public void setMaxItems(int maxItems) {
        this.maxItems = maxItems;
    }

    public QuivoCallParameters getParameters() {
        return parameters;
    }

    public void setParameters(QuivoCallParameters parameters) {
        this.parameters = parameters;
    }

    public QuivoConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(QuivoConfiguration configuration) {
        this.configuration = configuration;
    }

    public Long getOrderId() {
        return orderId;
    }

    public void setOrderId(Long orderId) {
        this.orderId = orderId;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public String getSearchAfter() {
        return searchAfter;
    }

    public void setSearchAfter(String searchAfter) {
        this.searchAfter = searchAfter;
    }

    public String getAddressType() {
        return addressType;
    }

    public void setAddressType(String addressType) {
        this.addressType = addressType;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getInitialSince() {
        return initialSince;
    }

    public void setInitialSince(String initialSince) {
        this.initialSince = initialSince;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public String getWarehouseIds() {
        return warehouseIds;
    }

    public void setWarehouseIds(String warehouseIds) {
        this.warehouseIds = warehouseIds;
    }

    public String getSellerIds() {
        return sellerIds;
    }

    public void setSellerIds(String sellerIds) {
        this.sellerIds = sellerIds;
    }

    public String getInitialSnapshot() {
        return initialSnapshot;
    }

    public void setInitialSnapshot(String initialSnapshot) {
        this.initialSnapshot = initialSnapshot;
    }

    public Class<?> getUnmarshalType() {
        return unmarshalType;
    }

    public void setUnmarshalType(Class<?> unmarshalType) {
        this.unmarshalType = unmarshalType;
    }
}
