package dev.tandem.app.model.history;

import java.time.Instant;

/**
 * One field of one change in an item's history, for the editor's history list. A change to one of the item's tags
 * (a row of its own, {@link dev.tandem.app.model.ItemTag}) is an entry too, with the pseudo-field {@link #TAG_ADDED} or
 * {@link #TAG_REMOVED} and the tag as its value.
 */
public record HistoryEntry(String changeId, Instant at, String device, boolean thisDevice, String field, Object value) {
    /** The field of an entry that added a tag (no column is named so). */
    public static final String TAG_ADDED = "+tag";
    /** The field of an entry that removed a tag. */
    public static final String TAG_REMOVED = "-tag";

    /** Whether {@code field} is a tag's pseudo-field rather than a column of the item. */
    public static boolean isTag(String field) {
        return TAG_ADDED.equals(field) || TAG_REMOVED.equals(field);
    }
}
