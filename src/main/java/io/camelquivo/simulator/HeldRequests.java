package io.camelquivo.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests taken in and read while the simulator does not answer ({@link QuivoSimulator#stopAnswering()}): a
 * Quivo whose gateway accepts connections and then hangs. Each is kept open without a thread, so a client waits
 * until its own timeout; when answering resumes they are cut off unanswered and unserved, as such a gateway
 * drops them in the end.
 */
final class HeldRequests {

    private record Held(HttpExchange exchange, long sequence, RequestRecord record) {
    }

    private final List<Held> held = new ArrayList<>();
    private boolean holding;

    synchronized boolean holding() {
        return holding;
    }

    synchronized void start() {
        holding = true;
    }

    /**
     * Keeps the exchange open, unanswered; false when answering resumed meanwhile, and the request is to be
     * served after all.
     */
    synchronized boolean hold(HttpExchange exchange, long sequence, RequestRecord record) {
        if (!holding) {
            return false;
        }
        held.add(new Held(exchange, sequence, record));
        return true;
    }

    /** Ends holding; every held request is counted as dropped (status 0) and its connection closed. */
    void stop(SimulatorStats stats) {
        List<Held> dropped;
        synchronized (this) {
            holding = false;
            dropped = new ArrayList<>(held);
            held.clear();
        }
        for (Held request : dropped) {
            stats.record(request.sequence(), request.record());
            // closing before any response header makes the JDK server close the socket: no status at all
            request.exchange().close();
        }
    }

    synchronized int count() {
        return held.size();
    }

    static RequestRecord unanswered(Instant at, String method, String path, String route, String body) {
        return new RequestRecord(at, method, path, route, 0, "unanswered", body);
    }
}
