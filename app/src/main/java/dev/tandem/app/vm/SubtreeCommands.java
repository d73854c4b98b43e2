package dev.tandem.app.vm;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.SeriesStore;
import dev.tandem.app.model.Subtrees;
import dev.tandem.app.model.TodoStore;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Completing, deleting and restoring a todo with its subtasks, each one undo step: completing a parent with
 * open subtasks asks first and completes them with it; a repeating parent's next occurrence comes with fresh
 * subtasks ({@link SeriesStore}); deleting takes the subtasks to the Trash along, and restoring brings back
 * those and any deleted todo above. Store calls run on the background executor.
 */
final class SubtreeCommands {
    private final TodoStore store;
    private final SeriesStore series;
    private final Subtrees subtrees;
    private final Async async;
    private final Dialogs dialogs;
    private final UndoManager undo;
    private final Consumer<String> say;

    SubtreeCommands(TodoStore store, SeriesStore series, Async async, Dialogs dialogs, UndoManager undo, Consumer<String> say) {
        this.store = store;
        this.series = series;
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
            boolean repeats = item.repeat() != null;
            async.run(() -> completeAll(id, repeats), done -> {
                AtomicReference<Done> last = new AtomicReference<>(done);
                undo.push(Messages.text("main.undo.completeWithSubtasks", t), id, () -> uncomplete(last.get()),
                        () -> last.set(completeAll(id, repeats)));
                say.accept(Messages.text("main.done.completedWithSubtasks", t, n));
            });
        });
    }

    private record Done(String id, List<String> children, SeriesStore.Step step) {
    }

    private Done completeAll(String id, boolean repeats) {
        List<String> children = subtrees.completeUnder(id);
        SeriesStore.Step step = repeats ? series.complete(id).orElse(null) : null;
        if (!repeats) {
            store.setDone(id, true);
        }
        return new Done(id, children, step);
    }

    private void uncomplete(Done done) {
        if (done.step() != null) {
            series.uncomplete(done.step());
        }
        subtrees.reopen(done.children());
        if (done.step() == null) {
            store.setDone(done.id(), false);
        }
    }

    /** Moves the todo and its subtasks to the Trash. */
    void trash(Item item) {
        String id = item.id();
        async.run(() -> subtrees.trash(id), ids -> {
            if (ids.isEmpty()) {
                return;
            }
            String t = item.titleOrEmpty();
            undo.push(Messages.text("main.undo.trash", t), () -> subtrees.restore(ids), () -> subtrees.retrash(ids));
            say.accept(ids.size() > 1 ? Messages.text("main.done.trashedWithSubtasks", t, ids.size() - 1)
                    : Messages.text("main.done.trashed", t));
        });
    }

    /** Takes the todo out of the Trash with its subtasks, and any deleted todo above it. */
    void restore(Item item) {
        String id = item.id();
        async.run(() -> subtrees.restoreTree(id), ids -> {
            if (ids.isEmpty()) {
                return;
            }
            String t = item.titleOrEmpty();
            undo.push(Messages.text("main.undo.restore", t), () -> subtrees.retrash(ids), () -> subtrees.restore(ids));
            say.accept(ids.size() > 1 ? Messages.text("main.done.restoredMore", t, ids.size() - 1)
                    : Messages.text("main.done.restored", t));
        });
    }
}
