package dev.tandem.app.vm.editor;

import dev.tandem.app.model.Item;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The editor's fields as typed, read as an edit of a stored item. An edit is a function applied to the row as it is
 * when saved (a read-modify-write), not the row as the editor loaded it: it sets only the fields that differ from
 * {@code base}, so a field another device changed meanwhile is not reverted. Its reverse, likewise, puts back only
 * what the edit changed. Apart from {@link EditorViewModel} so the diffing is plain values, with no properties.
 * The Done box is no field here: completing and reopening are the model's verbs ({@code TodoVerbs}), which
 * move a series on, and the editor calls them beside this edit.
 */
record FieldEdit(String title, String notes, LocalDate due, String listId, boolean note) {

    /**
     * What setting these fields over {@code base} changes, as a function on the stored row; null when nothing
     * changes. A blank title is no change (a todo keeps its title).
     */
    UnaryOperator<Item> patch(Item base) {
        String t = title == null ? "" : title;
        String n = notes == null ? "" : notes;
        boolean titleChanged = !t.equals(base.titleOrEmpty()) && !t.isBlank();
        boolean notesChanged = !n.equals(base.notes() == null ? "" : base.notes());
        boolean dueChanged = !Objects.equals(due, base.dueDate());
        boolean listChanged = !Objects.equals(listId, base.listId());
        boolean kindChanged = note != base.isNote();
        if (!(titleChanged || notesChanged || dueChanged || listChanged || kindChanged)) {
            return null;
        }
        return it -> {
            Item r = it;
            if (titleChanged) {
                r = r.withTitle(t.strip());
            }
            if (notesChanged) {
                r = r.withNotes(n.isEmpty() ? null : n);
            }
            if (dueChanged) {
                // No time without a date: removing the date removes the time.
                r = due == null ? r.withDue(null).withDueTime(null) : r.withDue(due);
            }
            if (listChanged) {
                r = r.withListId(listId);
            }
            if (kindChanged) {
                r = r.withNote(note);
            }
            return r;
        };
    }

    /** Puts back, on the stored row, exactly the fields that differ between {@code before} and {@code after}. */
    static UnaryOperator<Item> reverse(Item before, Item after) {
        return it -> {
            Item r = it;
            if (!Objects.equals(before.title(), after.title())) {
                r = r.withTitle(before.title());
            }
            if (!Objects.equals(before.notes(), after.notes())) {
                r = r.withNotes(before.notes());
            }
            if (!Objects.equals(before.due(), after.due())) {
                r = r.withDue(before.dueDate()).withDueTimeText(before.dueTime());
            }
            if (!Objects.equals(before.listId(), after.listId())) {
                r = r.withListId(before.listId());
            }
            if (before.isNote() != after.isNote()) {
                r = r.withKind(before.kind());
            }
            return r;
        };
    }
}
