package io.camelquivo.kafka;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A topic that keeps the last value of each key however old it is, for what the service must remember across
 * restarts (published change events, the stock snapshot). A missing one is created with one partition, the
 * broker's replication factor and {@code cleanup.policy=compact}; an existing one is used as it is.
 */
public final class CompactedTopic {

    private static final Logger LOG = LoggerFactory.getLogger(CompactedTopic.class);

    private CompactedTopic() {
    }

    /**
     * @param what what the topic remembers, for the log line and the error, e.g. "published change events"
     * @throws IllegalStateException when the topic can be neither read nor created within {@code maxBlockMs}
     */
    public static void ensure(String bootstrapServers, String topic, int maxBlockMs, String what) throws Exception {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Math.max(maxBlockMs, 1000),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(maxBlockMs, 1000));
        try (Admin admin = Admin.create(config)) {
            if (admin.listTopics().names().get(maxBlockMs, TimeUnit.MILLISECONDS).contains(topic)) {
                return;
            }
            NewTopic created = new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(created)).all().get(maxBlockMs, TimeUnit.MILLISECONDS);
            LOG.info("Created the compacted topic {} that remembers {}", topic, what);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("The topic " + topic + " for " + what + " could not be read or"
                        + " created: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }
}
