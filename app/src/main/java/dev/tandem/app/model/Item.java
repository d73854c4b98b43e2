package dev.tandem.app.model;

import dev.tandem.engine.Table;
import java.time.LocalDate;

/**
 * A todo. Column names match the component names. {@code due} is an ISO date (yyyy-MM-dd) or null;
 * times are epoch milliseconds; {@code done} is 0 or 1. {@code listId} names a {@link TodoList} but is
 * not a foreign key: a synced item may arrive before its list, and an item whose list is unknown
 * shows in the Inbox.
 */
@Table("items")
public record Item(String id, String listId, String title, String notes, String due, Long done,
                   Long doneAt, Long trashedAt, Long createdAt) {

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
        if (due == null || due.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(due.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }

    public Item withTitle(String v) {
        return new Item(id, listId, v, notes, due, done, doneAt, trashedAt, createdAt);
    }

    public Item withNotes(String v) {
        return new Item(id, listId, title, v, due, done, doneAt, trashedAt, createdAt);
    }

    public Item withDue(LocalDate v) {
        return new Item(id, listId, title, notes, v == null ? null : v.toString(), done, doneAt, trashedAt, createdAt);
    }

    public Item withListId(String v) {
        return new Item(id, v, title, notes, due, done, doneAt, trashedAt, createdAt);
    }

    public Item withDone(boolean v, long now) {
        return new Item(id, listId, title, notes, due, v ? 1L : 0L, v ? Long.valueOf(now) : null, trashedAt, createdAt);
    }

    public Item withTrashedAt(Long v) {
        return new Item(id, listId, title, notes, due, done, doneAt, v, createdAt);
    }
}
