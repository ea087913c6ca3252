package io.camelquivo.tracing;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Whether the service traces, and its OpenTelemetry SDK when it does, from the standard {@code OTEL_*} settings
 * (environment variables, or the {@code otel.*} system properties, which win).
 *
 * <p>Tracing is off unless one of them asks for spans: {@code OTEL_TRACES_EXPORTER} other than {@code none}, or an
 * OTLP endpoint ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}).
 * {@code OTEL_SDK_DISABLED=true} turns it off whatever else is set. The SDK's own default would export to
 * {@code localhost:4317} with nothing set at all, which a service that nobody asked to trace must not try. When
 * on, the SDK reads every other {@code OTEL_*} setting itself; the service only changes three defaults: its service
 * name, and no metrics or logs exporters, since metrics are on {@code /observe/metrics} and logs on the console.
 */
public final class TracingSetup {

    static final String SDK_DISABLED = "otel.sdk.disabled";
    static final String TRACES_EXPORTER = "otel.traces.exporter";
    static final String OTLP_ENDPOINT = "otel.exporter.otlp.endpoint";
    static final String OTLP_TRACES_ENDPOINT = "otel.exporter.otlp.traces.endpoint";

    /** The service's defaults, below any OTEL_* setting. */
    static final Map<String, String> DEFAULTS = Map.of(
            "otel.service.name", "quivo-connector",
            "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none");

    private final UnaryOperator<String> settings;

    /** {@code settings} answers an {@code otel.*} property name with its value, or null. */
    TracingSetup(UnaryOperator<String> settings) {
        this.settings = settings;
    }

    /** From this process's system properties and environment, as the SDK reads them. */
    public static TracingSetup fromEnvironment() {
        Map<String, String> environment = System.getenv();
        return new TracingSetup(property -> {
            String value = System.getProperty(property);
            return value != null ? value : environment.get(property.toUpperCase(Locale.ROOT).replace('.', '_')
                    .replace('-', '_'));
        });
    }

    /** Whether the settings ask for spans. */
    public boolean enabled() {
        if ("true".equalsIgnoreCase(trimmed(SDK_DISABLED))) {
            return false;
        }
        String exporter = trimmed(TRACES_EXPORTER);
        if (exporter != null) {
            return !"none".equalsIgnoreCase(exporter);
        }
        return trimmed(OTLP_ENDPOINT) != null || trimmed(OTLP_TRACES_ENDPOINT) != null;
    }

    /** The SDK the settings describe, when they ask for spans; the caller closes it, which sends what is left. */
    public Optional<OpenTelemetrySdk> start() {
        if (!enabled()) {
            return Optional.empty();
        }
        return Optional.of(AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> new LinkedHashMap<>(DEFAULTS))
                // the service closes the SDK after Camel stopped, so the spans of the last exchanges get out
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk());
    }

    private String trimmed(String property) {
        String value = settings.apply(property);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
