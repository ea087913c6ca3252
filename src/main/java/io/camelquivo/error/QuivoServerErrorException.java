package io.camelquivo.error;

/** 500, 502 and other 5xx not listed elsewhere: an unexpected fault on Quivo's side; a bounded retry may help. */
public class QuivoServerErrorException extends QuivoException {

    public QuivoServerErrorException(ErrorDetails details) {
        super(details, StatusFamily.SERVER_ERROR, null);
    }
}
