package io.camelquivo.reliability;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 orders through the service while Quivo fails at random as the mix says: the default suite's
 * chaos run. {@link ChaosReliabilityIT} sends 10,000 under {@code -Preliability}.
 */
class ChaosIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps its logs
    Path work;

    @Test
    void everyValidOrderOnceEveryInvalidOneDeadLetteredNothingLeftNoSecretShown() throws Exception {
        ReliabilityResults.record(new ChaosRun(ChaosRun.Settings.chaos(1_000, Duration.ofMinutes(8)), work).run());
    }
}
