package io.camelquivo.component;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The operations a quivo endpoint can perform, named as they appear in the URI. */
public enum QuivoOperation {
    ORDERS_CREATE("orders.create"),
    ORDERS_LIST("orders.list"),
    ORDERS_REFETCH("orders.refetch"),
    ORDERS_UPDATE("orders.update"),
    ORDERS_UPDATE_ADDRESS("orders.updateAddress"),
    WAREHOUSES_LIST("warehouses.list"),
    SELLERS_LIST("sellers.list"),
    REQUEST("request"),
    ORDERS_CHANGES("orders.changes", "ORDERS", "/orders", "orderId"),
    SHIPMENTS_CHANGES("shipments.changes", "SHIPMENTS", "/shipments", "bookedShipmentId"),
    RETURNS_CHANGES("returns.changes", "RETURNS", "/returns", "returnShipmentId"),
    INBOUNDS_CHANGES("inbounds.changes", "INBOUNDS", "/inbounds", "inboundId", "id");

    private final String id;
    private final String entity;
    private final String listPath;
    private final String[] idFields;

    QuivoOperation(String id) {
        this(id, null, null);
    }

    QuivoOperation(String id, String entity, String listPath, String... idFields) {
        this.id = id;
        this.entity = entity;
        this.listPath = listPath;
        this.idFields = idFields;
    }

    public String id() {
        return id;
    }

    /** Whether this is a change feed, the only kind of operation that consumes. */
    public boolean isChanges() {
        return entity != null;
    }

    /** A change feed's entity as the events topic names it, e.g. {@code ORDERS}; null for other operations. */
    public String entity() {
        return entity;
    }

    /** A change feed's list call, e.g. {@code /orders}. */
    String listPath() {
        return listPath;
    }

    /** The fields of a list element that may hold its id, the first present wins. */
    String[] idFields() {
        return idFields.clone();
    }

    public static QuivoOperation of(String id) {
        return Arrays.stream(values()).filter(op -> op.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown Quivo operation '" + id + "'; known: "
                        + Arrays.stream(values()).map(QuivoOperation::id).collect(Collectors.joining(", "))));
    }
}
