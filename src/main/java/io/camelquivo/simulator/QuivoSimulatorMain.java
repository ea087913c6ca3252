package io.camelquivo.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator as a process: {@code --port N} (default 8089), {@code --token-lifetime SECONDS}.
 * Control it over {@code /_simulator/...}; stop it with a signal.
 */
public final class QuivoSimulatorMain {

    static final int DEFAULT_PORT = 8089;
    private static final String USAGE = "usage: QuivoSimulatorMain [--port N] [--token-lifetime SECONDS]";

    private QuivoSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        QuivoSimulator.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        QuivoSimulator simulator = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "quivo-simulator-shutdown"));
        System.out.println("Quivo simulator listening on " + simulator.baseUrl());
        System.out.println("  X-Api-Key: " + simulator.apiKey());
        System.out.println("  username:  " + simulator.username());
        System.out.println("  password:  " + simulator.password());
        System.out.println("  admin:     GET /_simulator/stats, GET /_simulator/orders, POST /_simulator/reset,"
                + " POST|DELETE /_simulator/faults, PUT|DELETE /_simulator/quota, POST /_simulator/tokens/expire");
        System.out.flush();
        stopped.await();
    }

    static QuivoSimulator.Builder parse(String[] args) {
        QuivoSimulator.Builder builder = QuivoSimulator.builder().port(DEFAULT_PORT);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!option.equals("--port") && !option.equals("--token-lifetime")) {
                throw new IllegalArgumentException("unknown option: " + option);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            long value;
            try {
                value = Long.parseLong(args[++i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number: " + args[i]);
            }
            if (option.equals("--port")) {
                builder.port((int) Math.max(-1, Math.min(value, 65536)));
            } else {
                builder.tokenLifetime(Duration.ofSeconds(value));
            }
        }
        return builder;
    }
}
