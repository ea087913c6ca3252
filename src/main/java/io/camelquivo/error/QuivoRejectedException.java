package io.camelquivo.error;

/** 400, 404, 405, 409, 413, 415, 422 and every other 4xx: Quivo refused this request as it stands. Retrying the same bytes does not help. */
public class QuivoRejectedException extends QuivoException {

    public QuivoRejectedException(ErrorDetails details) {
        super(details, StatusFamily.REJECTED, null);
    }
}
