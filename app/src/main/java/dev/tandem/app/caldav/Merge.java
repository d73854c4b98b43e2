package dev.tandem.app.caldav;

import dev.tandem.app.caldav.TaskFields.Field;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.OutsideEdits;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The field-by-field merge of a server object into one todo, against the base (the object as both
 * sides last agreed): a field only one side changed takes that side's value; a field both changed
 * to different values goes to the later change, as Tandem's own sync decides (the object's
 * LAST-MODIFIED against the time of the todo's last change of that field), and the other value is
 * kept for Conflicts ({@link Outside}) in the one transaction that saves the todo; the todo's history
 * is read once. Which todo, and which server and base fields, the caller decides: {@link Repeats}
 * moves a series on first, {@link ListSync} finds the todo.
 */
final class Merge {
    private final TodoStore store;
    private final OutsideEdits edits;
    private final Outside outside;
    private final CalDavReport.Builder report;
    private final Parents parents;

    Merge(TodoStore store, Outside outside, CalDavReport.Builder report, Parents parents) {
        this.store = store;
        this.parents = parents;
        this.edits = new OutsideEdits(store);
        this.outside = outside;
        this.report = report;
    }

    /** The todo's fields without its parent (whose UID {@link Parents#fieldsOf} adds). */
    static TaskFields fieldsOf(TodoStore store, Item it) {
        return TaskFields.of(it, store.tags().of(it.id()), null);
    }

    /**
     * Merges {@code s} (the server's fields of {@code server}) into {@code target} against
     * {@code base} (null: never agreed, the server's values win); {@code ownObject} for a done
     * occurrence that has an object of its own, whose repeat rule is the series' business. True
     * when the todo changed.
     *
     * <p>The merge is decided on the todo as read and written only if it is still so
     * ({@link OutsideEdits#merge}): a sync that commits to it in between makes this read and decide
     * again, so that sync's change is merged, never written over as if it were this device's edit.
     */
    boolean merge(Item target, Vtodo.Read server, TaskFields s, TaskFields base, boolean ownObject) {
        Item current = target;
        for (int attempt = 0; attempt < OutsideEdits.ATTEMPTS; attempt++) {
            Decided d = decide(current, server, s, base, ownObject);
            // One transaction: the merged todo and the values that lost commit together, or neither.
            if (edits.merge(current, d.read().tags(), d.changed() ? next(current, d.read(), d.save()) : null,
                    d.save().tags(), outside.clashes(server, d.replaced(), d.localWon()))) {
                for (int i = 0; i < d.clashes(); i++) {
                    report.conflict();
                }
                if (d.cancelledOnPhone()) {
                    report.cancelledOnPhone();
                }
                if (!Objects.equals(d.merged().parent(), d.read().parent())) {
                    // The phone put it under another task, or took it out: a move in the outline, placed after its siblings.
                    parents.place(store.get(target.id()).orElseThrow(), d.merged().parent());
                }
                return d.changed();
            }
            current = store.get(target.id()).orElse(null);
            if (current == null) {
                return false; // deleted here meanwhile: the next sync sees the deletion
            }
        }
        throw OutsideEdits.keptChanging(target.id());
    }

    /** What a merge of one read of the todo decided, before anything is written. */
    private record Decided(TaskFields read, TaskFields merged, TaskFields save, boolean changed,
                           Map<Field, String> replaced, List<Field> localWon, int clashes, boolean cancelledOnPhone) {
    }

    private Decided decide(Item target, Vtodo.Read server, TaskFields s, TaskFields base, boolean ownObject) {
        TaskFields read = parents.fieldsOf(target, base);
        TaskFields t = unreadTimes(store, target, read, base);
        if (ownObject) {
            t = t.withoutRepeat();
            s = s.withoutRepeat();
            base = base == null ? null : base.withoutRepeat();
        }
        TaskFields merged = t;
        List<Field> serverWon = new ArrayList<>();
        List<Field> localWon = new ArrayList<>();
        int clashes = 0;
        // The todo's history, read once at its first clash and before the save: when each field last
        // changed here, and which local edit a phone's later edit replaces.
        List<Change> history = null;
        for (Field f : Field.values()) {
            if (s.same(f, t)) {
                continue;
            }
            boolean serverChanged = base == null || !s.same(f, base);
            boolean localChanged = base != null && !t.same(f, base);
            if (serverChanged && !localChanged) {
                merged = merged.with(f, s);
            } else if (serverChanged) {
                if (history == null) {
                    history = store.history().changes("items", target.id());
                }
                Instant localAt = Outside.changedAt(history, f);
                boolean serverWins = server.lastModified() != null && localAt != null
                        && server.lastModified().isAfter(localAt);
                if (serverWins) {
                    serverWon.add(f);
                    merged = merged.with(f, s);
                } else {
                    localWon.add(f);
                }
                clashes++;
            }
        }
        boolean cancelled = server.cancelled() && merged.done() && !t.done();
        Map<Field, String> replaced = new LinkedHashMap<>();
        for (Field f : serverWon) {
            Outside.lastChange(history, f).ifPresent(id -> replaced.put(f, id));
        }
        boolean changed = !merged.equals(read);
        TaskFields save = changed && ownObject ? merged.with(Field.REPEAT, fieldsOf(store, target)) : merged;
        return new Decided(read, merged, save, changed, replaced, localWon, clashes, cancelled);
    }

    /**
     * {@code t} with the time and length the server object had when this device last agreed with it
     * ({@code base}) where the todo has none and never had one written here: a phone's time of day that
     * a Tandem from before times synced without reading it is taken, not cleared on the server; so is a
     * start date (DTSTART), which a Tandem from before start dates read as the due date when there was no DUE.
     */
    static TaskFields unreadTimes(TodoStore store, Item it, TaskFields t, TaskFields base) {
        boolean times = base != null && (t.time() == null && base.time() != null
                || t.minutes() == null && base.minutes() != null);
        boolean start = base != null && t.start() == null && base.start() != null;
        if (!times && !start) {
            return t;
        }
        List<Change> history = store.history().changes("items", it.id());
        TaskFields out = t;
        for (Field f : List.of(Field.TIME, Field.LENGTH)) {
            if (out.get(f) == null && base.get(f) != null && Outside.changedAt(history, f) == null) {
                out = out.with(f, base);
            }
        }
        if (start && !hadStart(history)) {
            // A Tandem from before start dates read a DTSTART without DUE as the due date: that date is
            // the start again, and no DUE is written. The due date moves only where it is that start.
            boolean readAsDue = base.due() == null && base.start().equals(out.due());
            out = new TaskFields(out.title(), out.notes(), readAsDue ? null : out.due(), out.done(), out.priority(),
                    out.tags(), out.remindAt(), out.repeat(), readAsDue ? null : out.time(),
                    readAsDue ? null : out.minutes(), base.start(), out.parent());
        }
        return out;
    }

    /** Whether the todo's {@code history} ever gave it a start date (a clear alone is no start date read). */
    private static boolean hadStart(List<Change> history) {
        return history.stream().flatMap(c -> c.fields().stream())
                .anyMatch(fc -> fc.field().equalsIgnoreCase(Outside.column(Field.START)) && fc.value() != null);
    }

    /**
     * A new todo {@code taskId} in list {@code listId} ("" the Inbox) with the server's fields, after its
     * siblings: under its parent when that is in the list, else at the top without a section.
     */
    void create(String taskId, String listId, TaskFields f) {
        long now = store.clock().millis();
        Item it = Item.create(f.title(), listId.isEmpty() ? null : listId, f.due(), now).withId(taskId)
                .withStart(f.start()).withParentId(parents.parentForNew(taskId, f.parent(), listId))
                .withNotes(f.notes()).withDone(f.done(), now)
                .withPriority(f.priority() == null ? null : f.priority().intValue())
                .withRepeat(f.repeat(), f.repeat() == null ? null : taskId).withRemindAt(f.remindAt())
                .withDueTime(f.time()).withDuration(f.minutes() == null ? null : f.minutes().longValue());
        edits.create(it, f.tags());
    }

    /**
     * The todo {@code it} (whose fields were {@code read}) with the fields {@code f} but its tags, which are
     * rows of their own, and its parent, which is a move ({@link Parents#place}).
     */
    private Item next(Item it, TaskFields read, TaskFields f) {
        long now = store.clock().millis();
        Item next = it.withTitle(f.title()).withNotes(f.notes()).withDue(f.due()).withDueTime(f.time())
                .withDuration(f.minutes() == null ? null : f.minutes().longValue())
                .withPriority(f.priority() == null ? null : f.priority().intValue()).withRemindAt(f.remindAt())
                .withRepeat(f.repeat(), f.repeat() == null ? it.seriesId()
                        : it.seriesId() != null ? it.seriesId() : it.id());
        if (!Objects.equals(f.start(), read.start())) {
            // Else the todo's own start stays, one on or after its due date too (which the server cannot hold).
            next = next.withStart(f.start());
        }
        if (next.isDone() != f.done()) {
            // Done or reopened as a field: a series is moved on by Repeats, never here.
            next = next.withDone(f.done(), now);
        }
        return next;
    }
}
