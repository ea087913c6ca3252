package io.camelquivo.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * quivo_vs_raw, quivo_vs_camel_http and quivo_p99_added_ms: the three contenders take turns in rounds at the same
 * concurrency against the same simulator, and each ratio is the median of the ratios within a round, so a
 * slow moment of this noisy machine hits all three alike.
 */
final class ClientFigures {

    private ClientFigures() {
    }

    static void run(SimulatorProcess quivo, Results results) throws Exception {
        int rounds = Bench.intSetting("client.rounds", 5);
        Duration round = Duration.ofMillis(Bench.intSetting("client.round-ms", 2000));
        Duration warmUp = Duration.ofMillis(Bench.intSetting("client.warmup-ms", 3000));
        ObjectNode detail = results.detail("client");
        detail.put("rounds", rounds).put("roundSeconds", round.toMillis() / 1000.0)
                .put("warmUpSeconds", warmUp.toMillis() / 1000.0);
        for (int concurrency : new int[] {16, 64}) {
            Path state = Bench.workDir("client-c" + concurrency);
            List<Contender> contenders = new ArrayList<>();
            try {
                contenders.add(new RawContender(quivo, concurrency));
                contenders.add(new QuivoContender(quivo, state, concurrency, component -> { }));
                contenders.add(new CamelHttpContender(quivo, concurrency));
                // the first passes also warm the simulator's JIT, which takes longer than any client's
                int passes = concurrency == 16 ? 3 : 1;
                for (int pass = 0; pass < passes; pass++) {
                    emptyStore(quivo, contenders);
                    for (Contender contender : contenders) {
                        Load.Result warm = Load.run(contender, concurrency, warmUp);
                        Bench.log(String.format("c%d warm-up %-10s %6.0f orders/s%s", concurrency, contender.name(),
                                warm.perSecond(), warm.failed() > 0 ? "  (" + warm.failed() + " failed: "
                                        + warm.firstFailure() + ")" : ""));
                    }
                }
                double[] vsRaw = new double[rounds];
                double[] vsCamelHttp = new double[rounds];
                double[] p99Added = new double[rounds];
                double[][] perSecond = new double[3][rounds];
                double[][] p99 = new double[3][rounds];
                long[] failed = new long[3];
                ArrayNode roundsJson = detail.putObject("c" + concurrency).putArray("rounds");
                for (int r = 0; r < rounds; r++) {
                    emptyStore(quivo, contenders);
                    Load.Result[] byContender = new Load.Result[3];
                    ObjectNode roundJson = roundsJson.addObject();
                    ArrayNode order = roundJson.putArray("order");
                    // a different contender goes first in each round: none always follows the same one
                    for (int k = 0; k < 3; k++) {
                        int i = (r + k) % 3;
                        byContender[i] = Load.run(contenders.get(i), concurrency, round);
                        order.add(contenders.get(i).name());
                    }
                    for (int i = 0; i < 3; i++) {
                        perSecond[i][r] = byContender[i].perSecond();
                        p99[i][r] = byContender[i].p99Ms();
                        failed[i] += byContender[i].failed();
                        roundJson.putObject(contenders.get(i).name())
                                .put("perSecond", round1(byContender[i].perSecond()))
                                .put("p50Ms", round3(byContender[i].p50Ms()))
                                .put("p99Ms", round3(byContender[i].p99Ms()))
                                .put("failed", byContender[i].failed());
                    }
                    vsRaw[r] = perSecond[1][r] / perSecond[0][r];
                    vsCamelHttp[r] = perSecond[1][r] / perSecond[2][r];
                    p99Added[r] = p99[1][r] - p99[0][r];
                    Bench.log(String.format("c%d round %d: raw %.0f, quivo %.0f, camel-http %.0f orders/s;"
                            + " p99 %.2f / %.2f / %.2f ms", concurrency, r + 1, perSecond[0][r], perSecond[1][r],
                            perSecond[2][r], p99[0][r], p99[1][r], p99[2][r]));
                }
                ObjectNode level = (ObjectNode) detail.get("c" + concurrency);
                ObjectNode medians = level.putObject("median");
                for (int i = 0; i < 3; i++) {
                    medians.putObject(contenders.get(i).name())
                            .put("perSecond", round1(Load.median(perSecond[i])))
                            .put("p99Ms", round3(Load.median(p99[i])))
                            .put("failed", failed[i]);
                }
                String failures = failed[0] + failed[1] + failed[2] == 0 ? null
                        : "failed calls: raw " + failed[0] + ", quivo " + failed[1] + ", camel-http " + failed[2];
                results.add(Results.figure("quivo_vs_raw_c" + concurrency, Load.median(vsRaw), note("median of " + rounds + " rounds", failures)));
                results.add(Results.figure("quivo_vs_camel_http_c" + concurrency, Load.median(vsCamelHttp),
                        note("median of " + rounds + " rounds", failures)));
                if (concurrency == 16) {
                    results.add(Results.figure("quivo_p99_added_ms", Load.median(p99Added),
                            note("p99 of quivo minus p99 of raw at concurrency 16, median of " + rounds + " rounds",
                                    failures)));
                }
            } finally {
                for (Contender contender : contenders) {
                    contender.close();
                }
            }
        }
    }

    /**
     * An empty order store before each pass keeps the simulator's heap, and its GC pauses, small. The reset drops
     * every token too, so each contender logs in again here, before it is timed.
     */
    private static void emptyStore(SimulatorProcess quivo, List<Contender> contenders) throws Exception {
        quivo.reset();
        for (Contender contender : contenders) {
            prime(contender);
        }
    }

    /** One call answered 2xx, after at most a few: the first after a reset meets a dropped token. */
    private static void prime(Contender contender) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                contender.create(BenchOrders.next());
                return;
            } catch (Exception e) {
                last = e;
            }
        }
        throw last;
    }

    private static String note(String how, String failures) {
        return failures == null ? how : how + "; " + failures;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
