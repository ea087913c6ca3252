package io.camelquivo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.camelquivo.error.QuivoException;
import io.camelquivo.simulator.QuivoSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How soon a session tries to log in again after a failed login, on the simulator over loopback and a clock the
 * test moves: a refused login waits longer each time, a login that got no answer does not, so that the session
 * is back within the first backoff once Quivo answers again.
 */
class LoginBackoffTest {

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    private final MovableClock clock = new MovableClock();
    private final AtomicInteger failedLogins = new AtomicInteger();
    private QuivoSimulator quivo;
    private HttpTransport transport;

    @BeforeEach
    void start() {
        quivo = QuivoSimulator.builder().build().start();
        transport = new HttpTransport(TransportSettings.defaults());
    }

    @AfterEach
    void stop() throws Exception {
        transport.close();
        quivo.close();
    }

    @Test
    void aRefusedLoginDoublesTheWaitBeforeTheNextLogin() {
        LoginSession session = session("not-the-password");

        assertThrows(QuivoException.class, session::token);
        clock.advance(FIRST_BACKOFF);
        assertThrows(QuivoException.class, session::token);
        assertEquals(2, quivo.stats().calls("POST /login"), "the second login after the first backoff");

        clock.advance(FIRST_BACKOFF);
        assertThrows(QuivoException.class, session::token);
        assertEquals(2, quivo.stats().calls("POST /login"), "within the doubled backoff: the last failure, no login");
        clock.advance(FIRST_BACKOFF);
        assertThrows(QuivoException.class, session::token);
        assertEquals(3, quivo.stats().calls("POST /login"));
        assertEquals(3, failedLogins.get());
    }

    @Test
    void whileQuivoDoesNotAnswerALoginIsTriedAfterTheFirstBackoffEveryTime() {
        LoginSession session = session(quivo.password());
        quivo.close();

        for (int attempt = 1; attempt <= 6; attempt++) {
            assertThrows(QuivoException.class, session::token);
            assertEquals(attempt, failedLogins.get(), "a new login after each first backoff");
            assertThrows(QuivoException.class, session::token);
            assertEquals(attempt, failedLogins.get(), "within it, the last failure at once");
            clock.advance(FIRST_BACKOFF);
        }

        quivo.start();
        String token = session.token().value();
        assertEquals(quivo.issuedTokens(), java.util.List.of(token), "back as soon as Quivo answers");
        assertEquals(1, quivo.stats().calls("POST /login"));
    }

    private LoginSession session(String password) {
        Credentials credentials = new Credentials(quivo.baseUrl(), quivo.apiKey(), quivo.username(), password);
        SessionSettings settings = new SessionSettings(Duration.ofHours(1), Duration.ofMinutes(1), "", FIRST_BACKOFF,
                Duration.ofSeconds(60));
        QuivoCallListener listener = new QuivoCallListener() {
            @Override
            public void onLogin(boolean succeeded) {
                if (!succeeded) {
                    failedLogins.incrementAndGet();
                }
            }
        };
        return new LoginSession(transport, credentials, settings, listener, clock);
    }

    /** Time that passes only when the test says so. */
    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
