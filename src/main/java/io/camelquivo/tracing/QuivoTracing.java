package io.camelquivo.tracing;

import io.camelquivo.client.QuivoCallListener;
import io.camelquivo.error.StatusFamily;
import io.camelquivo.metrics.QuivoMetrics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.time.Duration;
import java.time.Instant;

/**
 * A span for each call to Quivo and each login, and an event for each of the error policy's redelivery decisions,
 * under whatever span is current: the span of the Camel exchange's step that called ({@code to quivo:...}) when
 * Camel's OpenTelemetry support runs. The spans are made once the call ended, back-dated to its start: the client
 * reports a call only then, and it knows no Camel or OpenTelemetry types.
 *
 * <p>Attributes are the listener's facts and nothing else: the operation, the method, the path template (never the
 * path itself, which holds ids, nor the query), the status, its family, the attempt and whether the call waited
 * for a login. No key, password or token ever reaches a listener, so none can reach a span.
 */
public final class QuivoTracing implements QuivoCallListener {

    /** The instrumentation scope of these spans. */
    public static final String SCOPE = "io.camelquivo";

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("quivo.operation");
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> PATH_TEMPLATE = AttributeKey.stringKey("url.template");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> FAMILY = AttributeKey.stringKey("quivo.status_family");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("quivo.attempt");
    static final AttributeKey<Boolean> AFTER_LOGIN = AttributeKey.booleanKey("quivo.login");
    static final AttributeKey<Boolean> REDELIVERED = AttributeKey.booleanKey("quivo.redelivered");
    static final AttributeKey<Long> REDELIVERY = AttributeKey.longKey("quivo.redelivery");
    static final AttributeKey<Long> DELAY_MS = AttributeKey.longKey("quivo.redelivery.delay_ms");

    /** The event a redelivery decision adds to the current span. */
    static final String REDELIVERY_EVENT = "quivo.redelivery.decision";
    static final String LOGIN_PATH = "/login";

    private final Tracer tracer;

    public QuivoTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(SCOPE);
    }

    @Override
    public void onCall(Call call) {
        AttributesBuilder attributes = Attributes.builder()
                .put(OPERATION, call.operation())
                .put(METHOD, call.method())
                .put(ATTEMPT, (long) call.attempt())
                .put(AFTER_LOGIN, call.afterLogin());
        if (call.pathTemplate() != null) {
            attributes.put(PATH_TEMPLATE, call.pathTemplate());
        }
        String name = call.pathTemplate() == null ? call.method() : call.method() + " " + call.pathTemplate();
        span(name, attributes, call.status(), call.family(), call.elapsed());
    }

    @Override
    public void onLogin(Login login) {
        AttributesBuilder attributes = Attributes.builder()
                .put(OPERATION, "login")
                .put(METHOD, "POST")
                .put(PATH_TEMPLATE, LOGIN_PATH);
        span("POST " + LOGIN_PATH, attributes, login.status(), login.family(), login.elapsed());
    }

    @Override
    public void onRedeliveryDecision(RedeliveryDecision decision) {
        AttributesBuilder attributes = Attributes.builder()
                .put(FAMILY, QuivoMetrics.familyLabel(decision.family()))
                .put(REDELIVERY, (long) decision.redelivery())
                .put(REDELIVERED, decision.redelivered());
        if (decision.operation() != null) {
            attributes.put(OPERATION, decision.operation());
        }
        if (decision.redelivered()) {
            attributes.put(DELAY_MS, decision.delay().toMillis());
        }
        Span.current().addEvent(REDELIVERY_EVENT, attributes.build());
    }

    private void span(String name, AttributesBuilder attributes, int status, StatusFamily family, Duration elapsed) {
        if (status > 0) {
            attributes.put(STATUS, (long) status);
        }
        attributes.put(FAMILY, QuivoMetrics.familyLabel(family));
        if (family != null) {
            attributes.put(ERROR_TYPE, QuivoMetrics.familyLabel(family));
        }
        Instant end = Instant.now();
        Span span = tracer.spanBuilder(name)
                .setSpanKind(SpanKind.CLIENT)
                .setStartTimestamp(end.minus(elapsed))
                .setAllAttributes(attributes.build())
                .startSpan();
        if (family != null) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end(end);
    }
}
