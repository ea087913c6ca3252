package io.camelquivo.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Builds the JSON Quivo answers with. Requests and answers name address fields differently
 * ({@code name/street/countryIso2} in, {@code name1/address1/country} out); this class is the one
 * place that knows the mapping.
 */
final class OrderViews {

    private OrderViews() {
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The order detail for a validated create request. Runs under the store's lock. */
    static ObjectNode newOrder(long orderId, JsonNode request, long sellerId, OrderStore store) {
        JsonNode seller = MasterData.seller(sellerId).orElseThrow();
        JsonNode warehouse = request.get("warehouseId");
        String now = Json.iso(now());
        ObjectNode order = Json.object();
        order.put("orderId", orderId);
        order.put("created", now);
        order.put("lastModified", now);
        order.put("orderIdentifier", Json.text(request, "orderIdentifier"));
        order.put("orderReference", Json.text(request, "orderReference"));
        order.put("orderStatus", "PENDING");
        order.put("orderDate", Json.text(request, "orderDate"));
        order.putNull("exportedAt");
        order.putNull("cancelRequestedAt");
        order.putNull("completedAt");
        order.put("customerPurchaseOrderNumber", Json.text(request, "customerPurchaseOrderNumber"));
        order.put("sellerId", sellerId);
        order.put("sellerName", seller.path("name").asText());
        order.put("warehouseId", warehouse == null || warehouse.isNull()
                ? seller.path("warehouseId").asLong() : OrderValidator.asLong(warehouse));
        order.put("version", 1);
        JsonNode delivery = request.get("deliveryAddress");
        JsonNode invoice = request.path("hasInvoiceAddress").asBoolean(false) && request.path("invoiceAddress").isObject()
                ? request.get("invoiceAddress") : delivery;
        order.set("deliveryAddress", address(delivery, true));
        order.set("invoiceAddress", address(invoice, false));
        order.put("currency", Json.text(request, "currencyCode"));
        order.set("positions", positions(request.get("positions"), store));
        order.put("comment", Json.text(request, "comment"));
        order.put("trackingEnabled", request.path("trackingEnabled").asBoolean(false));
        order.set("customAttributes", customAttributes(request.get("customAttributes")));
        order.set("tags", request.path("tags").isArray() ? request.get("tags").deepCopy() : Json.MAPPER.createArrayNode());
        return order;
    }

    /** A request address in response form; invoice addresses carry no identifiers or coordinates. */
    static ObjectNode address(JsonNode in, boolean withIdentifiersAndGeo) {
        ObjectNode out = Json.object();
        out.put("name1", Json.text(in, "name"));
        out.putNull("name2");
        out.put("company", Json.text(in, "company"));
        out.put("address1", Json.text(in, "street"));
        out.put("address2", Json.text(in, "street2"));
        out.putNull("address3");
        out.put("zip", Json.text(in, "zip"));
        out.put("city", Json.text(in, "city"));
        out.put("state", Json.text(in, "state"));
        out.put("country", Json.text(in, "countryIso2"));
        out.put("phone", Json.text(in, "phone"));
        out.put("email", Json.text(in, "email"));
        if (withIdentifiersAndGeo) {
            out.put("addressIdentifier", Json.text(in, "addressIdentifier"));
            out.set("additionalIdentifiers", in.path("additionalIdentifiers").isArray()
                    ? in.get("additionalIdentifiers").deepCopy() : Json.MAPPER.createArrayNode());
            out.set("latitude", in.path("latitude").isMissingNode() ? null : in.get("latitude").deepCopy());
            out.set("longitude", in.path("longitude").isMissingNode() ? null : in.get("longitude").deepCopy());
        }
        return out;
    }

    /** An element of {@code GET /orders}, without its {@code sort} value. */
    static ObjectNode summary(JsonNode order) {
        ObjectNode out = Json.object();
        for (String field : new String[] {"orderId", "sellerId", "created", "lastModified", "orderIdentifier",
                "orderReference", "orderStatus", "orderDate", "tags", "cancelRequestedAt", "completedAt", "exportedAt"}) {
            out.set(field, order.get(field).deepCopy());
        }
        JsonNode shipTo = order.get("deliveryAddress");
        out.set("shipToCountry", shipTo.get("country").deepCopy());
        out.set("shipToZip", shipTo.get("zip").deepCopy());
        out.set("shipToCompany", shipTo.get("company").deepCopy());
        out.set("shipToName1", shipTo.get("name1").deepCopy());
        out.set("shipToName2", shipTo.get("name2").deepCopy());
        out.set("shipToEmail", shipTo.get("email").deepCopy());
        ArrayNode positions = out.putArray("positions");
        for (JsonNode position : order.get("positions")) {
            ObjectNode p = positions.addObject();
            for (String field : new String[] {"positionId", "positionIdentifier", "name", "sku", "customAttributes"}) {
                p.set(field, position.get(field).deepCopy());
            }
        }
        out.set("version", order.get("version").deepCopy());
        return out;
    }

    /** Marks a change: version up by one, lastModified strictly later than before. */
    static void touch(ObjectNode order) {
        // Strictly increasing, so a poller's cursor on lastModified never misses a change made in the same millisecond.
        Instant previous = Instant.parse(order.get("lastModified").asText());
        Instant now = now();
        order.put("lastModified", Json.iso(now.isAfter(previous) ? now : previous.plusMillis(1)));
        order.put("version", order.get("version").asLong() + 1);
    }

    /** Quivo's examples send customAttributes as an object or as a JSON-encoded string; answers always hold an object. */
    static JsonNode customAttributes(JsonNode value) {
        if (value != null && value.isObject()) {
            return value.deepCopy();
        }
        if (value != null && value.isTextual()) {
            try {
                JsonNode parsed = Json.MAPPER.readTree(value.asText());
                if (parsed != null && parsed.isObject()) {
                    return parsed;
                }
            } catch (JsonProcessingException e) {
                // not JSON: fall through to an empty object
            }
        }
        return Json.object();
    }

    private static ArrayNode positions(JsonNode positions, OrderStore store) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (JsonNode in : positions) {
            ObjectNode p = out.addObject();
            p.put("positionId", store.nextPositionId());
            p.put("positionIdentifier", Json.text(in, "positionIdentifier"));
            p.put("name", Json.text(in, "name"));
            p.put("sku", Json.text(in, "sku"));
            p.put("quantity", OrderValidator.asLong(in.get("quantity")));
            p.put("lot", Json.text(in, "lot"));
            p.put("expirationDate", Json.text(in, "expirationDate"));
            p.put("productIdentifier", Json.text(in, "productIdentifier"));
            p.putNull("variantIdentifier");
            p.set("customAttributes", customAttributes(in.get("customAttributes")));
        }
        return out;
    }
}
