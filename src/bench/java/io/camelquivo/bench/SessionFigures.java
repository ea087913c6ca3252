package io.camelquivo.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** logins_per_expiry and unauthorized_in_steady_state: what the session costs Quivo in logins and in refused calls. */
final class SessionFigures {

    private SessionFigures() {
    }

    /**
     * 256 threads keep a call each in flight while the simulator declares every token expired, as Quivo does
     * when a token dies early; the logins that follow are counted at the simulator, once every thread has had a
     * call answered that started after the expiry. Five expiries, the median.
     */
    static void loginsPerExpiry(SimulatorProcess quivo, Results results) throws Exception {
        int threads = Bench.intSetting("expiry.in-flight", 256);
        int expiries = Bench.intSetting("expiry.count", 5);
        quivo.reset();
        ObjectNode detail = results.detail("logins_per_expiry").put("threads", threads);
        ArrayNode each = detail.putArray("expiries");
        try (QuivoContender contender = new QuivoContender(quivo, Bench.workDir("expiry"), threads, c -> { })) {
            AtomicLongArray lastOkStart = new AtomicLongArray(threads);
            AtomicLong failures = new AtomicLong();
            Thread[] workers = new Thread[threads];
            AtomicBoolean stop = new AtomicBoolean();
            for (int w = 0; w < threads; w++) {
                int me = w;
                workers[w] = new Thread(() -> {
                    while (!stop.get()) {
                        long started = System.nanoTime();
                        try {
                            contender.create(BenchOrders.next());
                            lastOkStart.set(me, started);
                        } catch (Exception expectedAtExpiry) {
                            failures.incrementAndGet();
                        }
                    }
                }, "expiry-" + w);
                workers[w].start();
            }
            try {
                awaitAllAnsweredAfter(lastOkStart, System.nanoTime(), Duration.ofSeconds(30));
                Bench.sleep(Duration.ofSeconds(2)); // warm: the JIT has seen the path before the first expiry
                double[] logins = new double[expiries];
                int mostRefused = 0;
                for (int e = 0; e < expiries; e++) {
                    Bench.sleep(Duration.ofMillis(500));
                    SimulatorProcess.Stats before = quivo.stats();
                    long expiredAt = System.nanoTime();
                    quivo.expireAllTokens();
                    boolean settled = awaitAllAnsweredAfter(lastOkStart, expiredAt, Duration.ofSeconds(20));
                    SimulatorProcess.Stats after = quivo.stats();
                    logins[e] = after.logins() - before.logins();
                    // the calls that met the expiry: how many exchanges the session had to recover at once
                    int refused = after.callsWithStatus(401) - before.callsWithStatus(401);
                    mostRefused = Math.max(mostRefused, refused);
                    each.addObject().put("logins", (int) logins[e]).put("callsAnswered401", refused)
                            .put("allThreadsAnsweredAgain", settled);
                    Bench.log(String.format("expiry %d: %d login(s); %d calls answered 401", e + 1, (int) logins[e],
                            refused));
                }
                detail.put("failedCalls", failures.get());
                results.add(Results.figure("logins_per_expiry", Load.median(logins),
                        String.format("median of %d expiries, %d threads calling; at most %d calls answered 401 in one",
                                expiries, threads, mostRefused)));
            } finally {
                stop.set(true);
                for (Thread worker : workers) {
                    worker.join(30_000);
                }
            }
        }
    }

    private static boolean awaitAllAnsweredAfter(AtomicLongArray lastOkStart, long instant, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (int i = 0; i < lastOkStart.length() && all; i++) {
                all = lastOkStart.get(i) - instant > 0;
            }
            if (all) {
                return true;
            }
            Bench.sleep(Duration.ofMillis(20));
        }
        return false;
    }

    /**
     * A minute of steady calls with 5 s tokens, which the component replaces 1 s before their end (its
     * proactive refresh): any 401 the simulator answers is a call that carried a token past its lifetime.
     * Its own simulator process, started with that token lifetime.
     */
    static void unauthorizedInSteadyState(Results results) throws Exception {
        int seconds = Bench.intSetting("steady.seconds", 60);
        int threads = Bench.intSetting("steady.threads", 16);
        int pauseMs = Bench.intSetting("steady.pause-ms", 50);
        try (SimulatorProcess quivo = SimulatorProcess.start(Bench.jar(), "1g", 5,
                Bench.out().resolve("simulator-5s-tokens.log"));
                QuivoContender contender = new QuivoContender(quivo, Bench.workDir("steady"), threads, c -> {
                    c.getConfiguration().setTokenLifetimeSeconds(5);
                    c.getConfiguration().setTokenRefreshMarginSeconds(1);
                })) {
            AtomicLong ok = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            Thread[] workers = new Thread[threads];
            for (int w = 0; w < threads; w++) {
                workers[w] = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            contender.create(BenchOrders.next());
                            ok.incrementAndGet();
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                        try {
                            Thread.sleep(pauseMs);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "steady-" + w);
                workers[w].start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            SimulatorProcess.Stats stats = quivo.stats();
            int unauthorized = stats.callsWithStatus(401);
            results.detail("unauthorized_in_steady_state").put("seconds", seconds).put("threads", threads)
                    .put("calls", ok.get() + failed.get()).put("failedCalls", failed.get())
                    .put("logins", stats.logins());
            Bench.log(String.format("steady state: %d calls in %d s, %d logins, %d answered 401", ok.get() + failed.get(),
                    seconds, stats.logins(), unauthorized));
            results.add(Results.figure("unauthorized_in_steady_state", unauthorized,
                    String.format("%d s, %d calls on %d threads, 5 s tokens refreshed 1 s early, %d logins", seconds,
                            ok.get() + failed.get(), threads, stats.logins())));
        }
    }
}
