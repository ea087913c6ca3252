package io.camelquivo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The orders the simulator holds, as order details (the shape {@code POST /orders/{id}/refetch}
 * answers). Readers get copies, so tests can look without disturbing the server.
 */
public final class OrderStore {

    private final Map<Long, ObjectNode> byId = new LinkedHashMap<>();
    private final Map<String, Long> byKey = new HashMap<>();
    private long nextOrderId = 1;
    private long nextPositionId = 1;

    public synchronized int count() {
        return byId.size();
    }

    /** Orders with this {@code orderIdentifier}, across sellers, oldest first. */
    public synchronized List<JsonNode> byIdentifier(String orderIdentifier) {
        return byId.values().stream()
                .filter(order -> order.path("orderIdentifier").asText().equals(orderIdentifier))
                .map(order -> (JsonNode) order.deepCopy())
                .toList();
    }

    /** Every order, oldest first. */
    public synchronized List<JsonNode> all() {
        return byId.values().stream().map(order -> (JsonNode) order.deepCopy()).toList();
    }

    synchronized List<ObjectNode> snapshot() {
        return byId.values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized Optional<ObjectNode> find(long orderId) {
        return Optional.ofNullable(byId.get(orderId)).map(ObjectNode::deepCopy);
    }

    /**
     * Stores the order built by {@code build} (given the new order id) unless the seller already
     * has an order with this identifier. Check and insert happen under one lock, so concurrent
     * duplicates cannot both get in.
     *
     * @return a copy of the stored order, or empty for a duplicate
     */
    synchronized Optional<ObjectNode> insert(long sellerId, String orderIdentifier, LongFunction<ObjectNode> build) {
        String key = sellerId + "\u0000" + orderIdentifier;
        if (byKey.containsKey(key)) {
            return Optional.empty();
        }
        long orderId = nextOrderId++;
        ObjectNode order = build.apply(orderId);
        byId.put(orderId, order);
        byKey.put(key, orderId);
        return Optional.of(order.deepCopy());
    }

    /** Stores the order built by {@code build} even when the seller already has one with this identifier. */
    synchronized ObjectNode insertEvenIfDuplicate(long sellerId, String orderIdentifier, LongFunction<ObjectNode> build) {
        long orderId = nextOrderId++;
        ObjectNode order = build.apply(orderId);
        byId.put(orderId, order);
        byKey.putIfAbsent(sellerId + "\u0000" + orderIdentifier, orderId);
        return order.deepCopy();
    }

    /** Position ids are unique across orders, as Quivo's are. Called from inside {@link #insert}'s builder. */
    synchronized long nextPositionId() {
        return nextPositionId++;
    }

    /** Applies {@code change} to the stored order; false if there is none with that id. */
    synchronized boolean update(long orderId, Consumer<ObjectNode> change) {
        ObjectNode order = byId.get(orderId);
        if (order == null) {
            return false;
        }
        change.accept(order);
        return true;
    }

    synchronized void clear() {
        byId.clear();
        byKey.clear();
        nextOrderId = 1;
        nextPositionId = 1;
    }
}
