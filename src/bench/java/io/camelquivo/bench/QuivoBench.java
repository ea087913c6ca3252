package io.camelquivo.bench;

import io.camelquivo.testing.TestKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark of issue 14: {@code mvn -q -Pbench verify}. It measures and reports; a figure that misses its
 * target is a result, not a failure, so this test fails only when the bench itself cannot write its results.
 * With {@code -Dbench.publish=true} it also rewrites the figures of connector-docs/performance.md and its chart.
 * {@code -Dbench.only=client,expiry,...} runs some phases only (the others are n/a).
 */
class QuivoBench {

    private interface Phase {
        void run() throws Exception;
    }

    @Test
    void bench() throws Exception {
        Results results = new Results();
        Path out = Bench.out();
        Bench.deleteTree(out.resolve("work"));
        Bench.log("camel-quivo bench on " + Runtime.getRuntime().availableProcessors() + " cores, "
                + Results.javaText());

        List<String> onSimulator = List.of("client", "expiry", "quota", "files", "kafka", "backlog");
        SimulatorProcess quivo = null;
        String noSimulator = null;
        if (onSimulator.stream().anyMatch(Bench::enabled)) {
            try {
                quivo = SimulatorProcess.start(Bench.jar(), "2g", 0, out.resolve("simulator.log"));
                Bench.log("simulator process " + quivo.pid() + " at " + quivo.baseUrl());
            } catch (Exception e) {
                noSimulator = "the simulator did not start: " + e.getMessage();
            }
        }
        try {
            SimulatorProcess sim = quivo;
            String why = noSimulator;
            phase(results, "client", why, () -> ClientFigures.run(sim, results));
            phase(results, "expiry", why, () -> SessionFigures.loginsPerExpiry(sim, results));
            phase(results, "quota", why, () -> QuotaFigures.run(sim, results));
            TestKafka kafka = null;
            String noKafka = why;
            if (why == null && List.of("files", "kafka", "backlog").stream().anyMatch(Bench::enabled)) {
                try {
                    kafka = TestKafka.start();
                    Bench.log("Kafka broker (in the bench JVM) at " + kafka.bootstrapServers());
                } catch (Exception e) {
                    noKafka = "the Kafka broker did not start: " + e.getMessage();
                }
            }
            // The steady-state minute runs on its own simulator alongside the two latency figures: both are light
            // loads that wait on the network, and the minute would otherwise be a tenth of the bench's budget.
            Thread steady = new Thread(() -> phase(results, "steady", null,
                    () -> SessionFigures.unauthorizedInSteadyState(results)), "bench-steady");
            steady.start();
            try {
                TestKafka broker = kafka;
                phase(results, "files", noKafka, () -> ServiceFigures.filesAtLatency(sim, broker, results));
                phase(results, "kafka", noKafka, () -> ServiceFigures.kafkaAtLatency(sim, broker, results));
                steady.join();
                phase(results, "backlog", noKafka, () -> ServiceFigures.backlog(sim, broker, results));
            } finally {
                steady.join();
                if (kafka != null) {
                    kafka.close();
                }
            }
        } finally {
            if (quivo != null) {
                quivo.close();
            }
        }
        phase(results, "ready", null, () -> ServiceFigures.ready(results));

        double seconds = Bench.elapsedSeconds();
        Path json = out.resolve("results.json");
        results.writeJson(json, seconds);
        Path png = out.resolve("performance.png");
        Chart.render(results, png);
        System.out.println();
        System.out.print(results.table());
        System.out.printf("%nbench: %.0f s; %s, %s%n", seconds, Bench.basedir().relativize(json),
                Bench.basedir().relativize(png));
        if (Boolean.parseBoolean(System.getProperty("bench.publish", "false"))) {
            Path docs = Bench.basedir().resolve("connector-docs");
            results.publish(docs.resolve("performance.md"), seconds);
            Files.copy(png, docs.resolve("performance.png"), StandardCopyOption.REPLACE_EXISTING);
            System.out.println("bench: published to connector-docs/performance.md and performance.png");
        }
        System.out.flush();
    }

    /**
     * Runs one phase and makes sure each of its figures is in the results: a figure the phase could not measure
     * is n/a, with the reason.
     */
    private static void phase(Results results, String name, String cannotRun, Phase phase) {
        List<String> figures = Results.figuresOf(name);
        String reason;
        if (!Bench.enabled(name)) {
            reason = "not run (bench.only)";
        } else if (cannotRun != null) {
            reason = cannotRun;
        } else {
            double started = Bench.elapsedSeconds();
            Bench.log("phase " + name + " ...");
            try {
                phase.run();
                reason = "the phase measured nothing for it";
            } catch (Throwable e) {
                reason = "the phase failed: " + e;
                Bench.log("phase " + name + " failed: " + e);
                e.printStackTrace(System.out);
            }
            Bench.log(String.format("phase %s done in %.0f s", name, Bench.elapsedSeconds() - started));
        }
        for (String figure : figures) {
            if (!results.has(figure)) {
                results.add(Results.figure(figure, null, reason));
            }
        }
    }
}
