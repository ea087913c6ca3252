package io.camelquivo.error;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A call to Quivo that did not succeed. Routes match on the subclass (one per status family, see
 * {@link StatusFamily}) or on {@code ${exception.statusCode}}.
 *
 * <p>The message is built from the status, the operation, the path and Quivo's error text only: request
 * headers, credentials and tokens never reach it.
 */
public class QuivoException extends RuntimeException {

    private final transient ErrorDetails details;
    private final StatusFamily family;

    /** A failure of no known family: an unexpected status (1xx, 3xx) or an unforeseen fault. */
    public QuivoException(ErrorDetails details) {
        this(details, null);
    }

    public QuivoException(ErrorDetails details, Throwable cause) {
        this(details, StatusFamily.UNEXPECTED, cause);
    }

    /**
     * {@code underlying} (the I/O error of a call without an answer, the failed lookup of an unresolved create) is
     * attached as a suppressed exception, never as the cause: Camel's onException matches the causes too, from the
     * deepest up, and takes the deepest on a tie, so a cause could pick another clause of the status policy than
     * this exception's own type. Stack traces still show it, under "Suppressed".
     */
    protected QuivoException(ErrorDetails details, StatusFamily family, Throwable underlying) {
        super(details.describe());
        this.details = details;
        this.family = family;
        if (underlying != null) {
            addSuppressed(underlying);
        }
    }

    public ErrorDetails getDetails() {
        return details;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int getStatusCode() {
        return details.statusCode();
    }

    public String getOperation() {
        return details.operation();
    }

    public String getMethod() {
        return details.method();
    }

    public String getPath() {
        return details.path();
    }

    public String getErrorText() {
        return details.errorText();
    }

    public ErrorSource getErrorSource() {
        return details.source();
    }

    /** {@code backend}, {@code gateway} or {@code client}, as written to dead-letter headers. */
    public String getErrorSourceLabel() {
        return details.source().label();
    }

    /** The delay Quivo asked for, or null. */
    public Duration getRetryAfter() {
        return details.retryAfter();
    }

    /** Response headers; lookups ignore case. */
    public Map<String, String> getResponseHeaders() {
        return details.responseHeaders();
    }

    public Optional<String> responseHeader(String name) {
        return Optional.ofNullable(details.responseHeaders().get(name));
    }

    /** Decided when the exception is made, never re-read from the status: a refused login answers 401 too. */
    public StatusFamily getFamily() {
        return family;
    }
}
