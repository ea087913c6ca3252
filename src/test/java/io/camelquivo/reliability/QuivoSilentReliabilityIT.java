package io.camelquivo.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.reliability.OutageRun.Scrape;
import io.camelquivo.simulator.QuivoSimulator;
import io.camelquivo.testing.SecretScan;
import io.camelquivo.testing.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quivo accepts connections and reads each request but never answers, for 150 s, while orders keep coming as
 * files and Kafka records: every call waits for the component's response timeout (30 s) and ends without an
 * answer, and so does every probe of the paused routes.
 */
class QuivoSilentReliabilityIT {

    private static final Duration OUTAGE = Duration.ofSeconds(150);

    @TempDir
    Path workingDir;

    @Test
    void everyOrderGoesThroughOnceAfterQuivoAnsweredNothingFor150Seconds() throws Exception {
        try (QuivoSimulator quivo = SecretScan.simulatorWithDistinctiveSecrets().build().start();
                OutageRun run = OutageRun.start(quivo, TestKafka.shared().bootstrapServers(), workingDir, "SILENT")) {
            try {
                long pid = run.servicePid();
                run.startFeeding();
                run.awaitFlowing(20, Duration.ofSeconds(60));
                Scrape before = run.scrape("before");

                quivo.stopAnswering();
                long began = run.outageBegins("Quivo stops answering");
                AtomicInteger mostHeld = new AtomicInteger();
                List<Scrape> during = run.scrapeUntil(began, OUTAGE, "silent",
                        () -> mostHeld.accumulateAndGet(quivo.unansweredRequests(), Math::max));
                quivo.answerAgain();
                run.outageEnds("Quivo answers again; " + mostHeld.get() + " requests were held at most at once");
                run.awaitRecovered(Duration.ofSeconds(120));
                Thread.sleep(3000);
                run.stopFeeding();
                run.assertEveryOrderAccountedFor(pid);
                run.scrape("end");

                assertTrue(mostHeld.get() > 0, "no request reached the silent Quivo");
                QuivoRefusesReliabilityIT.assertDownFromFirstPause(run, during);
                Scrape last = during.get(during.size() - 1);
                assertTrue(OutageRun.sum(last.metrics(), "quivo_calls_total", "family=\"connection_failure\"",
                        "operation=\"orders.create\"") > OutageRun.sum(before.metrics(), "quivo_calls_total",
                        "family=\"connection_failure\"", "operation=\"orders.create\""),
                        "no unanswered create counted\n" + run.timeline());
                // the slowest call of the last minutes waited for the response timeout, not an instant failure
                assertTrue(OutageRun.sum(last.metrics(), "quivo_call_duration_seconds_max",
                        "family=\"connection_failure\"", "operation=\"orders.create\"") >= 10,
                        "the calls did not hang\n" + run.timeline());
                run.recordFigures("outage-quivo-silent-150s", during, Map.of("mostRequestsHeldAtOnce", mostHeld.get()));
                System.out.println(run.timeline());
            } finally {
                run.keepLog("quivo-silent");
            }
        }
    }
}
