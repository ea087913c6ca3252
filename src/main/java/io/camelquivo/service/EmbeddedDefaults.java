package io.camelquivo.service;

import io.camelquivo.simulator.QuivoSimulator;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs in this JVM when the user gave no Quivo or no Kafka: the Quivo simulator and a single-node
 * broker. {@link #start} returns the settings with their addresses filled in, so everything after it
 * treats them like any Quivo and any Kafka.
 */
final class EmbeddedDefaults implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDefaults.class);

    private QuivoSimulator simulator;
    private EmbeddedKafkaBroker broker;
    private long brokerStartedAt;

    /** The settings with the embedded simulator's URL and account, and the embedded broker's address. */
    ServiceSettings start(ServiceSettings settings) throws Exception {
        ServiceSettings effective = settings;
        if (settings.embeddedSimulator()) {
            // the simulator accepts the configured account, so credentials given without a URL still work
            QuivoSimulator.Builder builder = QuivoSimulator.builder();
            if (settings.apiKey() != null) {
                builder.apiKey(settings.apiKey());
            }
            if (settings.username() != null) {
                builder.username(settings.username());
            }
            if (settings.password() != null) {
                builder.password(settings.password());
            }
            simulator = builder.build().start();
            LOG.info("No QUIVO_BASE_URL: using the embedded Quivo simulator at {} (user {})", simulator.baseUrl(),
                    simulator.username());
            effective = withQuivo(effective, simulator);
        }
        if (settings.embeddedBroker()) {
            brokerStartedAt = System.nanoTime();
            broker = EmbeddedKafkaBroker.starting(
                    List.of(settings.ordersTopic(), settings.eventsTopic(), settings.dlqTopic()));
            effective = withBrokers(effective, broker.bootstrapServers());
        }
        return effective;
    }

    /**
     * Waits for the embedded broker, which starts while Camel boots; called before the routes start, so that
     * no client meets a broker that is not there yet.
     */
    void awaitReady() throws Exception {
        if (broker != null) {
            long askedAt = System.nanoTime();
            broker.awaitStarted(Duration.ofSeconds(120));
            // when it was up, not when Camel asked: a broker up before Camel had booted did not delay the start
            LOG.info("No KAFKA_BROKERS: using the embedded Kafka broker at {} (single-node KRaft, ready {} ms after"
                    + " it began, Camel waited {} ms for it, data deleted at stop)", broker.bootstrapServers(),
                    (broker.startedNanos() - brokerStartedAt) / 1_000_000,
                    Math.max(0, broker.startedNanos() - askedAt) / 1_000_000);
        }
    }

    /** Stops the broker first (it may still flush), then the simulator; each only if it was started. */
    @Override
    public void close() {
        if (broker != null) {
            try {
                broker.close();
                LOG.info("Embedded Kafka broker stopped");
            } catch (RuntimeException e) {
                LOG.warn("Embedded Kafka broker did not stop cleanly: {}", e.toString());
            }
            broker = null;
        }
        if (simulator != null) {
            simulator.close();
            LOG.info("Embedded Quivo simulator stopped");
            simulator = null;
        }
    }

    private static ServiceSettings withQuivo(ServiceSettings s, QuivoSimulator sim) {
        return new ServiceSettings(sim.baseUrl(), sim.apiKey(), sim.username(), sim.password(), s.kafkaBrokers(),
                s.inboxDir(), s.ordersTopic(), s.eventsTopic(), s.dlqTopic(), s.routes(), s.managementPort(),
                s.webhookPort(), s.webhookSecret(), s.exampleOrders(), s.fileCluster(), s.consoleToken());
    }

    private static ServiceSettings withBrokers(ServiceSettings s, String brokers) {
        return new ServiceSettings(s.baseUrl(), s.apiKey(), s.username(), s.password(), brokers, s.inboxDir(),
                s.ordersTopic(), s.eventsTopic(), s.dlqTopic(), s.routes(), s.managementPort(), s.webhookPort(),
                s.webhookSecret(), s.exampleOrders(), s.fileCluster(), s.consoleToken());
    }
}
