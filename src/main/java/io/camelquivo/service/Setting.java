package io.camelquivo.service;

import java.util.Locale;

/**
 * The service's settings (the contract's environment variables). Each is a property too: the variable's
 * name in dotted lower case, which is also how Camel's properties component finds the variable for a
 * {@code {{quivo.inbox-dir}}} placeholder.
 */
public enum Setting {

    BASE_URL("quivo.base-url", false),
    ENVIRONMENT("quivo.environment", false),
    API_KEY("quivo.api-key", true),
    USERNAME("quivo.username", false),
    PASSWORD("quivo.password", true),
    KAFKA_BROKERS("kafka.brokers", false),
    INBOX_DIR("quivo.inbox-dir", false),
    ORDERS_TOPIC("quivo.orders-topic", false),
    EVENTS_TOPIC("quivo.events-topic", false),
    STOCK_TOPIC("quivo.stock-topic", false),
    DLQ_TOPIC("quivo.dlq-topic", false),
    ROUTES("quivo.routes", false),
    MANAGEMENT_PORT("quivo.management-port", false),
    WEBHOOK_PORT("quivo.webhook-port", false),
    WEBHOOK_SECRET("quivo.webhook-secret", true),
    EXAMPLE_ORDERS("quivo.example-orders", false),
    CLUSTER_SERVICE("quivo.cluster-service", false),
    CLUSTER_DIR("quivo.cluster-dir", false),
    CONSOLE_TOKEN("quivo.console-token", true);

    private final String property;
    private final boolean secret;

    Setting(String property, boolean secret) {
        this.property = property;
        this.secret = secret;
    }

    public String property() {
        return property;
    }

    /** As Camel's {@code IOHelper.lookupEnvironmentVariable} spells it: upper case, dots and dashes as _. */
    public String environmentVariable() {
        return environmentVariable(property);
    }

    /** The environment variable that sets a property, as Camel looks it up. */
    public static String environmentVariable(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** How error messages name a property: both spellings, since either may be the one the user set. */
    public static String label(String property) {
        return environmentVariable(property) + " (" + property + ")";
    }

    /** Secrets are never echoed, not even in an error message. */
    public boolean secret() {
        return secret;
    }

    /** How error messages name the setting: both spellings, since either may be the one the user set. */
    public String label() {
        return label(property);
    }
}
