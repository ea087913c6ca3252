package io.camelquivo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The answers that are more than a stored entity: bookings, estimates, pages of shop orders and movements, plans. */
final class Answers {

    /** Shop orders per page; Quivo does not say, and pageToken callers never choose it. */
    static final int SHOP_ORDERS_PAGE_SIZE = 25;

    private Answers() {
    }

    /** A booked label, in the shape {@code POST /returnApp/book} documents. */
    static Reply booking(ObjectNode shipment) {
        long id = shipment.get("bookedShipmentId").asLong();
        ObjectNode answer = Json.object().put("status", "OK").putNull("message");
        answer.put("bookedShipmentId", id);
        answer.put("trackingNumber", "SIM" + id);
        answer.put("trackingLink", "https://tracking.example.invalid/SIM" + id);
        answer.putArray("labelUrls").add("https://labels.example.invalid/" + id + ".pdf");
        answer.putArray("documentUrls");
        return Reply.json(200, answer);
    }

    /** One result per estimate request, each a success at a fixed price. */
    static Reply estimate(ObjectNode request) {
        JsonNode requests = request.get("estimateRequests");
        if (!requests.isArray()) {
            throw ApiException.badRequest("estimateRequests: must be an array");
        }
        ArrayNode results = Json.MAPPER.createArrayNode();
        for (JsonNode each : requests) {
            ObjectNode result = results.addObject();
            result.set("requestUUID", each.path("requestUUID").isMissingNode() ? null : each.get("requestUUID"));
            result.put("success", true);
            result.putObject("currency").put("currencyCode", "EUR");
            result.put("amountLabel", 4.9);
            result.put("amountInsurance", 0.0);
        }
        ObjectNode answer = Json.object();
        answer.set("estimateResults", results);
        return Reply.json(200, answer);
    }

    /** {@code {orders:[...], nextPageToken}}: the shop's orders by id, the token an offset, null on the last page. */
    static Reply shopOrders(List<ObjectNode> all, String shopId, String pageToken) {
        List<ObjectNode> shops = all.stream().filter(order -> shopId.equals(order.path("shopId").asText())).toList();
        int from = offset(pageToken);
        int to = Math.min(shops.size(), from + SHOP_ORDERS_PAGE_SIZE);
        ObjectNode answer = Json.object();
        ArrayNode orders = answer.putArray("orders");
        shops.subList(Math.min(from, to), to).forEach(orders::add);
        answer.put("nextPageToken", to < shops.size() ? String.valueOf(to) : null);
        return Reply.json(200, answer);
    }

    private static int offset(String pageToken) {
        if (pageToken == null || pageToken.isEmpty()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(pageToken);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("pageToken: invalid");
    }

    /** {@code {warehouseName, itemMovements:[...]}}: the movements stored on the item, paged by page and pageSize. */
    static Reply movements(JsonNode item, String page, String pageSize) {
        int size = Listing.pageSize(pageSize);
        long from = Listing.page(page) * size;
        ObjectNode answer = Json.object();
        answer.set("warehouseName", item.path("warehouseName").isMissingNode() ? null : item.get("warehouseName"));
        ArrayNode movements = answer.putArray("itemMovements");
        JsonNode stored = item.path("itemMovements");
        for (long i = from; i < Math.min(stored.size(), from + size); i++) {
            movements.add(stored.get((int) i));
        }
        return Reply.json(200, answer);
    }

    /** A seller's plan: no package, with the articles and shops it has in the simulator. */
    static Reply subscriptionPackage(JsonNode seller, int articles, int shops) {
        ObjectNode answer = Json.object().put("sellerId", seller.get("id").asLong());
        answer.put("subscriptionPackage", "WITHOUT_PACKAGE");
        answer.putObject("articles").put("active", articles).putNull("allowed");
        answer.putObject("shops").put("active", shops).putNull("allowed");
        return Reply.json(200, answer);
    }

    /** The return app's page for a link: its seller and settings, shipping from anywhere its seller ships. */
    static Reply returnApp(JsonNode link) {
        ObjectNode answer = Json.object();
        answer.set("sellerId", link.get("sellerId"));
        answer.put("sellerName", MasterData.seller(link.path("sellerId").asLong())
                .map(seller -> seller.get("name").asText()).orElse(null));
        answer.set("defaultWeightKG", link.get("defaultWeightKG"));
        answer.put("weightInputVisible", link.path("weightInputVisible").asBoolean(false));
        answer.putArray("countries");
        answer.putArray("carrierSlug");
        answer.putArray("shippingServices");
        answer.putNull("sellerLogo");
        return Reply.json(200, answer);
    }

    /** Routing preview: every order goes whole to the seller's own warehouse. */
    static Reply preview(JsonNode seller) {
        ArrayNode plan = Json.MAPPER.createArrayNode();
        plan.addObject().put("warehouse", seller.get("warehouseId").asLong()).putArray("positions");
        return Reply.json(200, plan);
    }
}
