package io.camelquivo.policy;

import java.util.Set;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;

/**
 * Gives every route that opts into the status policy ({@code routeConfigurationId: quivo-error-policy}), or
 * into another route configuration it was given, its own {@link OutagePause}. camel-main adds a factory found
 * in the registry; elsewhere call {@code camelContext.addRoutePolicyFactory(new OutagePauseFactory())} before
 * adding routes.
 */
public final class OutagePauseFactory implements RoutePolicyFactory {

    private final Consumer<Exchange> readAgainLater;
    private final Set<String> routeConfigurations;

    /** For routes whose sources keep an unsettled message on their own, as a file consumer does. */
    public OutagePauseFactory() {
        this(exchange -> { }, QuivoErrorPolicy.ID);
    }

    /**
     * @param readAgainLater      run for each message that ended unsettled, so that its source offers it again
     * @param routeConfigurations the route configuration ids whose routes pause
     */
    public OutagePauseFactory(Consumer<Exchange> readAgainLater, String... routeConfigurations) {
        this.readAgainLater = readAgainLater;
        this.routeConfigurations = Set.of(routeConfigurations);
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (route instanceof RouteDefinition definition && definition.getRouteConfigurationId() != null
                && routeConfigurations.contains(definition.getRouteConfigurationId())) {
            OutagePause pause = new OutagePause(RetrySchedule.from(camelContext).probeInterval(), readAgainLater);
            pause.setCamelContext(camelContext);
            return pause;
        }
        return null;
    }
}
