package io.camelquivo.reliability;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** {@link ChaosIT} at 10,000 orders; only under {@code -Preliability}. */
class ChaosReliabilityIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps its logs
    Path work;

    @Test
    void tenThousandOrdersThroughChaos() throws Exception {
        ReliabilityResults.record(new ChaosRun(ChaosRun.Settings.chaos(10_000, Duration.ofMinutes(20)), work).run());
    }
}
