package io.camelquivo.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.reliability.OutageRun.Scrape;
import io.camelquivo.simulator.QuivoSimulator;
import io.camelquivo.testing.SecretScan;
import io.camelquivo.testing.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quivo refuses connections for 60 s (its address closed, then open again on the same port) while orders keep
 * coming as files and Kafka records. The service's token runs out during the outage, so it also has to log in
 * again against a Quivo that is not there.
 */
class QuivoRefusesReliabilityIT {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final String PAUSED = "quivo-routes-paused";
    private static final String LOGIN = "quivo-login";

    @TempDir
    Path workingDir;

    @Test
    void everyOrderGoesThroughOnceAfterQuivoRefusedConnectionsFor60Seconds() throws Exception {
        // a token replaced every 25 s: at least one replacement falls into the outage
        Map<String, String> shortTokens = Map.of("camel.component.quivo.token-lifetime-seconds", "30",
                "camel.component.quivo.token-refresh-margin-seconds", "5");
        try (QuivoSimulator quivo = SecretScan.simulatorWithDistinctiveSecrets().build().start();
                OutageRun run = OutageRun.start(quivo, TestKafka.shared().bootstrapServers(), workingDir, "REFUSED",
                        shortTokens)) {
            try {
                long pid = run.servicePid();
                run.startFeeding();
                run.awaitFlowing(20, Duration.ofSeconds(60));
                Scrape before = run.scrape("before");

                quivo.close();
                long began = run.outageBegins("Quivo refuses connections");
                List<Scrape> during = run.scrapeUntil(began, OUTAGE, "refused", () -> { });
                quivo.start();
                run.outageEnds("Quivo accepts connections again");
                run.awaitRecovered(Duration.ofSeconds(120));
                Thread.sleep(3000); // orders keep coming after the recovery too
                run.stopFeeding();
                run.assertEveryOrderAccountedFor(pid);
                run.scrape("end");

                assertDownFromFirstPause(run, during);
                assertTrue(during.stream().anyMatch(s -> OutageRun.downChecks(s.health()).getOrDefault(LOGIN, "")
                        .startsWith("the last Quivo login failed for " + quivo.username())),
                        "no failed login shown while Quivo was away\n" + run.timeline());
                Scrape last = during.get(during.size() - 1);
                assertTrue(OutageRun.sum(last.metrics(), "quivo_logins_total", "outcome=\"failure\"") > 0,
                        "no failed login counted\n" + run.timeline());
                assertTrue(OutageRun.sum(last.metrics(), "quivo_calls_total", "family=\"connection_failure\"",
                        "operation=\"orders.create\"") > OutageRun.sum(before.metrics(), "quivo_calls_total",
                        "family=\"connection_failure\"", "operation=\"orders.create\""),
                        "no failed create counted\n" + run.timeline());
                run.recordFigures("outage-quivo-refuses-60s", during, Map.of());
                System.out.println(run.timeline());
            } finally {
                run.keepLog("quivo-refuses");
            }
        }
    }

    /**
     * Once the policy's budget is spent, the routes pause: from then to the end of the outage readiness is
     * DOWN, saying which routes wait and why, and their gauges read 1.
     */
    static void assertDownFromFirstPause(OutageRun run, List<Scrape> during) {
        int first = -1;
        for (int i = 0; i < during.size() && first < 0; i++) {
            if (OutageRun.downChecks(during.get(i).health()).containsKey(PAUSED)) {
                first = i;
            }
        }
        assertTrue(first >= 0, "readiness never said a route was paused\n" + run.timeline());
        for (Scrape scrape : during.subList(first, during.size())) {
            assertEquals(503, scrape.health().status(), run.timeline());
            String why = OutageRun.downChecks(scrape.health()).getOrDefault(PAUSED, "");
            assertTrue(why.contains("route orders-from-files paused since") && why.contains("(Quivo: connection_failure)"),
                    "readiness: " + why + "\n" + run.timeline());
            assertEquals(1.0, scrape.metrics().get("quivo_route_paused{route=\"orders-from-files\"}"), run.timeline());
        }
    }
}
