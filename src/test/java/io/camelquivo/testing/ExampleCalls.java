package io.camelquivo.testing;

import java.util.Map;

/**
 * A minimal valid call for each operation of the table, for the row tests and the examples in connector-docs:
 * a body with what Quivo's reference marks required and a little more, and a value for each path variable and
 * required query parameter that names something {@link #seed seeded} simulator has.
 */
public final class ExampleCalls {

    private ExampleCalls() {
    }

    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("orders.create", Orders.valid("SHOP-1001").strip()),

            Map.entry("orders.update", "{\"comment\":\"leave at the door\"}"),
            Map.entry("orders.updateAddress", "{\"name\":\"Erika Mustermann\",\"street\":\"Hauptstr. 1\","
                    + "\"zip\":\"10115\",\"city\":\"Berlin\",\"countryIso2\":\"DE\"}"),
            Map.entry("orders.addAttachment", "{\"printerType\":\"LABEL_PRINTER\","
                    + "\"attachmentPlacement\":\"INSIDE_PACKAGE\",\"copyCount\":1}"),
            Map.entry("articles.create", "{\"sku\":\"SKU-1\",\"name\":{\"value\":\"Blue Mug\",\"language\":\"EN\"}}"),
            Map.entry("articles.update", "{\"sku\":\"SKU-1\",\"name\":{\"value\":\"Red Mug\",\"language\":\"EN\"}}"),
            Map.entry("articles.validate", "{\"sku\":\"SKU-2\"}"),
            Map.entry("articles.addImage", "{\"id\":\"img-1\"}"),
            Map.entry("inbounds.create", "{\"sellerId\":1001,\"warehouseId\":4,\"shipFrom\":{\"company\":\"Supplier\"},"
                    + "\"estimatedArrivalTime\":\"2026-01-02T10:00:00Z\"}"),
            Map.entry("inbounds.update", "{\"comments\":\"two pallets\"}"),
            Map.entry("shipments.book", "{\"sellerId\":1001,\"shippingServiceGroupId\":3,\"grossWeightKg\":1.2}"),
            Map.entry("shipments.estimate", "{\"estimateRequests\":[{\"sellerId\":1001,\"grossWeightKg\":1.2}]}"),
            Map.entry("shipments.bookBatchAsync", "{\"reference\":\"batch-1\",\"bookRequests\":[{\"lineNumber\":1}]}"),
            Map.entry("shipments.bookShopAsync", "{\"shippingServiceGroupId\":3,\"mailTo\":\"ops@example.com\","
                    + "\"shopId\":7,\"orderIdentifiers\":[\"A-1\"],\"parcelWeight\":0.2}"),
            Map.entry("returns.update", "{\"customerExamined\":true}"),
            Map.entry("returnLinks.create", "{\"sellerId\":1001,\"shippingServiceGroupId\":3}"),
            Map.entry("returnApp.book", "{\"requestUUID\":\"4f1c2d1e-0000-4000-8000-000000000001\",\"hash\":\"a1b2c3\","
                    + "\"reference\":\"R-1\",\"shipFrom\":{\"name\":\"Erika\"},\"grossWeightKG\":1.0}"),
            Map.entry("shops.authorize", "{\"shopType\":\"SHOPIFY\",\"oauthCode\":\"code\"}"),
            Map.entry("contacts.create", "{\"email\":\"ops@example.com\",\"subscriptionType\":\"ALL\"}"),
            Map.entry("addresses.create", "{\"defaultFor\":[\"SHIP_FROM\"],\"company\":\"Demo\"}"),
            Map.entry("customerInquiries.create", "{\"subject\":\"Late inbound\",\"sellerId\":1001,\"warehouseId\":4,"
                    + "\"messages\":[{\"message\":\"Where is it?\"}]}"),
            Map.entry("customerInquiries.rate", "{\"rating\":5.0,\"ratingMessage\":\"quick\"}"),
            Map.entry("transports.create", "{\"sellerId\":1001,\"shipFrom\":{\"company\":\"A\"},"
                    + "\"shipTo\":{\"company\":\"B\"},\"positions\":[{\"deliveryType\":\"CONTAINER\",\"quantity\":1}]}"),
            Map.entry("fulfillmentPlans.create", "{\"type\":\"RULE\",\"sku\":\"SKU-1\",\"thens\":[{\"warehouse\":4}]}"),
            Map.entry("fulfillmentPlans.update", "{\"type\":\"RULE\",\"sku\":\"SKU-1\",\"thens\":[{\"warehouse\":8}]}"),
            Map.entry("fulfillmentPlans.preview", "{\"orderId\":1,\"excludeWhenIds\":[]}"),
            Map.entry("fulfillmentPlans.skuFork", "{\"fromSku\":\"SET-1\",\"to\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}"),
            Map.entry("subscriptions.create", "{\"sellerId\":1001,\"entity\":\"ORDERS\","
                    + "\"endpoint\":{\"url\":\"https://example.com/hook\"}}"));

    /** The body to send to the operation; null for one that takes none. */
    public static String body(String operation) {
        return BODIES.get(operation);
    }

    /** A value for a path variable or a required query parameter, as an option takes it. */
    public static String value(String option) {
        return switch (option) {
            case "sellerId" -> "1001";
            case "orderId" -> "1";
            case "articleIdentifier" -> "MUG-1";
            case "returnLinkHash" -> "a1b2c3";
            case "addressType" -> "DELIVERY";
            case "mimeType" -> "image/jpeg";
            default -> "7";
        };
    }

    /**
     * Makes every example call answerable: order 1, and entity 7 of every other resource, the article and the
     * return link findable by their identifier and hash.
     */
    public static void seed(io.camelquivo.simulator.QuivoSimulator simulator) {
        io.camelquivo.simulator.Resources resources = simulator.resources();
        resources.names().forEach(name -> resources.store(name).put(7, "{}"));
        resources.store("articles").put(7, "{\"articleIdentifier\":\"" + value("articleIdentifier") + "\"}");
        resources.store("returnLinks").put(7, "{\"hash\":\"" + value("returnLinkHash") + "\"}");
    }
}
