package io.camelquivo.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.error.ErrorDetails;
import io.camelquivo.error.ErrorSource;
import io.camelquivo.error.QuivoAuthenticationException;
import io.camelquivo.error.QuivoException;
import io.camelquivo.error.StatusFamily;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login session of one set of credentials.
 *
 * <p>Single flight: however many threads need a token at once, one {@code POST /login} is in flight and
 * the others wait for its result. A token is replaced {@code refreshMargin} before its lifetime ends.
 * Failed logins back off, and callers arriving during the backoff get the last failure at once instead of a
 * new login: no login storm. A refused login (wrong credentials, throttling) doubles the backoff up to a
 * maximum; a login that got no answer keeps the first backoff, so that the session is back within it once
 * Quivo answers again.
 */
public final class LoginSession implements QuivoAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(LoginSession.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpTransport transport;
    private final Credentials credentials;
    private final SessionSettings settings;
    private final QuivoCallListener listener;
    private final Clock clock;

    private final Object lock = new Object();
    /** Read without the lock on every call; written under it. */
    private volatile SessionToken current;
    private CompletableFuture<SessionToken> inFlight;
    private QuivoException lastFailure;
    private Duration backoff;
    private Instant nextLoginAllowedAt = Instant.MIN;

    private final AtomicLong generations = new AtomicLong();
    private volatile Boolean lastLoginSucceeded;

    public LoginSession(HttpTransport transport, Credentials credentials, SessionSettings settings,
            QuivoCallListener listener, Clock clock) {
        this.transport = transport;
        this.credentials = credentials;
        this.settings = settings;
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public SessionToken token() {
        return ticket().token();
    }

    @Override
    public Ticket ticket() {
        SessionToken valid = current;
        if (valid != null && clock.instant().isBefore(valid.refreshAt())) {
            return new Ticket(valid, false); // every call but those around a login: no lock, so calls never queue here
        }
        CompletableFuture<SessionToken> result;
        boolean leader = false;
        synchronized (lock) {
            if (current != null && clock.instant().isBefore(current.refreshAt())) {
                return new Ticket(current, false);
            }
            if (inFlight == null) {
                if (lastFailure != null && clock.instant().isBefore(nextLoginAllowedAt)) {
                    throw lastFailure;
                }
                inFlight = new CompletableFuture<>();
                leader = true;
            }
            result = inFlight;
        }
        if (leader) {
            loginOnBehalfOfAll(result);
        }
        try {
            return new Ticket(result.join(), true);
        } catch (CompletionException e) {
            throw (QuivoException) e.getCause();
        }
    }

    @Override
    public void invalidate(SessionToken refused) {
        synchronized (lock) {
            if (current != null && current.generation() == refused.generation()) {
                LOG.debug("Quivo refused token generation {}; the next call logs in again", refused.generation());
                current = null;
            }
        }
    }

    /** Null before the first login, then whether the last one succeeded: what health checks report. */
    public Boolean lastLoginSucceeded() {
        return lastLoginSucceeded;
    }

    public Credentials credentials() {
        return credentials;
    }

    private void loginOnBehalfOfAll(CompletableFuture<SessionToken> result) {
        SessionToken token = null;
        QuivoException failure = null;
        int status = 0;
        long started = System.nanoTime();
        try {
            Issued issued = login();
            token = issued.token();
            status = issued.status();
        } catch (QuivoException e) {
            status = e.getStatusCode();
            failure = e;
        } catch (RuntimeException e) {
            failure = new QuivoException(ErrorDetails.withoutAnswer("login", "POST", "/login",
                    "login failed: " + e.getClass().getSimpleName()), e);
        }
        synchronized (lock) {
            inFlight = null;
            if (token != null) {
                current = token;
                lastFailure = null;
                backoff = null;
            } else {
                lastFailure = failure;
                backoff = nextBackoff(failure);
                nextLoginAllowedAt = clock.instant().plus(backoff);
            }
        }
        lastLoginSucceeded = token != null;
        listener.onLogin(new QuivoCallListener.Login(token != null, status,
                failure == null ? null : failure.getFamily(), Duration.ofNanos(System.nanoTime() - started)));
        if (token != null) {
            result.complete(token);
        } else {
            LOG.warn("Quivo login for {} failed: {}; no new login for {} ms", credentials, failure.getMessage(),
                    backoff.toMillis());
            result.completeExceptionally(failure);
        }
    }

    private Duration nextBackoff(QuivoException failure) {
        if (failure.getStatusCode() == 0) {
            // No answer: Quivo (or the way to it) is down, and a login it never saw costs it nothing. A doubled
            // wait would only keep every call failing for up to loginBackoffMax after Quivo is back.
            return settings.loginBackoff();
        }
        Duration next = backoff == null ? settings.loginBackoff() : backoff.multipliedBy(2);
        if (failure.getRetryAfter() != null && failure.getRetryAfter().compareTo(next) > 0) {
            next = failure.getRetryAfter();
        }
        return next.compareTo(settings.loginBackoffMax()) > 0 ? settings.loginBackoffMax() : next;
    }

    /** A login's token and the status of the answer that carried it. */
    private record Issued(SessionToken token, int status) {
    }

    private Issued login() {
        Instant startedAt = clock.instant();
        HttpTransport.RawResponse answer;
        try {
            byte[] body = MAPPER.writeValueAsBytes(
                    Map.of("username", credentials.username(), "password", credentials.password()));
            answer = transport.send("POST", URI.create(credentials.baseUrl() + "/login"),
                    Map.of("X-Api-Key", credentials.apiKey(), "Accept", "application/json"), body);
        } catch (IOException e) {
            throw Failures.noAnswer("login", "POST", "/login", e);
        }
        if (answer.status() / 100 != 2) {
            ErrorDetails details = Failures.fromAnswer("login", "POST", "/login", answer, clock);
            boolean credentialsRefused = answer.status() == 400 || answer.status() == 401 || answer.status() == 403;
            throw credentialsRefused ? new QuivoAuthenticationException(details) : StatusFamily.toException(details);
        }
        String token = tokenField(answer.body());
        if (token == null || token.isBlank()) {
            throw new QuivoAuthenticationException(new ErrorDetails(answer.status(), "login", "POST", "/login",
                    "the login answer carried no token", ErrorSource.CLIENT, null,
                    answer.headers()));
        }
        SessionToken issued = new SessionToken(token, generations.incrementAndGet(),
                startedAt.plus(settings.tokenLifetime()).minus(settings.refreshMargin()));
        LOG.info("Logged in to Quivo as {} (token generation {}, refreshed after {} s)", credentials,
                issued.generation(), settings.tokenLifetime().minus(settings.refreshMargin()).toSeconds());
        return new Issued(issued, answer.status());
    }

    /** Quivo's login answer is a JSON object with a token field; its exact case is not documented. */
    private static String tokenField(byte[] body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.equalsIgnoreCase("token") && node.get(name).isTextual()) {
                    return node.get(name).asText();
                }
            }
            return null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
