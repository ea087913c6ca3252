package io.camelquivo.error;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one table that turns a Quivo status into an exception type, and says whether waiting fixes it. The
 * error policy (re-login, wait, retry, dead-letter) is written against these families, never against raw
 * numbers. Each exception is given its family when it is made.
 *
 * <pre>
 * family             statuses                                           waiting fixes it
 * UNAUTHORIZED       401, and a 403 whose text says the token expired   yes
 * THROTTLED          429                                                yes
 * UNAVAILABLE        503, 504                                           yes
 * CONNECTION_FAILURE no answer (status 0)                               yes
 * UNRESOLVED_CREATE  a create that may be stored, and a lookup that     yes
 *                    could not tell ({@link QuivoUnresolvedCreateException})
 * SERVER_ERROR       500, 502 and any other 5xx not listed here         no: a few retries, then dead-letter
 * FORBIDDEN          any other 403                                      no
 * REJECTED           400, 404, 405, 409, 413, 415, 422 and any other 4xx no
 * NOT_IMPLEMENTED    501                                                no
 * UNEXPECTED         1xx and 3xx (redirects are not followed)           no
 * LOGIN_REFUSED      POST /login refused the credentials                no
 * INVALID_INPUT      no call made: the message itself is unusable       no
 * </pre>
 */
public enum StatusFamily {
    UNAUTHORIZED(true, QuivoUnauthorizedException::new),
    THROTTLED(true, QuivoThrottledException::new),
    UNAVAILABLE(true, QuivoUnavailableException::new),
    CONNECTION_FAILURE(true, details -> new QuivoConnectionException(details, true, null)),
    UNRESOLVED_CREATE(true, details -> new QuivoUnresolvedCreateException(details, null)),
    SERVER_ERROR(false, QuivoServerErrorException::new),
    FORBIDDEN(false, QuivoForbiddenException::new),
    REJECTED(false, QuivoRejectedException::new),
    NOT_IMPLEMENTED(false, QuivoNotImplementedException::new),
    UNEXPECTED(false, QuivoException::new),
    LOGIN_REFUSED(false, QuivoAuthenticationException::new),
    INVALID_INPUT(false, details -> new QuivoInputException(details.operation(), details.method(), details.path(),
            details.errorText(), null));

    /** AWS says "token ... expired" or "expired ... token" in several wordings; both orders count. */
    private static final Pattern EXPIRED_TOKEN = Pattern.compile("(?is).*(token.*expired|expired.*token).*");

    private final boolean waitingFixes;
    private final Function<ErrorDetails, QuivoException> factory;

    StatusFamily(boolean waitingFixes, Function<ErrorDetails, QuivoException> factory) {
        this.waitingFixes = waitingFixes;
        this.factory = factory;
    }

    /**
     * True when the failure passes by itself: such a message is redelivered, and never dead-lettered for
     * it. Its exceptions are {@link QuivoTransientException}s.
     */
    public boolean waitingFixes() {
        return waitingFixes;
    }

    public static StatusFamily classify(int status, String errorText) {
        if (status == 0) {
            return CONNECTION_FAILURE;
        }
        if (status == 401) {
            return UNAUTHORIZED;
        }
        if (status == 403) {
            return meansExpiredToken(errorText) ? UNAUTHORIZED : FORBIDDEN;
        }
        if (status == 429) {
            return THROTTLED;
        }
        if (status == 501) {
            return NOT_IMPLEMENTED;
        }
        if (status == 503 || status == 504) {
            return UNAVAILABLE;
        }
        if (status >= 400 && status < 500) {
            return REJECTED;
        }
        if (status >= 500 && status < 600) {
            return SERVER_ERROR;
        }
        return UNEXPECTED;
    }

    public static boolean meansExpiredToken(String errorText) {
        return errorText != null && EXPIRED_TOKEN.matcher(errorText).matches();
    }

    /** The typed exception for a failed answer; the family is read from the details' status and text. */
    public static QuivoException toException(ErrorDetails details) {
        return classify(details.statusCode(), details.errorText()).factory.apply(details);
    }
}
