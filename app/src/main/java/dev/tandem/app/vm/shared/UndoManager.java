package dev.tandem.app.vm.shared;

import dev.tandem.app.fx.Async;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The undo and redo stacks of the last actions. Each entry knows how to take its action back and how
 * to do it again, both as new changes (so undo and redo sync like any edit). Undoing an entry moves it
 * to the redo stack, redoing it moves it back; a new action clears the redo stack, as in any editor.
 * Undo and redo work runs on the background executor, in order. UI thread only.
 */
public final class UndoManager {
    private static final int MAX = 50;

    /** {@code focus}: the todo the action was about, selected again when it is undone; null for none. */
    private record Entry(String label, String focus, Runnable undo, Runnable redo) {
    }

    private final Async async;
    private final Deque<Entry> undoStack = new ArrayDeque<>();
    private final Deque<Entry> redoStack = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper("");
    private Consumer<String> onUndone = id -> { };

    public UndoManager(Async async) {
        this.async = async;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** "Undo Complete “Buy milk”", or "" when there is nothing to undo. */
    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** "Redo Complete “Buy milk”", or "" when there is nothing to redo. */
    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel.getReadOnlyProperty();
    }

    /**
     * Records an action that was just done; {@code undo} takes it back and {@code redo} does it again
     * with the same result, each on the background executor. Clears the redo stack.
     */
    public void push(String actionLabel, Runnable undo, Runnable redo) {
        push(actionLabel, null, undo, redo);
    }

    /**
     * As {@link #push(String, Runnable, Runnable)}, for an action on the todo {@code focus}: undoing it
     * hands that id to {@link #onUndone}, so the todo the action took out of the list is selected again.
     */
    public void push(String actionLabel, String focus, Runnable undo, Runnable redo) {
        undoStack.push(new Entry(Objects.requireNonNull(actionLabel, "actionLabel"), focus,
                Objects.requireNonNull(undo, "undo"), Objects.requireNonNull(redo, "redo")));
        trim();
        redoStack.clear();
        update();
    }

    /** Takes back the last action and makes it redoable; returns its label, or null when there was none. */
    public String undo() {
        Entry e = undoStack.poll();
        if (e == null) {
            return null;
        }
        redoStack.push(e);
        update();
        async.run(e.undo());
        if (e.focus() != null) {
            onUndone.accept(e.focus());
        }
        return e.label();
    }

    /** Does the last undone action again and makes it undoable; returns its label, or null when there was none. */
    public String redo() {
        Entry e = redoStack.poll();
        if (e == null) {
            return null;
        }
        undoStack.push(e);
        trim();
        update();
        async.run(e.redo());
        return e.label();
    }

    /** Told the id of the todo an undone action was about (see {@link #push(String, String, Runnable, Runnable)}). */
    public void onUndone(Consumer<String> then) {
        this.onUndone = Objects.requireNonNull(then, "then");
    }

    public void clear() {
        undoStack.clear();
        redoStack.clear();
        update();
    }

    private void trim() {
        while (undoStack.size() > MAX) {
            undoStack.removeLast();
        }
    }

    private void update() {
        Entry top = undoStack.peek();
        canUndo.set(top != null);
        label.set(top == null ? "" : Messages.text("main.undo.undoLabel", top.label()));
        Entry next = redoStack.peek();
        canRedo.set(next != null);
        redoLabel.set(next == null ? "" : Messages.text("main.undo.redoLabel", next.label()));
    }
}
