package dev.tandem.app.vm.editor;

import dev.tandem.app.model.Completed;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.TodoVerbs;
import java.util.function.UnaryOperator;

/**
 * One save of the editor's fields and Done box, and how it is taken back. Apart from {@link EditorViewModel}
 * because what a save did to the Done box is its own bookkeeping: ticking it goes through the model's verbs
 * (completing a repeating todo makes its next occurrence, as the list's Done does), and undo has to take back
 * exactly that completion or reopening, not merely flip the box.
 */
final class EditSave {
    private final TodoStore store;
    private final TodoVerbs verbs;

    EditSave(TodoStore store, TodoVerbs verbs) {
        this.store = store;
        this.verbs = verbs;
    }

    /** What one save did to the Done box, for its undo: the completion (with the next occurrence it made) or the reopening. */
    record Saved(Completed completed, Item reopened) {
    }

    /**
     * Saves the fields ({@code p}, null for none), then ticks the Done box through the model's verbs
     * ({@code doneTo}, null when it did not change): completing a repeating todo makes its next occurrence,
     * as the list's Done does.
     */
    Saved save(String id, UnaryOperator<Item> p, Boolean doneTo) {
        if (p != null) {
            store.update(id, p);
        }
        if (doneTo == null) {
            return new Saved(null, null);
        }
        return doneTo ? new Saved(verbs.complete(id, false).filter(Completed::changed).orElse(null), null)
                : new Saved(null, verbs.reopen(id).filter(Item::isDone).orElse(null));
    }

    /** Puts back the fields {@code back} restores (null for none), then undoes what {@code s} did to the Done box. */
    void undo(String id, UnaryOperator<Item> back, Saved s) {
        if (back != null) {
            store.update(id, back);
        }
        if (s.completed() != null) {
            verbs.uncomplete(s.completed());
        }
        if (s.reopened() != null) {
            verbs.unreopen(s.reopened());
        }
    }
}
