package io.camelquivo.metrics;

import io.camelquivo.client.QuivoCallListener;
import io.camelquivo.error.StatusFamily;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import org.apache.camel.CamelContext;

/**
 * The connector's counters and the rate limit's gauge. Labels are operation names, status families, outcomes
 * and account numbers only: never a URI, a username, a key or a token.
 *
 * <pre>
 * quivo_calls_total{operation, family}      every answered or failed call (family "success" for 2xx)
 * quivo_logins_total{outcome}               success | failure
 * quivo_redeliveries_total{family}          redeliveries the error policy decided
 * quivo_dead_letters_total{family, operation}  messages written to the dead-letter topic
 * quivo_quarantined_payloads_total{operation}  dead-letter payloads too large for Kafka, kept in files instead
 * quivo_rate_limit_per_second{account}      calls per second the account's rate limiter lets through now;
 *                                           account "1" is the first the component used, "2" the next
 * </pre>
 */
public final class QuivoMetrics implements QuivoCallListener {

    /** The registry name under which the service binds the one instance. */
    public static final String BEAN_NAME = "quivoMetrics";

    private final MeterRegistry registry;
    /** The gauge of each account reads through this, so a limiter made again replaces the one it reads. */
    private final Map<String, DoubleSupplier> rateLimits = new ConcurrentHashMap<>();

    public QuivoMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The bound instance, or one on the registry found in Camel, or on Micrometer's global registry. */
    public static QuivoMetrics of(CamelContext camel) {
        QuivoMetrics bound = camel.getRegistry().lookupByNameAndType(BEAN_NAME, QuivoMetrics.class);
        if (bound != null) {
            return bound;
        }
        MeterRegistry found = camel.getRegistry().findSingleByType(MeterRegistry.class);
        QuivoMetrics created = new QuivoMetrics(found != null ? found : Metrics.globalRegistry);
        camel.getRegistry().bind(BEAN_NAME, created);
        return created;
    }

    @Override
    public void onCall(String operation, int status, StatusFamily family) {
        registry.counter("quivo.calls", "operation", operation, "family", label(family)).increment();
    }

    @Override
    public void onLogin(boolean succeeded) {
        registry.counter("quivo.logins", "outcome", succeeded ? "success" : "failure").increment();
    }

    @Override
    public void onRateLimiter(String account, DoubleSupplier permitsPerSecond) {
        if (rateLimits.put(account, permitsPerSecond) == null) {
            Gauge.builder("quivo.rate.limit.per.second", rateLimits, limits -> currentRate(limits, account))
                    .tag("account", account)
                    .description("Calls per second the account's rate limiter lets through now")
                    .strongReference(true)
                    .register(registry);
        }
    }

    public void onRedelivery(StatusFamily family) {
        registry.counter("quivo.redeliveries", "family", label(family)).increment();
    }

    public void onDeadLetter(StatusFamily family, String operation) {
        registry.counter("quivo.dead.letters", "family", label(family), "operation", operation).increment();
    }

    public void onQuarantine(String operation) {
        registry.counter("quivo.quarantined.payloads", "operation", operation).increment();
    }

    private static double currentRate(Map<String, DoubleSupplier> limits, String account) {
        DoubleSupplier limit = limits.get(account);
        return limit == null ? Double.NaN : limit.getAsDouble();
    }

    private static String label(StatusFamily family) {
        return family == null ? "success" : family.name().toLowerCase(Locale.ROOT);
    }
}
