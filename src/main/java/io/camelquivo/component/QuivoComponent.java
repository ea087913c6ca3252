package io.camelquivo.component;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.client.Credentials;
import io.camelquivo.client.HttpTransport;
import io.camelquivo.client.LoginSession;
import io.camelquivo.client.QuivoCallListener;
import io.camelquivo.client.QuivoClient;
import io.camelquivo.client.QuivoRequest;
import io.camelquivo.client.RateLimitSettings;
import io.camelquivo.client.RateLimiter;
import io.camelquivo.client.SessionSettings;
import io.camelquivo.client.TransportSettings;
import io.camelquivo.error.QuivoException;
import java.io.File;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.IOHelper;

/**
 * The {@code quivo:} component. It owns what is shared and expensive: one pooled HTTP client, one login
 * session per Quivo account, so that every endpoint of an account shares a token, and one rate limiter per
 * set of credentials, so that every endpoint and route of an account shares its quota.
 */
@Component("quivo")
public class QuivoComponent extends HealthCheckComponent {

    static final String DEFAULT_PENDING_CREATE_FILE = "data/state/quivo-pending-creates.txt";

    @Metadata(description = "The Quivo account and session settings; endpoints start from a copy of it.")
    private QuivoConfiguration configuration = new QuivoConfiguration();
    @Metadata(label = "advanced", defaultValue = "10000", description = "Milliseconds to open a connection.")
    private int connectTimeout = 10_000;
    @Metadata(label = "advanced", defaultValue = "30000", description = "Milliseconds to wait for Quivo's answer"
            + " once a request is sent.")
    private int responseTimeout = 30_000;
    @Metadata(label = "advanced", defaultValue = "30000", description = "Milliseconds to wait for a free"
            + " connection from the pool.")
    private int connectionRequestTimeout = 30_000;
    @Metadata(label = "advanced", defaultValue = "50", description = "The size of the connection pool.")
    private int maxConnections = 50;
    @Metadata(label = "advanced", defaultValue = "10485760", description = "The largest request body, in bytes,"
            + " that is sent. Quivo's API gateway refuses bodies over 10 MB (10485760 bytes), so a larger one fails"
            + " at once as unusable input (QuivoInputException, status 0), before any call and before it is parsed.")
    private int maxBodyBytes = 10_485_760;
    @Metadata(label = "security", description = "TLS settings (trust store, key store, protocols) for calls to"
            + " Quivo; the JVM's defaults when unset.")
    private SSLContextParameters sslContextParameters;
    @Metadata(label = "proxy", description = "The host of an HTTP proxy in front of Quivo.")
    private String proxyHost;
    @Metadata(label = "proxy", description = "The port of the HTTP proxy.")
    private Integer proxyPort;
    @Metadata(label = "advanced", description = "The Jackson ObjectMapper that writes Map, JsonNode and other"
            + " object bodies as JSON, reads answers into unmarshalType, and reads the orders.create lookups and the"
            + " changes consumers' pages. When unset, a plain ObjectMapper without modules, so that a module that"
            + " happens to be on the classpath cannot change what unmarshalType=java.util.Map gives; set your own"
            + " (a bean reference) to add modules such as JavaTimeModule or change naming and date settings.")
    private ObjectMapper objectMapper;
    @Metadata(label = "advanced", autowired = true, description = "A QuivoCallListener told of every call to"
            + " Quivo (the operation, the HTTP method and path template, the HTTP status, the status family of a"
            + " failure, how long the HTTP exchange took, the attempt, whether it waited for a login), of every login"
            + " (whether it succeeded, its status and time), of the status policy's redelivery decisions and of each"
            + " operation an endpoint starts with, e.g. to count and time them in metrics or to trace them. It is"
            + " never told a secret, an id or a query value. It must return quickly and never throw. Taken from the"
            + " registry when the registry holds exactly one; when unset, calls are not reported.")
    private QuivoCallListener callListener;
    @Metadata(label = "advanced", defaultValue = DEFAULT_PENDING_CREATE_FILE, description = "The file that remembers"
            + " the identifier of each order or inbound sent to Quivo (the most recent 100000), so that the same one"
            + " coming again (after a lost answer, a crash or a restart) is looked up instead of being created twice;"
            + " an identifier Quivo refused is forgotten. Relative to the working folder. Used when no"
            + " pendingCreateRepository is set.")
    private String pendingCreateFile = DEFAULT_PENDING_CREATE_FILE;
    @Metadata(label = "advanced", description = "Where to remember the orders and inbounds sent to Quivo"
            + " (keyed by orderIdentifier, and an inbound by inbounds.create: and its externalIdentifier), instead of pendingCreateFile:"
            + " e.g. a KafkaIdempotentRepository that several instances share.")
    private IdempotentRepository pendingCreateRepository;
    @Metadata(label = "advanced", defaultValue = "adaptive", description = "How fast the calls of one account may"
            + " go, one limit shared by every endpoint and route with the same credentials: adaptive learns Quivo's"
            + " quota from its 429 answers (each 429 lowers the rate, calls that pass raise it slowly again, and a"
            + " Retry-After holds back every call of the account until then); a number such as 150 or 0.5 is a fixed"
            + " limit in requests per second, which still honours Retry-After; off sends every call at once. Logins"
            + " are not limited. The current rate goes to the callListener, which QuivoMetrics turns into the gauge"
            + " quivo_rate_limit_per_second.")
    private String rateLimit = "adaptive";
    @Metadata(label = "advanced", defaultValue = "1000", description = "The ceiling of the adaptive rate limit, in"
            + " requests per second. At the ceiling the limit holds no call back: it starts there, so that until"
            + " Quivo's first 429 calls go as fast as they come, and a climb that meets no further 429 ends there."
            + " The first 429 lowers the limit from it. For a quota Quivo has told you, a fixed rateLimit fits"
            + " better.")
    private int rateLimitMax = 1000;
    @Metadata(label = "advanced", defaultValue = "60000", description = "The longest time, in milliseconds, that"
            + " one Retry-After on a 429 holds back every call of the account; 0 lets Retry-After pause nothing"
            + " (the error policy still waits it out for the throttled message itself).")
    private int rateLimitMaxPause = 60_000;

    private HttpTransport transport;
    private final Map<SessionKey, LoginSession> sessions = new ConcurrentHashMap<>();
    /** By credentials alone: the quota belongs to the account, whatever session settings its endpoints use. */
    private final Map<Credentials, RateLimiter> rateLimiters = new ConcurrentHashMap<>();
    private final AtomicInteger rateLimiterLabels = new AtomicInteger();
    private QuivoLoginHealthCheck loginCheck;

    /** Accounts are told apart by credentials and session settings together. */
    private record SessionKey(Credentials credentials, SessionSettings settings) {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        QuivoEndpoint endpoint = new QuivoEndpoint(uri, this, remaining, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (objectMapper == null) {
            // not findAndRegisterModules(): a module that happens to be on the classpath (Kafka brings a
            // Scala one) would change what unmarshalType=java.util.Map gives
            objectMapper = new ObjectMapper();
        }
        if (pendingCreateRepository == null) {
            File store = new File(pendingCreateFile);
            if (store.getParentFile() != null) {
                Files.createDirectories(store.getParentFile().toPath());
            }
            // a large first-level cache: an evicted mark would be missed while an outage holds many orders
            pendingCreateRepository = new PendingCreatesFile(store.toPath(), 100_000);
        }
        CamelContextAware.trySetCamelContext(pendingCreateRepository, getCamelContext());
        ServiceHelper.startService(pendingCreateRepository);
        registerLoginCheck();
    }

    /**
     * The login check goes wherever the application keeps its health checks: camel-main, Spring Boot and Quarkus
     * all have a registry when camel-health is present; without one there is nothing to register with.
     */
    private void registerLoginCheck() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (registry != null && (isHealthCheckProducerEnabled() || isHealthCheckConsumerEnabled())) {
            loginCheck = new QuivoLoginHealthCheck(this);
            registry.register(loginCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (loginCheck != null) {
            HealthCheckRegistry.get(getCamelContext()).unregister(loginCheck);
            loginCheck = null;
        }
        ServiceHelper.stopService(pendingCreateRepository);
        sessions.clear();
        rateLimiters.clear();
        rateLimiterLabels.set(0);
        IOHelper.close(transport);
        transport = null;
        super.doStop();
    }

    /**
     * The client for an endpoint's account, sharing the login session and the rate limiter with every other
     * endpoint of it.
     */
    QuivoClient clientFor(QuivoConfiguration config) throws Exception {
        return clientFor(new SessionKey(QuivoSettings.credentials(config), QuivoSettings.session(config)));
    }

    private QuivoClient clientFor(SessionKey account) throws Exception {
        HttpTransport shared = transport();
        // Logins bypass the limiter: one per account and hour, single flight, so they cannot strain the quota,
        // and queueing one behind throttled calls would hold up every call that waits for its token.
        LoginSession session = sessions.computeIfAbsent(account,
                key -> new LoginSession(shared, key.credentials(), key.settings(), listener(), Clock.systemUTC()));
        return new QuivoClient(shared, account.credentials(), account.settings().authorizationPrefix(), session,
                rateLimiterFor(account.credentials()), listener(), Clock.systemUTC());
    }

    /** The one limiter of these credentials. */
    private RateLimiter rateLimiterFor(Credentials credentials) {
        RateLimitSettings settings = QuivoSettings.rateLimit(rateLimit, rateLimitMax, rateLimitMaxPause);
        return rateLimiters.computeIfAbsent(credentials, key -> {
            RateLimiter limiter = new RateLimiter(settings, RateLimiter.Ticker.SYSTEM);
            if (settings.mode() != RateLimitSettings.Mode.OFF) {
                listener().onRateLimiter(String.valueOf(rateLimiterLabels.incrementAndGet()), limiter::currentRate);
            }
            return limiter;
        });
    }

    /**
     * Whether Quivo answers again, for every account called so far: one small page of warehouses each. Any
     * answer that waiting would not change counts (a 403 is an answer); no answer, 429, 503 and 504 do not.
     */
    public boolean answers() {
        for (Map.Entry<SessionKey, LoginSession> session : List.copyOf(sessions.entrySet())) {
            if (session.getValue().lastLoginSucceeded() == null) {
                continue; // an account no call has used yet
            }
            SessionKey account = session.getKey();
            try {
                clientFor(account).execute(new QuivoRequest("probe", "GET", "/warehouses", Map.of("pageSize", "1"),
                        null, "/warehouses", 1));
            } catch (QuivoException failure) {
                if (failure.getFamily().waitingFixes()) {
                    return false;
                }
            } catch (Exception unexpected) {
                return false;
            }
        }
        return true;
    }

    QuivoCallListener listener() {
        return callListener == null ? QuivoCallListener.NONE : callListener;
    }

    /**
     * The call listener of the context's quivo component, for what hears of the calls from outside the component
     * (the error policy's redelivery decisions); none when the context has no such component.
     */
    public static QuivoCallListener listenerOf(CamelContext camel) {
        if (camel.hasComponent("quivo") instanceof QuivoComponent quivo) {
            return quivo.listener();
        }
        for (String name : camel.getComponentNames()) {
            if (camel.hasComponent(name) instanceof QuivoComponent quivo) {
                return quivo.listener();
            }
        }
        return QuivoCallListener.NONE;
    }

    /** The sessions opened so far, for health checks and metrics. */
    public Collection<LoginSession> getSessions() {
        return List.copyOf(sessions.values());
    }

    private synchronized HttpTransport transport() throws Exception {
        if (transport == null) {
            String proxy = proxyHost == null ? null : "http://" + proxyHost + ":" + (proxyPort == null ? 80 : proxyPort);
            transport = new HttpTransport(new TransportSettings(Duration.ofMillis(connectTimeout),
                    Duration.ofMillis(responseTimeout), Duration.ofMillis(connectionRequestTimeout), maxConnections,
                    sslContextParameters == null ? null : sslContextParameters.createSSLContext(getCamelContext()),
                    proxy));
        }
        return transport;
    }

    /** The orders whose create may have reached Quivo, by orderIdentifier; present while the component runs. */
    IdempotentRepository pendingCreates() {
        return pendingCreateRepository;
    }

    public String getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(String rateLimit) {
        this.rateLimit = rateLimit;
    }

    public int getRateLimitMax() {
        return rateLimitMax;
    }

    public void setRateLimitMax(int rateLimitMax) {
        this.rateLimitMax = rateLimitMax;
    }

    public int getRateLimitMaxPause() {
        return rateLimitMaxPause;
    }

    public void setRateLimitMaxPause(int rateLimitMaxPause) {
        this.rateLimitMaxPause = rateLimitMaxPause;
    }

    public String getPendingCreateFile() {
        return pendingCreateFile;
    }

    public void setPendingCreateFile(String pendingCreateFile) {
        this.pendingCreateFile = pendingCreateFile;
    }

    public IdempotentRepository getPendingCreateRepository() {
        return pendingCreateRepository;
    }

    public void setPendingCreateRepository(IdempotentRepository pendingCreateRepository) {
        this.pendingCreateRepository = pendingCreateRepository;
    }

    public QuivoConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(QuivoConfiguration configuration) {
        this.configuration = configuration;
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(int responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getConnectionRequestTimeout() {
        return connectionRequestTimeout;
    }

    public void setConnectionRequestTimeout(int connectionRequestTimeout) {
        this.connectionRequestTimeout = connectionRequestTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getMaxBodyBytes() {
        return maxBodyBytes;
    }

    public void setMaxBodyBytes(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public QuivoCallListener getCallListener() {
        return callListener;
    }

    public void setCallListener(QuivoCallListener callListener) {
        this.callListener = callListener;
    }

    public ObjectMapper getObjectMapper() {
        return objectMapper;
    }

    public void setObjectMapper(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }
}
