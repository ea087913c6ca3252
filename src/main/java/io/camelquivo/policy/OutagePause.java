package io.camelquivo.policy;

import io.camelquivo.component.QuivoComponent;
import io.camelquivo.error.QuivoException;
import io.camelquivo.metrics.QuivoMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.camel.Component;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.throttling.ThrottlingExceptionHalfOpenHandler;
import org.apache.camel.throttling.ThrottlingExceptionRoutePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pauses a route's consumer when one of its messages ends unsettled: Quivo did not answer within the policy's
 * budget (the message stays in its source), or its dead-letter could not be written. It is Camel's
 * circuit breaker for routes, opened by the first such failure; every {@code probe-interval} it asks Quivo
 * for one small page of warehouses, and resumes the consumer once Quivo answers. Nothing loops while Quivo is
 * away, and what waited in the source goes through on its own afterwards.
 */
public final class OutagePause extends ThrottlingExceptionRoutePolicy implements ThrottlingExceptionHalfOpenHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OutagePause.class);
    private static final String CLOSED = "closed";

    private final Consumer<Exchange> readAgainLater;
    /** What the last message that ended unsettled failed with, in words fit for health and logs. */
    private volatile String lastUnsettled = "a message could not be settled";
    private volatile String pausedBecause;
    private volatile Instant pausedSince;

    public OutagePause(Duration probeInterval) {
        this(probeInterval, exchange -> { });
    }

    /**
     * @param readAgainLater what makes the source offer an unsettled message again once the route resumes; a
     *                       file needs nothing (it stays in the inbox), a Kafka record its own offset committed
     */
    public OutagePause(Duration probeInterval, Consumer<Exchange> readAgainLater) {
        super(1, Long.MAX_VALUE, probeInterval.toMillis(), null);
        this.readAgainLater = readAgainLater;
        setHalfOpenHandler(this);
    }

    /** Whether this route is paused now. */
    public boolean isPaused() {
        return !CLOSED.equals(getStateAsString());
    }

    /** Since when the route is paused (each failed probe opens the circuit anew, this stays), or null. */
    public Instant pausedSince() {
        return isPaused() ? pausedSince : null;
    }

    /** Why the route paused, while it is paused: the failure of the message that paused it. */
    public String pausedBecause() {
        return isPaused() ? pausedBecause : null;
    }

    /** The route's pause shows in health ({@link PausedRoutesHealthCheck}) and metrics ({@code quivo_route_paused}). */
    @Override
    public void onInit(Route route) {
        super.onInit(route);
        PausedRoutesHealthCheck.registerIn(route.getCamelContext());
        QuivoMetrics.of(route.getCamelContext()).onPausableRoute(route.getRouteId(), this::isPaused);
    }

    /** Whether the route that the exchange came from is paused now: its messages then stop waiting at once. */
    public static boolean isPaused(Exchange exchange) {
        Route route = exchange.getFromRouteId() == null ? null : exchange.getContext().getRoute(exchange.getFromRouteId());
        if (route == null) {
            return false;
        }
        for (RoutePolicy policy : route.getRoutePolicyList()) {
            if (policy instanceof OutagePause pause && !CLOSED.equals(pause.getStateAsString())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A suspended consumer still hands over the rest of the batch it had polled (an inbox may hold thousands
     * of files): while paused, each of them stays in its source at once, without a call to Quivo.
     */
    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        if (!CLOSED.equals(getStateAsString())) {
            exchange.setException(new RoutePausedException(route.getRouteId()));
            exchange.setRouteStop(true);
        }
        super.onExchangeBegin(route, exchange);
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        if (exchange.isFailed()) {
            if (!(exchange.getException() instanceof RoutePausedException)) {
                lastUnsettled = describe(exchange.getException());
            }
            readAgainLater.accept(exchange);
        }
        super.onExchangeDone(route, exchange);
    }

    @Override
    public boolean isReadyToBeClosed() {
        Component quivo = getCamelContext().hasComponent("quivo");
        return !(quivo instanceof QuivoComponent component) || component.answers();
    }

    @Override
    protected void openCircuit(Route route) {
        boolean wasRunning = CLOSED.equals(getStateAsString());
        if (wasRunning) {
            pausedBecause = lastUnsettled;
            pausedSince = Instant.now();
        }
        super.openCircuit(route);
        if (wasRunning) {
            LOG.warn("Route {} paused: a message could not be settled ({}) and stays in its source; Quivo is probed"
                    + " every {} ms and the route resumes once it answers", route.getRouteId(), pausedBecause,
                    getHalfOpenAfter());
        }
    }

    /**
     * A Quivo failure by its family, as the metrics label it; anything else (a dead-letter write, say) by its
     * type and message, which name no secret.
     */
    private static String describe(Exception failure) {
        if (failure instanceof QuivoException quivo && quivo.getFamily() != null) {
            return "Quivo: " + quivo.getFamily().name().toLowerCase(Locale.ROOT);
        }
        if (failure == null) {
            return "a message could not be settled";
        }
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        message = message.length() > 200 ? message.substring(0, 200) + "..." : message;
        return failure.getClass().getSimpleName() + message;
    }

    /**
     * A route fed by another route ({@code direct:}, as order-record by the Kafka route) keeps its consumer: its
     * caller would otherwise block on the missing consumer for direct's timeout (30 s) and fail with an error that
     * says nothing of the outage. Each message it is handed while paused meets {@link #onExchangeBegin} instead,
     * and stays in its source at once.
     */
    @Override
    public boolean suspendOrStopConsumer(org.apache.camel.Consumer consumer) throws Exception {
        return isFedByAnotherRoute(consumer) || super.suspendOrStopConsumer(consumer);
    }

    @Override
    public boolean resumeOrStartConsumer(org.apache.camel.Consumer consumer) throws Exception {
        return isFedByAnotherRoute(consumer) || super.resumeOrStartConsumer(consumer);
    }

    private static boolean isFedByAnotherRoute(org.apache.camel.Consumer consumer) {
        return consumer != null && consumer.getEndpoint().getEndpointUri().startsWith("direct:");
    }

    @Override
    protected void closeCircuit(Route route) {
        resume(route, true);
    }

    /**
     * Every pause of the context waits for the same thing, Quivo answering: once one probe says so, the other
     * paused routes resume now rather than at their own next probe. Those fed by another route go first: a Kafka
     * route resumed before the route its records go through would only meet that route's pause, and pause again
     * for another probe interval.
     */
    private void resume(Route route, boolean theOthersToo) {
        boolean wasPaused = isPaused();
        if (theOthersToo && wasPaused) {
            resumeTheOthers(true);
        }
        super.closeCircuit(route);
        LOG.info("Route {} resumed: Quivo answers again", route.getRouteId());
        if (theOthersToo && wasPaused) {
            resumeTheOthers(false);
        }
    }

    private void resumeTheOthers(boolean fedByAnotherRoute) {
        for (Route other : getCamelContext().getRoutes()) {
            for (RoutePolicy policy : other.getRoutePolicyList()) {
                if (policy != this && policy instanceof OutagePause pause && pause.isPaused()
                        && isFedByAnotherRoute(other.getConsumer()) == fedByAnotherRoute) {
                    pause.resume(other, false);
                }
            }
        }
    }
}
