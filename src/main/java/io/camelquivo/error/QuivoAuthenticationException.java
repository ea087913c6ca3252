package io.camelquivo.error;

/**
 * {@code POST /login} refused the credentials (400, 401 or 403), or answered without a token. Not a
 * {@link QuivoUnauthorizedException}: logging in again with the same credentials cannot help, so the
 * policy never retries it.
 */
public class QuivoAuthenticationException extends QuivoException {

    public QuivoAuthenticationException(ErrorDetails details) {
        super(details, StatusFamily.LOGIN_REFUSED, null);
    }
}
