package dev.tandem.app.vm;

import dev.tandem.app.model.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A todo as the item list shows it. Views get rows, never the model record: what a row says is
 * read through here, and commands take rows back. Equal when their todos are equal, so a live
 * update that changed nothing keeps the row object the list view already shows.
 */
public final class ItemRow {
    private final Item item;

    ItemRow(Item item) {
        this.item = Objects.requireNonNull(item, "item");
    }

    static List<ItemRow> of(List<Item> items) {
        List<ItemRow> rows = new ArrayList<>(items.size());
        items.forEach(i -> rows.add(new ItemRow(i)));
        return rows;
    }

    Item item() {
        return item;
    }

    public String id() {
        return item.id();
    }

    /** The title, "" when there is none. */
    public String title() {
        return item.titleOrEmpty();
    }

    public boolean isDone() {
        return item.isDone();
    }

    public boolean isTrashed() {
        return item.isTrashed();
    }

    public boolean hasNotes() {
        return item.hasNotes();
    }

    /** The notes, "" when there are none. */
    public String notes() {
        return item.notes() == null ? "" : item.notes();
    }

    /** 1 (highest) to 4, 0 for none. */
    public int priority() {
        return item.priorityLevel();
    }

    /** The tags, in order. */
    public List<String> tags() {
        return item.tagList();
    }

    /** "every Monday", "" when it does not repeat. */
    public String repeatText() {
        return item.recurrence() == null ? "" : item.recurrence().describe();
    }

    public boolean hasReminder() {
        return item.reminderPending();
    }

    public String listId() {
        return item.listId();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemRow r && r.item.equals(item);
    }

    @Override
    public int hashCode() {
        return item.hashCode();
    }

    @Override
    public String toString() {
        return "ItemRow[" + item + "]";
    }
}
