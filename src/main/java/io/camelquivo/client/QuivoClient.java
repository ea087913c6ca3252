package io.camelquivo.client;

import io.camelquivo.error.ErrorDetails;
import io.camelquivo.error.QuivoConnectionException;
import io.camelquivo.error.QuivoException;
import io.camelquivo.error.QuivoThrottledException;
import io.camelquivo.error.QuivoUnauthorizedException;
import io.camelquivo.error.StatusFamily;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.core5.net.URIBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link QuivoRequest}s with the session's token and the API key, and turns every non-2xx answer
 * into the {@link QuivoException} subclass of its {@link StatusFamily}. It never retries: that is the
 * error policy's job. When Quivo refuses a token, that token is dropped before the exception is thrown, so
 * the next attempt logs in again (once, however many attempts failed on it). Each call waits for a permit of
 * the account's {@link RateLimiter} first, and tells it whether Quivo throttled the call.
 */
public final class QuivoClient {

    private static final Logger LOG = LoggerFactory.getLogger(QuivoClient.class);

    private final HttpTransport transport;
    private final String baseUrl;
    private final String apiKey;
    private final String authorizationPrefix;
    private final QuivoAuthenticator authenticator;
    private final RateLimiter rateLimiter;
    private final QuivoCallListener listener;
    private final Clock clock;

    public QuivoClient(HttpTransport transport, Credentials credentials, String authorizationPrefix,
            QuivoAuthenticator authenticator, RateLimiter rateLimiter, QuivoCallListener listener, Clock clock) {
        this.transport = transport;
        this.baseUrl = credentials.baseUrl();
        this.apiKey = credentials.apiKey();
        this.authorizationPrefix = authorizationPrefix == null ? "" : authorizationPrefix;
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.listener = listener;
        this.clock = clock;
    }

    public QuivoResponse execute(QuivoRequest request) {
        // the permit before the token: a long wait (a Retry-After pause) must not leave us holding a stale token
        RateLimiter.Permit permit = permit(request);
        QuivoAuthenticator.Ticket ticket = authenticator.ticket();
        SessionToken token = ticket.token();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorizationPrefix + token.value());
        headers.put("X-Api-Key", apiKey);
        headers.put("Accept", "application/json");
        long started = System.nanoTime();
        HttpTransport.RawResponse answer;
        try {
            answer = transport.send(request.method(), uri(request), headers, request.body());
        } catch (IOException e) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            LOG.debug("Quivo {} {} {}: no answer ({})", request.operation(), request.method(), request.path(),
                    e.getClass().getSimpleName());
            listener.onCall(call(request, 0, StatusFamily.CONNECTION_FAILURE, elapsed, ticket));
            throw Failures.noAnswer(request.operation(), request.method(), request.path(), e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        LOG.debug("Quivo {} {} {} -> {} in {} ms", request.operation(), request.method(), request.path(),
                answer.status(), elapsed.toMillis());
        if (answer.status() / 100 == 2) {
            rateLimiter.passed(permit);
            listener.onCall(call(request, answer.status(), null, elapsed, ticket));
            boolean empty = answer.body() == null || answer.body().length == 0;
            return new QuivoResponse(answer.status(), answer.headers(), empty ? null : answer.body());
        }
        QuivoException failure = StatusFamily.toException(
                Failures.fromAnswer(request.operation(), request.method(), request.path(), answer, clock));
        if (failure instanceof QuivoThrottledException) {
            rateLimiter.throttled(permit, failure.getRetryAfter());
        } else {
            rateLimiter.passed(permit); // past the quota, whatever else went wrong
        }
        listener.onCall(call(request, answer.status(), failure.getFamily(), elapsed, ticket));
        if (failure instanceof QuivoUnauthorizedException) {
            authenticator.invalidate(token);
        }
        throw failure;
    }

    private static QuivoCallListener.Call call(QuivoRequest request, int status, StatusFamily family, Duration elapsed,
            QuivoAuthenticator.Ticket ticket) {
        return new QuivoCallListener.Call(request.operation(), request.method(), request.pathTemplate(), status,
                family, elapsed, request.attempt(), ticket.afterLogin());
    }

    /** The account's limiter, shared with every other client of the same credentials. */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    private RateLimiter.Permit permit(QuivoRequest request) {
        try {
            return rateLimiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuivoConnectionException(ErrorDetails.withoutAnswer(request.operation(), request.method(),
                    request.path(), "interrupted while waiting for the rate limit"), false, e);
        }
    }

    private URI uri(QuivoRequest request) {
        if (request.query().isEmpty()) {
            // creates and other calls without a query: the path is encoded already, so nothing to parse
            return URI.create(baseUrl + request.path());
        }
        try {
            URIBuilder builder = new URIBuilder(baseUrl + request.path());
            request.query().forEach(builder::addParameter);
            return builder.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid Quivo path: " + request.path(), e);
        }
    }
}
