package dev.tandem.app.vm.window;

import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.app.fx.Async;
import dev.tandem.app.model.BulkEdits;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Actions on several selected todos at once: complete, move to a list, set the due date, tag, move to
 * the Trash. Each runs in ONE transaction (one change to sync, one live update; {@link BulkEdits}) and
 * pushes ONE undo step, which puts back only the fields the action changed, again in one transaction;
 * redo does the action again on the same todos. Completing repeating todos creates their next
 * occurrences in the same transaction, and undo removes them.
 */
public final class BulkCommands {
    private final BulkEdits edits;
    private final Async async;
    private final UndoManager undo;
    private final Consumer<String> say;

    BulkCommands(TodoStore store, Async async, UndoManager undo, Consumer<String> say) {
        this.edits = new BulkEdits(store);
        this.async = async;
        this.undo = undo;
        this.say = say;
    }

    public void complete(List<ItemRow> rows) {
        run(rows, "main.bulk.complete", edits::complete, edits::uncomplete);
    }

    public void moveToList(List<ItemRow> rows, String listId) {
        edit(rows, "main.bulk.move", it -> it.withListId(listId), (cur, b) -> cur.withListId(b.listId()));
    }

    public void setDue(List<ItemRow> rows, LocalDate due) {
        edit(rows, "main.bulk.setDue", it -> it.withDue(due), (cur, b) -> cur.withDue(b.dueDate()));
    }

    public void setPriority(List<ItemRow> rows, Integer priority) {
        edit(rows, "main.bulk.setPriority", it -> it.withPriority(priority),
                (cur, b) -> cur.withPriority(b.priorityLevel() == 0 ? null : b.priorityLevel()));
    }

    public void trash(List<ItemRow> rows) {
        run(rows, "main.bulk.trash", edits::trash, edits::untrash);
    }

    /** Adds {@code tag} to every selected todo; undo removes it from those that did not have it. */
    public void tag(List<ItemRow> rows, String tag) {
        List<String> ids = todoIds(rows);
        if (ids.isEmpty() || tag == null || tag.isBlank()) {
            return;
        }
        async.run(() -> edits.addTag(ids, tag), added -> {
            undo.push(Messages.text("main.bulk.tag", ids.size()), () -> edits.removeTag(added, tag),
                    () -> edits.addTag(added, tag));
            say.accept(Messages.text("main.bulk.tagged", ids.size(), tag.strip().replaceFirst("^@+", "")));
        });
    }

    /** As {@link #run}, for an edit of each todo on its own ({@link BulkEdits#edit}). */
    private void edit(List<ItemRow> rows, String labelKey, UnaryOperator<Item> edit, BinaryOperator<Item> restore) {
        run(rows, labelKey, ids -> edits.edit(ids, edit), done -> edits.undo(done, restore));
    }

    /**
     * Runs {@code action} on the selected todos and pushes its undo, {@code undoIt} of what it did.
     */
    private void run(List<ItemRow> rows, String labelKey, Function<List<String>, BulkEdits.Done> action,
                     Consumer<BulkEdits.Done> undoIt) {
        List<String> ids = todoIds(rows);
        if (ids.isEmpty()) {
            return;
        }
        async.run(() -> action.apply(ids), done -> {
            if (done.before().isEmpty()) {
                return;
            }
            String label = Messages.text(labelKey, done.before().size());
            // Redo runs the action again on the todos it changed; undo then puts back what that redo changed.
            AtomicReference<BulkEdits.Done> last = new AtomicReference<>(done);
            undo.push(label, () -> undoIt.accept(last.get()),
                    () -> last.set(action.apply(last.get().before().stream().map(Item::id).toList())));
            say.accept(Messages.text("main.bulk.done", label));
        });
    }

    /** The rows' todos: a section's header row in the selection is no todo and is left alone. */
    private static List<String> todoIds(List<ItemRow> rows) {
        return rows.stream().filter(r -> !r.isSection()).map(ItemRow::id).distinct().toList();
    }
}
