package io.camelquivo.error;

/**
 * An earlier create of the order or inbound may have stored it (a 504, a 503 from the gateway, a connection lost after
 * sending), and the lookup that would tell failed in a way that waiting alone may not fix (a 500, say).
 * It may be in Quivo, so it must be neither dead-lettered nor created again: it waits like any
 * transient failure, and its next attempt looks it up again.
 */
public class QuivoUnresolvedCreateException extends QuivoTransientException {

    /**
     * {@code why}: the lookup's failure, say. As the cause of this exception, a lookup's 500 once took the
     * server-error clause, which dead-letters, for an order that may be in Quivo; {@link QuivoException} keeps it
     * as a suppressed exception instead.
     */
    public QuivoUnresolvedCreateException(ErrorDetails details, Throwable why) {
        super(details, StatusFamily.UNRESOLVED_CREATE, why);
    }

    /** The lookup of the {@code noun} by {@code identifier} failed with {@code lookupFailure}. */
    public static QuivoUnresolvedCreateException lookupFailed(String noun, String identifier, QuivoException lookupFailure) {
        ErrorDetails lookup = lookupFailure.getDetails();
        return new QuivoUnresolvedCreateException(new ErrorDetails(lookup.statusCode(), lookup.operation(),
                lookup.method(), lookup.path(), noun + " " + identifier + " may already be in Quivo, and looking"
                        + " it up failed: " + lookup.errorText(), lookup.source(), lookup.retryAfter(),
                lookup.responseHeaders()), lookupFailure);
    }
}
