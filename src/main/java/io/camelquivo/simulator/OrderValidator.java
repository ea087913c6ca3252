package io.camelquivo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Request checks in the style of a Spring backend: the first problem found becomes a plain-text
 * 400 such as {@code positions[0].sku: must not be blank}; a value of the wrong JSON type is
 * {@code Malformed JSON request}, as Jackson would fail to bind it.
 */
final class OrderValidator {

    private static final List<String> LOCATION_FIELDS = List.of("street", "zip", "city", "countryIso2");

    private OrderValidator() {
    }

    /** Checks a {@code POST /orders} body and returns its seller id. */
    static long validateCreate(JsonNode order) {
        long sellerId = requiredLong(order, "sellerId");
        if (MasterData.seller(sellerId).isEmpty()) {
            throw ApiException.badRequest("sellerId: unknown seller " + sellerId);
        }
        String identifier = Json.text(order, "orderIdentifier");
        if (Json.isBlank(identifier)) {
            throw ApiException.badRequest("orderIdentifier: must not be blank");
        }
        if (identifier.length() > 40) {
            throw ApiException.badRequest("orderIdentifier: size must be between 1 and 40");
        }
        maxSize(order, "orderReference", 40);
        address("deliveryAddress", order.get("deliveryAddress"));
        positions(order.get("positions"));
        maxSize(order, "comment", 250);
        optionalLong(order, "warehouseId");
        return sellerId;
    }

    /** Checks a {@code PATCH /orders/{orderId}} body. */
    static void validatePatch(JsonNode patch) {
        JsonNode address = patch.get("address");
        if (address != null && !address.isNull()) {
            address("address", address);
        }
        maxSize(patch, "comment", 250);
        JsonNode tracking = patch.get("trackingEnabled");
        if (tracking != null && !tracking.isNull() && !tracking.isBoolean()) {
            throw ApiException.malformed();
        }
        JsonNode attributes = patch.get("customAttributes");
        if (attributes != null && !(attributes.isNull() || attributes.isObject() || attributes.isTextual())) {
            throw ApiException.malformed();
        }
    }

    /**
     * An address as requests carry it: {@code name} or {@code company}, and street, zip, city and
     * countryIso2 unless latitude and longitude place it.
     */
    static void address(String prefix, JsonNode address) {
        if (address == null || address.isNull()) {
            throw ApiException.badRequest(prefix + ": must not be null");
        }
        if (!address.isObject()) {
            throw ApiException.malformed();
        }
        if (Json.isBlank(Json.text(address, "name")) && Json.isBlank(Json.text(address, "company"))) {
            throw ApiException.badRequest(prefix + ": name or company must be given");
        }
        boolean located = isCoordinate(address.get("latitude")) && isCoordinate(address.get("longitude"));
        if (located) {
            return;
        }
        for (String field : LOCATION_FIELDS) {
            if (Json.isBlank(Json.text(address, field))) {
                throw ApiException.badRequest(prefix + "." + field + ": must not be blank");
            }
        }
    }

    static long asLong(JsonNode node) {
        if (node.isNumber() && node.canConvertToLong() && node.asDouble() == Math.rint(node.asDouble())) {
            return node.asLong();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.asText().trim());
            } catch (NumberFormatException e) {
                throw ApiException.malformed();
            }
        }
        throw ApiException.malformed();
    }

    private static void positions(JsonNode positions) {
        if (positions == null || positions.isNull()) {
            throw ApiException.badRequest("positions: must not be null");
        }
        if (!positions.isArray()) {
            throw ApiException.malformed();
        }
        if (positions.isEmpty()) {
            throw ApiException.badRequest("positions: must not be empty");
        }
        for (int i = 0; i < positions.size(); i++) {
            JsonNode position = positions.get(i);
            if (!position.isObject()) {
                throw ApiException.malformed();
            }
            String prefix = "positions[" + i + "].";
            if (Json.isBlank(Json.text(position, "sku"))) {
                throw ApiException.badRequest(prefix + "sku: must not be blank");
            }
            JsonNode quantity = position.get("quantity");
            if (quantity == null || quantity.isNull()) {
                throw ApiException.badRequest(prefix + "quantity: must not be null");
            }
            if (asLong(quantity) <= 0) {
                throw ApiException.badRequest(prefix + "quantity: must be greater than 0");
            }
        }
    }

    private static long requiredLong(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw ApiException.badRequest(field + ": must not be null");
        }
        return asLong(node);
    }

    private static void optionalLong(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node != null && !node.isNull()) {
            asLong(node);
        }
    }

    private static void maxSize(JsonNode parent, String field, int max) {
        String value = Json.text(parent, field);
        if (value != null && value.length() > max) {
            throw ApiException.badRequest(field + ": size must be between 0 and " + max);
        }
    }

    private static boolean isCoordinate(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isNumber()) {
            return true;
        }
        if (node.isTextual()) {
            try {
                Double.parseDouble(node.asText());
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }
}
