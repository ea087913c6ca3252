package io.camelquivo.client;

import io.camelquivo.error.ErrorBodyParser;
import io.camelquivo.error.ErrorDetails;
import io.camelquivo.error.QuivoConnectionException;
import io.camelquivo.error.RetryAfter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/** Builds the details of a failed call from what came back, or from the I/O error when nothing did. */
final class Failures {

    private Failures() {
    }

    static ErrorDetails fromAnswer(String operation, String method, String path, HttpTransport.RawResponse answer,
            Clock clock) {
        ErrorBodyParser.ParsedError parsed = ErrorBodyParser.parse(answer.body(), answer.reasonPhrase());
        return new ErrorDetails(answer.status(), operation, method, path, parsed.text(), parsed.source(),
                RetryAfter.parse(answer.headers().get("Retry-After"), clock), answer.headers());
    }

    static QuivoConnectionException noAnswer(String operation, String method, String path, IOException cause) {
        String reason = cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new QuivoConnectionException(ErrorDetails.withoutAnswer(operation, method, path, reason),
                mayHaveReachedServer(cause), cause);
    }

    /** Only failures before a connection existed prove that Quivo never saw the request. */
    private static boolean mayHaveReachedServer(IOException cause) {
        return !(cause instanceof ConnectException
                || cause instanceof ConnectTimeoutException
                || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException
                || cause instanceof SSLHandshakeException
                || cause instanceof ConnectionRequestTimeoutException);
    }
}
