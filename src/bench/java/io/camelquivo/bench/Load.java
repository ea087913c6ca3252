package io.camelquivo.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed loop: {@code concurrency} threads, each sending its next order as soon as the last one was answered,
 * for a fixed time. Throughput counts the orders answered 2xx within that time; latency is measured around the
 * contender's call alone, so building the body is not in it.
 */
final class Load {

    record Result(String contender, int concurrency, double seconds, long ok, long failed, double perSecond,
            double p50Ms, double p99Ms, String firstFailure) {
    }

    private Load() {
    }

    static Result run(Contender contender, int concurrency, Duration duration) throws InterruptedException {
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        long[] failures = new long[concurrency];
        AtomicReference<String> firstFailure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        Thread[] workers = new Thread[concurrency];
        for (int w = 0; w < concurrency; w++) {
            int me = w;
            workers[w] = new Thread(() -> {
                long[] mine = new long[4096];
                int n = 0;
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long end = window[1];
                while (true) {
                    byte[] order = BenchOrders.next();
                    long started = System.nanoTime();
                    if (started >= end) {
                        break;
                    }
                    try {
                        contender.create(order);
                        long answered = System.nanoTime();
                        if (answered <= end) {
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = answered - started;
                        }
                    } catch (Exception e) {
                        failures[me]++;
                        firstFailure.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
                latencies[me] = mine;
                counts[me] = n;
            }, contender.name() + "-" + w);
            workers[w].start();
        }
        ready.await();
        window[0] = System.nanoTime();
        window[1] = window[0] + duration.toNanos();
        go.countDown(); // the latch publishes window[] to the workers
        for (Thread worker : workers) {
            worker.join();
        }
        long ok = Arrays.stream(counts).sum();
        long[] all = new long[(int) ok];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(latencies[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        double seconds = duration.toNanos() / 1e9;
        return new Result(contender.name(), concurrency, seconds, ok, Arrays.stream(failures).sum(), ok / seconds,
                percentileMs(all, 0.50), percentileMs(all, 0.99), firstFailure.get());
    }

    static double percentileMs(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
