package io.camelquivo.component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The operation table: every Quivo endpoint the component names, as it appears in the URI. One row says all
 * there is to say about a call (method, path template, query parameters, body, paging, and whether a retry is
 * safe), and {@link OperationProducer} executes any row. Only real behaviour has a class of its own: the
 * create-once orders, the raw {@code request}, and the {@code *.changes} consumers.
 *
 * <p>A path variable such as {@code {sellerId}} and a query parameter are endpoint options of the same name,
 * and a {@code CamelQuivo<Name>} header overrides them per message. A query parameter written
 * {@code type=addressType} is sent as {@code type}, from the option {@code addressType}; one marked {@code !} is
 * required. The operation list in quivo.json and connector-docs/operations.md come from this table, and tests
 * fail when they drift.
 */
public enum QuivoOperation {

    // orders
    ORDERS_CREATE("orders.create", "POST", "/orders", new Identity("orderIdentifier", "orderId"),
            "Submit an order; created at most once per orderIdentifier."),
    ORDERS_LIST("orders.list", "GET", "/orders", Paging.SEARCH_AFTER, "List orders (summaries)."),
    ORDERS_UPDATE("orders.update", "PATCH", "/orders/{orderId}", Body.REQUIRED, Retry.SAFE,
            "Change some fields of an order (address, comment); Quivo answers without a body."),
    ORDERS_UPDATE_ADDRESS("orders.updateAddress", "PUT", "/orders/{orderId}/address", Body.REQUIRED, Retry.SAFE,
            "Replace the delivery and/or invoice address.", "type=addressType!"),
    ORDERS_REFETCH("orders.refetch", "POST", "/orders/{orderId}/refetch", Body.NONE, Retry.SAFE,
            "Refresh and read an order's full detail."),
    ORDERS_ADD_ATTACHMENT("orders.addAttachment", "POST", "/orders/{orderId}/attachments", Body.REQUIRED,
            Retry.UNSAFE, "Attach an uploaded file to an order, for printing in the warehouse."),
    SHOPS_ORDERS("shops.orders", "GET", "/shops/{shopId}/orders", Paging.PAGE_TOKEN,
            "Orders as read from a connected shop."),

    // articles
    ARTICLES_LIST("articles.list", "GET", "/articles", Paging.PAGE, "Search articles."),
    ARTICLES_GET("articles.get", "GET", "/articles/{sellerId}/{articleId}", "Read an article."),
    ARTICLES_GET_BY_IDENTIFIER("articles.getByIdentifier", "GET",
            "/articles/{sellerId}/identifier/{articleIdentifier}", "Read an article by its identifier."),
    ARTICLES_CREATE("articles.create", "POST", "/articles/{sellerId}", Body.REQUIRED, Retry.UNSAFE,
            "Create an article (path assumed: Quivo's page for it could not be read)."),
    ARTICLES_UPDATE("articles.update", "PUT", "/articles/{sellerId}/{articleId}", Body.REQUIRED, Retry.SAFE,
            "Replace an article: send every field to keep."),
    ARTICLES_VALIDATE("articles.validate", "POST", "/articles/{sellerId}/validate", Body.REQUIRED, Retry.SAFE,
            "Validate an article without saving it."),
    ARTICLES_IMAGE_UPLOAD("articles.imageUpload", "POST", "/articles/{sellerId}/{articleId}/images/upload",
            Body.NONE, Retry.SAFE, "Image step 1: get an upload URL.", "mimeType!"),
    ARTICLES_ADD_IMAGE("articles.addImage", "POST", "/articles/{sellerId}/{articleId}/images", Body.REQUIRED,
            Retry.UNSAFE, "Image step 2: register the uploaded image."),

    // items and stock
    ITEMS_LIST("items.list", "GET", "/items/{warehouseId}/{sellerId}", Paging.SEARCH_AFTER,
            "Stock of a seller's items in a warehouse."),
    ITEMS_HISTORY("items.history", "GET", "/items/itemHistories/{warehouseId}/{sellerId}", Paging.SEARCH_AFTER,
            "Stock history snapshots."),
    ITEMS_GET("items.get", "GET", "/items/{itemId}", "Read one item."),
    ITEMS_MOVEMENTS("items.movements", "GET", "/items/{itemId}/movements", Paging.PAGE,
            "Stock movements of an item.", "movementFrom", "movementTo"),

    // inbounds
    INBOUNDS_CREATE("inbounds.create", "POST", "/inbounds", new Identity("externalIdentifier", "id"),
            "Announce an inbound delivery; created at most once per externalIdentifier."),
    INBOUNDS_LIST("inbounds.list", "GET", "/inbounds", Paging.SEARCH_AFTER, "List inbounds."),
    INBOUNDS_GET("inbounds.get", "GET", "/inbounds/{inboundId}",
            "Read an inbound (path assumed: Quivo documents the PUT only)."),
    INBOUNDS_UPDATE("inbounds.update", "PUT", "/inbounds/{inboundId}", Body.REQUIRED, Retry.SAFE,
            "Update an inbound."),

    // shipments
    SHIPMENTS_BOOK("shipments.book", "POST", "/shipments/book", Body.REQUIRED, Retry.REQUEST_UUID,
            "Book a shipment and make its labels."),
    SHIPMENTS_ESTIMATE("shipments.estimate", "POST", "/shipments/estimate", Body.REQUIRED, Retry.SAFE,
            "Estimate the price of shipments."),
    SHIPMENTS_BOOK_BATCH_ASYNC("shipments.bookBatchAsync", "POST", "/shipments/bookBatchAsync", Body.REQUIRED,
            Retry.UNSAFE, "Book many shipments; Quivo answers without a body."),
    SHIPMENTS_BOOK_SHOP_ASYNC("shipments.bookShopAsync", "POST", "/shipments/bookShopAsync", Body.REQUIRED,
            Retry.UNSAFE, "Book shipments for shop orders; the results are e-mailed."),
    SHIPMENTS_LIST("shipments.list", "GET", "/shipments", Paging.SEARCH_AFTER, "List booked shipments."),
    SHIPMENTS_GET("shipments.get", "GET", "/shipments/{bookedShipmentId}", "Read a shipment."),
    SHIPPING_SERVICE_GROUPS_LIST("shippingServiceGroups.list", "GET", "/shippingServiceGroups/{sellerId}",
            Paging.SEARCH_AFTER, "Shipping service groups a seller can book with.", "showDeleted"),

    // returns
    RETURNS_LIST("returns.list", "GET", "/returns", Paging.SEARCH_AFTER, "List return shipments."),
    RETURNS_GET("returns.get", "GET", "/returns/{returnShipmentId}", "Read a return shipment."),
    RETURNS_UPDATE("returns.update", "PUT", "/returns/{returnShipmentId}", Body.REQUIRED, Retry.SAFE,
            "Update a return shipment (customerExamined)."),
    RETURN_LINKS_CREATE("returnLinks.create", "POST", "/returnLinks", Body.REQUIRED, Retry.UNSAFE,
            "Create a customer return link."),
    RETURN_LINKS_GET("returnLinks.get", "GET", "/returnLinks/{returnLinkId}", "Read a return link."),
    RETURN_APP_GET("returnApp.get", "GET", "/returnApp/{returnLinkHash}", "The return app's data for a link hash."),
    RETURN_APP_BOOK("returnApp.book", "POST", "/returnApp/book", Body.REQUIRED, Retry.REQUEST_UUID,
            "Book a return label through the return app."),

    // sellers, warehouses, shops and other master data
    SELLERS_LIST("sellers.list", "GET", "/sellers", Paging.SEARCH_AFTER, "Sellers the account may use."),
    SELLERS_GET("sellers.get", "GET", "/sellers/{sellerId}", "Read a seller."),
    WAREHOUSES_LIST("warehouses.list", "GET", "/warehouses", Paging.SEARCH_AFTER, "List warehouses."),
    SHOPS_LIST("shops.list", "GET", "/shops", Paging.SEARCH_AFTER, "Connected shops."),
    SHOPS_AUTHORIZE("shops.authorize", "POST", "/shops/authorize", Body.REQUIRED, Retry.UNSAFE,
            "Connect a shop by OAuth."),
    SUBSCRIPTION_PACKAGES_GET("subscriptionPackages.get", "GET", "/subscriptionPackages/{sellerId}",
            "A seller's plan and its usage."),
    CONTACTS_CREATE("contacts.create", "POST", "/contacts/{sellerId}", Body.REQUIRED, Retry.UNSAFE,
            "Add a notification contact."),
    ADDRESSES_CREATE("addresses.create", "POST", "/addresses/{sellerId}", Body.REQUIRED, Retry.UNSAFE,
            "Add an address-book entry."),
    STORED_ADDRESSES_LIST("storedAddresses.list", "GET", "/storedAddresses", Paging.SEARCH_AFTER,
            "Stored addresses."),
    CUSTOMER_INQUIRIES_CREATE("customerInquiries.create", "POST", "/customerInquiries", Body.REQUIRED,
            Retry.UNSAFE, "Open a support ticket."),
    CUSTOMER_INQUIRIES_GET("customerInquiries.get", "GET", "/customerInquiries/{customerInquiryId}",
            "Read a support ticket."),
    CUSTOMER_INQUIRIES_RATE("customerInquiries.rate", "POST", "/customerInquiries/{customerInquiryId}/ratings",
            Body.REQUIRED, Retry.UNSAFE, "Rate a support ticket."),
    TRANSPORTS_CREATE("transports.create", "POST", "/transports", Body.REQUIRED, Retry.UNSAFE,
            "Request a freight transport."),
    TRANSPORTS_LIST("transports.list", "GET", "/transports", Paging.SEARCH_AFTER, "List transports."),
    TRANSPORTS_GET("transports.get", "GET", "/transports/{transportId}", "Read a transport."),
    FULFILLMENT_PLANS_CREATE("fulfillmentPlans.create", "POST", "/fulfillmentPlans/{sellerId}", Body.REQUIRED,
            Retry.UNSAFE, "Create a routing rule."),
    FULFILLMENT_PLANS_UPDATE("fulfillmentPlans.update", "PUT", "/fulfillmentPlans/{sellerId}/{planWhenId}",
            Body.REQUIRED, Retry.SAFE, "Update a routing rule."),
    FULFILLMENT_PLANS_PREVIEW("fulfillmentPlans.preview", "POST", "/fulfillmentPlans/{sellerId}/preview",
            Body.REQUIRED, Retry.SAFE, "Show how an order would be routed."),
    FULFILLMENT_PLANS_SKU_FORK("fulfillmentPlans.skuFork", "POST", "/fulfillmentPlans/{sellerId}/skuFork",
            Body.REQUIRED, Retry.UNSAFE, "Create a SKU split rule; Quivo answers without a body."),

    // webhook subscriptions
    SUBSCRIPTIONS_CREATE("subscriptions.create", "POST", "/subscriptions", Body.REQUIRED, Retry.UNSAFE,
            "Subscribe an HTTPS endpoint to an entity's changes."),
    SUBSCRIPTIONS_LIST("subscriptions.list", "GET", "/subscriptions", "List the active subscriptions."),
    SUBSCRIPTIONS_GET("subscriptions.get", "GET", "/subscriptions/{subscriptionId}", "Read a subscription."),
    SUBSCRIPTIONS_DELETE("subscriptions.delete", "DELETE", "/subscriptions/{subscriptionId}", Body.NONE,
            Retry.SAFE, "Delete a subscription."),

    // any call, and the change feeds
    REQUEST("request", null, null, Body.OPTIONAL, Retry.UNSAFE,
            "Any method on any path (method and path options), for calls the table does not name."),
    // only orders show lastModified in Quivo's list schemas; returns sort by id, since their only date,
    // receivedDate, stays empty until the warehouse receives the parcel (see FeedOrder)
    ORDERS_CHANGES("orders.changes", "/orders", new Feed("ORDERS", "lastModified", "orderId")),
    SHIPMENTS_CHANGES("shipments.changes", "/shipments", new Feed("SHIPMENTS", "created", "bookedShipmentId")),
    RETURNS_CHANGES("returns.changes", "/returns", new Feed("RETURNS", "returnShipmentId", "returnShipmentId")),
    INBOUNDS_CHANGES("inbounds.changes", "/inbounds", new Feed("INBOUNDS", "created", "inboundId", "id")),
    // Quivo has no webhook entity for stock: the whole list is read and compared with a snapshot (stock-feed.md)
    ITEMS_CHANGES("items.changes", "/items/{warehouseId}/{sellerId}", new Feed("ITEMS", "itemId", "itemId"),
            "Consumer: each item whose quantities changed since the last poll, per warehouse and seller, compared"
            + " with a snapshot (stock-feed.md).");

    /** What the request carries as its body. */
    public enum Body {
        NONE, REQUIRED, OPTIONAL
    }

    /** How a list is paged: Quivo's three styles, or not at all. */
    public enum Paging {
        /** One answer, no pages. */
        NONE,
        /** {@code page} (0-based) and {@code pageSize} (at most 1000). */
        PAGE,
        /** {@code page} and {@code pageSize}, or the cursor {@code searchAfter}: the last element's sort value. */
        SEARCH_AFTER,
        /** {@code pageToken}, answered with the next one in {@code nextPageToken}. */
        PAGE_TOKEN
    }

    /** Whether the error policy may send the call again after an answer that leaves its effect unknown. */
    public enum Retry {
        /** It reads, or replaces with the same content: sending it twice does no harm. */
        SAFE,
        /**
         * orders.create and inbounds.create: after an attempt that may have stored it, looked up by its identity
         * field (the row's {@link Identity}) before it is sent again, so it is created at most once.
         */
        ONCE_BY_IDENTIFIER,
        /**
         * A booking: it always carries a requestUUID, by which Quivo books it once. A body without one gets one
         * made from its bytes, so a redelivery, or the same file or record read again after a restart, sends
         * the same.
         */
        REQUEST_UUID,
        /** It creates something: sent again after a lost answer, it may create it twice. */
        UNSAFE
    }

    /**
     * A change feed: its entity as the events topic names it, the field its list is walked by unless the
     * {@code sort} option says otherwise, and the fields of a list element that may hold its id.
     */
    record Feed(String entity, String sortField, String... idFields) {
    }

    /**
     * What makes a create the same create: the body's field the caller sets once per entity (e.g.
     * {@code orderIdentifier}), which the list at the create's path can be queried by
     * ({@code query=<field>:<value>}), and the field a list element has its Quivo id in.
     */
    public record Identity(String field, String idField) {
    }

    /** A query parameter: its name in the URL, the option (and header) it comes from, whether it must be set. */
    public record QueryParameter(String name, String option, boolean required) {
    }

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");

    private final String id;
    private final String method;
    private final String pathTemplate;
    private final Body body;
    private final Retry retry;
    private final Paging paging;
    private final String summary;
    private final List<QueryParameter> query;
    private final String entity;
    private final String feedSortField;
    private final String[] idFields;
    private final Identity identity;

    /** A read with no body and no paging. */
    QuivoOperation(String id, String method, String pathTemplate, String summary) {
        this(id, method, pathTemplate, Body.NONE, Retry.SAFE, Paging.NONE, summary, null, new String[0]);
    }

    /** A create that is made once per identity, as {@link Retry#ONCE_BY_IDENTIFIER} says. */
    QuivoOperation(String id, String method, String pathTemplate, Identity identity, String summary) {
        this(id, method, pathTemplate, Body.REQUIRED, Retry.ONCE_BY_IDENTIFIER, Paging.NONE, summary, identity,
                new String[0]);
    }

    /** A paged list. */
    QuivoOperation(String id, String method, String pathTemplate, Paging paging, String summary,
            String... extraQuery) {
        this(id, method, pathTemplate, Body.NONE, Retry.SAFE, paging, summary, null, extraQuery);
    }

    QuivoOperation(String id, String method, String pathTemplate, Body body, Retry retry, String summary,
            String... query) {
        this(id, method, pathTemplate, body, retry, Paging.NONE, summary, null, query);
    }

    QuivoOperation(String id, String method, String pathTemplate, Body body, Retry retry, Paging paging,
            String summary, Identity identity, String[] extraQuery) {
        this.id = id;
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.body = body;
        this.retry = retry;
        this.paging = paging;
        this.summary = summary;
        this.query = queryParameters(paging, extraQuery);
        this.entity = null;
        this.feedSortField = null;
        this.idFields = new String[0];
        this.identity = identity;
    }

    /** A change feed: polls {@code GET listPath} and emits each changed entity. */
    QuivoOperation(String id, String listPath, Feed feed) {
        this(id, listPath, feed, null);
    }

    QuivoOperation(String id, String listPath, Feed feed, String summary) {
        this.id = id;
        this.method = "GET";
        this.pathTemplate = listPath;
        this.body = Body.NONE;
        this.retry = Retry.SAFE;
        this.paging = Paging.SEARCH_AFTER;
        String plural = feed.entity().toLowerCase(Locale.ROOT);
        this.summary = summary != null ? summary : "Consumer: each " + plural.substring(0, plural.length() - 1)
                + " that is new or changed since the last poll, as its feed's sort field tells (change-events.md).";
        this.query = List.of();
        this.entity = feed.entity();
        this.feedSortField = feed.sortField();
        this.idFields = feed.idFields();
        this.identity = null;
    }

    private static List<QueryParameter> queryParameters(Paging paging, String[] extra) {
        List<String> all = new ArrayList<>(switch (paging) {
            case NONE -> List.<String>of();
            case PAGE -> List.of("query", "sort", "page", "pageSize");
            case SEARCH_AFTER -> List.of("query", "sort", "page", "pageSize", "searchAfter");
            case PAGE_TOKEN -> List.of("pageToken");
        });
        all.addAll(Arrays.asList(extra));
        return all.stream().map(QuivoOperation::queryParameter).toList();
    }

    private static QueryParameter queryParameter(String spec) {
        boolean required = spec.endsWith("!");
        String bare = required ? spec.substring(0, spec.length() - 1) : spec;
        int eq = bare.indexOf('=');
        return eq < 0 ? new QueryParameter(bare, bare, required)
                : new QueryParameter(bare.substring(0, eq), bare.substring(eq + 1), required);
    }

    public String id() {
        return id;
    }

    /** The HTTP method; null for {@code request}, whose method is an option. */
    public String method() {
        return method;
    }

    /** The path with its variables, e.g. {@code /articles/{sellerId}/{articleId}}; null for {@code request}. */
    public String pathTemplate() {
        return pathTemplate;
    }

    public Body body() {
        return body;
    }

    public Retry retry() {
        return retry;
    }

    public Paging paging() {
        return paging;
    }

    /** One line for the docs. */
    public String summary() {
        return summary;
    }

    /** What makes two creates the same, for a {@link Retry#ONCE_BY_IDENTIFIER} row; null for any other. */
    public Identity identity() {
        return identity;
    }

    public List<QueryParameter> query() {
        return query;
    }

    /** The names of the path's variables, in order, e.g. {@code sellerId, articleId}. */
    public List<String> pathVariables() {
        List<String> names = new ArrayList<>();
        if (pathTemplate != null) {
            Matcher variable = PATH_VARIABLE.matcher(pathTemplate);
            while (variable.find()) {
                names.add(variable.group(1));
            }
        }
        return names;
    }

    /** The path with each variable replaced by {@code value.apply(name)}, URL-encoded as a path segment. */
    String path(UnaryOperator<String> value) {
        Matcher variable = PATH_VARIABLE.matcher(pathTemplate);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String segment = URLEncoder.encode(value.apply(variable.group(1)), StandardCharsets.UTF_8).replace("+", "%20");
            variable.appendReplacement(path, Matcher.quoteReplacement(segment));
        }
        variable.appendTail(path);
        return path.toString();
    }

    /** Whether this is a change feed, the only kind of operation that consumes. */
    public boolean isChanges() {
        return entity != null;
    }

    /** Whether this is the stock feed, which compares the whole list with a snapshot instead of a cursor. */
    public boolean isStock() {
        return this == ITEMS_CHANGES;
    }

    /** A change feed's entity as the events topic names it, e.g. {@code ORDERS}; null for other operations. */
    public String entity() {
        return entity;
    }

    /** A change feed's list call, e.g. {@code /orders}. */
    String listPath() {
        return pathTemplate;
    }

    /** A change feed's default sort field, e.g. {@code lastModified}. */
    String feedSortField() {
        return feedSortField;
    }

    /** The fields of a list element that may hold its id, the first present wins. */
    String[] idFields() {
        return idFields.clone();
    }

    /** Every operation id, comma-separated, in table order: what the URI's operation may be. */
    public static String ids() {
        return Arrays.stream(values()).map(QuivoOperation::id).collect(Collectors.joining(","));
    }

    public static QuivoOperation of(String id) {
        return Arrays.stream(values()).filter(op -> op.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown Quivo operation '" + id + "'; known: "
                        + Arrays.stream(values()).map(QuivoOperation::id).collect(Collectors.joining(", "))));
    }
}
