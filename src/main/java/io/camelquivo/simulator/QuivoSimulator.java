package io.camelquivo.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Quivo API stand-in on loopback: every endpoint of Quivo's API reference ({@link Routes}), orders with their
 * real rules, the other resources in generic stores that tests may seed ({@link #resources()}), plus the failures a real deployment shows
 * (expired tokens, throttling, gateway errors, dropped connections), on demand. Where the reference is silent,
 * it follows the choices listed in connector-docs/README.md ("Choices where Quivo's docs are silent").
 *
 * <pre>{@code
 * try (QuivoSimulator sim = QuivoSimulator.builder().build().start()) {
 *     sim.faults().next(1, "POST /orders", Fault.gatewayTimeoutAfterStore());
 *     ... call sim.baseUrl() ...
 * }
 * }</pre>
 */
public final class QuivoSimulator implements AutoCloseable {

    public static final String DEFAULT_API_KEY = "sim-api-key";
    public static final String DEFAULT_USERNAME = "sim-user";
    public static final String DEFAULT_PASSWORD = "sim-password";

    // Enough threads for 256+ requests in flight even when many sit in a latency fault.
    private static final int MAX_THREADS = 512;
    private static final int BACKLOG = 1024;

    static {
        // The JDK server flushes headers and body as separate packets; with Nagle's algorithm on,
        // every answer then waits ~40 ms for the client's delayed ACK. The server reads this
        // property once, when the first HttpServer of the JVM starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Builder config;
    private final TokenRegistry tokens;
    private final Faults faults = new Faults();
    private final SimulatorStats stats = new SimulatorStats();
    private final OrderStore orders = new OrderStore();
    private final Resources resources = new Resources();
    private final HeldRequests heldRequests = new HeldRequests();
    private volatile TokenBucket quota;
    private volatile boolean quotaRetryAfter;
    private HttpServer server;
    private ExecutorService executor;
    /** The port of the first start, so that a restart is the same Quivo coming back. */
    private int boundPort;

    private QuivoSimulator(Builder config) {
        this.config = config.copy();
        this.tokens = new TokenRegistry(config.tokenLifetime);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening on 127.0.0.1; does nothing if already running. After {@link #close()} it starts again
     * on the same port with the same orders, as Quivo would come back after an outage.
     */
    public synchronized QuivoSimulator start() {
        if (server != null) {
            return this;
        }
        try {
            InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            int port = boundPort != 0 ? boundPort : config.port;
            HttpServer created = HttpServer.create(new InetSocketAddress(loopback, port), BACKLOG);
            executor = newExecutor();
            created.setExecutor(executor);
            created.createContext("/", new RequestHandler(this));
            created.start();
            server = created;
            boundPort = created.getAddress().getPort();
            return this;
        } catch (IOException e) {
            if (executor != null) {
                executor.shutdownNow();
            }
            throw new UncheckedIOException("Quivo simulator could not listen on 127.0.0.1:" + config.port, e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the simulator is not running");
        }
        return server.getAddress().getPort();
    }

    public String apiKey() {
        return config.apiKey;
    }

    public String username() {
        return config.username;
    }

    public String password() {
        return config.password;
    }

    /** Applies to tokens issued from now on. */
    public void setTokenLifetime(Duration lifetime) {
        tokens.lifetime(requireLifetime(lifetime));
    }

    /**
     * Every token issued since the last reset, expired or not, in no particular order; for tests
     * that check no token leaks into logs.
     */
    public List<String> issuedTokens() {
        return tokens.issued();
    }

    /** Every token issued so far answers 401 "expired" from now on. */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    /** A token bucket over all routes except {@code POST /login}; an empty bucket answers 429. */
    public void quota(int capacity, double refillPerSecond) {
        quota = new TokenBucket(capacity, refillPerSecond);
    }

    public void quotaOff() {
        quota = null;
    }

    /**
     * Whether an exceeded quota's 429 carries {@code Retry-After}: the whole seconds until the bucket holds a
     * token again, rounded up. Off by default and after {@link #reset()}: Quivo's docs say nothing of it, and
     * its gateway (AWS API Gateway) sends none when it throttles.
     */
    public void quotaRetryAfter(boolean send) {
        quotaRetryAfter = send;
    }

    /**
     * From now on every API request is taken in and read, then held open without an answer, as a Quivo whose
     * gateway accepts connections and hangs: the client waits until its own timeout. Nothing is served or
     * stored. The admin routes still answer. Ends with {@link #answerAgain()}, {@link #reset()} or
     * {@link #close()}.
     */
    public void stopAnswering() {
        heldRequests.start();
    }

    /**
     * Requests are served again. Those held meanwhile are cut off without an answer (counted with status 0 and
     * the fault {@code unanswered}), never served.
     */
    public void answerAgain() {
        heldRequests.stop(stats);
    }

    /** Requests held open unanswered right now. */
    public int unansweredRequests() {
        return heldRequests.count();
    }

    public Faults faults() {
        return faults;
    }

    public SimulatorStats stats() {
        return stats;
    }

    public OrderStore orders() {
        return orders;
    }

    /** What {@code GET /shipments/{bookedShipmentId}} answers; empty until a test puts shipments in. */
    public EntityStore shipments() {
        return resources.store("shipments");
    }

    /** What {@code GET /returns/{returnShipmentId}} answers; empty until a test puts returns in. */
    public EntityStore returns() {
        return resources.store("returns");
    }

    /**
     * What {@code GET /inbounds/{inboundId}} answers; empty until a test puts inbounds in. Quivo documents
     * {@code PUT /inbounds/{inboundId}} but no single GET: this is the connector's assumption of it.
     */
    public EntityStore inbounds() {
        return resources.store("inbounds");
    }

    /**
     * What {@code GET /items/{warehouseId}/{sellerId}} lists and {@code GET /items/{itemId}} answers; empty until a
     * test puts items in. An item is listed under its {@code warehouseId} and {@code sellerId} (a field of the
     * simulator's: Quivo's items name their seller by {@code sellerIdentifier}), or under every warehouse and seller
     * when it has neither. A test changes stock by putting the item again with other quantities.
     */
    public EntityStore items() {
        return resources.store("items");
    }

    /** The stores of every resource but orders, by the name their path starts with ({@code articles}, ...). */
    public Resources resources() {
        return resources;
    }

    /**
     * Clears orders, every resource's store, stats, faults, tokens and quota, restores the builder's token
     * lifetime, and answers again.
     */
    public void reset() {
        heldRequests.stop(stats);
        faults.clear();
        quota = null;
        quotaRetryAfter = false;
        tokens.clear();
        tokens.lifetime(config.tokenLifetime);
        orders.clear();
        resources.clear();
        stats.reset();
    }

    /** Stops the server at once; requests in flight are cut off. Orders and counters stay for a restart. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        heldRequests.stop(stats);
        server.stop(0);
        executor.shutdownNow();
        server = null;
        executor = null;
    }

    int maxBodyBytes() {
        return config.maxBodyBytes;
    }

    int duplicateOrderStatus() {
        return config.duplicateOrderStatus;
    }

    boolean storesDuplicateOrders() {
        return config.storeDuplicateOrders;
    }

    TokenRegistry tokens() {
        return tokens;
    }

    HeldRequests heldRequests() {
        return heldRequests;
    }

    TokenBucket quotaBucket() {
        return quota;
    }

    boolean quotaRetryAfter() {
        return quotaRetryAfter;
    }

    private static ExecutorService newExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "quivo-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // Core size = max size so that a burst gets new threads instead of waiting in the queue;
        // idle threads time out, so a quiet simulator holds none.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static Duration requireLifetime(Duration lifetime) {
        Objects.requireNonNull(lifetime, "tokenLifetime");
        if (lifetime.isNegative()) {
            throw new IllegalArgumentException("tokenLifetime must not be negative");
        }
        return lifetime;
    }

    /** Settings of a simulator; a builder can build several. */
    public static final class Builder {

        private int port;
        private String apiKey = DEFAULT_API_KEY;
        private String username = DEFAULT_USERNAME;
        private String password = DEFAULT_PASSWORD;
        private Duration tokenLifetime = Duration.ofSeconds(3600);
        private int duplicateOrderStatus = 409;
        private int maxBodyBytes = 1_048_576;
        private boolean storeDuplicateOrders;

        private Builder() {
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        public Builder username(String username) {
            this.username = Objects.requireNonNull(username, "username");
            return this;
        }

        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        public Builder tokenLifetime(Duration tokenLifetime) {
            this.tokenLifetime = requireLifetime(tokenLifetime);
            return this;
        }

        /** Status answered for a repeated orderIdentifier of a seller (Quivo does not document it). */
        public Builder duplicateOrderStatus(int status) {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status must be between 100 and 599: " + status);
            }
            this.duplicateOrderStatus = status;
            return this;
        }

        /**
         * Whether a repeated orderIdentifier of a seller is stored as one more order instead of refused with
         * {@link #duplicateOrderStatus(int)}; off by default. On, a client's second create of the same order
         * shows as two stored orders rather than being hidden by the refusal, which is what a test that counts
         * creates needs.
         */
        public Builder storeDuplicateOrders(boolean store) {
            this.storeDuplicateOrders = store;
            return this;
        }

        /** Request bodies above this size are answered 413. */
        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes < 1 || maxBodyBytes == Integer.MAX_VALUE) {
                throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public QuivoSimulator build() {
            return new QuivoSimulator(this);
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.port = port;
            copy.apiKey = apiKey;
            copy.username = username;
            copy.password = password;
            copy.tokenLifetime = tokenLifetime;
            copy.duplicateOrderStatus = duplicateOrderStatus;
            copy.maxBodyBytes = maxBodyBytes;
            copy.storeDuplicateOrders = storeDuplicateOrders;
            return copy;
        }
    }
}
