package dev.tandem.app.caldav;

import dev.tandem.app.caldav.TaskFields.Field;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.OutsideEdits;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.transfer.StableIds;
import dev.tandem.engine.Change;
import dev.tandem.engine.FieldChange;
import dev.tandem.engine.caldav.CalDavAccount;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CalDAV server as an author of changes, so a field both sides changed shows in Conflicts like a
 * clash between two devices: the server gets an id derived from its host (one on every device) and
 * a synced name ("CalDAV (cloud.example.com)") that History and Conflicts show. A phone's value
 * that lost is kept with the server as its author and the object's LAST-MODIFIED as its time; a
 * phone's value that won is saved here as this device's change (so it syncs to other devices as
 * any edit does), and Conflicts names the server as the kept value's author until a later change
 * takes the field over; the local edit that lost is kept as itself. Tags are rows, not a field with
 * one value, so a clash of tags is counted but not listed.
 */
final class Outside {
    private final TodoStore store;
    private final String author;
    private final String name;

    Outside(TodoStore store, CalDavAccount account) {
        this.store = store;
        URI where = URI.create(account.where());
        String host = where.getHost() + (where.getPort() > 0 ? ":" + where.getPort() : "");
        this.author = StableIds.derived("caldav-server\u0000" + host.toLowerCase(Locale.ROOT));
        this.name = "CalDAV (" + host + ")";
    }

    /**
     * The losers of the fields that clashed, to keep with the server as their author: the local
     * edits in {@code replaced}, the server's values in {@code localWon}; tags are left out.
     */
    OutsideEdits.Clashes clashes(Vtodo.Read server, Map<Field, String> replaced, List<Field> localWon) {
        Map<String, String> replacedColumns = new LinkedHashMap<>();
        replaced.forEach((f, changeId) -> {
            if (kept(f)) {
                replacedColumns.put(column(f), changeId);
            }
        });
        Map<String, Object> lost = new LinkedHashMap<>();
        for (Field f : localWon) {
            if (kept(f)) {
                lost.put(column(f), value(server.fields(), f));
            }
        }
        Instant at = server.lastModified() != null ? server.lastModified() : Instant.ofEpochMilli(store.clock().millis());
        return new OutsideEdits.Clashes(author, name, replacedColumns, lost, at);
    }

    /**
     * When the todo's {@code field} last changed here or on another Tandem device, from the todo's
     * {@code history}; null when never.
     */
    static Instant changedAt(List<Change> history, Field f) {
        return last(history, f).map(Change::at).orElse(null);
    }

    /** The id of the todo's last change of {@code field} in its {@code history}, for a field that is a column. */
    static Optional<String> lastChange(List<Change> history, Field f) {
        return column(f) == null ? Optional.empty() : last(history, f).map(Change::id);
    }

    private static Optional<Change> last(List<Change> history, Field f) {
        String column = column(f);
        Change last = null;
        for (Change c : history) {
            for (FieldChange fc : c.fields()) {
                if ((column == null || fc.field().equalsIgnoreCase(column)) && (last == null || c.at().isAfter(last.at()))) {
                    last = c;
                }
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * Whether a clash of {@code f} is kept for Conflicts: not tags (rows of their own), nor the parent, whose
     * server value is a UID that may name no todo here (a clash of either is counted).
     */
    private static boolean kept(Field f) {
        return f != Field.TAGS && f != Field.PARENT;
    }

    /** The items column of a field; null for tags, which are rows of their own. */
    static String column(Field f) {
        return switch (f) {
            case TITLE -> "title";
            case NOTES -> "notes";
            case DUE -> "due";
            case TIME -> "dueTime";
            case LENGTH -> "durationMinutes";
            case START -> "start";
            case DONE -> "done";
            case PRIORITY -> "priority";
            case TAGS -> null;
            case REMINDER -> "remindAt";
            case REPEAT -> "repeat";
            case PARENT -> "parentId";
        };
    }

    /** A field's value as the items column holds it. */
    private static Object value(TaskFields t, Field f) {
        return switch (f) {
            case DUE -> t.due() == null ? null : t.due().toString();
            case START -> t.start() == null ? null : t.start().toString();
            case TIME -> t.time() == null ? null : Item.TIME.format(t.time());
            case LENGTH -> t.minutes() == null ? null : t.minutes().longValue();
            case DONE -> t.done() ? 1L : 0L;
            default -> t.get(f);
        };
    }
}
