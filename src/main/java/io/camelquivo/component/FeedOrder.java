package io.camelquivo.component;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * How a change feed walks its list: the one field it sorts by, ascending, and what {@code initialSince} is
 * compared with. A time field (a timestamp or a date) is compared with it; an id field has no time, so an id
 * feed starts after the highest id instead (see {@link QuivoChangesConsumer}).
 *
 * <p>Only orders show {@code lastModified} in Quivo's list schemas, so the other feeds default to a field their
 * schemas do show (the table, {@link QuivoOperation}, names each feed's): {@code created} for shipments and
 * inbounds; the id for returns, whose only date, {@code receivedDate}, is empty until the warehouse receives the
 * parcel.
 */
final class FeedOrder {

    private final String field;
    private final boolean byId;

    private FeedOrder(String field, boolean byId) {
        this.field = field;
        this.byId = byId;
    }

    /**
     * The order of a feed: the endpoint's {@code sort} option ({@code field} or {@code field:asc}), else the
     * feed's default.
     *
     * @throws IllegalArgumentException when the option is not a single field sorted ascending
     */
    static FeedOrder of(QuivoOperation feed, String sortOption) {
        String field = sortOption == null || sortOption.isBlank() ? feed.feedSortField()
                : ascendingField(feed, sortOption.trim());
        boolean byId = "id".equals(field) || Arrays.asList(feed.idFields()).contains(field);
        return new FeedOrder(field, byId);
    }

    private static String ascendingField(QuivoOperation feed, String option) {
        String field = option.endsWith(":asc") ? option.substring(0, option.length() - ":asc".length()) : option;
        if (field.isBlank() || !field.chars().allMatch(Character::isJavaIdentifierPart)) {
            throw new IllegalArgumentException("quivo:" + feed.id() + " walks its list forward, so sort must be one"
                    + " field, optionally with :asc (e.g. created or created:asc): " + option);
        }
        return field;
    }

    /** The field the list is sorted by. */
    String field() {
        return field;
    }

    /** Whether the field is an id, which cannot be compared with a time. */
    boolean byId() {
        return byId;
    }

    /** The {@code sort} query parameter that walks the list from old to new. */
    String ascending() {
        return field + ":asc";
    }

    /** The {@code sort} query parameter whose first element is the newest. */
    String descending() {
        return field + ":desc";
    }

    /**
     * The element's time in the sort field, or null when it has none that parses. A date (no time of day) counts
     * as the last moment of its day in UTC, so an element dated today is never taken for older than "now".
     */
    Instant time(JsonNode element) {
        JsonNode value = element.get(field);
        if (value == null || !value.isTextual()) {
            return null;
        }
        String text = value.asText();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notATimestamp) {
            try {
                return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
