package io.camelquivo.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.component.QuivoConstants;
import io.camelquivo.simulator.EntityStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipments, returns and inbounds feeds of routes/quivo-changes.yaml over list elements without
 * {@code lastModified}, as Quivo's list schemas show them: shipments and inbounds ordered by {@code created},
 * returns by their id. The feeds are started in the test, after the "old" entities exist.
 */
class ChangeFeedOrderTest extends WebhookTestSupport {

    private static final String LONG_AGO = "2026-01-10T08:00:00Z";
    private static final String LATER_LONG_AGO = "2026-01-11T08:00:00Z";

    @TempDir
    Path cursors;

    @Override
    protected Properties properties() {
        Properties p = super.properties();
        pollQuickly(p, cursors.resolve("cursors.state"));
        return p;
    }

    /** Only the beans the change routes share; the feeds start in each test. */
    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return yaml("quivo-webhooks.yaml");
    }

    @Test
    void shipmentsCreatedAfterTheFirstStartAreEmittedOnceInOrder() throws Exception {
        EntityStore shipments = simulator().shipments();
        shipments.put(501, "{\"bookedShipmentId\":501,\"created\":\"" + LONG_AGO + "\",\"trackingNumber\":\"TN-1\"}");
        shipments.put(502, "{\"bookedShipmentId\":502,\"created\":\"" + LATER_LONG_AGO + "\"}");
        startFeeds("now");
        awaitPolls("GET /shipments", 2);

        shipments.put(504, "{\"bookedShipmentId\":504,\"created\":\"" + Instant.now() + "\"}");
        shipments.put(503, "{\"bookedShipmentId\":503,\"created\":\"" + Instant.now().plusMillis(5) + "\"}");

        assertPublishedOnce("GET /shipments", "/shipments/", "SHIPMENTS", 504, 503);
    }

    @Test
    void returnsAddedAfterTheFirstStartAreEmittedOnceInIdOrder() throws Exception {
        EntityStore returns = simulator().returns();
        returns.put(7, "{\"returnShipmentId\":7,\"receivedDate\":\"" + LONG_AGO + "\"}");
        returns.put(8, "{\"returnShipmentId\":8}");
        startFeeds("now");
        // the first poll's two calls: the highest id now, then the list after it
        awaitPolls("GET /returns", 2);

        returns.put(9, "{\"returnShipmentId\":9}");
        returns.put(10, "{\"returnShipmentId\":10}");

        assertPublishedOnce("GET /returns", "/returns/", "RETURNS", 9, 10);
    }

    @Test
    void inboundsCreatedAfterTheFirstStartAreEmittedOnceInOrder() throws Exception {
        EntityStore inbounds = simulator().inbounds();
        inbounds.put(31, "{\"id\":31,\"created\":\"" + LONG_AGO + "\",\"inboundStatus\":\"COMPLETED\"}");
        inbounds.put(32, "{\"id\":32,\"created\":\"" + LATER_LONG_AGO + "\",\"inboundStatus\":\"CREATED\"}");
        startFeeds("now");
        awaitPolls("GET /inbounds", 2);

        inbounds.put(33, "{\"id\":33,\"created\":\"" + Instant.now() + "\",\"inboundStatus\":\"CREATED\"}");
        inbounds.put(34, "{\"id\":34,\"created\":\"" + Instant.now().plusMillis(5) + "\",\"inboundStatus\":\"CREATED\"}");

        assertPublishedOnce("GET /inbounds", "/inbounds/", "INBOUNDS", 33, 34);
    }

    @Test
    void withoutInitialSinceEveryReturnIsEmittedInIdOrder() throws Exception {
        EntityStore returns = simulator().returns();
        returns.put(9, "{\"returnShipmentId\":9}");
        Thread.sleep(5);
        returns.put(7, "{\"returnShipmentId\":7}");
        startFeeds("");

        assertPublishedOnce("GET /returns", "/returns/", "RETURNS", 7, 9);
    }

    @Test
    void aSettingPicksTheFieldAFeedIsSortedBy() throws Exception {
        EntityStore shipments = simulator().shipments();
        shipments.put(501, "{\"bookedShipmentId\":501,\"created\":\"" + LONG_AGO + "\",\"shipmentDate\":\"2026-02-03\"}");
        shipments.put(502, "{\"bookedShipmentId\":502,\"created\":\"" + LATER_LONG_AGO + "\",\"shipmentDate\":\"2026-02-01\"}");
        context.getPropertiesComponent().addOverrideProperty("quivo.changes.shipments.sort", "shipmentDate");
        startFeeds("");

        assertPublishedOnce("GET /shipments", "/shipments/", "SHIPMENTS", 502, 501);
    }

    @Test
    void aFeedSortedDescendingIsRefusedAtStart() {
        Exception refused = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("quivo:shipments.changes?sort=created:desc").to("log:never");
            }
        }));
        Throwable cause = refused;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        assertEquals("quivo:shipments.changes walks its list forward, so sort must be one field, optionally with"
                + " :asc (e.g. created or created:asc): created:desc", cause.getMessage());
        assertEquals(0, simulator().stats().calls("GET /shipments"));
    }

    private void startFeeds(String initialSince) throws Exception {
        context.getPropertiesComponent().addOverrideProperty("quivo.changes.initial-since", initialSince);
        for (RoutesBuilder routes : yamlRoutes("quivo-changes.yaml")) {
            context.addRoutes(routes);
        }
    }

    /**
     * The records are the entities' details, in order, each once: still so after a few more polls of the list.
     */
    private void assertPublishedOnce(String listCall, String detailPath, String entity, long... ids)
            throws Exception {
        List<ConsumerRecord<byte[], byte[]>> records = records(ids.length);
        assertEquals(ids.length, records.size(), "published: " + records.size() + "; " + simulator().stats());
        for (int i = 0; i < ids.length; i++) {
            assertEquals(entity + ":" + ids[i], key(records.get(i)));
            assertEquals("poll", header(records.get(i), "quivo.source"));
            byte[] detail = template.requestBodyAndHeader("quivo:request?unmarshalType=byte[]", null,
                    QuivoConstants.PATH, detailPath + ids[i], byte[].class);
            assertArrayEquals(detail, records.get(i).value());
        }
        awaitPolls(listCall, simulator().stats().calls(listCall) + 3);
        assertEquals(ids.length, published(), "nothing else, and nothing twice");
    }

    private void awaitPolls(String listCall, int calls) throws InterruptedException {
        waitUntil(() -> simulator().stats().calls(listCall) >= calls);
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out");
            Thread.sleep(50);
        }
    }
}
