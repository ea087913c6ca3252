package io.camelquivo.webhook;

/**
 * An event cannot be published now, but may be on a later call: Quivo answered an entity older than the
 * event announced, or an empty one, or the same version is being handled by another call right now. The call
 * is answered 503 so that Quivo sends it again.
 */
public class RetryLaterException extends RuntimeException {

    public RetryLaterException(String reason) {
        super(reason, null, false, false);
    }
}
