package io.camelquivo.policy;

/**
 * The last create attempt may have stored the order, and no lookup could settle it. The message is
 * neither dead-lettered nor acknowledged: the file goes to {@code .failed/}, the Kafka offset stays
 * uncommitted. A later attempt finds the order (or its duplicate refusal) and ends it cleanly.
 */
public class UnresolvedCreateException extends RuntimeException {

    public UnresolvedCreateException(String orderIdentifier, String origin, Throwable lastFailure) {
        super("Order " + orderIdentifier + " from " + origin + " may already be in Quivo and could not be"
                + " checked; it is kept for a later attempt instead of being dead-lettered", lastFailure);
    }
}
