package io.camelquivo.policy;

import io.camelquivo.component.QuivoReadinessCheck;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.spi.RoutePolicy;

/**
 * DOWN while a route is paused by its {@link OutagePause}: one of its messages could not be settled (Quivo did
 * not answer within the policy's budget, or its dead-letter could not be written), it waits in its source, and
 * the route takes nothing new until Quivo answers a probe. The message names each paused route, since when and
 * why. A readiness check only: a restart fixes none of it, and the route resumes on its own.
 *
 * <p>The first {@link OutagePause} of a context registers it wherever a health-check registry exists.
 */
public final class PausedRoutesHealthCheck extends QuivoReadinessCheck {

    public static final String ID = "quivo-routes-paused";

    private final CamelContext camelContext;

    private PausedRoutesHealthCheck(CamelContext camelContext) {
        super(ID);
        this.camelContext = camelContext;
    }

    /** Registers the check with the context's health-check registry, once; nothing without a registry. */
    static void registerIn(CamelContext camelContext) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(camelContext);
        if (registry == null) {
            return;
        }
        synchronized (registry) {
            if (registry.getCheck(ID).isEmpty()) {
                registry.register(new PausedRoutesHealthCheck(camelContext));
            }
        }
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        List<String> paused = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Route route : camelContext.getRoutes()) {
            for (RoutePolicy policy : route.getRoutePolicyList()) {
                if (!(policy instanceof OutagePause pause)) {
                    continue;
                }
                Instant since = pause.pausedSince();
                String why = pause.pausedBecause();
                if (since != null && why != null) {
                    paused.add(route.getRouteId());
                    reasons.add("route " + route.getRouteId() + " paused since " + since.truncatedTo(ChronoUnit.SECONDS)
                            + " (" + why + "): its messages wait in their source until Quivo answers a probe, every "
                            + pause.getHalfOpenAfter() + " ms");
                }
            }
        }
        builder.detail("pausedRoutes", String.join(",", paused));
        if (paused.isEmpty()) {
            return builder.up().build();
        }
        return builder.message(String.join("; ", reasons)).down().build();
    }
}
