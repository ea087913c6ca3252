package io.camelquivo.error;

/** 501: the endpoint or feature is not available. Retrying does not help. */
public class QuivoNotImplementedException extends QuivoException {

    public QuivoNotImplementedException(ErrorDetails details) {
        super(details, StatusFamily.NOT_IMPLEMENTED, null);
    }
}
