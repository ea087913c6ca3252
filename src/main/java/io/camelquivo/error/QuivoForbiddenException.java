package io.camelquivo.error;

/** Any 403 that is not an expired token: access denied, a wrong API key, a WAF block. Retrying does not help. */
public class QuivoForbiddenException extends QuivoException {

    public QuivoForbiddenException(ErrorDetails details) {
        super(details, StatusFamily.FORBIDDEN, null);
    }
}
