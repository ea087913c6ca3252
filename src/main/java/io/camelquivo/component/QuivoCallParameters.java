package io.camelquivo.component;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The path variables and query parameters of the operation table's rows that no older option covers. Each is an
 * endpoint option of its own name, and the header {@code CamelQuivo<Name>} overrides it per message; see
 * {@link QuivoOperation}.
 */
// Ids are declared as long, not Long, in the metadata, so that the Java DSL takes a plain number: sellerId(7).
// The field stays a Long, null when unset.
@UriParams
public class QuivoCallParameters {

    @UriParam(label = "producer", javaType = "long", description = "The seller of the articles, items and fulfillmentPlans operations, and of shippingServiceGroups.list, sellers.get, subscriptionPackages.get, contacts.create and addresses.create.")
    private Long sellerId;
    @UriParam(label = "producer", javaType = "long", description = "The article of articles.get, articles.update, articles.imageUpload and articles.addImage.")
    private Long articleId;
    @UriParam(label = "producer", description = "The seller's identifier of the article for articles.getByIdentifier.")
    private String articleIdentifier;
    @UriParam(label = "producer", javaType = "long", description = "The warehouse of items.list and items.history.")
    private Long warehouseId;
    @UriParam(label = "producer", javaType = "long", description = "The item of items.get and items.movements.")
    private Long itemId;
    @UriParam(label = "producer", javaType = "long", description = "The connected shop of shops.orders.")
    private Long shopId;
    @UriParam(label = "producer", javaType = "long", description = "The inbound of inbounds.get and inbounds.update.")
    private Long inboundId;
    @UriParam(label = "producer", javaType = "long", description = "The shipment of shipments.get.")
    private Long bookedShipmentId;
    @UriParam(label = "producer", javaType = "long", description = "The return shipment of returns.get and returns.update.")
    private Long returnShipmentId;
    @UriParam(label = "producer", javaType = "long", description = "The return link of returnLinks.get.")
    private Long returnLinkId;
    // not "hash": Camel drops an endpoint option of that name, as it keeps it for endpoints' identity
    @UriParam(label = "producer", description = "The return link's hash for returnApp.get.")
    private String returnLinkHash;
    @UriParam(label = "producer", javaType = "long", description = "The support ticket of customerInquiries.get and customerInquiries.rate.")
    private Long customerInquiryId;
    @UriParam(label = "producer", javaType = "long", description = "The transport of transports.get.")
    private Long transportId;
    @UriParam(label = "producer", javaType = "long", description = "The routing rule of fulfillmentPlans.update.")
    private Long planWhenId;
    @UriParam(label = "producer", description = "The webhook subscription (a UUID) of subscriptions.get and subscriptions.delete.")
    private String subscriptionId;
    @UriParam(label = "producer", description = "shops.orders: the page to load, the nextPageToken of the previous answer; the first page when unset.")
    private String pageToken;
    @UriParam(label = "producer", description = "articles.imageUpload: the image's MIME type, e.g. image/jpeg.")
    private String mimeType;
    @UriParam(label = "producer", description = "items.movements: the first movement date (ISO-8601).")
    private String movementFrom;
    @UriParam(label = "producer", description = "items.movements: the last movement date (ISO-8601).")
    private String movementTo;
    @UriParam(label = "producer", description = "shippingServiceGroups.list: whether deleted groups are listed too; Quivo's default is false.")
    private Boolean showDeleted;

    public Long getSellerId() {
        return sellerId;
    }

    public void setSellerId(Long sellerId) {
        this.sellerId = sellerId;
    }

    public Long getArticleId() {
        return articleId;
    }

    public void setArticleId(Long articleId) {
        this.articleId = articleId;
    }

    public String getArticleIdentifier() {
        return articleIdentifier;
    }

    public void setArticleIdentifier(String articleIdentifier) {
        this.articleIdentifier = articleIdentifier;
    }

    public Long getWarehouseId() {
        return warehouseId;
    }

    public void setWarehouseId(Long warehouseId) {
        this.warehouseId = warehouseId;
    }

    public Long getItemId() {
        return itemId;
    }

    public void setItemId(Long itemId) {
        this.itemId = itemId;
    }

    public Long getShopId() {
        return shopId;
    }

    public void setShopId(Long shopId) {
        this.shopId = shopId;
    }

    public Long getInboundId() {
        return inboundId;
    }

    public void setInboundId(Long inboundId) {
        this.inboundId = inboundId;
    }

    public Long getBookedShipmentId() {
        return bookedShipmentId;
    }

    public void setBookedShipmentId(Long bookedShipmentId) {
        this.bookedShipmentId = bookedShipmentId;
    }

    public Long getReturnShipmentId() {
        return returnShipmentId;
    }

    public void setReturnShipmentId(Long returnShipmentId) {
        this.returnShipmentId = returnShipmentId;
    }

    public Long getReturnLinkId() {
        return returnLinkId;
    }

    public void setReturnLinkId(Long returnLinkId) {
        this.returnLinkId = returnLinkId;
    }

    public String getReturnLinkHash() {
        return returnLinkHash;
    }

    public void setReturnLinkHash(String returnLinkHash) {
        this.returnLinkHash = returnLinkHash;
    }

    public Long getCustomerInquiryId() {
        return customerInquiryId;
    }

    public void setCustomerInquiryId(Long customerInquiryId) {
        this.customerInquiryId = customerInquiryId;
    }

    public Long getTransportId() {
        return transportId;
    }

    public void setTransportId(Long transportId) {
        this.transportId = transportId;
    }

    public Long getPlanWhenId() {
        return planWhenId;
    }

    public void setPlanWhenId(Long planWhenId) {
        this.planWhenId = planWhenId;
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    public void setSubscriptionId(String subscriptionId) {
        this.subscriptionId = subscriptionId;
    }

    public String getPageToken() {
        return pageToken;
    }

    public void setPageToken(String pageToken) {
        this.pageToken = pageToken;
    }

    public String getMimeType() {
        return mimeType;
    }

    public void setMimeType(String mimeType) {
        this.mimeType = mimeType;
    }

    public String getMovementFrom() {
        return movementFrom;
    }

    public void setMovementFrom(String movementFrom) {
        this.movementFrom = movementFrom;
    }

    public String getMovementTo() {
        return movementTo;
    }

    public void setMovementTo(String movementTo) {
        this.movementTo = movementTo;
    }

    public Boolean getShowDeleted() {
        return showDeleted;
    }

    public void setShowDeleted(Boolean showDeleted) {
        this.showDeleted = showDeleted;
    }
}
