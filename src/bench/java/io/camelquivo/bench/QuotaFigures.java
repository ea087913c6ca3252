package io.camelquivo.bench;

import io.camelquivo.component.QuivoComponent;
import io.camelquivo.component.QuivoConfiguration;
import io.camelquivo.policy.QuivoErrorPolicy;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * goodput_ratio and throttled_share: orders arrive at 1,000/s for 30 s, five times what the account's quota of
 * 200/s lets through, and go through a route under the status policy, with the component on its defaults
 * (whatever rate limiting it does by default included). Counted at the simulator.
 */
final class QuotaFigures {

    private QuotaFigures() {
    }

    static void run(SimulatorProcess quivo, Results results) throws Exception {
        int quota = Bench.intSetting("quota.per-second", 200);
        int burst = Bench.intSetting("quota.burst", 20);
        int offered = Bench.intSetting("quota.offered-per-second", 1000);
        int seconds = Bench.intSetting("quota.seconds", 30);
        int threads = Bench.intSetting("quota.threads", 32);
        quivo.reset();
        quivo.quota(burst, quota);

        CamelContext camel = new DefaultCamelContext();
        camel.getShutdownStrategy().setTimeout(2); // orders still waiting out a 429 are not worth waiting for
        QuivoComponent component = new QuivoComponent();
        QuivoConfiguration account = component.getConfiguration();
        account.setBaseUrl(quivo.baseUrl());
        account.setApiKey(quivo.apiKey());
        account.setUsername(quivo.username());
        account.setPassword(quivo.password());
        component.setPendingCreateFile(Bench.workDir("quota").resolve("pending-creates.txt").toString());
        camel.addComponent("quivo", component);
        AtomicLong deadLettered = new AtomicLong();
        camel.addRoutes(new QuivoErrorPolicy());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the policy's dead-letter address; a valid order must never get here, so it is only counted
                from(QuivoErrorPolicy.DEAD_LETTER).routeId("bench-dead-letter")
                        .process(exchange -> deadLettered.incrementAndGet());
                from("direct:goodput").routeId("goodput").routeConfigurationId(QuivoErrorPolicy.ID)
                        .to("quivo:orders.create");
            }
        });
        ThreadPoolExecutor senders = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>());
        AtomicLong failed = new AtomicLong();
        try {
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            Endpoint entry = camel.getEndpoint("direct:goodput");
            long total = (long) offered * seconds;
            long period = 1_000_000_000L / offered;
            long start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                long due = start + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                byte[] order = BenchOrders.next();
                senders.execute(() -> {
                    if (template.send(entry, exchange -> exchange.getMessage().setBody(order)).getException() != null) {
                        failed.incrementAndGet();
                    }
                });
            }
            long end = start + Duration.ofSeconds(seconds).toNanos();
            long wait = end - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            SimulatorProcess.Stats stats = quivo.stats();
            double window = (System.nanoTime() - start) / 1e9;
            int accepted = stats.calls("POST /orders", 200);
            int calls = stats.callsExceptLogin();
            int throttled = stats.callsWithStatus(429);
            double goodput = accepted / window;
            results.detail("quota").put("quotaPerSecond", quota).put("burst", burst).put("offeredPerSecond", offered)
                    .put("seconds", seconds).put("threads", threads).put("accepted", accepted).put("calls", calls)
                    .put("throttled", throttled).put("acceptedPerSecond", ClientFigures.round1(goodput))
                    .put("waitingAtEnd", senders.getQueue().size()).put("deadLettered", deadLettered.get())
                    .put("failedBeforeEnd", failed.get());
            Bench.log(String.format("quota: %d accepted in %.1f s (%.1f/s), %d calls, %d answered 429, %d dead-lettered",
                    accepted, window, goodput, calls, throttled, deadLettered.get()));
            String how = String.format("%d/s offered on %d threads for %d s; quota %d/s, burst %d", offered, threads,
                    seconds, quota, burst);
            results.add(Results.figure("goodput_ratio", goodput / quota,
                    how + "; " + accepted + " accepted"));
            results.add(Results.figure("throttled_share", calls == 0 ? Double.NaN : (double) throttled / calls,
                    throttled + " of " + calls + " calls answered 429"));
        } finally {
            senders.shutdownNow();
            senders.awaitTermination(10, TimeUnit.SECONDS);
            camel.close();
        }
    }
}
