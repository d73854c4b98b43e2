package dev.tandem.app.vm.window;

import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Completed;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.TodoVerbs;
import dev.tandem.app.model.outline.Subtrees;
import dev.tandem.ui.messages.Messages;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Completing, deleting and restoring a todo with its subtasks, each one undo step: completing a parent with
 * open subtasks asks first and completes them with it; a repeating parent's next occurrence comes with fresh
 * subtasks; deleting takes the subtasks to the Trash along, and restoring brings back
 * those and any deleted todo above ({@link TodoVerbs} decides all of it). Store calls run on the background executor.
 */
final class SubtreeCommands {
    private final TodoVerbs verbs;
    private final Subtrees subtrees;
    private final Async async;
    private final Dialogs dialogs;
    private final UndoManager undo;
    private final Consumer<String> say;

    SubtreeCommands(TodoStore store, Async async, Dialogs dialogs, UndoManager undo, Consumer<String> say) {
        this.verbs = store.verbs();
        this.subtrees = new Subtrees(store);
        this.async = async;
        this.dialogs = dialogs;
        this.undo = undo;
        this.say = say;
    }

    /**
     * Completes {@code item}; with open subtasks it first asks whether to complete them too (cancel leaves all
     * open). {@code alone} completes a todo without open subtasks the usual way.
     */
    void complete(Item item, Runnable alone) {
        String id = item.id();
        async.run(() -> subtrees.openUnder(id), open -> {
            if (open.isEmpty()) {
                alone.run();
                return;
            }
            String t = item.titleOrEmpty();
            int n = open.size();
            if (!dialogs.confirm(Messages.text("main.subtasks.confirmTitle", t), Messages.text("main.subtasks.confirmText", t, n),
                    Messages.text("main.subtasks.confirmButton"))) {
                return;
            }
            async.run(() -> verbs.complete(id, true), done -> done.ifPresent(d -> {
                AtomicReference<Completed> last = new AtomicReference<>(d);
                undo.push(Messages.text("main.undo.completeWithSubtasks", t), id, () -> verbs.uncomplete(last.get()),
                        () -> verbs.complete(id, true).ifPresent(last::set));
                say.accept(Messages.text("main.done.completedWithSubtasks", t, n));
            }));
        });
    }

    /** Moves the todo and its subtasks to the Trash. */
    void trash(Item item) {
        String id = item.id();
        async.run(() -> verbs.trash(id), ids -> {
            if (ids.isEmpty()) {
                return;
            }
            String t = item.titleOrEmpty();
            undo.push(Messages.text("main.undo.trash", t), () -> verbs.restore(ids), () -> verbs.retrash(ids));
            say.accept(ids.size() > 1 ? Messages.text("main.done.trashedWithSubtasks", t, ids.size() - 1)
                    : Messages.text("main.done.trashed", t));
        });
    }

    /** Takes the todo out of the Trash with its subtasks, and any deleted todo above it. */
    void restore(Item item) {
        String id = item.id();
        async.run(() -> verbs.restore(id), ids -> {
            if (ids.isEmpty()) {
                return;
            }
            String t = item.titleOrEmpty();
            undo.push(Messages.text("main.undo.restore", t), () -> verbs.retrash(ids), () -> verbs.restore(ids));
            say.accept(ids.size() > 1 ? Messages.text("main.done.restoredMore", t, ids.size() - 1)
                    : Messages.text("main.done.restored", t));
        });
    }
}
