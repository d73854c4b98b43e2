package dev.tandem.app.model;

import dev.tandem.engine.Table;
import java.util.List;

/**
 * What an item is called in another system: an imported todo's iCalendar UID when that UID is not the
 * item's own id (not a UUID, or a UUID in upper case), so an export writes the UID the calendar app
 * knows and the app sees the same task, not a new one. One row per (item, system); the id is derived from
 * both ({@link DerivedIds#link}), so two devices importing the same file write the same row and sync
 * merges them. Deleting an item for good deletes its links ({@link TodoStore#deleteForever},
 * {@link TodoStore#emptyTrash}); undoing that restores them.
 */
@Table("item_links")
public record ItemLink(String id, String itemId, String system, String externalId) {

    /** iCalendar (RFC 5545): the externalId is the VTODO's or VJOURNAL's UID. */
    public static final String ICAL = "ical";

    /** Every system an item can be linked to: what a restore of a deleted item brings back. */
    public static final List<String> SYSTEMS = List.of(ICAL);

    /** The longest external id kept; an iCalendar UID is rarely past 100 characters. */
    public static final int MAX_EXTERNAL_ID = 1024;

    public static ItemLink of(String itemId, String system, String externalId) {
        return new ItemLink(DerivedIds.link(itemId, system), itemId, system, externalId);
    }
}
