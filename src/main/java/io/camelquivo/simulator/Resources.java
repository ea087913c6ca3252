package io.camelquivo.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One {@link EntityStore} per simulated resource other than orders, named as in the path ({@code articles},
 * {@code shipments}, ...). Each knows the field its ids are answered in, as Quivo's list elements name it.
 */
public final class Resources {

    private final Map<String, EntityStore> stores = new LinkedHashMap<>();

    Resources() {
        // the dates each list schema shows, which the change feeds may sort by
        add("shipments", "Shipment", "bookedShipmentId", "created", "shipmentDate");
        add("returns", "Return shipment", "returnShipmentId", "receivedDate");
        // inbounds.create looks an inbound up by the externalIdentifier its caller gave it (a choice: Quivo's docs
        // show no query field for inbounds)
        add("inbounds", "Inbound", "id", "created").queryable("externalIdentifier");
        add("articles", "Article", "id");
        add("articleImages", "Article image", "id");
        add("orderAttachments", "Order attachment", "id");
        add("items", "Item", "itemId").queryable("sku");
        add("itemHistories", "Item history", "itemId");
        add("shippingServiceGroups", "Shipping service group", "id");
        add("returnLinks", "Return link", "id");
        add("shops", "Shop", "id");
        add("shopOrders", "Shop order", "id");
        add("contacts", "Contact", "id");
        add("storedAddresses", "Stored address", "id");
        add("customerInquiries", "Customer inquiry", "id");
        add("transports", "Transport", "id");
        add("fulfillmentPlans", "Fulfillment plan", "id");
        add("subscriptions", "Subscription", "uuid");
    }

    private EntityStore add(String name, String noun, String idField, String... dateFields) {
        EntityStore store = new EntityStore(noun, idField, dateFields);
        stores.put(name, store);
        return store;
    }

    /** @throws IllegalArgumentException for a name that is not a resource */
    public EntityStore store(String name) {
        EntityStore store = stores.get(name);
        if (store == null) {
            throw new IllegalArgumentException("unknown resource '" + name + "'; known: " + stores.keySet());
        }
        return store;
    }

    public Set<String> names() {
        return stores.keySet();
    }

    void clear() {
        stores.values().forEach(EntityStore::clear);
    }
}
