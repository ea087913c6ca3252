package io.camelquivo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.stream.StreamSupport;

/** The order routes: create, list, refetch, patch and address replacement. */
final class OrderService {

    private static final Set<String> ADDRESS_TYPES = Set.of("DELIVERY", "INVOICE", "DELIVERY_AND_INVOICE");

    private static final Listing<ObjectNode> LISTING = new Listing<>(
            Map.<String, Function<ObjectNode, Object>>of(
                    "orderId", order -> order.get("orderId").asLong(),
                    "created", order -> millis(order, "created"),
                    "lastModified", order -> millis(order, "lastModified"),
                    "orderIdentifier", order -> order.get("orderIdentifier").asText()),
            Map.<String, BiPredicate<ObjectNode, String>>of(
                    "orderIdentifier", (order, value) -> order.get("orderIdentifier").asText().equals(value),
                    "sku", (order, value) -> StreamSupport.stream(order.get("positions").spliterator(), false)
                            .anyMatch(position -> value.equals(position.path("sku").asText()))),
            order -> order.get("orderId").asLong(),
            "orderId:asc");

    private final OrderStore store;
    private final IntSupplier duplicateStatus;
    private final BooleanSupplier storeDuplicates;

    OrderService(OrderStore store, IntSupplier duplicateStatus, BooleanSupplier storeDuplicates) {
        this.store = store;
        this.duplicateStatus = duplicateStatus;
        this.storeDuplicates = storeDuplicates;
    }

    Reply create(JsonNode request) {
        long sellerId = OrderValidator.validateCreate(request);
        String identifier = Json.text(request, "orderIdentifier");
        if (storeDuplicates.getAsBoolean()) {
            return createEvenIfDuplicate(request, sellerId, identifier);
        }
        Optional<ObjectNode> created = store.insert(sellerId, identifier,
                orderId -> OrderViews.newOrder(orderId, request, sellerId, store));
        if (created.isEmpty()) {
            return Reply.backend(duplicateStatus.getAsInt(),
                    "orderIdentifier '" + identifier + "' already exists for seller " + sellerId);
        }
        return Reply.json(200, created.get());
    }

    private Reply createEvenIfDuplicate(JsonNode request, long sellerId, String identifier) {
        return Reply.json(200, store.insertEvenIfDuplicate(sellerId, identifier,
                orderId -> OrderViews.newOrder(orderId, request, sellerId, store)));
    }

    Reply list(Map<String, String> params) {
        return LISTING.answer(store.snapshot(), params, OrderViews::summary);
    }

    Reply refetch(String orderIdSegment) {
        long orderId = orderId(orderIdSegment);
        return store.find(orderId).map(order -> Reply.json(200, order)).orElseThrow(() -> notFound(orderId));
    }

    Reply patch(String orderIdSegment, JsonNode patch) {
        long orderId = orderId(orderIdSegment);
        OrderValidator.validatePatch(patch);
        boolean found = store.update(orderId, order -> {
            boolean changed = false;
            JsonNode address = patch.get("address");
            if (address != null && !address.isNull()) {
                order.set("deliveryAddress", OrderViews.address(address, true));
                changed = true;
            }
            if (patch.has("comment")) {
                order.put("comment", Json.text(patch, "comment"));
                changed = true;
            }
            JsonNode tracking = patch.get("trackingEnabled");
            if (tracking != null && !tracking.isNull()) {
                order.put("trackingEnabled", tracking.asBoolean());
                changed = true;
            }
            if (patch.has("customAttributes")) {
                order.set("customAttributes", OrderViews.customAttributes(patch.get("customAttributes")));
                changed = true;
            }
            if (changed) {
                OrderViews.touch(order);
            }
        });
        if (!found) {
            throw notFound(orderId);
        }
        return Reply.noContent();
    }

    Reply replaceAddress(String orderIdSegment, Map<String, String> params, JsonNode address) {
        long orderId = orderId(orderIdSegment);
        String type = params.get("type");
        if (type == null || !ADDRESS_TYPES.contains(type)) {
            throw ApiException.badRequest("type: must be one of DELIVERY, INVOICE, DELIVERY_AND_INVOICE");
        }
        OrderValidator.address("address", address);
        boolean found = store.update(orderId, order -> {
            if (!type.equals("INVOICE")) {
                order.set("deliveryAddress", OrderViews.address(address, true));
            }
            if (!type.equals("DELIVERY")) {
                order.set("invoiceAddress", OrderViews.address(address, false));
            }
            OrderViews.touch(order);
        });
        if (!found) {
            throw notFound(orderId);
        }
        return Reply.noContent();
    }

    private static long orderId(String segment) {
        try {
            return Long.parseLong(segment);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("orderId: must be a number");
        }
    }

    private static ApiException notFound(long orderId) {
        return new ApiException(Reply.backend(404, "Order " + orderId + " not found"));
    }

    private static long millis(JsonNode order, String field) {
        return Instant.parse(order.get(field).asText()).toEpochMilli();
    }
}
