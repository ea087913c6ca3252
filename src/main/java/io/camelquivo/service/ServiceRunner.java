package io.camelquivo.service;

import io.camelquivo.client.QuivoCallListener;
import io.camelquivo.console.DeadLetterConsole;
import io.camelquivo.kafka.Acknowledge;
import io.camelquivo.metrics.QuivoMetrics;
import io.camelquivo.tracing.QuivoTracing;
import io.camelquivo.tracing.TracingSetup;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.DefaultMainShutdownStrategy;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the service on camel-main: the embedded defaults, Camel, and the order in which they stop.
 * Returns the exit code instead of exiting, so that {@link QuivoService#main} alone decides when the JVM ends.
 */
final class ServiceRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    private final ServiceSettings settings;
    private final Path workingDir;
    private final Main main = new Main();
    private volatile boolean started;
    /** The OpenTelemetry SDK while the service traces (OTEL_* settings); null otherwise. */
    private OpenTelemetrySdk tracing;

    ServiceRunner(ServiceSettings settings, Path workingDir) {
        this.settings = settings;
        this.workingDir = workingDir;
    }

    /** 0 after a stop by signal (or Camel's own end), 1 when Camel or an embedded default failed to start. */
    int run(String[] args) {
        if (main.getShutdownStrategy() instanceof DefaultMainShutdownStrategy strategy) {
            strategy.disableHangupSupport(); // the signals below own the stop, so no JVM hook races them
        }
        try (ShutdownSignals signals = ShutdownSignals.install(this::stop);
                EmbeddedDefaults embedded = new EmbeddedDefaults()) {
            ServiceSettings effective = embedded.start(settings);
            if (signals.received() != null) {
                return 0;
            }
            configure(effective, embedded);
            int exitCode = main.run(args);
            if (signals.received() != null) {
                return 0;
            }
            return started ? Math.max(exitCode, 0) : 1;
        } catch (Exception e) {
            LOG.error("The service could not start: {}", e.toString(), e);
            return 1;
        } finally {
            if (tracing != null) {
                tracing.close(); // after Camel stopped: the last exchanges' spans are sent
            }
        }
    }

    /** Asks the run to end as a signal does: in-flight exchanges may finish, then everything stops. */
    void stop() {
        main.completed();
    }

    private void configure(ServiceSettings effective, EmbeddedDefaults embedded) {
        main.setDefaultPropertyPlaceholderLocation(SettingSources.PROPERTY_LOCATIONS);
        main.setOverrideProperties(placeholders(effective));
        main.configure().withRoutesIncludePattern(ClasspathRouteFiles.listed(
                routesIncludePattern(effective.routes(), workingDir), ServiceRunner.class.getClassLoader()));

        // one registry for Camel's meters, ours and /observe/metrics: camel-micrometer-prometheus takes the
        // MeterRegistry bound under this name instead of creating its own
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        main.bind(MicrometerConstants.METRICS_REGISTRY_NAME, registry);
        QuivoMetrics metrics = new QuivoMetrics(registry);
        main.bind(QuivoMetrics.BEAN_NAME, metrics);
        List<QuivoCallListener> listeners = new ArrayList<>(List.of(metrics));
        bindTracing(listeners);
        main.bind("quivoCallListener", QuivoCallListener.all(listeners));
        // routes under the status policy pause while Quivo is away (camel-main adds the factory it finds)
        main.bind("quivoOutagePause", Acknowledge.outagePause());
        bindClusterService(effective.fileCluster());

        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport camelMain) {
                awaitEmbedded(embedded);
            }

            @Override
            public void afterStart(BaseMainSupport camelMain) {
                started = true;
                LOG.info("Quivo connector running: inbox {}, health http://127.0.0.1:{}/observe/health",
                        effective.inboxDir().toAbsolutePath().normalize(), effective.managementPort());
                FileNameEncoding.warning().ifPresent(LOG::warn);
                dropExampleOrders(effective);
                startConsole(camelMain, effective);
            }
        });
    }

    /**
     * Only when the OTEL_* settings ask for spans (connector-docs/tracing.md): Camel's OpenTelemetry support makes a
     * span per exchange and per step, on the tracer and propagators bound here, and QuivoTracing adds the calls to
     * Quivo, the logins and the redelivery decisions under them. Otherwise nothing of OpenTelemetry is started.
     */
    private void bindTracing(List<QuivoCallListener> listeners) {
        tracing = TracingSetup.fromEnvironment().start().orElse(null);
        if (tracing == null) {
            return;
        }
        main.bind("quivoCamelTracer", tracing.getTracer("camel"));
        main.bind("quivoContextPropagators", tracing.getPropagators());
        main.addOverrideProperty("camel.opentelemetry2.enabled", "true");
        listeners.add(new QuivoTracing(tracing));
        LOG.info("Tracing on: spans go to the exporter the OTEL_* settings name");
    }

    /**
     * Several instances share the orders (Kafka spreads the partitions over them) but only the leader polls
     * Quivo's change feeds: routes/quivo-changes.yaml reads them through master: endpoints, which need one
     * cluster service. The default is a lock file in a folder every instance sees; with custom, the user
     * declares one (a Kubernetes lease, say) as a bean and nothing is bound here.
     */
    private void bindClusterService(ServiceSettings.FileCluster cluster) {
        if (cluster == null) {
            return;
        }
        try {
            Files.createDirectories(cluster.dir());
        } catch (IOException e) {
            throw new BadConfigurationException(Setting.CLUSTER_DIR, "cannot be created: " + e.getMessage());
        }
        FileLockClusterService service = new FileLockClusterService();
        service.setRoot(cluster.dir().toAbsolutePath().toString());
        service.setAcquireLockInterval(cluster.lockInterval(), TimeUnit.MILLISECONDS);
        main.bind("quivoClusterService", service);
    }

    /** Camel has booted alongside the embedded broker; its routes start only once the broker is up. */
    private static void awaitEmbedded(EmbeddedDefaults embedded) {
        try {
            embedded.awaitReady();
        } catch (Exception e) {
            throw new IllegalStateException("The embedded Kafka broker did not start: " + e, e);
        }
    }

    /**
     * The dead-letter console, with a token only: it adds its paths to the management server, which is up once
     * Camel has started, and stops with Camel. A console that cannot start stops the service.
     */
    private static void startConsole(BaseMainSupport camelMain, ServiceSettings effective) {
        if (effective.consoleToken() == null) {
            return;
        }
        try {
            camelMain.getCamelContext().addService(new DeadLetterConsole(effective.consoleToken(),
                    effective.managementPort(), Arrays.asList(effective.apiKey(), effective.password())), true, true);
        } catch (Exception e) {
            throw new IllegalStateException("The dead-letter console did not start: " + e.getMessage(), e);
        }
    }

    /** Only with both embedded defaults: examples must never reach a real Quivo or a real dead-letter topic. */
    private void dropExampleOrders(ServiceSettings effective) {
        if (!settings.embeddedSimulator() || !settings.embeddedBroker() || !settings.exampleOrders()) {
            return;
        }
        try {
            var files = ExampleOrders.drop(effective.inboxDir(), Clock.systemUTC());
            LOG.info("Dropped two example orders into the inbox: {} (accepted by the simulator) and {}"
                    + " (rejected: no positions, so it goes to {})", files.get(0).getFileName(),
                    files.get(1).getFileName(), effective.dlqTopic());
        } catch (Exception e) {
            LOG.warn("Could not drop the example orders into {}: {}", effective.inboxDir(), e.toString());
        }
    }

    /**
     * The checked values under the names routes and application.properties use. Camel looks up an
     * environment variable before these, and finds the same value, since the settings were read from it.
     */
    static Properties placeholders(ServiceSettings s) {
        Properties properties = new Properties();
        properties.setProperty(Setting.BASE_URL.property(), s.baseUrl());
        properties.setProperty(Setting.API_KEY.property(), s.apiKey());
        properties.setProperty(Setting.USERNAME.property(), s.username());
        properties.setProperty(Setting.PASSWORD.property(), s.password());
        properties.setProperty(Setting.KAFKA_BROKERS.property(), s.kafkaBrokers());
        properties.setProperty(Setting.INBOX_DIR.property(), s.inboxDir().toString());
        properties.setProperty(Setting.ORDERS_TOPIC.property(), s.ordersTopic());
        properties.setProperty(Setting.EVENTS_TOPIC.property(), s.eventsTopic());
        properties.setProperty(Setting.DLQ_TOPIC.property(), s.dlqTopic());
        properties.setProperty(Setting.MANAGEMENT_PORT.property(), Integer.toString(s.managementPort()));
        properties.setProperty(Setting.WEBHOOK_PORT.property(), Integer.toString(s.webhookPort()));
        if (s.webhookSecret() != null) {
            properties.setProperty(Setting.WEBHOOK_SECRET.property(), s.webhookSecret());
            // the receiver (routes/quivo-webhooks.yaml) and its HTTP server exist only with a secret
            properties.setProperty("quivo.webhook.enabled", "true");
            properties.setProperty("camel.server.enabled", "true");
            properties.setProperty("camel.server.host", "0.0.0.0");
            properties.setProperty("camel.server.port", Integer.toString(s.webhookPort()));
        }
        if (s.consoleToken() != null) {
            properties.setProperty(Setting.CONSOLE_TOKEN.property(), s.consoleToken());
            // what the console sends again goes through routes/dead-letter-replay.yaml
            properties.setProperty("quivo.replay.enabled", "true");
        }
        return properties;
    }

    /**
     * {@code quivo.routes} as camel-main's include pattern: each comma-separated entry is a file pattern
     * unless it names its scheme. Unset, it is {@code routes/*.yaml}, or the copies inside the jar when the
     * working directory has no {@code routes} folder (a bare {@code java -jar} from anywhere).
     */
    static String routesIncludePattern(String routes, Path workingDir) {
        if (routes == null) {
            return Files.isDirectory(workingDir.resolve("routes")) ? "file:routes/*.yaml" : "classpath:routes/*.yaml";
        }
        return Arrays.stream(routes.split(","))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .map(entry -> entry.startsWith("file:") || entry.startsWith("classpath:") ? entry : "file:" + entry)
                .collect(Collectors.joining(","));
    }
}
