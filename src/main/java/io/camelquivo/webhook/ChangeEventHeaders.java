package io.camelquivo.webhook;

/**
 * The headers of a record on the events topic (connector-docs/webhooks.md, "The records"), all UTF-8 strings.
 * Learned by webhook or by polling, a change carries the same ones.
 */
public final class ChangeEventHeaders {

    /** {@code ORDERS}, {@code SHIPMENTS}, {@code RETURNS}, {@code INBOUNDS}, ... */
    public static final String ENTITY = "quivo.entity";
    /** The entity's id. */
    public static final String ID = "quivo.id";
    /** The entity's version, when known. */
    public static final String VERSION = "quivo.version";
    /** The entity's time of change (ISO-8601), when known. */
    public static final String LAST_MODIFIED = "quivo.lastModified";
    /** {@code webhook} or {@code poll}. */
    public static final String SOURCE = "quivo.source";

    public static final String SOURCE_WEBHOOK = "webhook";
    public static final String SOURCE_POLL = "poll";

    private ChangeEventHeaders() {
    }
}
