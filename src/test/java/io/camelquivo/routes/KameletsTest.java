package io.camelquivo.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.component.QuivoConstants;
import io.camelquivo.error.QuivoRejectedException;
import io.camelquivo.error.QuivoServerErrorException;
import io.camelquivo.simulator.Fault;
import io.camelquivo.simulator.QuivoSimulator;
import io.camelquivo.simulator.QuivoSimulatorExtension;
import io.camelquivo.testing.LogCapture;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.RoutesTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.kamelet.KameletComponent;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Kamelets of routes/kamelets/, loaded from that folder by camel-kamelet and the YAML DSL, called from YAML
 * routes against the simulator. The simulator's account has secrets with characters that mean something in a URI,
 * and the quivo component's own account is wrong for it: whatever reaches Quivo came through the Kamelets'
 * properties, unchanged.
 */
class KameletsTest extends RoutesTestSupport {

    private static final String API_KEY = "kamelet key+1";
    private static final String PASSWORD = "p&ss w%rd+=#?(1)";

    @RegisterExtension
    static final QuivoSimulatorExtension ACCOUNT = new QuivoSimulatorExtension(
            QuivoSimulator.builder().apiKey(API_KEY).password(PASSWORD));

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The calling routes: a route configuration of their own, and the project's status policy. */
    private static final String CALLING_ROUTES = """
            - routeConfiguration:
                id: refused-orders
                onException:
                  - onException:
                      exception:
                        - io.camelquivo.error.QuivoRejectedException
                      handled:
                        constant: "true"
                      steps:
                        - to: mock:refused
            - route:
                id: orders-to-kamelet
                from:
                  uri: direct:order
                  steps:
                    - to: kamelet:quivo-order-sink
                    - to: mock:created
            - route:
                id: orders-refused-here
                routeConfigurationId: refused-orders
                from:
                  uri: direct:order-own-policy
                  steps:
                    - to: kamelet:quivo-order-sink
                    - to: mock:created
            - route:
                id: orders-refused-here-by-option
                routeConfigurationId: refused-orders
                from:
                  uri: direct:order-option
                  steps:
                    - to: kamelet:quivo-order-sink?noErrorHandler=true
                    - to: mock:created
            - route:
                id: orders-under-the-policy
                routeConfigurationId: quivo-error-policy
                from:
                  uri: direct:order-status-policy
                  steps:
                    - to: kamelet:quivo-order-sink
                    - to: mock:created
            """;

    @Override
    protected QuivoSimulator simulator() {
        return ACCOUNT.simulator();
    }

    @Override
    protected Properties properties() {
        Properties p = super.properties();
        // the account as connector-docs/kamelets.md sets it: properties of each Kamelet that name the account's
        // settings, never a URI
        p.put("account.base-url", simulator().baseUrl());
        p.put("account.api-key", API_KEY);
        p.put("account.username", QuivoSimulator.DEFAULT_USERNAME);
        p.put("account.password", PASSWORD);
        for (String kamelet : List.of("quivo-order-sink", "quivo-events-source")) {
            p.put("camel.kamelet." + kamelet + ".baseUrl", "{{account.base-url}}");
            p.put("camel.kamelet." + kamelet + ".apiKey", "{{account.api-key}}");
            p.put("camel.kamelet." + kamelet + ".username", "{{account.username}}");
            p.put("camel.kamelet." + kamelet + ".password", "{{account.password}}");
        }
        return p;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        KameletComponent kamelets = new KameletComponent();
        kamelets.setLocation("file:routes/kamelets");
        // as connector-docs/kamelets.md asks; one test keeps Camel's default and sets it on the endpoint instead
        kamelets.setNoErrorHandler(!getCurrentTestName().contains("CamelsDefault"));
        camel.addComponent("kamelet", kamelets);
        camel.getRegistry().bind("cursors", new MemoryStateRepository());
        return camel;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        List<RoutesBuilder> builders = new ArrayList<>(yamlRoutes("quivo-error-policy.yaml"));
        builders.addAll(routes("calling-routes.yaml", CALLING_ROUTES));
        return builders.toArray(RoutesBuilder[]::new);
    }

    // quivo-order-sink

    @Test
    void theSinkCreatesTheOrderOnceEvenWhenSentTwice() throws Exception {
        MockEndpoint created = getMockEndpoint("mock:created");
        created.expectedMessageCount(2);

        Exchange first = template.send("direct:order", e -> e.getMessage().setBody(Orders.valid("KAM-1")));
        Exchange again = template.send("direct:order", e -> e.getMessage().setBody(Orders.valid("KAM-1")));

        assertNull(first.getException());
        assertNull(again.getException());
        List<JsonNode> held = simulator().orders().byIdentifier("KAM-1");
        assertEquals(1, held.size(), "Quivo holds the order once");
        assertEquals(held.get(0).get("orderId").asLong(),
                MAPPER.readTree(first.getMessage().getBody(String.class)).get("orderId").asLong(),
                "the answer is Quivo's order");
        assertEquals(true, again.getMessage().getHeader(QuivoConstants.EXISTED), "the second was found, not created");
        assertEquals(1, simulator().stats().calls("POST /orders"));
        assertEquals(1, simulator().stats().successfulLogins());
        created.assertIsSatisfied();
    }

    @Test
    void anInvalidOrderReachesTheCallingRoutesOwnPolicyAsTheTypedException() throws Exception {
        MockEndpoint refused = getMockEndpoint("mock:refused");
        refused.expectedMessageCount(1);
        getMockEndpoint("mock:created").expectedMessageCount(0);

        Exchange answer = template.send("direct:order-own-policy",
                e -> e.getMessage().setBody(Orders.withoutPositions("KAM-400")));

        refused.assertIsSatisfied();
        getMockEndpoint("mock:created").assertIsSatisfied();
        Exception caught = refused.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        QuivoRejectedException rejected = assertInstanceOf(QuivoRejectedException.class, caught);
        assertEquals(400, rejected.getStatusCode());
        assertNull(answer.getException(), "handled by the calling route's onException");
        assertEquals(0, simulator().orders().count());
        assertEquals(1, simulator().stats().calls("POST /orders"), "sent once, retried by nobody");
    }

    @Test
    void withCamelsDefaultErrorHandlingTheEndpointOptionLeavesTheFailureToTheCallingRoute() throws Exception {
        MockEndpoint refused = getMockEndpoint("mock:refused");
        refused.expectedMessageCount(1);
        getMockEndpoint("mock:created").expectedMessageCount(0);

        template.send("direct:order-option", e -> e.getMessage().setBody(Orders.withoutPositions("KAM-OPT")));

        refused.assertIsSatisfied();
        getMockEndpoint("mock:created").assertIsSatisfied();
        assertInstanceOf(QuivoRejectedException.class,
                refused.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
    }

    @Test
    void anInvalidOrderIsDeadLetteredByTheStatusPolicyOfTheCallingRoute() throws Exception {
        getMockEndpoint("mock:created").expectedMessageCount(0);
        byte[] invalid = Orders.withoutPositions("KAM-DLQ").getBytes(StandardCharsets.UTF_8);

        template.send("direct:order-status-policy", e -> e.getMessage().setBody(invalid));

        ConsumerRecord<byte[], byte[]> record = single();
        assertDeadLetter(record, invalid, "KAM-DLQ", 400, "positions: must not be null", "backend", 1,
                "route:orders-under-the-policy", QuivoRejectedException.class);
        getMockEndpoint("mock:created").assertIsSatisfied();
        assertEquals(1, simulator().stats().calls("POST /orders"));
    }

    @Test
    void serverErrorsAreRetriedByThePolicyOfTheCallingRouteAlone() throws Exception {
        getMockEndpoint("mock:created").expectedMessageCount(0);
        simulator().faults().next(4, "POST /orders", Fault.serverError());
        byte[] order = Orders.valid("KAM-500").getBytes(StandardCharsets.UTF_8);

        template.send("direct:order-status-policy", e -> e.getMessage().setBody(order));

        // three redeliveries, as for quivo:orders.create in the calling route: not three inside the Kamelet times
        // four of the calling route
        assertDeadLetter(single(), order, "KAM-500", 500, "Internal server error", "gateway", 4,
                "route:orders-under-the-policy", QuivoServerErrorException.class);
        assertEquals(4, simulator().stats().calls("POST /orders"));
        getMockEndpoint("mock:created").assertIsSatisfied();
    }

    // quivo-events-source

    @Test
    void theSourceEmitsEveryChangeOfAnOrderAsTheEventsTopicCarriesIt() throws Exception {
        List<Exchange> events = source("");
        Exchange created = template.send("direct:order", e -> e.getMessage().setBody(Orders.valid("KAM-EVT")));
        long orderId = MAPPER.readTree(created.getMessage().getBody(String.class)).get("orderId").asLong();

        await(() -> events.size() >= 1);
        assertEvent(events.get(0), "ORDERS", orderId, 1, simulator().orders().byIdentifier("KAM-EVT").get(0));

        template.requestBodyAndHeader("quivo:orders.update?apiKey=RAW(" + API_KEY + ")&password=RAW(" + PASSWORD + ")",
                "{\"comment\":\"ring twice\"}", QuivoConstants.ORDER_ID, orderId);
        await(() -> events.size() >= 2);
        JsonNode changed = simulator().orders().byIdentifier("KAM-EVT").get(0);
        assertEquals("ring twice", changed.path("comment").asText());
        assertEvent(events.get(1), "ORDERS", orderId, 2, changed);
        assertEquals(2, settled(events, "GET /orders"));
    }

    @Test
    void theSourceOfShipmentsKeepsItsCursorInTheGivenRepository() throws Exception {
        List<Exchange> events = source("""
                entity: shipments
                stateRepository: "#cursors"
                """);
        await(() -> simulator().stats().calls("GET /shipments") >= 1);
        simulator().shipments().put(501, "{\"bookedShipmentId\":501,\"version\":1,\"trackingNumber\":\"TN-1\"}");
        simulator().shipments().bump(501);

        await(() -> events.size() >= 1);
        JsonNode detail = MAPPER.readTree(template.requestBodyAndHeader("quivo:request?apiKey=RAW(" + API_KEY
                + ")&password=RAW(" + PASSWORD + ")", null, QuivoConstants.PATH, "/shipments/501", String.class));
        assertEvent(events.get(0), "SHIPMENTS", 501, 2, detail);
        MemoryStateRepository cursors = context.getRegistry().lookupByNameAndType("cursors",
                MemoryStateRepository.class);
        assertTrue(cursors.getState("shipments.changes") != null, "the cursor is in the repository");
        assertEquals(1, settled(events, "GET /shipments"));
    }

    @Test
    void anInboundListedWithoutVersionOrTimeGivesAnEventWithoutThoseHeaders() throws Exception {
        List<Exchange> events = source("entity: inbounds");
        await(() -> simulator().stats().calls("GET /inbounds") >= 1);
        simulator().inbounds().put(7, "{\"inboundId\":7,\"status\":\"ANNOUNCED\"}");

        await(() -> events.size() >= 1);
        Map<String, Object> headers = events.get(0).getMessage().getHeaders();
        assertEquals("INBOUNDS", headers.get("quivo.entity"));
        assertEquals("7", headers.get("quivo.id"));
        assertFalse(headers.containsKey("quivo.version"), headers.toString());
        assertFalse(headers.containsKey("quivo.lastModified"), headers.toString());
        assertEquals("ANNOUNCED", MAPPER.readTree(events.get(0).getMessage().getBody(String.class)).get("status")
                .asText());
    }

    @Test
    void aChangeTheConsumingRouteFailedIsEmittedAgain() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<Exchange> events = source("", exchange -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("the consuming route fails once");
            }
        });
        template.send("direct:order", e -> e.getMessage().setBody(Orders.valid("KAM-AGAIN")));

        await(() -> events.size() >= 1);
        assertEquals(2, attempts.get(), "failed once, then emitted again");
        assertEquals("1", events.get(0).getMessage().getHeader("quivo.version"));
        assertEquals(1, settled(events, "GET /orders"));
    }

    @Test
    void anOrderQuivoNoLongerKnowsIsSkippedAndTheFeedGoesOn() throws Exception {
        List<Exchange> events = source("");
        simulator().faults().next(1, "POST /orders/{orderId}/refetch",
                Fault.status(404, "{\"message\":\"Not found\"}", "application/json"));
        template.send("direct:order", e -> e.getMessage().setBody(Orders.valid("KAM-GONE")));
        await(() -> simulator().stats().calls("POST /orders/{orderId}/refetch", 404) == 1);
        template.send("direct:order", e -> e.getMessage().setBody(Orders.valid("KAM-NEXT")));

        await(() -> events.size() >= 1);
        assertEquals(simulator().orders().byIdentifier("KAM-NEXT").get(0).get("orderId").asText(),
                events.get(0).getMessage().getHeader("quivo.id"));
        assertEquals(1, settled(events, "GET /orders"));
    }

    @Test
    void theKameletsWriteNoSecretToTheLog() throws Exception {
        try (LogCapture capture = LogCapture.open(LogManager.ROOT_LOGGER_NAME, "io.camelquivo", "org.apache.camel")) {
            // as the service's log4j2.xml keeps them: at DEBUG, Camel prints every resolved placeholder unmasked
            Configurator.setLevel("org.apache.camel.component.properties", Level.INFO);
            Configurator.setLevel("org.apache.camel.impl.engine.DefaultCamelContextExtension", Level.INFO);
            // routes made while the capture is open, so that their Kamelet routes and endpoints are made then too
            List<Exchange> events = source("");
            for (RoutesBuilder routes : routes("logged.yaml", """
                    - route:
                        from:
                          uri: direct:logged
                          steps:
                            - to: kamelet:quivo-order-sink
                    """)) {
                context.addRoutes(routes);
            }
            template.send("direct:logged", e -> e.getMessage().setBody(Orders.valid("KAM-LOG")));
            template.send("direct:logged", e -> e.getMessage().setBody(Orders.withoutPositions("KAM-LOG-400")));
            await(() -> events.size() >= 1);

            assertFalse(capture.lines().isEmpty());
            for (String line : capture.lines()) {
                for (String secret : List.of(PASSWORD, "w%rd", API_KEY)) {
                    assertFalse(line.contains(secret), "a secret in the log: " + line);
                }
            }
        }
    }

    // helpers

    private List<Exchange> source(String parameters) throws Exception {
        return source(parameters, exchange -> { });
    }

    /**
     * A route from the source Kamelet, polling every 100 ms, with these further parameters (YAML lines) and this
     * step; added now, and the exchanges that got through the step are returned.
     */
    private List<Exchange> source(String parameters, Processor step) throws Exception {
        List<Exchange> events = Collections.synchronizedList(new ArrayList<>());
        context.getRegistry().bind("step", step);
        context.getRegistry().bind("collect", (Processor) exchange -> events.add(exchange.copy()));
        for (RoutesBuilder routes : routes("events.yaml", """
                - route:
                    id: quivo-events
                    from:
                      uri: kamelet:quivo-events-source
                      parameters:
                        delay: 100
                        initialDelay: 0
                %s
                      steps:
                        - process:
                            ref: step
                        - process:
                            ref: collect
                """.formatted(parameters.indent(8).stripTrailing()))) {
            context.addRoutes(routes);
        }
        return events;
    }

    private void assertEvent(Exchange event, String entity, long id, long version, JsonNode entityJson)
            throws Exception {
        Map<String, Object> headers = event.getMessage().getHeaders();
        assertEquals(entity, headers.get("quivo.entity"));
        assertEquals(Long.toString(id), headers.get("quivo.id"));
        assertEquals(Long.toString(version), headers.get("quivo.version"));
        assertEquals(entityJson.get("lastModified").asText(), headers.get("quivo.lastModified"));
        assertEquals("poll", headers.get("quivo.source"));
        assertTrue(headers.keySet().stream().noneMatch(name -> name.startsWith("CamelQuivo")),
                "no header of the list or fetch calls: " + headers.keySet());
        // through text, so that a number is the same node type on both sides
        assertEquals(MAPPER.readTree(entityJson.toString()), MAPPER.readTree(event.getMessage().getBody(String.class)),
                "the body is the entity as Quivo holds it");
    }

    /** The number of events once three more polls of the list went by. */
    private int settled(List<Exchange> events, String listCall) throws Exception {
        int polls = simulator().stats().calls(listCall);
        await(() -> simulator().stats().calls(listCall) >= polls + 3);
        return events.size();
    }

    private ConsumerRecord<byte[], byte[]> single() {
        List<ConsumerRecord<byte[], byte[]>> records = deadLetters(1);
        assertEquals(1, records.size(), "one dead-letter record");
        return records.get(0);
    }

    private List<RoutesBuilder> routes(String name, String yaml) throws Exception {
        return new ArrayList<>(PluginHelper.getRoutesLoader(context)
                .findRoutesBuilders(ResourceHelper.fromString(name, yaml)));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(50);
        }
    }
}
