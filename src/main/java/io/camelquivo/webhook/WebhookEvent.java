package io.camelquivo.webhook;

import java.util.Objects;

/**
 * One event of a Quivo webhook call, {@code {"id":123,"entity":"ORDERS","lastModified":"...","version":5}}: the
 * entity changed, its full JSON has to be fetched.
 *
 * @param entity       {@code ORDERS}, {@code SHIPMENTS}, {@code RETURNS}, {@code INBOUNDS}, {@code INVOICES}, or
 *                     another name Quivo may add; upper case
 * @param id           the changed entity's id
 * @param version      its version number, or null when the event had none
 * @param lastModified its time of change as Quivo wrote it, or null when the event had none
 */
public record WebhookEvent(String entity, long id, Long version, String lastModified) {

    public WebhookEvent {
        Objects.requireNonNull(entity, "entity");
    }

    /** The record key on the events topic, {@code ORDERS:123}: all versions of an entity in one partition. */
    public String recordKey() {
        return entity + ":" + id;
    }

    /**
     * What tells one change from another: {@code ORDERS:123:5}; without a version the time of change,
     * {@code ORDERS:123:2019-12-15T14:48:12Z}; null when the event has neither, so nothing tells it apart.
     */
    public String dedupKey() {
        if (version != null) {
            return recordKey() + ":" + version;
        }
        return lastModified == null ? null : recordKey() + ":" + lastModified;
    }

    /** For log lines: {@code ORDERS:123 version 5}. */
    public String describe() {
        return recordKey() + (version != null ? " version " + version
                : lastModified != null ? " of " + lastModified : " (no version)");
    }
}
