package io.camelquivo.routes;

import io.camelquivo.simulator.Fault;
import io.camelquivo.simulator.QuivoSimulator;
import java.time.Duration;

/** One in five creates meets a fault Quivo is known for, drawn from a fixed seed. */
final class FaultyQuivo {

    private FaultyQuivo() {
    }

    static void injectRandomFaults(QuivoSimulator sim) {
        sim.faults().random(20261124L, 0.2, "POST /orders",
                Fault.expiredToken(), Fault.forbiddenExpiredToken(), Fault.throttled(), Fault.throttled(Duration.ZERO),
                Fault.serverError(), Fault.badGateway(), Fault.unavailable(), Fault.gatewayTimeoutBeforeStore(),
                Fault.gatewayTimeoutAfterStore(), Fault.resetBeforeStore(), Fault.resetAfterStore());
    }
}
