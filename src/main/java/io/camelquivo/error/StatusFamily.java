package io.camelquivo.error;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one table that turns a Quivo status into an exception type. The error policy (retry, re-login,
 * dead-letter) is written against these families, never against raw numbers.
 *
 * <pre>
 * family            statuses
 * UNAUTHORIZED      401, and a 403 whose text says the token expired
 * FORBIDDEN         any other 403
 * REJECTED          400, 404, 405, 409, 413, 415, 422 and any other 4xx
 * THROTTLED         429
 * SERVER_ERROR      500, 502 and any other 5xx not listed here
 * NOT_IMPLEMENTED   501
 * UNAVAILABLE       503, 504
 * UNEXPECTED        1xx and 3xx (redirects are not followed)
 * CONNECTION_FAILURE no answer (status 0)
 * INVALID_INPUT     no call made: the message itself is unusable ({@link QuivoInputException})
 * </pre>
 */
public enum StatusFamily {
    UNAUTHORIZED(QuivoUnauthorizedException::new),
    FORBIDDEN(QuivoForbiddenException::new),
    REJECTED(QuivoRejectedException::new),
    THROTTLED(QuivoThrottledException::new),
    SERVER_ERROR(QuivoServerErrorException::new),
    NOT_IMPLEMENTED(QuivoNotImplementedException::new),
    UNAVAILABLE(QuivoUnavailableException::new),
    UNEXPECTED(QuivoException::new),
    CONNECTION_FAILURE(details -> new QuivoConnectionException(details, true, null)),
    INVALID_INPUT(details -> new QuivoInputException(details.operation(), details.method(), details.path(),
            details.errorText(), null));

    /** AWS says "token ... expired" or "expired ... token" in several wordings; both orders count. */
    private static final Pattern EXPIRED_TOKEN = Pattern.compile("(?is).*(token.*expired|expired.*token).*");

    private final Function<ErrorDetails, QuivoException> factory;

    StatusFamily(Function<ErrorDetails, QuivoException> factory) {
        this.factory = factory;
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
