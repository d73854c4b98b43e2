package dev.tandem.app.model;

import dev.tandem.engine.Table;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A todo. Column names match the component names. {@code due} is an ISO date (yyyy-MM-dd) or null;
 * times are epoch milliseconds; {@code done} is 0 or 1. {@code listId} names a {@link TodoList} but is
 * not a foreign key: a synced item may arrive before its list, and an item whose list is unknown
 * shows in the Inbox.
 *
 * <p>{@code priority} is 1 (highest) to 4, null for none. {@code repeat} is a {@link Recurrence} rule
 * ("FREQ=WEEKLY;BYDAY=MO"), null when the todo does not repeat; {@code seriesId} names the series all
 * its occurrences share (the first occurrence's id). {@code remindAt} is when to remind (epoch
 * milliseconds); {@code remindDismissed} holds the {@code remindAt} value the user dismissed, so a
 * dismissal syncs and a reminder set again later fires again. {@code kind} is {@link #NOTE} for a plain
 * note (no check box, never due, never completed) and null (or "todo") for a todo; an ordinary attribute,
 * so it syncs and merges like the others. {@code dueTime} is the time of day on the due date ("HH:mm",
 * local wall-clock time, null for a todo due on a day) and {@code durationMinutes} how long it takes
 * (null for no length); each its own column, so one device setting the date and another the time
 * merge. A time without a date means nothing: {@link #timeOfDay} reads it only on a dated todo. Tags are rows of {@link ItemTag};
 * {@code tags} is no column but what the views' queries read from them (the item's tags in order,
 * space-separated), null when a query does not read it. Saving ignores it.
 *
 * <p>Structure: {@code parentId} makes the todo a subtask of another (its list is its top todo's: {@link ItemTree});
 * {@code sectionId} puts a top-level todo in a {@link Section} of its list; {@code rank} is its place among its
 * siblings as a fractional key ({@link Rank}), so a move writes that one field and two devices' moves merge.
 * {@code start} is the date it waits for ("When", ISO like {@code due}, the deadline); {@code someday} (1 or null)
 * keeps a todo without dates out of the way; {@code collapsed} (1 or null) folds its subtasks away.
 * {@code context}, like {@code tags}, is no column: where the todo sits, as a flat view's query reads it (its
 * parent's title, else its section's name), so Today can say a subtask is part of "Move house".
 */
@Table("items")
public record Item(String id, String listId, String title, String notes, String due, Long done,
                   Long doneAt, Long trashedAt, Long createdAt, Long priority, String repeat, String seriesId,
                   Long remindAt, Long remindDismissed, String kind, String dueTime, Long durationMinutes,
                   String parentId, String sectionId, String rank, String start, Long someday, Long collapsed,
                   String tags, String context) {

    /** How {@code dueTime} is written: "14:00", "09:30". */
    public static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /** The {@code kind} of a plain note. */
    public static final String NOTE = "note";

    /** A todo without the attributes added later (priority, repeat, reminder, kind): importers and tests. */
    public Item(String id, String listId, String title, String notes, String due, Long done,
                Long doneAt, Long trashedAt, Long createdAt) {
        this(id, listId, title, notes, due, done, doneAt, trashedAt, createdAt, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** A todo without its place in a tree, section and order, start date and Someday (importers and tests). */
    public Item(String id, String listId, String title, String notes, String due, Long done, Long doneAt, Long trashedAt,
                Long createdAt, Long priority, String repeat, String seriesId, Long remindAt, Long remindDismissed,
                String kind, String dueTime, Long durationMinutes, String tags) {
        this(id, listId, title, notes, due, done, doneAt, trashedAt, createdAt, priority, repeat, seriesId, remindAt,
                remindDismissed, kind, dueTime, durationMinutes, null, null, null, null, null, null, tags, null);
    }

    public static Item create(String title, String listId, LocalDate due, long now) {
        return new Item(null, listId, title, null, due == null ? null : due.toString(), 0L, null, null, now);
    }

    public boolean isDone() {
        return done != null && done != 0;
    }

    public boolean isTrashed() {
        return trashedAt != null;
    }

    public boolean hasNotes() {
        return notes != null && !notes.isBlank();
    }

    public String titleOrEmpty() {
        return title == null ? "" : title;
    }

    /** The due date, or null when there is none or it does not parse. */
    public LocalDate dueDate() {
        return date(due);
    }

    /**
     * A stored ISO date read; null for none, one that does not parse (a damaged or foreign value) or one outside
     * {@link DateRange} (a synced row may hold {@code +999999999-12-31}: it is no date here, never an overdue one).
     */
    private static LocalDate date(String iso) {
        return DateRange.read(iso).orElse(null);
    }

    /** The same item under the id {@code v}: one whose id another system decides (a CalDAV task's key). */
    public Item withId(String v) {
        return new Item(v, listId, title, notes, due, done, doneAt, trashedAt, createdAt,
                priority, repeat, seriesId, remindAt, remindDismissed, kind, dueTime, durationMinutes, parentId, sectionId, rank, start, someday, collapsed, tags, context);
    }

    public Item withCreatedAt(Long v) {
        return new Item(id, listId, title, notes, due, done, doneAt, trashedAt, v,
                priority, repeat, seriesId, remindAt, remindDismissed, kind, dueTime, durationMinutes, parentId, sectionId, rank, start, someday, collapsed, tags, context);
    }

    /** The tags the item shows (space-separated), as a view's query reads them; saving ignores them. */
    public Item withTags(String v) {
        return new Item(id, listId, title, notes, due, done, doneAt, trashedAt, createdAt,
                priority, repeat, seriesId, remindAt, remindDismissed, kind, dueTime, durationMinutes, parentId, sectionId, rank, start, someday, collapsed, v, context);
    }

    public Item withTitle(String v) {
        return new Item(id, listId, v, notes, due, done, doneAt, trashedAt, createdAt,
                priority, repeat, seriesId, remindAt, remindDismissed, kind, dueTime, durationMinutes, parentId, sectionId, rank, start, someday, collapsed, tags, context);
    }

    public Item withNotes(String v) {
        return new Item(id, listId, title, v, due, done, doneAt, trashedAt, createdAt,
                priority, repeat, seriesId, remindAt, remindDismissed, kind, dueTime, durationMinutes, parentId, sectionId, rank, start, someday, collapsed, tags, context);
    }

    public Item withDue(LocalDate v) {
        return new Item(id, listId, title, notes, v == null ? null : v.toString(), done, doneAt, trashedAt, createdAt,
                priority, repeat, seriesId, remindAt, remindDismissed, kind, dueTime, durationMinutes, parentId, sectionId, rank, start, someday, collapsed, tags, context);
    }

    public Item withListId(String v) {
        return new Item(id, v, title, notes, due, done, doneAt, trashedAt, createdAt,
                priority, repeat, seriesId, remindAt, remindDismissed, kind, dueTime, durationMinutes, parentId, sectionId, rank, start, someday, collapsed, tags, context);
    }

    public Item withDone(boolean v, long now) {
        return new Item(id, listId, title, notes, due, v ? 1L : 0L, v ? Long.valueOf(now) : null, trashedAt, createdAt,
                priority, repeat, seriesId, remindAt, remindDismissed, kind, dueTime, durationMinutes, parentId, sectionId, rank, start, someday, collapsed, tags, context);
    }

    public Item withTrashedAt(Long v) {
        return new Item(id, listId, title, notes, due, done, doneAt, v, createdAt,
                priority, repeat, seriesId, remindAt, remindDismissed, kind, dueTime, durationMinutes, parentId, sectionId, rank, start, someday, collapsed, tags, context);
    }

    /** Done and doneAt as given (undo puts back exactly what was there). */
    public Item withDoneFields(Long doneV, Long doneAtV) {
        return new Item(id, listId, title, notes, due, doneV, doneAtV, trashedAt, createdAt, priority, repeat, seriesId,
                remindAt, remindDismissed, kind, dueTime, durationMinutes, parentId, sectionId, rank, start, someday, collapsed, tags, context);
    }

    /** 1 to 4, or null for none; anything else is stored as none. */
    public Item withPriority(Integer v) {
        Long p = v == null || v < 1 || v > 4 ? null : Long.valueOf(v);
        return new Item(id, listId, title, notes, due, done, doneAt, trashedAt, createdAt, p, repeat, seriesId,
                remindAt, remindDismissed, kind, dueTime, durationMinutes, parentId, sectionId, rank, start, someday, collapsed, tags, context);
    }

    /** The repeat rule (null: does not repeat) and the series it belongs to. */
    public Item withRepeat(String rule, String series) {
        return new Item(id, listId, title, notes, due, done, doneAt, trashedAt, createdAt, priority, rule, series,
                remindAt, remindDismissed, kind, dueTime, durationMinutes, parentId, sectionId, rank, start, someday, collapsed, tags, context);
    }

    public Item withRemindAt(Long v) {
        return new Item(id, listId, title, notes, due, done, doneAt, trashedAt, createdAt, priority, repeat, seriesId,
                v, remindDismissed, kind, dueTime, durationMinutes, parentId, sectionId, rank, start, someday, collapsed, tags, context);
    }

    public Item withRemindDismissed(Long v) {
        return new Item(id, listId, title, notes, due, done, doneAt, trashedAt, createdAt, priority, repeat, seriesId,
                remindAt, v, kind, dueTime, durationMinutes, parentId, sectionId, rank, start, someday, collapsed, tags, context);
    }

    /** A plain note: no check box, never due or completed. */
    public boolean isNote() {
        return NOTE.equals(kind);
    }

    /** As a note ({@code true}) or a todo (kind null). */
    public Item withNote(boolean note) {
        return withKind(note ? NOTE : null);
    }

    /** The kind as given (undo puts back exactly what was there). */
    public Item withKind(String v) {
        return new Item(id, listId, title, notes, due, done, doneAt, trashedAt, createdAt, priority, repeat, seriesId,
                remindAt, remindDismissed, v, dueTime, durationMinutes, parentId, sectionId, rank, start, someday, collapsed, tags, context);
    }

    /** At this time of day on its due date (null: on the day); the time is stored as "HH:mm". */
    public Item withDueTime(LocalTime v) {
        return new Item(id, listId, title, notes, due, done, doneAt, trashedAt, createdAt, priority, repeat, seriesId,
                remindAt, remindDismissed, kind, v == null ? null : TIME.format(v), durationMinutes, parentId, sectionId, rank, start, someday, collapsed, tags, context);
    }

    /** The time as stored (undo and version restore put back exactly what was there). */
    public Item withDueTimeText(String v) {
        return new Item(id, listId, title, notes, due, done, doneAt, trashedAt, createdAt, priority, repeat, seriesId,
                remindAt, remindDismissed, kind, v, durationMinutes, parentId, sectionId, rank, start, someday, collapsed, tags, context);
    }

    /** Taking this many minutes; null, zero or less for no length. */
    public Item withDuration(Long minutes) {
        Long m = minutes == null || minutes <= 0 ? null : minutes;
        return new Item(id, listId, title, notes, due, done, doneAt, trashedAt, createdAt, priority, repeat, seriesId,
                remindAt, remindDismissed, kind, dueTime, m, parentId, sectionId, rank, start, someday, collapsed, tags, context);
    }

    /** The time of day on the due date; null without a date, without a time, or when it does not parse. */
    public LocalTime timeOfDay() {
        return dueDate() == null ? null : clock(dueTime);
    }

    /** A stored time ("14:00") read; null for none or one that does not parse. */
    public static LocalTime clock(String hhmm) {
        if (hhmm == null || hhmm.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(hhmm.strip(), TIME);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** How long it takes in minutes, or 0 for no length. */
    public int lengthMinutes() {
        return durationMinutes == null || durationMinutes <= 0 || durationMinutes > Integer.MAX_VALUE ? 0
                : durationMinutes.intValue();
    }

    /** 1 to 4, or 0 when there is none (or the stored value is out of range). */
    public int priorityLevel() {
        return priority == null || priority < 1 || priority > 4 ? 0 : priority.intValue();
    }

    /** The repeat rule, or null when there is none or it does not parse. */
    public Recurrence recurrence() {
        return Recurrence.parse(repeat).orElse(null);
    }

    /**
     * Whether {@code other} holds the same columns: what a view's query adds ({@code tags},
     * {@code context}) is no column and does not count.
     */
    public boolean sameRow(Item other) {
        return other != null && withTags(null).equals(other.withTags(null).withContextOf(this));
    }

    private Item withContextOf(Item from) {
        return new Item(id, listId, title, notes, due, done, doneAt, trashedAt, createdAt, priority, repeat, seriesId,
                remindAt, remindDismissed, kind, dueTime, durationMinutes, parentId, sectionId, rank, start, someday,
                collapsed, tags, from.context);
    }

    /** The tags the query read, in order; empty when none (or not read). */
    public List<String> tagList() {
        return tags == null || tags.isBlank() ? List.of() : List.of(tags.strip().split(" +"));
    }

    /** A reminder is set and has not been dismissed. */
    public boolean reminderPending() {
        return remindAt != null && !remindAt.equals(remindDismissed);
    }

    /** Under this parent todo (null: at the top of its list). */
    public Item withParentId(String v) {
        return new Item(id, listId, title, notes, due, done, doneAt, trashedAt, createdAt, priority, repeat, seriesId,
                remindAt, remindDismissed, kind, dueTime, durationMinutes, v, sectionId, rank, start, someday, collapsed, tags, context);
    }

    /** In this section of its list (null: none). */
    public Item withSectionId(String v) {
        return new Item(id, listId, title, notes, due, done, doneAt, trashedAt, createdAt, priority, repeat, seriesId,
                remindAt, remindDismissed, kind, dueTime, durationMinutes, parentId, v, rank, start, someday, collapsed, tags, context);
    }

    /** At this place among its siblings ({@link Rank}). */
    public Item withRank(String v) {
        return new Item(id, listId, title, notes, due, done, doneAt, trashedAt, createdAt, priority, repeat, seriesId,
                remindAt, remindDismissed, kind, dueTime, durationMinutes, parentId, sectionId, v, start, someday, collapsed, tags, context);
    }

    /** Waiting until this date (null: no start date). */
    public Item withStart(LocalDate v) {
        return withStartText(v == null ? null : v.toString());
    }

    /** The start date as stored (undo puts back exactly what was there). */
    public Item withStartText(String v) {
        return new Item(id, listId, title, notes, due, done, doneAt, trashedAt, createdAt, priority, repeat, seriesId,
                remindAt, remindDismissed, kind, dueTime, durationMinutes, parentId, sectionId, rank, v, someday, collapsed, tags, context);
    }

    /** Put away for some day ({@code true}) or back. */
    public Item withSomeday(boolean v) {
        return new Item(id, listId, title, notes, due, done, doneAt, trashedAt, createdAt, priority, repeat, seriesId,
                remindAt, remindDismissed, kind, dueTime, durationMinutes, parentId, sectionId, rank, start,
                v ? Long.valueOf(1) : null, collapsed, tags, context);
    }

    /** Its subtasks folded away ({@code true}) or shown. */
    public Item withCollapsed(boolean v) {
        return new Item(id, listId, title, notes, due, done, doneAt, trashedAt, createdAt, priority, repeat, seriesId,
                remindAt, remindDismissed, kind, dueTime, durationMinutes, parentId, sectionId, rank, start, someday,
                v ? Long.valueOf(1) : null, tags, context);
    }

    /** The start date, or null when there is none or it does not parse. */
    public LocalDate startDate() {
        return date(start);
    }

    public boolean isSomeday() {
        return someday != null && someday != 0;
    }

    public boolean isCollapsed() {
        return collapsed != null && collapsed != 0;
    }

    public boolean hasParent() {
        return parentId != null && !parentId.isEmpty();
    }

    /** Where it sits, as a view's query reads it; saving ignores it. */
    public Item withContext(String v) {
        return new Item(id, listId, title, notes, due, done, doneAt, trashedAt, createdAt, priority, repeat, seriesId,
                remindAt, remindDismissed, kind, dueTime, durationMinutes, parentId, sectionId, rank, start, someday,
                collapsed, tags, v);
    }
}
