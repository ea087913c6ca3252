package io.camelquivo.service;

import io.camelquivo.policy.RetrySchedule;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The service's settings, checked. {@link #resolve} throws {@link BadConfigurationException} naming the
 * first bad setting; it starts nothing and never exits, so it is easy to test and only {@code main} exits.
 *
 * @param baseUrl     Quivo's API base URL, or null for the embedded simulator
 * @param kafkaBrokers bootstrap servers, or null for the embedded broker
 * @param routes      the route file pattern as the user gave it, or null for the default
 * @param fileCluster the file-lock cluster service's folder, or null when the user brings a cluster service
 * @param consoleToken the dead-letter console's token, or null: the console stays off
 */
public record ServiceSettings(String baseUrl, String apiKey, String username, String password,
        String kafkaBrokers, Path inboxDir, String ordersTopic, String eventsTopic, String dlqTopic,
        String routes, int managementPort, int webhookPort, String webhookSecret, boolean exampleOrders,
        FileCluster fileCluster, String consoleToken) {

    /** The property of the file lock's retry interval, in milliseconds. */
    public static final String CLUSTER_LOCK_INTERVAL = "quivo.cluster.lock-interval";
    /** How many of the newest records of each dead-letter partition the console reads. */
    public static final String CONSOLE_WINDOW = "quivo.console.window";
    /** How often one order may be sent again from the dead-letter topic. */
    public static final String REPLAY_MAX_COUNT = "quivo.replay.max-count";

    /**
     * Leadership among instances through a lock file in a folder they all see.
     *
     * @param dir          the shared folder
     * @param lockInterval how often an instance that is not the leader tries to take the lock
     */
    public record FileCluster(Path dir, long lockInterval) {
    }

    public boolean embeddedSimulator() {
        return baseUrl == null;
    }

    public boolean embeddedBroker() {
        return kafkaBrokers == null;
    }

    public static ServiceSettings resolve(SettingSources sources) {
        Values values = new Values(sources);
        String environment = values.optional(Setting.ENVIRONMENT);
        if (environment != null && !environment.equalsIgnoreCase("production")
                && !environment.equalsIgnoreCase("sandbox")) {
            throw new BadConfigurationException(Setting.ENVIRONMENT,
                    "must be production or sandbox, not '" + environment + "'");
        }
        String baseUrl = values.optional(Setting.BASE_URL);
        if (baseUrl != null || environment != null) {
            try {
                baseUrl = ComponentBaseUrlRule.effectiveBaseUrl(baseUrl, environment);
            } catch (IllegalArgumentException refused) {
                throw new BadConfigurationException(baseUrl == null ? Setting.ENVIRONMENT : Setting.BASE_URL,
                        refused.getMessage());
            }
        }
        // without a URL the simulator takes whatever account is given; a real Quivo needs all three
        String needed = baseUrl == null ? null : "is needed to call Quivo at " + baseUrl;
        String apiKey = credential(values, Setting.API_KEY, needed);
        String username = credential(values, Setting.USERNAME, needed);
        String password = credential(values, Setting.PASSWORD, needed);
        String brokers = brokers(values.optional(Setting.KAFKA_BROKERS));
        Path inbox = path(Setting.INBOX_DIR, values.required(Setting.INBOX_DIR, "is needed"));
        int managementPort = port(Setting.MANAGEMENT_PORT, values.required(Setting.MANAGEMENT_PORT, "is needed"));
        int webhookPort = port(Setting.WEBHOOK_PORT, values.required(Setting.WEBHOOK_PORT, "is needed"));
        policy(sources);
        return new ServiceSettings(baseUrl, apiKey, username, password, brokers, inbox,
                values.required(Setting.ORDERS_TOPIC, "is needed"), values.required(Setting.EVENTS_TOPIC, "is needed"),
                values.required(Setting.DLQ_TOPIC, "is needed"), values.optional(Setting.ROUTES), managementPort,
                webhookPort, values.optional(Setting.WEBHOOK_SECRET),
                bool(Setting.EXAMPLE_ORDERS, values.optional(Setting.EXAMPLE_ORDERS)), fileCluster(values, sources),
                console(values, sources));
    }

    /** file: a lock file in a shared folder (the default); custom: the cluster service the user declares. */
    private static FileCluster fileCluster(Values values, SettingSources sources) {
        String service = values.required(Setting.CLUSTER_SERVICE, "is needed");
        if (service.equalsIgnoreCase("custom")) {
            return null;
        }
        if (!service.equalsIgnoreCase("file")) {
            throw new BadConfigurationException(Setting.CLUSTER_SERVICE, "must be file or custom, not '" + service + "'");
        }
        String interval = sources.raw(CLUSTER_LOCK_INTERVAL);
        long lockInterval;
        try {
            lockInterval = interval == null ? 10_000 : Long.parseLong(interval.trim());
        } catch (NumberFormatException e) {
            lockInterval = -1;
        }
        if (lockInterval < 100) {
            throw new BadConfigurationException(CLUSTER_LOCK_INTERVAL, "must be a number of milliseconds, 100 or more,"
                    + " not '" + interval + "'");
        }
        return new FileCluster(path(Setting.CLUSTER_DIR, values.required(Setting.CLUSTER_DIR, "is needed")), lockInterval);
    }

    /** The console's token, and its numbers checked here, so that a bad one stops the start named. */
    private static String console(Values values, SettingSources sources) {
        String token = values.optional(Setting.CONSOLE_TOKEN);
        for (String property : new String[] {CONSOLE_WINDOW, REPLAY_MAX_COUNT}) {
            String text = sources.raw(property);
            if (text != null) {
                try {
                    if (Integer.parseInt(text.trim()) > 0) {
                        continue;
                    }
                } catch (NumberFormatException e) {
                    // refused below
                }
                throw new BadConfigurationException(property, "must be a positive number, not '" + text + "'");
            }
        }
        return token;
    }

    /** The status policy's numbers are read when Camel starts; a bad one must stop the start here, named. */
    private static void policy(SettingSources sources) {
        try {
            RetrySchedule.from(sources::raw);
        } catch (RetrySchedule.BadSetting bad) {
            throw new BadConfigurationException(bad.property(), bad.problem());
        }
    }

    /**
     * Refuses a management port another process holds. Camel would log the failed bind and run on without
     * health or metrics, which looks like a hung service from outside.
     */
    public static void requireFreePort(Setting setting, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port)); // the wildcard address, as the management server binds
        } catch (IOException e) {
            throw new BadConfigurationException(setting, "port " + port + " is in use: " + e.getMessage());
        }
    }

    private static String credential(Values values, Setting setting, String neededBecause) {
        return neededBecause == null ? values.optional(setting) : values.required(setting, neededBecause);
    }

    static int port(Setting setting, String text) {
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new BadConfigurationException(setting, "must be a port number (1-65535), not '" + text + "'");
        }
        if (port < 1 || port > 65535) {
            throw new BadConfigurationException(setting, "must be between 1 and 65535, not " + port);
        }
        return port;
    }

    /** host:port, comma-separated: Kafka's clients accept no less, and a typo here would only show as retries. */
    static String brokers(String text) {
        if (text == null) {
            return null;
        }
        for (String server : text.split(",")) {
            String entry = server.trim();
            int colon = entry.lastIndexOf(':');
            if (colon <= 0) {
                throw new BadConfigurationException(Setting.KAFKA_BROKERS,
                        "must be host:port[,host:port...], not '" + text + "'");
            }
            port(Setting.KAFKA_BROKERS, entry.substring(colon + 1));
        }
        return text;
    }

    private static Path path(Setting setting, String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new BadConfigurationException(setting, "is not a usable path: " + e.getReason());
        }
    }

    private static boolean bool(Setting setting, String text) {
        if (text == null || text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new BadConfigurationException(setting, "must be true or false, not '" + text + "'");
    }

    /** Trimmed values; a setting present but blank is refused, since Camel would use the blank as it is. */
    private record Values(SettingSources sources) {

        String optional(Setting setting) {
            String raw = sources.raw(setting);
            if (raw == null) {
                return null;
            }
            if (raw.isBlank()) {
                throw new BadConfigurationException(setting, "is set but empty: unset it or give a value");
            }
            return raw.trim();
        }

        String required(Setting setting, String why) {
            String value = optional(setting);
            if (value == null) {
                throw new BadConfigurationException(setting, why);
            }
            return value;
        }
    }

    @Override
    public String toString() {
        // records print every component; this one holds secrets
        return "ServiceSettings[baseUrl=" + (baseUrl == null ? "embedded" : baseUrl) + ", kafkaBrokers="
                + (kafkaBrokers == null ? "embedded" : kafkaBrokers) + ", inboxDir=" + inboxDir
                + ", managementPort=" + managementPort + "]";
    }
}
