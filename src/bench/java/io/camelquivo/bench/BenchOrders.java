package io.camelquivo.bench;

import io.camelquivo.testing.Orders;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid order bodies, each with an orderIdentifier no other order of this bench run has: the simulator refuses
 * a repeated one, as Quivo does.
 */
final class BenchOrders {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
    private static final AtomicLong NEXT = new AtomicLong();

    private BenchOrders() {
    }

    static String nextIdentifier() {
        return "B" + RUN + "-" + NEXT.incrementAndGet();
    }

    static byte[] next() {
        return Orders.valid(nextIdentifier()).getBytes(StandardCharsets.UTF_8);
    }
}
