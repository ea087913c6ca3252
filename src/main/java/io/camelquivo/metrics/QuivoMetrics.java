package io.camelquivo.metrics;

import io.camelquivo.client.QuivoCallListener;
import io.camelquivo.error.StatusFamily;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;

/**
 * The connector's meters. Labels are operation names, status families, outcomes and account numbers only: never
 * a URI, a username, a key or a token. The list, with what each meter means, is in the README (Metrics).
 *
 * <pre>
 * quivo_calls_total{operation, family}             every answered or failed call (family "success" for 2xx)
 * quivo_call_duration_seconds{operation, family}   the HTTP exchange of each call, a histogram
 * quivo_logins_total{outcome}                      success | failure
 * quivo_redeliveries_total{family}                 redeliveries the error policy decided
 * quivo_dead_letters_total{family, operation}      messages written to the dead-letter topic
 * quivo_quarantined_payloads_total{operation}      dead-letter payloads too large for Kafka, kept in files instead
 * quivo_rate_limit_per_second{account}             calls per second the account's rate limiter lets through now;
 *                                                  account "1" is the first the component used, "2" the next
 * quivo_route_paused{route}                        1 while the route is paused by an outage (OutagePause), else 0
 * quivo_changes_missed_by_webhook_total{entity}    changes only polling saw: no webhook delivered them in time
 * </pre>
 *
 * Counters exist at zero before their first event, so that rates and ratios over them read 0 rather than
 * nothing: logins by outcome and redeliveries by family from the start, and calls, dead-letters and quarantined
 * payloads for each operation once an endpoint of it starts, for the families it can end in. The timer is not
 * made ahead: an empty histogram says nothing, and it would multiply the series by its buckets.
 */
public final class QuivoMetrics implements QuivoCallListener {

    /** The registry name under which the service binds the one instance. */
    public static final String BEAN_NAME = "quivoMetrics";

    static final String CALLS = "quivo.calls";
    static final String CALL_DURATION = "quivo.call.duration";
    static final String LOGINS = "quivo.logins";
    static final String REDELIVERIES = "quivo.redeliveries";
    static final String DEAD_LETTERS = "quivo.dead.letters";
    static final String QUARANTINED = "quivo.quarantined.payloads";
    static final String RATE_LIMIT = "quivo.rate.limit.per.second";
    static final String ROUTE_PAUSED = "quivo.route.paused";
    static final String MISSED_BY_WEBHOOK = "quivo.changes.missed.by.webhook";

    /** The label of a call that Quivo answered with a 2xx. */
    static final String SUCCESS = "success";

    /** What a call can end in: an answer's family, or none came; logins, lookups and unusable input are not calls. */
    static final List<String> CALL_FAMILIES = Stream.concat(Stream.of(SUCCESS),
            EnumSet.complementOf(EnumSet.of(StatusFamily.UNRESOLVED_CREATE, StatusFamily.LOGIN_REFUSED,
                    StatusFamily.INVALID_INPUT)).stream().map(QuivoMetrics::label)).toList();
    /** The families the error policy redelivers: what waiting fixes, and a server error's few retries. */
    static final List<String> REDELIVERED_FAMILIES = Arrays.stream(StatusFamily.values())
            .filter(family -> family.waitingFixes() || family == StatusFamily.SERVER_ERROR)
            .map(QuivoMetrics::label).toList();
    /** What waiting fixes is never dead-lettered (the message stays in its source), everything else can be. */
    static final List<String> DEAD_LETTERED_FAMILIES = Arrays.stream(StatusFamily.values())
            .filter(family -> !family.waitingFixes()).map(QuivoMetrics::label).toList();

    /**
     * Upper bounds of the latency histogram's buckets, in seconds: a fast answer, the usual range of an API
     * call, and the slow end up to the component's default response timeout (30 s).
     */
    private static final Duration[] DURATION_BUCKETS = Stream.of(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
            .map(seconds -> Duration.ofMillis(Math.round(seconds * 1000))).toArray(Duration[]::new);

    private final MeterRegistry registry;
    /** The gauge of each account reads through this, so a limiter made again replaces the one it reads. */
    private final Map<String, DoubleSupplier> rateLimits = new ConcurrentHashMap<>();
    private final Set<String> operations = ConcurrentHashMap.newKeySet();
    /** The gauge of each route reads through this, so the pause of a route started again replaces the old one. */
    private final Map<String, BooleanSupplier> pausableRoutes = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> missedByWebhook = new ConcurrentHashMap<>();
    /** Counts the polled changes whose webhook is overdue, before the meter is read. */
    private volatile Runnable settleMissedByWebhook = () -> { };

    public QuivoMetrics(MeterRegistry registry) {
        this.registry = registry;
        logins("success");
        logins("failure");
        REDELIVERED_FAMILIES.forEach(this::redeliveries);
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
    public void onOperation(String operation) {
        if (operations.add(operation)) {
            CALL_FAMILIES.forEach(family -> calls(operation, family));
            DEAD_LETTERED_FAMILIES.forEach(family -> deadLetters(family, operation));
            quarantined(operation);
        }
    }

    @Override
    public void onCall(String operation, int status, StatusFamily family, Duration elapsed) {
        String label = label(family);
        // timed before counted: a scrape that sees the call counted also sees its duration series
        Timer.builder(CALL_DURATION)
                .description("How long one call's HTTP exchange with Quivo took (connection, request, whole answer),"
                        + " without the waits for a rate-limit permit or a login; by operation and status family"
                        + " (success for 2xx)")
                .tags("operation", operation, "family", label)
                .serviceLevelObjectives(DURATION_BUCKETS)
                .register(registry)
                .record(elapsed);
        calls(operation, label).increment();
    }

    @Override
    public void onCall(String operation, int status, StatusFamily family) {
        calls(operation, label(family)).increment(); // a caller without the time: counted, not timed
    }

    @Override
    public void onLogin(boolean succeeded) {
        logins(succeeded ? "success" : "failure").increment();
    }

    @Override
    public void onRateLimiter(String account, DoubleSupplier permitsPerSecond) {
        if (rateLimits.put(account, permitsPerSecond) == null) {
            Gauge.builder(RATE_LIMIT, rateLimits, limits -> currentRate(limits, account))
                    .tag("account", account)
                    .description("Calls per second the account's rate limiter lets through now; account 1 is the"
                            + " first account the component used, 2 the next")
                    .strongReference(true)
                    .register(registry);
        }
    }

    /** A route that pauses while Quivo is away: its gauge reads 1 while {@code paused} says so, else 0. */
    public void onPausableRoute(String route, BooleanSupplier paused) {
        if (pausableRoutes.put(route, paused) == null) {
            Gauge.builder(ROUTE_PAUSED, pausableRoutes, routes -> isPaused(routes, route))
                    .tag("route", route)
                    .description("1 while the route is paused: one of its messages could not be settled (Quivo did"
                            + " not answer within the policy's budget, or its dead-letter could not be written), it"
                            + " waits in its source, and the route takes nothing new until Quivo answers; else 0")
                    .strongReference(true)
                    .register(registry);
        }
    }

    @Override
    public void onRedeliveryDecision(RedeliveryDecision decision) {
        if (decision.redelivered()) {
            onRedelivery(decision.family());
        }
    }

    public void onRedelivery(StatusFamily family) {
        redeliveries(label(family)).increment();
    }

    public void onDeadLetter(StatusFamily family, String operation) {
        deadLetters(label(family), operation).increment();
    }

    public void onQuarantine(String operation) {
        quarantined(operation).increment();
    }

    /**
     * Webhooks and polling both run: the missed-change meter, at zero for each entity polled, and how to count
     * the changes whose grace period ended since the last event, which {@code settle} does when the meter is read.
     */
    public void onMissedByWebhookSignal(List<String> entities, Runnable settle) {
        settleMissedByWebhook = settle;
        entities.forEach(this::missedByWebhook);
    }

    /** A change of {@code entity} that polling published and no webhook delivered within the grace period. */
    public void onMissedByWebhook(String entity) {
        missedByWebhook(entity).incrementAndGet();
    }

    private Counter calls(String operation, String family) {
        return Counter.builder(CALLS)
                .description("Calls to Quivo that ended, by operation and status family: success for 2xx,"
                        + " connection_failure when no answer came, else the family of the failed answer")
                .tags("operation", operation, "family", family)
                .register(registry);
    }

    private AtomicLong missedByWebhook(String entity) {
        return missedByWebhook.computeIfAbsent(entity, label -> {
            AtomicLong missed = new AtomicLong();
            FunctionCounter.builder(MISSED_BY_WEBHOOK, missed, count -> {
                        settleMissedByWebhook.run();
                        return count.get();
                    })
                    .description("Changes, one per entity, id and version, that polling published and no webhook call"
                            + " delivered within quivo.changes.webhook-grace; counted only while the webhook receiver"
                            + " and polling both run")
                    .tag("entity", label)
                    .register(registry);
            return missed;
        });
    }

    private Counter logins(String outcome) {
        return Counter.builder(LOGINS)
                .description("Logins to Quivo (POST /login) by outcome: success, or failure (refused or no answer)")
                .tag("outcome", outcome)
                .register(registry);
    }

    private Counter redeliveries(String family) {
        return Counter.builder(REDELIVERIES)
                .description("Redeliveries the error policy scheduled, by the status family of the failure")
                .tag("family", family)
                .register(registry);
    }

    private Counter deadLetters(String family, String operation) {
        return Counter.builder(DEAD_LETTERS)
                .description("Messages written to the dead-letter topic, by the status family of the failure and"
                        + " the operation that failed (unknown when no Quivo call was reached)")
                .tags("family", family, "operation", operation)
                .register(registry);
    }

    private Counter quarantined(String operation) {
        return Counter.builder(QUARANTINED)
                .description("Dead-letter payloads too large for Kafka, written to the quarantine folder instead,"
                        + " by operation")
                .tag("operation", operation)
                .register(registry);
    }

    private static double currentRate(Map<String, DoubleSupplier> limits, String account) {
        DoubleSupplier limit = limits.get(account);
        return limit == null ? Double.NaN : limit.getAsDouble();
    }

    private static double isPaused(Map<String, BooleanSupplier> routes, String route) {
        BooleanSupplier paused = routes.get(route);
        return paused != null && paused.getAsBoolean() ? 1 : 0;
    }

    private static String label(StatusFamily family) {
        return familyLabel(family);
    }

    /** How meters and spans name a family: {@code success} for a 2xx (null), else the family in lower case. */
    public static String familyLabel(StatusFamily family) {
        return family == null ? SUCCESS : family.name().toLowerCase(Locale.ROOT);
    }
}
