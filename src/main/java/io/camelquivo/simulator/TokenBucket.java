package io.camelquivo.simulator;

/** The account quota: {@code capacity} calls at once, refilled continuously. */
final class TokenBucket {

    private final double capacity;
    private final double refillPerNano;
    private double available;
    private long lastRefill;

    TokenBucket(int capacity, double refillPerSecond) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        if (!(refillPerSecond >= 0.0) || Double.isInfinite(refillPerSecond)) {
            throw new IllegalArgumentException("refillPerSecond must be zero or positive: " + refillPerSecond);
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1_000_000_000.0;
        this.available = capacity;
        this.lastRefill = System.nanoTime();
    }

    synchronized boolean tryTake() {
        long now = System.nanoTime();
        available = Math.min(capacity, available + (now - lastRefill) * refillPerNano);
        lastRefill = now;
        if (available >= 1.0) {
            available -= 1.0;
            return true;
        }
        return false;
    }

    /** Whole seconds until a token is there again, rounded up; null when the bucket never refills. */
    synchronized Long secondsUntilNextToken() {
        if (refillPerNano == 0.0) {
            return null;
        }
        long now = System.nanoTime();
        double missing = Math.max(0.0, 1.0 - Math.min(capacity, available + (now - lastRefill) * refillPerNano));
        return (long) Math.ceil(missing / refillPerNano / 1_000_000_000.0);
    }
}
