package io.camelquivo.component;

import org.apache.camel.spi.Metadata;

/** Message headers read and written by the quivo component. A header wins over the endpoint option. */
public final class QuivoConstants {

    @Metadata(label = "producer", description = "The HTTP status of Quivo's answer.", javaType = "Integer")
    public static final String STATUS_CODE = "CamelQuivoStatusCode";
    @Metadata(label = "producer", description = "Quivo's response headers; lookups ignore case.",
              javaType = "java.util.Map<String, String>")
    public static final String RESPONSE_HEADERS = "CamelQuivoResponseHeaders";
    @Metadata(label = "producer", description = "orders.create: true when the order was already in Quivo (an"
            + " earlier attempt stored it, or its orderIdentifier existed), so it was not created again; the body is"
            + " then Quivo's list element for it.", javaType = "Boolean")
    public static final String ORDER_EXISTED = "CamelQuivoOrderExisted";
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

    @Metadata(label = "consumer", description = "The changes consumers: the changed entity, ORDERS, SHIPMENTS,"
            + " RETURNS or INBOUNDS.", javaType = "String")
    public static final String ENTITY = "CamelQuivoEntity";
    @Metadata(label = "consumer", description = "The changes consumers: the changed entity's id (orderId,"
            + " bookedShipmentId, returnShipmentId, or inboundId/id of an inbound).", javaType = "Long")
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

    private QuivoConstants() {
    }
}
