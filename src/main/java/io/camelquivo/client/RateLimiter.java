package io.camelquivo.client;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Paces the calls of one Quivo account so that they stay within its quota, which Quivo does not publish.
 * Every endpoint and route of the account shares one instance: a call takes a {@link Permit} before it is
 * sent and reports how Quivo answered it.
 *
 * <p>Permits are spaced evenly, {@code 1/rate} apart. In adaptive mode the rate follows Quivo's 429s with a
 * multiplicative decrease and a cubic climb, the rule of TCP CUBIC and of the AWS SDKs' adaptive retry mode:
 * <ul>
 * <li><b>Start</b> at the ceiling, where the limiter paces nothing: until Quivo's first 429 every call goes
 *     at once, however fast.</li>
 * <li><b>Decrease</b> on a 429: the rate becomes {@code rate * max(1/4, 0.9 * passed)}, where
 *     {@code passed} is the share of the calls sent since the last decrease that Quivo did not throttle (1
 *     until {@value #MIN_ANSWERS} of them are answered). A slight excess costs 10 %; sending five times the
 *     quota costs most of the rate at once. Once per congestion window: the 429s of calls sent before the
 *     decrease, or within {@value #WINDOW_PERMITS} permits after it, were sent too fast already and lower
 *     nothing, so a burst of 429s counts once. The decrease starts from the rate, not from what calls really
 *     went out at: in a JVM still warming up that is far below the quota, and a limit learned from it would
 *     take seconds to climb out of.</li>
 * <li><b>Climb</b> back: each call that waited for its permit and passed moves the climb on by one permit
 *     interval, so it runs on the time during which the limiter held calls back. After {@code t} such seconds
 *     the rate is {@code plateau * (1 + c * (t - k)^3)}, starting from the lowered rate: it rises fast at
 *     first, stays near the plateau, and only then probes above it, ever faster. The plateau is the rate
 *     before the decrease, just above the quota after a slight excess; {@code c} puts the rate back on it
 *     {@value #CLIMB_SECONDS} s after a 10 % decrease. A quiet spell moves nothing, so it never inflates the
 *     rate past what Quivo accepted.</li>
 * <li><b>Pause</b>: a 429 with {@code Retry-After} holds back every permit until then, for at most
 *     {@code maxPause}.</li>
 * <li>Never below {@value #FLOOR} per second: an account is slowed down, not shut off. Never above the
 *     ceiling: a climb that gets back there stops pacing again.</li>
 * </ul>
 * A fixed limit keeps its rate whatever Quivo answers but pauses for {@code Retry-After} the same way; off
 * hands out permits at once and records nothing.
 *
 * <p>The lock is held for a few additions per call, never while waiting. A call whose permit was reserved
 * before a decrease or a pause reserves again when it wakes, so the new pace applies to every waiting call.
 */
public final class RateLimiter {

    static final double DECREASE = 0.9;
    static final double DEEPEST_DECREASE = 0.25;
    static final int WINDOW_PERMITS = 10;
    static final int MIN_ANSWERS = 3;
    static final double CLIMB_SECONDS = 3;
    static final double FLOOR = 1.0;

    private static final double CUBIC = (1 - DECREASE) / (CLIMB_SECONDS * CLIMB_SECONDS * CLIMB_SECONDS);
    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    /** A monotonic clock that can wait; tests use one whose time moves only when they say. */
    public interface Ticker {

        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepUntil(long deadline) throws InterruptedException {
                // parkNanos rather than Thread.sleep, which rounds to whole milliseconds
                for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                    if (Thread.interrupted()) {
                        throw new InterruptedException("interrupted while waiting for the rate limit");
                    }
                }
            }
        };

        long nanoTime();

        void sleepUntil(long deadline) throws InterruptedException;
    }

    /**
     * Leave to send one call.
     *
     * @param sentAt when it was handed out, on the limiter's ticker
     * @param waited whether the call had to wait for it: the limiter was what held calls back
     */
    public record Permit(long sentAt, boolean waited) {
    }

    private static final Permit UNLIMITED = new Permit(Long.MIN_VALUE, false);

    private final RateLimitSettings settings;
    private final boolean adaptive;
    private final Ticker ticker;
    private final Object lock = new Object();

    private double rate;
    /** At the ceiling and not paused: calls go without the lock. */
    private volatile boolean unpaced;
    private long nextFree;
    private long pausedUntil;
    /** Bumped by every decrease and pause: a permit reserved under an older pace is reserved again. */
    private long pace;

    private long lastDecrease;
    private long windowEnd;
    private double plateau;
    /** Seconds of the climb: permit intervals of the calls that waited and passed since the last decrease. */
    private double climbed;
    private double plateauAfter;
    private long passedSinceDecrease;
    private long throttledSinceDecrease;

    public RateLimiter(RateLimitSettings settings, Ticker ticker) {
        this.settings = settings;
        this.adaptive = settings.mode() == RateLimitSettings.Mode.ADAPTIVE;
        this.ticker = ticker;
        this.rate = settings.perSecond();
        this.unpaced = adaptive;
        this.plateau = settings.perSecond();
        long now = ticker.nanoTime();
        this.nextFree = now;
        this.pausedUntil = now;
        this.lastDecrease = now;
        this.windowEnd = now - 1;
    }

    public RateLimitSettings settings() {
        return settings;
    }

    /** The permits per second handed out now; 0 when off. A pause does not change it. */
    public double currentRate() {
        if (settings.mode() == RateLimitSettings.Mode.OFF) {
            return 0;
        }
        synchronized (lock) {
            return rate;
        }
    }

    /** Blocks until the next call may be sent. */
    public Permit acquire() throws InterruptedException {
        if (settings.mode() == RateLimitSettings.Mode.OFF) {
            return UNLIMITED;
        }
        if (unpaced) {
            return new Permit(ticker.nanoTime(), false);
        }
        boolean waited = false;
        while (true) {
            long at;
            long reservedPace;
            synchronized (lock) {
                long now = ticker.nanoTime();
                if (adaptive && rate >= settings.perSecond() && now >= pausedUntil) {
                    unpaced = true;
                    return new Permit(now, waited);
                }
                at = Math.max(now, Math.max(nextFree, pausedUntil));
                nextFree = at + intervalNanos();
                reservedPace = pace;
                if (at <= now) {
                    return new Permit(now, waited);
                }
            }
            waited = true;
            ticker.sleepUntil(at);
            synchronized (lock) {
                if (reservedPace == pace) {
                    return new Permit(ticker.nanoTime(), true);
                }
            }
        }
    }

    /** Quivo answered the call with anything but 429: it passed the quota. */
    public void passed(Permit permit) {
        if (permit == UNLIMITED) {
            return;
        }
        synchronized (lock) {
            if (permit.sentAt() >= lastDecrease) {
                passedSinceDecrease++;
            }
            if (adaptive && permit.waited() && rate < settings.perSecond()) {
                climbed += 1 / rate;
                double offset = climbed - plateauAfter;
                rate = Math.min(settings.perSecond(), plateau * (1 + CUBIC * offset * offset * offset));
            }
        }
    }

    /** Quivo answered the call with 429, asking to wait {@code retryAfter} (null when it did not say). */
    public void throttled(Permit permit, Duration retryAfter) {
        if (permit == UNLIMITED) {
            return;
        }
        synchronized (lock) {
            long now = ticker.nanoTime();
            if (permit.sentAt() >= lastDecrease) {
                throttledSinceDecrease++;
            }
            if (retryAfter != null && retryAfter.compareTo(Duration.ZERO) > 0) {
                Duration pause = retryAfter.compareTo(settings.maxPause()) > 0 ? settings.maxPause() : retryAfter;
                if (now + pause.toNanos() > pausedUntil) {
                    pausedUntil = now + pause.toNanos();
                    unpaced = false;
                    pace++;
                }
            }
            if (adaptive && permit.sentAt() > windowEnd) {
                decrease(now);
            }
        }
    }

    private void decrease(long now) {
        double before = rate;
        long answers = passedSinceDecrease + throttledSinceDecrease;
        // a lone early 429 proves little and must not cost three quarters of the rate
        double passedShare = answers < MIN_ANSWERS ? 1 : (double) passedSinceDecrease / answers;
        double lowered = before * Math.max(DEEPEST_DECREASE, DECREASE * passedShare);
        rate = Math.max(Math.min(FLOOR, settings.perSecond()), lowered);
        unpaced = false;
        plateau = before;
        climbed = 0;
        plateauAfter = Math.cbrt((1 - rate / plateau) / CUBIC);
        lastDecrease = now;
        passedSinceDecrease = 0;
        throttledSinceDecrease = 0;
        nextFree = Math.max(now, pausedUntil) + intervalNanos();
        windowEnd = nextFree + (WINDOW_PERMITS - 1) * intervalNanos();
        pace++;
    }

    private long intervalNanos() {
        return (long) (NANOS_PER_SECOND / rate);
    }

}
