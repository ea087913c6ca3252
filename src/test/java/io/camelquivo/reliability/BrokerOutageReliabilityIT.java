package io.camelquivo.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.reliability.OutageRun.Scrape;
import io.camelquivo.simulator.QuivoSimulator;
import io.camelquivo.testing.SecretScan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka broker stops for 30 s and starts again on the same address, while orders keep coming as files and
 * Kafka records (the test's producer holds its records meanwhile, as an application's would). Orders from files
 * keep going to Quivo; the invalid ones whose dead-letter cannot be written wait in {@code .failed/}.
 */
class BrokerOutageReliabilityIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final String KAFKA_CONSUMER = "consumer:orders-from-kafka";

    @TempDir
    Path workingDir;

    @Test
    void everyOrderGoesThroughOnceAfterTheBrokerStoppedFor30Seconds() throws Exception {
        try (QuivoSimulator quivo = SecretScan.simulatorWithDistinctiveSecrets().build().start();
                BrokerProcess broker = BrokerProcess.start(workingDir.resolve("broker"));
                OutageRun run = OutageRun.start(quivo, broker.bootstrapServers(), workingDir.resolve("service"),
                        "BROKER")) {
            try {
                long pid = run.servicePid();
                run.startFeeding();
                run.awaitFlowing(20, Duration.ofSeconds(60));
                run.scrape("before");

                broker.stop();
                long began = run.outageBegins("the broker stopped");
                int createdAtStop = run.created();
                List<Scrape> during = run.scrapeUntil(began, OUTAGE, "broker away", () -> { });
                int createdWhileAway = run.created() - createdAtStop;
                broker.startAgain();
                run.outageEnds("the broker is back; " + createdWhileAway + " orders from files created meanwhile");
                run.awaitRecovered(Duration.ofSeconds(120));
                Thread.sleep(3000);
                run.stopFeeding();
                run.assertEveryOrderAccountedFor(pid);
                run.scrape("end");

                // the Kafka consumer has no broker: readiness says so for as long as it lasts
                for (Scrape scrape : during.subList(Math.min(2, during.size()), during.size())) {
                    assertEquals(503, scrape.health().status(), run.timeline());
                    assertTrue(OutageRun.downChecks(scrape.health()).containsKey(KAFKA_CONSUMER), run.timeline());
                }
                assertTrue(createdWhileAway > 0, "orders from files stopped with the broker\n" + run.timeline());
                run.recordFigures("outage-broker-30s", during, Map.of("createdDuringOutage", createdWhileAway));
                System.out.println(run.timeline());
            } finally {
                run.keepLog("broker-outage");
            }
        }
    }
}
