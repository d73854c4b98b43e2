package dev.tandem.app.vm;

import dev.tandem.app.model.Item;
import dev.tandem.app.text.Checklist;
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
    /** The notes' check boxes, read when a cell first asks: only rows on screen parse their notes. */
    private Checklist.Progress progress;

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

    /** A plain note: no check box, nothing to complete. */
    public boolean isNote() {
        return item.isNote();
    }

    private Checklist.Progress checklist() {
        if (progress == null) {
            progress = Checklist.progress(item.notes());
        }
        return progress;
    }

    /** The check boxes in the notes, ticked of all: "2/5"; "" when the notes have none. */
    public String checklistText() {
        return checklist().text();
    }

    /** How many check boxes the notes have. */
    public int checklistTotal() {
        return checklist().total();
    }

    /** How many of them are ticked. */
    public int checklistDone() {
        return checklist().done();
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
