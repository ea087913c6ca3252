package io.camelquivo.policy;

/** The message came while its route was paused for an outage: it was not sent, and stays in its source. */
public class RoutePausedException extends RuntimeException {

    public RoutePausedException(String routeId) {
        super("Route " + routeId + " is paused until Quivo answers again; the message stays in its source", null,
                false, false);
    }
}
