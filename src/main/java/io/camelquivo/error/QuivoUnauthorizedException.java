package io.camelquivo.error;

/** 401, or a 403 whose text says the token expired: the session token is no longer accepted; log in again and redeliver. */
public class QuivoUnauthorizedException extends QuivoTransientException {

    public QuivoUnauthorizedException(ErrorDetails details) {
        super(details, StatusFamily.UNAUTHORIZED, null);
    }
}
