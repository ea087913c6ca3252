package io.camelquivo.routes;

import io.camelquivo.testing.Orders;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fifty orders as a shop would send them: forty valid, five that Quivo rejects and five that are not JSON.
 * Keys are the names a file or record gets.
 */
record OrderBatch(Map<String, byte[]> valid, Map<String, byte[]> rejected, Map<String, byte[]> garbage) {

    static OrderBatch of(String prefix) {
        Map<String, byte[]> valid = new LinkedHashMap<>();
        Map<String, byte[]> rejected = new LinkedHashMap<>();
        Map<String, byte[]> garbage = new LinkedHashMap<>();
        for (int i = 1; i <= 50; i++) {
            String id = prefix + "-" + i;
            if (i % 10 == 3) {
                rejected.put(id, bytes(Orders.withoutPositions(id)));
            } else if (i % 10 == 7) {
                garbage.put(id, bytes("{\"orderIdentifier\": \"" + id + "\", oops this is not JSON"));
            } else {
                valid.put(id, bytes(Orders.valid(id)));
            }
        }
        return new OrderBatch(valid, rejected, garbage);
    }

    Map<String, byte[]> all() {
        Map<String, byte[]> all = new LinkedHashMap<>(valid);
        all.putAll(rejected);
        all.putAll(garbage);
        return all;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
