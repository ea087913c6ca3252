package io.camelquivo.service;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Takes SIGTERM, SIGINT and SIGHUP away from the JVM. By default the JVM answers them by running its
 * shutdown hooks and exiting with 128+signal (143 for SIGTERM) while Camel is still stopping; here a signal
 * only asks the service to stop, and the main thread stops Camel, then the embedded defaults, then
 * logging, and exits 0. {@link #close()} gives the signals back, so a JVM that outlives the run (a test's)
 * answers them as before.
 */
final class ShutdownSignals implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);

    private final AtomicReference<String> received = new AtomicReference<>();
    private final Map<Signal, SignalHandler> previous = new HashMap<>();

    private ShutdownSignals() {
    }

    /** Installs the handlers; {@code stop} runs once, on the first signal. */
    static ShutdownSignals install(Runnable stop) {
        ShutdownSignals signals = new ShutdownSignals();
        for (String name : new String[] {"TERM", "INT", "HUP"}) {
            try {
                Signal signal = new Signal(name);
                signals.previous.put(signal,
                        Signal.handle(signal, caught -> signals.onSignal("SIG" + caught.getName(), stop)));
            } catch (IllegalArgumentException unavailable) {
                // e.g. the JVM runs with -Xrs, or the platform lacks the signal: the JVM's default applies
                LOG.debug("Cannot handle SIG{}: {}", name, unavailable.getMessage());
            }
        }
        return signals;
    }

    /** The first signal received, or null. */
    String received() {
        return received.get();
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
        previous.clear();
    }

    private void onSignal(String name, Runnable stop) {
        if (received.compareAndSet(null, name)) {
            LOG.info("{} received: stopping; in-flight exchanges may finish first", name);
            stop.run();
        } else {
            LOG.info("{} received: already stopping", name);
        }
    }
}
