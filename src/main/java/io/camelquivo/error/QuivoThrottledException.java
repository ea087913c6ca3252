package io.camelquivo.error;

/** 429: quota exceeded or throttled by the gateway. Retry later, honouring {@link #getRetryAfter()}. */
public class QuivoThrottledException extends QuivoTransientException {

    public QuivoThrottledException(ErrorDetails details) {
        super(details, StatusFamily.THROTTLED, null);
    }
}
