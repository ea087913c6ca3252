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
    REQUEST("request");

    private final String id;

    QuivoOperation(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static QuivoOperation of(String id) {
        return Arrays.stream(values()).filter(op -> op.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown Quivo operation '" + id + "'; known: "
                        + Arrays.stream(values()).map(QuivoOperation::id).collect(Collectors.joining(", "))));
    }
}
