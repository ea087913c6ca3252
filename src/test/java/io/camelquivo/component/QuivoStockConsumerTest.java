package io.camelquivo.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.camelquivo.testing.QuivoTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * quivo:items.changes in a Java route of one's own, over the simulator: pages of two, a snapshot in memory, and
 * a route that fails the first time it meets one SKU.
 */
class QuivoStockConsumerTest extends QuivoTestSupport {

    private static final String ITEMS = "GET /items/{warehouseId}/{sellerId}";

    private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean refuseOnce = new AtomicBoolean(true);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("quivo:items.changes?warehouseIds=4&sellerIds=1001&initialSnapshot=empty&pageSize=2"
                        + "&delay=50&initialDelay=0")
                        .routeId("stock")
                        .process(exchange -> {
                            String sku = exchange.getMessage().getHeader(QuivoConstants.SKU, String.class);
                            if (sku.equals("SKU-2") && refuseOnce.getAndSet(false)) {
                                throw new IllegalStateException("the stock topic is away");
                            }
                            delivered.add(sku + " " + exchange.getMessage().getHeader(QuivoConstants.STOCK_BEFORE)
                                    + " -> " + exchange.getMessage().getHeader(QuivoConstants.STOCK_AFTER));
                        });
            }
        };
    }

    @Test
    void aChangeWhoseExchangeFailedIsEmittedAgainAndEveryOtherOnce() throws Exception {
        for (int id = 0; id < 5; id++) {
            simulator().items().put(id, item(id, 4, id == 4 ? null : Integer.toString(id)));
        }
        simulator().items().put(99, item(99, 7, "5"));

        waitUntil(() -> delivered.size() >= 5);
        awaitPolls(3);
        assertEquals(List.of(
                "SKU-0 null -> {\"quantity\":0,\"inventory\":10,\"inbound\":0,\"reserved\":1}",
                "SKU-1 null -> {\"quantity\":1,\"inventory\":10,\"inbound\":0,\"reserved\":1}",
                "SKU-2 null -> {\"quantity\":2,\"inventory\":10,\"inbound\":0,\"reserved\":1}",
                "SKU-3 null -> {\"quantity\":3,\"inventory\":10,\"inbound\":0,\"reserved\":1}",
                "SKU-4 null -> {\"quantity\":null,\"inventory\":10,\"inbound\":0,\"reserved\":1}"), delivered,
                "each SKU once, the one that failed on the next poll; warehouse 7 is not read");

        simulator().items().put(1, item(1, 4, "40"));
        waitUntil(() -> delivered.size() >= 6);
        awaitPolls(3);
        assertEquals(List.of("SKU-1 {\"quantity\":1,\"inventory\":10,\"inbound\":0,\"reserved\":1} ->"
                + " {\"quantity\":40,\"inventory\":10,\"inbound\":0,\"reserved\":1}"), delivered.subList(5, delivered.size()));
    }

    private static String item(int id, int warehouse, String quantity) {
        return "{\"itemId\":" + id + ",\"sku\":\"SKU-" + id + "\",\"warehouseId\":" + warehouse
                + ",\"sellerId\":1001" + (quantity == null ? "" : ",\"quantity\":" + quantity)
                + ",\"inventory\":10,\"inbound\":0,\"reserved\":1}";
    }

    private void awaitPolls(int polls) throws InterruptedException {
        int before = simulator().stats().calls(ITEMS);
        // a poll of five items in pages of two makes three calls
        waitUntil(() -> simulator().stats().calls(ITEMS) >= before + 3 * polls);
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }
}
