package io.camelquivo.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulator was asked and what it answered. Admin calls ({@code /_simulator/...}) are
 * not counted. A request is counted just before its answer is sent, so a client that has its
 * answer sees it counted.
 */
public final class SimulatorStats {

    // Bounds memory when the simulator runs for days as a process; counters stay exact regardless.
    private static final int LOG_CAPACITY = 100_000;

    private final AtomicLong arrivals = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final Object lock = new Object();
    private final Map<String, Map<Integer, Integer>> byRoute = new TreeMap<>();
    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final ArrayDeque<Entry> log = new ArrayDeque<>();
    private long resetMark;
    private int logins;
    private int successfulLogins;

    /** Number of {@code POST /login} requests received, whatever their outcome. */
    public int logins() {
        synchronized (lock) {
            return logins;
        }
    }

    public int successfulLogins() {
        synchronized (lock) {
            return successfulLogins;
        }
    }

    /** Requests being served right now, faults' delays included; a request leaves once its answer is decided. */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * The most requests served at once since the last reset: how many calls a client really keeps in
     * flight, whatever it was configured to do.
     */
    public int peakInFlight() {
        return peakInFlight.get();
    }

    /** Requests received on {@code route}; {@code "*"} counts every route. */
    public int calls(String route) {
        synchronized (lock) {
            return byStatus(route).values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Requests received on {@code route} that were answered {@code status} (0 = dropped). */
    public int calls(String route, int status) {
        synchronized (lock) {
            return byStatus(route).getOrDefault(status, 0);
        }
    }

    /** Requests answered {@code status} on any route, including unmatched paths (404, 405). */
    public int callsWithStatus(int status) {
        synchronized (lock) {
            return byStatus.getOrDefault(status, 0);
        }
    }

    /** The requests in arrival order (the most recent 100 000). */
    public List<RequestRecord> requestLog() {
        List<Entry> copy;
        synchronized (lock) {
            copy = new ArrayList<>(log);
        }
        copy.sort(Comparator.comparingLong(Entry::sequence));
        return copy.stream().map(Entry::record).toList();
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "SimulatorStats{logins=" + logins + ", calls=" + byRoute + "}";
        }
    }

    /** Calls by route and status, for the admin endpoint. */
    Map<String, Map<Integer, Integer>> snapshot() {
        synchronized (lock) {
            Map<String, Map<Integer, Integer>> copy = new TreeMap<>();
            byRoute.forEach((route, statuses) -> copy.put(route, new TreeMap<>(statuses)));
            return copy;
        }
    }

    /** Gives the arriving request its place in the log; {@link #record} follows for every request. */
    long arrive() {
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        return arrivals.incrementAndGet();
    }

    void record(long sequence, RequestRecord record) {
        // before the answer is sent, not after: a client with keep-alive sends its next request as soon as it
        // has the answer, possibly before this thread returns from sending it, and would be counted twice
        inFlight.decrementAndGet();
        synchronized (lock) {
            // A request that arrived before reset() but finishes after it belongs to the old run.
            if (sequence <= resetMark) {
                return;
            }
            if (record.route() != null) {
                byRoute.computeIfAbsent(record.route(), r -> new TreeMap<>()).merge(record.status(), 1, Integer::sum);
            }
            byStatus.merge(record.status(), 1, Integer::sum);
            if (Router.LOGIN.equals(record.route())) {
                logins++;
                if (record.status() == 200) {
                    successfulLogins++;
                }
            }
            log.addLast(new Entry(sequence, record));
            if (log.size() > LOG_CAPACITY) {
                log.removeFirst();
            }
        }
    }

    void reset() {
        synchronized (lock) {
            resetMark = arrivals.get();
            peakInFlight.set(inFlight.get());
            byRoute.clear();
            byStatus.clear();
            log.clear();
            logins = 0;
            successfulLogins = 0;
        }
    }

    private Map<Integer, Integer> byStatus(String route) {
        if (Router.ANY.equals(route)) {
            Map<Integer, Integer> all = new TreeMap<>();
            byRoute.values().forEach(m -> m.forEach((s, n) -> all.merge(s, n, Integer::sum)));
            return all;
        }
        return byRoute.getOrDefault(route, Map.of());
    }

    private record Entry(long sequence, RequestRecord record) {
    }
}
