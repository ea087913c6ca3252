package io.camelquivo.error;

/** 503 and 504: Quivo or its gateway was unavailable or timed out. The request may have been carried out. */
public class QuivoUnavailableException extends QuivoTransientException {

    public QuivoUnavailableException(ErrorDetails details) {
        super(details, StatusFamily.UNAVAILABLE, null);
    }
}
