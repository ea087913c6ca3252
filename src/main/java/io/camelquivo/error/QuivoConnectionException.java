package io.camelquivo.error;

/** No HTTP answer came: the connection failed, was reset, or timed out. */
public class QuivoConnectionException extends QuivoTransientException {

    private final boolean requestMayHaveReachedServer;

    public QuivoConnectionException(ErrorDetails details, boolean requestMayHaveReachedServer, Throwable cause) {
        super(details, StatusFamily.CONNECTION_FAILURE, cause);
        this.requestMayHaveReachedServer = requestMayHaveReachedServer;
    }

    /**
     * False only when the connection was never made (refused, unknown host, connect time-out), so the
     * request certainly had no effect. True means a create may have been stored.
     */
    public boolean isRequestMayHaveReachedServer() {
        return requestMayHaveReachedServer;
    }
}
