package dev.tandem.app.vm.window;

import dev.tandem.app.vm.shared.ItemRow;
import javafx.collections.ListChangeListener;

/**
 * How many rows of a live list are notes, kept change by change: a patch costs its own rows, not the
 * list's length (100,000 rows are not walked for a quick add).
 */
final class NoteCount implements ListChangeListener<ItemRow> {
    private int notes;

    int get() {
        return notes;
    }

    @Override
    public void onChanged(Change<? extends ItemRow> c) {
        while (c.next()) {
            for (ItemRow r : c.getRemoved()) {
                notes -= r.isNote() ? 1 : 0;
            }
            for (ItemRow r : c.getAddedSubList()) {
                notes += r.isNote() ? 1 : 0;
            }
        }
    }
}
