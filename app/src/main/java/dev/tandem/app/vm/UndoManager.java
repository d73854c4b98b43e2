package dev.tandem.app.vm;

import dev.tandem.app.fx.Async;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The undo stack of the last actions. Each entry knows how to take its action back as new changes
 * (so undo syncs like any edit). Undo work runs on the background executor. UI thread only.
 */
public final class UndoManager {
    private static final int MAX = 50;

    private record Entry(String label, Runnable undo) {
    }

    private final Async async;
    private final Deque<Entry> stack = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper("");

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

    /** Records an action; {@code undo} runs on the background executor. */
    public void push(String actionLabel, Runnable undo) {
        stack.push(new Entry(actionLabel, undo));
        while (stack.size() > MAX) {
            stack.removeLast();
        }
        update();
    }

    /** Takes back the last action; returns its label, or null when there was none. */
    public String undo() {
        Entry e = stack.poll();
        update();
        if (e == null) {
            return null;
        }
        async.run(e.undo());
        return e.label();
    }

    public void clear() {
        stack.clear();
        update();
    }

    private void update() {
        Entry top = stack.peek();
        canUndo.set(top != null);
        label.set(top == null ? "" : "Undo " + top.label());
    }
}
