package io.camelquivo.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.component.QuivoComponent;
import io.camelquivo.component.QuivoConstants;
import io.camelquivo.kafka.QuivoDeadLetterRoute;
import io.camelquivo.policy.QuivoErrorPolicy;
import io.camelquivo.simulator.Fault;
import io.camelquivo.simulator.QuivoSimulator;
import io.camelquivo.simulator.QuivoSimulatorExtension;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.RoutesTestSupport;
import io.camelquivo.testing.SecretScan;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The spans of an order's way to Quivo, kept in memory: Camel's own spans (camel-opentelemetry2) with QuivoTracing's
 * calls and logins under them, and the policy's redelivery decisions as events. Whatever the spans hold is scanned
 * for the account's secrets.
 */
class QuivoTracingTest extends RoutesTestSupport {

    /** Secrets distinctive enough that a scan for them proves something. */
    @RegisterExtension
    static final QuivoSimulatorExtension SECRETIVE = new QuivoSimulatorExtension(QuivoSimulator.builder()
            .apiKey("trace-api-key-7f3e9c1a").password("trace-password-b84d2e60"));

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exported)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();

    @AfterEach
    void closeSdk() {
        sdk.close();
    }

    @Override
    protected QuivoSimulator simulator() {
        return SECRETIVE.simulator();
    }

    @Override
    protected void configure(QuivoComponent quivo) {
        quivo.getConfiguration().setApiKey(simulator().apiKey());
        quivo.getConfiguration().setPassword(simulator().password());
        quivo.setCallListener(new QuivoTracing(sdk));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        // as the service does: the tracer and propagators of its SDK bound, camel-opentelemetry2 finds them
        camel.getRegistry().bind("tracer", sdk.getTracer("camel"));
        camel.getRegistry().bind("propagators", sdk.getPropagators());
        new OpenTelemetryTracer().init(camel);
        return camel;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {new QuivoErrorPolicy(), new QuivoDeadLetterRoute(), new RouteBuilder() {
            @Override
            public void configure() {
                // the account's secrets in the URI too: Camel's own spans name the endpoint
                from("direct:order").routeId("orders").routeConfigurationId(QuivoErrorPolicy.ID)
                        .to("quivo:orders.create?apiKey=RAW(" + simulator().apiKey() + ")&password=RAW("
                                + simulator().password() + ")");
            }
        }};
    }

    @Test
    void aThrottledCallThenAnAcceptedOneAreTwoAttemptsWithTheRedeliveryBetween() {
        simulator().faults().next(1, "POST /orders", Fault.throttled(Duration.ofSeconds(1)));
        assertAccepted(send("TR-429"));

        List<SpanData> calls = quivoSpans("POST /orders");
        assertEquals(2, calls.size(), names());
        SpanData throttled = calls.get(0);
        SpanData accepted = calls.get(1);
        assertCall(throttled, 429L, "throttled", 1, true);
        assertEquals("throttled", throttled.getAttributes().get(AttributeKey.stringKey("error.type")));
        assertEquals(StatusCode.ERROR, throttled.getStatus().getStatusCode());
        assertCall(accepted, null, "success", 2, false);
        assertEquals(StatusCode.UNSET, accepted.getStatus().getStatusCode());

        List<SpanData> logins = quivoSpans("POST /login");
        assertEquals(1, logins.size(), "the first call logged in; the second used the same token");
        assertEquals(200L, logins.get(0).getAttributes().get(QuivoTracing.STATUS));
        assertEquals("success", logins.get(0).getAttributes().get(QuivoTracing.FAMILY));

        EventData decision = onlyRedeliveryDecision();
        assertEquals("throttled", decision.getAttributes().get(QuivoTracing.FAMILY));
        assertEquals(true, decision.getAttributes().get(QuivoTracing.REDELIVERED));
        assertEquals(1L, decision.getAttributes().get(QuivoTracing.REDELIVERY));
        assertEquals("orders.create", decision.getAttributes().get(QuivoTracing.OPERATION));
        assertEquals(1000L, decision.getAttributes().get(QuivoTracing.DELAY_MS), "Quivo's Retry-After");

        assertOneTraceUnderCamel();
        assertNoSecret();
    }

    @Test
    void anExpiredTokenShowsTheRefusedCallTheNewLoginAndTheCallAfterIt() {
        simulator().faults().next(1, "POST /orders", Fault.expiredToken());
        assertAccepted(send("TR-401"));

        List<SpanData> calls = quivoSpans("POST /orders");
        assertEquals(2, calls.size(), names());
        assertCall(calls.get(0), 401L, "unauthorized", 1, true);
        assertCall(calls.get(1), null, "success", 2, true);

        List<SpanData> logins = quivoSpans("POST /login");
        assertEquals(2, logins.size(), "the first login, and the one after Quivo refused its token");
        logins.forEach(login -> assertEquals("success", login.getAttributes().get(QuivoTracing.FAMILY)));

        EventData decision = onlyRedeliveryDecision();
        assertEquals("unauthorized", decision.getAttributes().get(QuivoTracing.FAMILY));
        assertEquals(true, decision.getAttributes().get(QuivoTracing.REDELIVERED));
        assertEquals(0L, decision.getAttributes().get(QuivoTracing.DELAY_MS), "a re-login costs no waiting");

        assertOneTraceUnderCamel();
        assertNoSecret();
    }

    @Test
    void aPathTemplateNeverCarriesTheIdsOfTheCall() {
        String itemId = "ITEM-ID-4242";
        template.send("quivo:items.get", e -> e.getMessage().setHeader(QuivoConstants.ITEM_ID, itemId));

        List<SpanData> calls = quivoSpans("GET /items/{itemId}");
        assertEquals(1, calls.size(), names());
        assertEquals("/items/{itemId}", calls.get(0).getAttributes().get(QuivoTracing.PATH_TEMPLATE));
        assertNotNull(calls.get(0).getAttributes().get(QuivoTracing.STATUS));
        // Camel's own span records the exception, whose message names the path it failed on; ours never do
        assertFalse(exported.getFinishedSpanItems().stream()
                .filter(span -> span.getInstrumentationScopeInfo().getName().equals(QuivoTracing.SCOPE))
                .anyMatch(span -> span.toString().contains(itemId)), names());
    }

    private Exchange send(String orderIdentifier) {
        return template.send("direct:order", e -> e.getMessage().setBody(Orders.valid(orderIdentifier)));
    }

    private void assertAccepted(Exchange answer) {
        assertNull(answer.getException(), () -> String.valueOf(answer.getException()));
        assertEquals(1, simulator().orders().all().size());
    }

    private static void assertCall(SpanData call, Long status, String family, long attempt, boolean afterLogin) {
        assertEquals(SpanKind.CLIENT, call.getKind());
        assertEquals("orders.create", call.getAttributes().get(QuivoTracing.OPERATION));
        assertEquals("POST", call.getAttributes().get(QuivoTracing.METHOD));
        assertEquals("/orders", call.getAttributes().get(QuivoTracing.PATH_TEMPLATE));
        if (status != null) {
            assertEquals(status, call.getAttributes().get(QuivoTracing.STATUS));
        } else {
            long answered = call.getAttributes().get(QuivoTracing.STATUS);
            assertTrue(answered >= 200 && answered < 300, "a 2xx: " + answered);
        }
        assertEquals(family, call.getAttributes().get(QuivoTracing.FAMILY));
        assertEquals(attempt, call.getAttributes().get(QuivoTracing.ATTEMPT));
        assertEquals(afterLogin, call.getAttributes().get(QuivoTracing.AFTER_LOGIN));
    }

    /** QuivoTracing's spans of this name, in the order they started. */
    private List<SpanData> quivoSpans(String name) {
        return exported.getFinishedSpanItems().stream()
                .filter(span -> span.getInstrumentationScopeInfo().getName().equals(QuivoTracing.SCOPE))
                .filter(span -> span.getName().equals(name))
                .sorted((a, b) -> Long.compare(a.getStartEpochNanos(), b.getStartEpochNanos()))
                .collect(Collectors.toList());
    }

    private EventData onlyRedeliveryDecision() {
        List<EventData> decisions = exported.getFinishedSpanItems().stream()
                .flatMap(span -> span.getEvents().stream())
                .filter(event -> event.getName().equals(QuivoTracing.REDELIVERY_EVENT))
                .collect(Collectors.toList());
        assertEquals(1, decisions.size(), names());
        return decisions.get(0);
    }

    /** Every span of the order is in one trace, and each of QuivoTracing's has a span of Camel's as its parent. */
    private void assertOneTraceUnderCamel() {
        List<SpanData> spans = exported.getFinishedSpanItems();
        assertEquals(1, spans.stream().map(SpanData::getTraceId).distinct().count(), names());
        Map<String, SpanData> byId = spans.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
        for (SpanData span : spans) {
            if (span.getInstrumentationScopeInfo().getName().equals(QuivoTracing.SCOPE)) {
                SpanData parent = byId.get(span.getParentSpanId());
                assertNotNull(parent, span.getName() + " has no parent among " + names());
                assertEquals("camel", parent.getInstrumentationScopeInfo().getName());
            }
        }
        assertTrue(spans.stream().anyMatch(span -> span.getEvents().stream()
                .anyMatch(event -> event.getName().equals(QuivoTracing.REDELIVERY_EVENT))
                && span.getInstrumentationScopeInfo().getName().equals("camel")), "the decision is on Camel's span");
    }

    /** Every span's name, attributes, events and resource, as text, holds no key, password or token. */
    private void assertNoSecret() {
        SecretScan scan = SecretScan.of(simulator());
        assertTrue(scan.tokenCount() > 0, "the scan knows the tokens the simulator issued");
        scan.text("spans", exported.getFinishedSpanItems().toString());
        scan.assertClean();
    }

    private String names() {
        return exported.getFinishedSpanItems().stream()
                .map(span -> span.getInstrumentationScopeInfo().getName() + ":" + span.getName() + span.getAttributes()
                        + span.getEvents().stream().map(EventData::getName).toList())
                .collect(Collectors.joining("\n  ", "spans:\n  ", ""));
    }
}
