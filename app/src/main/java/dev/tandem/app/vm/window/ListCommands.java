package dev.tandem.app.vm.window;

import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * The sidebar's actions on whole lists: new, rename, delete, each one undo step. Apart from the item commands
 * because a list's undo carries what the list took with it: deleting trashes its todos and undo brings back exactly
 * those (a redo's own set, not the first's); undoing a new list trashes what was added to it meanwhile.
 */
public final class ListCommands {
    private final TodoStore store;
    private final Async async;
    private final Dialogs dialogs;
    private final UndoManager undo;
    private final ReadOnlyObjectProperty<Listing> view;
    private final List<TodoList> lists;
    private final Consumer<Listing> select;
    private final Consumer<String> say;

    /** {@code lists} are the sidebar's, live; {@code select} shows a view; {@code say} writes the message line. */
    ListCommands(TodoStore store, Async async, Dialogs dialogs, UndoManager undo, ReadOnlyObjectProperty<Listing> view,
            List<TodoList> lists, Consumer<Listing> select, Consumer<String> say) {
        this.store = store;
        this.async = async;
        this.dialogs = dialogs;
        this.undo = undo;
        this.view = view;
        this.lists = lists;
        this.select = select;
        this.say = say;
    }

    public void newList() {
        String title = Messages.text("main.newList.title");
        dialogs.askText(title, Messages.text("main.list.nameLabel"), "").filter(n -> !n.isBlank()).ifPresent(name -> {
            Optional<TodoList> taken = lists.stream().filter(l -> l.name() != null && l.name().equalsIgnoreCase(name.strip()))
                    .findFirst();
            if (taken.isPresent()) {
                // Shown after the switch: a new view clears the message line.
                select.accept(new Listing.UserListing(taken.get().id()));
                say.accept(Messages.text("main.newList.exists", taken.get().name()));
                return;
            }
            async.run(() -> store.createList(name), l -> {
                    // Undo trashes what was added to the list meanwhile; redo brings the list and those back.
                    AtomicReference<List<String>> trashed = new AtomicReference<>(List.of());
                    undo.push(Messages.text("main.undo.createList", l.name()), () -> trashed.set(store.deleteList(l.id())),
                            () -> store.undeleteList(l.id(), trashed.get()));
                    select.accept(new Listing.UserListing(l.id()));
                });
        });
    }

    public void renameList(String listId) {
        Optional<TodoList> cur = lists.stream().filter(l -> l.id().equals(listId)).findFirst();
        if (cur.isEmpty()) {
            return;
        }
        dialogs.askText(Messages.text("main.renameList.title"), Messages.text("main.list.nameLabel"), cur.get().name())
                .filter(n -> !n.isBlank()).ifPresent(name -> async.run(() -> store.renameList(listId, name), old -> old.ifPresent(o ->
                        undo.push(Messages.text("main.undo.renameList"), () -> store.renameList(listId, o),
                                () -> store.renameList(listId, name)))));
    }

    public void deleteList(String listId) {
        Optional<TodoList> cur = lists.stream().filter(l -> l.id().equals(listId)).findFirst();
        if (cur.isEmpty()) {
            return;
        }
        String name = cur.get().name();
        // Every todo of the list goes to the Trash, completed ones too (TodoStore.deleteList).
        if (!dialogs.confirmDestructive(Messages.text("main.deleteList.title", name),
                Messages.text("main.deleteList.text"), Messages.text("main.deleteList.button"))) {
            return;
        }
        if (view.get() instanceof Listing.UserListing lv && lv.listId().equals(listId)) {
            select.accept(Listing.inbox());
        }
        async.run(() -> store.deleteList(listId), ids -> {
            // Redo deletes the list again; undo then brings back what that trashed.
            AtomicReference<List<String>> trashed = new AtomicReference<>(ids);
            undo.push(Messages.text("main.undo.deleteList", name), () -> store.undeleteList(listId, trashed.get()),
                    () -> trashed.set(store.deleteList(listId)));
            say.accept(Messages.text("main.done.deletedList", name));
        });
    }
}
