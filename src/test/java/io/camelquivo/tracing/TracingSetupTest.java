package io.camelquivo.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the standard OTEL_* settings switch tracing on, and that nothing does without them. */
class TracingSetupTest {

    @Test
    void nothingSetIsOffAndStartsNothing() {
        TracingSetup setup = setup(Map.of());
        assertEquals(false, setup.enabled());
        assertTrue(setup.start().isEmpty(), "no SDK, so no exporter tries localhost:4317");
    }

    @Test
    void anExporterOrAnOtlpEndpointSwitchesItOn() {
        assertEquals(true, setup(Map.of("otel.traces.exporter", "otlp")).enabled());
        assertEquals(true, setup(Map.of("otel.traces.exporter", "console")).enabled());
        assertEquals(true, setup(Map.of("otel.exporter.otlp.endpoint", "http://collector:4318")).enabled());
        assertEquals(true, setup(Map.of("otel.exporter.otlp.traces.endpoint", "http://collector:4318/v1/traces"))
                .enabled());
    }

    @Test
    void noneOrADisabledSdkKeepsItOff() {
        assertEquals(false, setup(Map.of("otel.traces.exporter", "none",
                "otel.exporter.otlp.endpoint", "http://collector:4318")).enabled());
        assertEquals(false, setup(Map.of("otel.sdk.disabled", "true", "otel.traces.exporter", "otlp")).enabled());
        assertEquals(false, setup(Map.of("otel.traces.exporter", " ")).enabled(), "blank is unset");
        assertEquals(false, setup(Map.of("otel.service.name", "shop")).enabled(), "a name alone exports nothing");
    }

    private static TracingSetup setup(Map<String, String> settings) {
        return new TracingSetup(settings::get);
    }
}
