package io.camelquivo.reliability;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * 2,000 orders under the same faults as {@link ChaosIT}, with the service killed by SIGKILL at three random
 * points (from a seed) and started again in the same folder each time: every valid order still in Quivo exactly
 * once, none lost. Only under {@code -Preliability}; the default suite's ServiceCrashIT covers one kill right
 * after a create that Quivo stored but answered 504.
 */
class CrashReliabilityIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps its logs
    Path work;

    @Test
    void threeKillsLoseAndDuplicateNothing() throws Exception {
        ReliabilityResults.record(new ChaosRun(ChaosRun.Settings.crash(2_000, 3, Duration.ofMinutes(12)), work).run());
    }
}
