package io.camelquivo.component;

import org.apache.camel.spi.Metadata;

/** Message headers read and written by the quivo component. A header wins over the endpoint option. */
public final class QuivoConstants {

    @Metadata(label = "producer", description = "The HTTP status of Quivo's answer.", javaType = "Integer")
    public static final String STATUS_CODE = "CamelQuivoStatusCode";
    @Metadata(label = "producer", description = "Quivo's response headers; lookups ignore case.",
              javaType = "java.util.Map<String, String>")
    public static final String RESPONSE_HEADERS = "CamelQuivoResponseHeaders";
    @Metadata(label = "producer", description = "orders.create and inbounds.create: true when the order or inbound"
            + " was already in Quivo (an earlier attempt stored it, or its orderIdentifier or externalIdentifier"
            + " existed), so it was not created again; the body is then Quivo's list element for it.",
              javaType = "Boolean")
    public static final String EXISTED = "CamelQuivoExisted";
    @Metadata(label = "producer", description = "The order id for orders.refetch, orders.update and"
            + " orders.updateAddress.", javaType = "Long")
    public static final String ORDER_ID = "CamelQuivoOrderId";
    @Metadata(label = "producer", description = "The search expression of a list operation, e.g."
            + " orderIdentifier:SHOP-1001 or sku:ABC.", javaType = "String")
    public static final String QUERY = "CamelQuivoQuery";
    @Metadata(label = "producer", description = "The sort of a list operation, field:direction.",
              javaType = "String")
    public static final String SORT = "CamelQuivoSort";
    @Metadata(label = "producer", description = "The page of a list operation (0-based).", javaType = "Integer")
    public static final String PAGE = "CamelQuivoPage";
    @Metadata(label = "producer", description = "The page size of a list operation (1 to 1000).",
              javaType = "Integer")
    public static final String PAGE_SIZE = "CamelQuivoPageSize";
    @Metadata(label = "producer", description = "The cursor of a list operation: the sort value of the last"
            + " element of the previous page. It overrides page.", javaType = "String")
    public static final String SEARCH_AFTER = "CamelQuivoSearchAfter";
    @Metadata(label = "producer", description = "Which address orders.updateAddress replaces: DELIVERY,"
            + " INVOICE or DELIVERY_AND_INVOICE.", javaType = "String")
    public static final String ADDRESS_TYPE = "CamelQuivoAddressType";
    @Metadata(label = "producer", description = "The HTTP method of the request operation.", javaType = "String")
    public static final String HTTP_METHOD = "CamelQuivoHttpMethod";
    @Metadata(label = "producer", description = "The path of the request operation, e.g. /shipments; it may"
            + " carry a query string.", javaType = "String")
    public static final String PATH = "CamelQuivoPath";

    @Metadata(label = "common", description = "The seller of the articles, items and fulfillmentPlans operations, and of shippingServiceGroups.list, sellers.get, subscriptionPackages.get, contacts.create and addresses.create. Overrides the sellerId option. items.changes sets it to the seller of the changed stock.", javaType = "Long")
    public static final String SELLER_ID = "CamelQuivoSellerId";
    @Metadata(label = "producer", description = "The article of articles.get, articles.update, articles.imageUpload and articles.addImage. Overrides the articleId option.", javaType = "Long")
    public static final String ARTICLE_ID = "CamelQuivoArticleId";
    @Metadata(label = "producer", description = "The seller's identifier of the article for articles.getByIdentifier. Overrides the articleIdentifier option.", javaType = "String")
    public static final String ARTICLE_IDENTIFIER = "CamelQuivoArticleIdentifier";
    @Metadata(label = "common", description = "The warehouse of items.list and items.history. Overrides the warehouseId option. items.changes sets it to the warehouse of the changed stock.", javaType = "Long")
    public static final String WAREHOUSE_ID = "CamelQuivoWarehouseId";
    @Metadata(label = "producer", description = "The item of items.get and items.movements. Overrides the itemId option.", javaType = "Long")
    public static final String ITEM_ID = "CamelQuivoItemId";
    @Metadata(label = "producer", description = "The connected shop of shops.orders. Overrides the shopId option.", javaType = "Long")
    public static final String SHOP_ID = "CamelQuivoShopId";
    @Metadata(label = "producer", description = "The inbound of inbounds.get and inbounds.update. Overrides the inboundId option.", javaType = "Long")
    public static final String INBOUND_ID = "CamelQuivoInboundId";
    @Metadata(label = "producer", description = "The shipment of shipments.get. Overrides the bookedShipmentId option.", javaType = "Long")
    public static final String BOOKED_SHIPMENT_ID = "CamelQuivoBookedShipmentId";
    @Metadata(label = "producer", description = "The return shipment of returns.get and returns.update. Overrides the returnShipmentId option.", javaType = "Long")
    public static final String RETURN_SHIPMENT_ID = "CamelQuivoReturnShipmentId";
    @Metadata(label = "producer", description = "The return link of returnLinks.get. Overrides the returnLinkId option.", javaType = "Long")
    public static final String RETURN_LINK_ID = "CamelQuivoReturnLinkId";
    @Metadata(label = "producer", description = "The return link's hash for returnApp.get. Overrides the returnLinkHash option.", javaType = "String")
    public static final String RETURN_LINK_HASH = "CamelQuivoReturnLinkHash";
    @Metadata(label = "producer", description = "The support ticket of customerInquiries.get and customerInquiries.rate. Overrides the customerInquiryId option.", javaType = "Long")
    public static final String CUSTOMER_INQUIRY_ID = "CamelQuivoCustomerInquiryId";
    @Metadata(label = "producer", description = "The transport of transports.get. Overrides the transportId option.", javaType = "Long")
    public static final String TRANSPORT_ID = "CamelQuivoTransportId";
    @Metadata(label = "producer", description = "The routing rule of fulfillmentPlans.update. Overrides the planWhenId option.", javaType = "Long")
    public static final String PLAN_WHEN_ID = "CamelQuivoPlanWhenId";
    @Metadata(label = "producer", description = "The webhook subscription (a UUID) of subscriptions.get and subscriptions.delete. Overrides the subscriptionId option.", javaType = "String")
    public static final String SUBSCRIPTION_ID = "CamelQuivoSubscriptionId";
    @Metadata(label = "producer", description = "shops.orders: the page to load, the nextPageToken of the previous answer; the first page when unset. Overrides the pageToken option.", javaType = "String")
    public static final String PAGE_TOKEN = "CamelQuivoPageToken";
    @Metadata(label = "producer", description = "articles.imageUpload: the image's MIME type, e.g. image/jpeg. Overrides the mimeType option.", javaType = "String")
    public static final String MIME_TYPE = "CamelQuivoMimeType";
    @Metadata(label = "producer", description = "items.movements: the first movement date (ISO-8601). Overrides the movementFrom option.", javaType = "String")
    public static final String MOVEMENT_FROM = "CamelQuivoMovementFrom";
    @Metadata(label = "producer", description = "items.movements: the last movement date (ISO-8601). Overrides the movementTo option.", javaType = "String")
    public static final String MOVEMENT_TO = "CamelQuivoMovementTo";
    @Metadata(label = "producer", description = "shippingServiceGroups.list: whether deleted groups are listed too; Quivo's default is false. Overrides the showDeleted option.", javaType = "Boolean")
    public static final String SHOW_DELETED = "CamelQuivoShowDeleted";
    @Metadata(label = "producer", description = "Paged lists answered one page at a time: where the next page"
            + " starts, as the option its paging uses takes it (a page number, a searchAfter value or a pageToken);"
            + " absent after the last page.", javaType = "String")
    public static final String NEXT_CURSOR = "CamelQuivoNextCursor";

    @Metadata(label = "consumer", description = "The changes consumers: the changed entity, ORDERS, SHIPMENTS,"
            + " RETURNS, INBOUNDS or ITEMS (items.changes).", javaType = "String")
    public static final String ENTITY = "CamelQuivoEntity";
    @Metadata(label = "consumer", description = "The changes consumers: the changed entity's id (orderId,"
            + " bookedShipmentId, returnShipmentId, inboundId/id of an inbound, or an item's itemId when it has one).",
              javaType = "Long")
    public static final String ENTITY_ID = "CamelQuivoEntityId";
    @Metadata(label = "consumer", description = "The changes consumers: the entity's version, when the list"
            + " element has one.", javaType = "Long")
    public static final String VERSION = "CamelQuivoVersion";
    @Metadata(label = "consumer", description = "The changes consumers: the entity's lastModified as Quivo wrote"
            + " it (ISO-8601), when the list element has one.", javaType = "String")
    public static final String LAST_MODIFIED = "CamelQuivoLastModified";
    @Metadata(label = "consumer", description = "The changes consumers: the element's sort value as JSON text,"
            + " the cursor that is stored once this exchange succeeded.", javaType = "String")
    public static final String SORT_VALUE = "CamelQuivoSortValue";

    @Metadata(label = "consumer", description = "items.changes: the SKU whose quantities changed.",
              javaType = "String")
    public static final String SKU = "CamelQuivoSku";
    @Metadata(label = "consumer", description = "items.changes: the item's quantities in the snapshot, before the"
            + " change, as a JSON object of quantity, inventory, inbound and reserved (null for a field the list did"
            + " not give as a number); absent when the SKU is new to the snapshot.", javaType = "String")
    public static final String STOCK_BEFORE = "CamelQuivoStockBefore";
    @Metadata(label = "consumer", description = "items.changes: the item's quantities as listed now, the same JSON"
            + " object; the snapshot takes them once this exchange succeeded.", javaType = "String")
    public static final String STOCK_AFTER = "CamelQuivoStockAfter";

    private QuivoConstants() {
    }

    /** The header that overrides an endpoint option for one message: {@code CamelQuivo} and the option's name. */
    static String header(String option) {
        return "CamelQuivo" + Character.toUpperCase(option.charAt(0)) + option.substring(1);
    }
}
