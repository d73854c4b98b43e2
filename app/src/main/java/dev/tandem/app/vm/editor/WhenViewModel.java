package dev.tandem.app.vm.editor;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The editor's Start ("When") and Someday for the item it shows, apart from its deadline. Each saves as it
 * changes, one undo step; giving a Someday todo a start date takes it out of Someday, as a date says when.
 * {@link #whereProperty()} says where a subtask sits ("Subtask of “Move house”"), a section's todo its section.
 */
public final class WhenViewModel {
    private final TodoStore store;
    private final Async async;
    private final UndoManager undo;
    private final ReadOnlyObjectProperty<Item> item;
    private final ObjectProperty<LocalDate> start = new SimpleObjectProperty<>();
    private final BooleanProperty someday = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper where = new ReadOnlyStringWrapper("");
    private boolean loading;

    public WhenViewModel(TodoStore store, Async async, UndoManager undo, ReadOnlyObjectProperty<Item> shown) {
        this.store = store;
        this.async = async;
        this.undo = undo;
        this.item = shown;
        shown.addListener((o, a, b) -> load(b));
        load(shown.get());
        start.addListener((o, a, b) -> {
            if (!loading) {
                saveStart(b);
            }
        });
        someday.addListener((o, a, b) -> {
            if (!loading) {
                saveSomeday(b);
            }
        });
    }

    /** The start date; null for none. */
    public ObjectProperty<LocalDate> startProperty() {
        return start;
    }

    /** Put away for some day. */
    public BooleanProperty somedayProperty() {
        return someday;
    }

    /** "Subtask of “Move house”", "In section “Later”", or "". */
    public ReadOnlyStringProperty whereProperty() {
        return where.getReadOnlyProperty();
    }

    private void load(Item next) {
        loading = true;
        try {
            start.set(next == null ? null : next.startDate());
            someday.set(next != null && next.isSomeday());
            where.set(next == null || next.context() == null ? ""
                    : Messages.text(next.hasParent() ? "editor.where.subtask" : "editor.where.section",
                    next.context()));
        } finally {
            loading = false;
        }
    }

    private void saveStart(LocalDate d) {
        Item it = item.get();
        if (it == null || Objects.equals(d, it.startDate())) {
            return;
        }
        String id = it.id();
        String was = it.start();
        boolean wasSomeday = it.isSomeday();
        async.run(() -> store.update(id, x -> x.withStart(d).withSomeday(d == null && x.isSomeday())), before ->
                undo.push(d == null ? Messages.text("editor.undo.removeStart")
                        : Messages.text("editor.undo.start", Formats.day(d, store.today())),
                        () -> store.update(id, x -> x.withStartText(was).withSomeday(wasSomeday)),
                        () -> store.update(id, x -> x.withStart(d).withSomeday(d == null && x.isSomeday()))));
    }

    private void saveSomeday(boolean on) {
        Item it = item.get();
        if (it == null || on == it.isSomeday()) {
            return;
        }
        String id = it.id();
        async.run(() -> store.update(id, x -> x.withSomeday(on)), before ->
                undo.push(Messages.text(on ? "editor.undo.someday" : "editor.undo.somedayOff"),
                        () -> store.update(id, x -> x.withSomeday(!on)), () -> store.update(id, x -> x.withSomeday(on))));
    }
}
