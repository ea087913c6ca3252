package io.camelquivo.policy;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;

/**
 * Gives every route that opts into the status policy ({@code routeConfigurationId: quivo-error-policy}), and
 * every route of record batches ({@link InFlightRecords#ROUTE_CONFIGURATION}), its own {@link OutagePause}. camel-main adds a factory found in the registry; elsewhere call
 * {@code camelContext.addRoutePolicyFactory(new OutagePauseFactory())} before adding routes.
 */
public final class OutagePauseFactory implements RoutePolicyFactory {

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (route instanceof RouteDefinition definition
                && (QuivoErrorPolicy.ID.equals(definition.getRouteConfigurationId())
                        || InFlightRecords.ROUTE_CONFIGURATION.equals(definition.getRouteConfigurationId()))) {
            OutagePause pause = new OutagePause(RetrySchedule.from(camelContext).probeInterval());
            pause.setCamelContext(camelContext);
            return pause;
        }
        return null;
    }
}
