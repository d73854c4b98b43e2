package dev.tandem.app.vm;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.sync.SharedLists.Shared;
import dev.tandem.app.sync.Sharing;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The window's side of lists shared with other people: which lists are shared (the sidebar marks
 * them), opening "Share" for one and "Join a shared list", and leaving one with Undo. Leaving
 * forgets the list's space here, then moves the list and its items to the Trash here; Undo takes
 * the space back and the list out of the Trash. The others keep the list either way.
 */
public final class SharingViewModel {
    private final Sharing sharing;
    private final TodoStore store;
    private final Async async;
    private final Dialogs dialogs;
    private final UndoManager undo;
    private final Runnable resync;
    private final Supplier<String> myName;
    private final ObservableSet<String> shared = FXCollections.observableSet();
    private final ObservableSet<String> sharedRO = FXCollections.unmodifiableObservableSet(shared);

    /**
     * {@code resync} makes the sync include or leave out the lists' spaces (as saved now) and syncs;
     * it blocks, and runs off the UI thread.
     */
    public SharingViewModel(Sharing sharing, TodoStore store, Async async, Dialogs dialogs, UndoManager undo,
                            Runnable resync, Supplier<String> myName) {
        this.sharing = sharing;
        this.store = store;
        this.async = async;
        this.dialogs = dialogs;
        this.undo = undo;
        this.resync = resync;
        this.myName = myName;
    }

    /** The ids of the lists shared here, joined or waiting to be admitted. */
    public ObservableSet<String> sharedLists() {
        return sharedRO;
    }

    /** Reads which lists are shared (from the settings files). */
    public void refresh() {
        async.run(() -> sharing.all().stream().map(Shared::listId).collect(Collectors.toSet()), this::setShared);
    }

    /** Opens "Share" for {@code list}: share it, or see and change its members. */
    public void share(TodoList list) {
        ShareViewModel vm = new ShareViewModel(sharing, store, list, myName.get(), async, dialogs, resync);
        vm.load();
        dialogs.share(vm);
        refresh();
    }

    /** Opens "Join a shared list". */
    public void join() {
        dialogs.join(new JoinViewModel(sharing, store, myName.get(), async, resync));
        refresh();
    }

    /** Leaves {@code list} on this device, after asking; Undo takes it back. */
    public void leave(TodoList list, java.util.function.Consumer<String> say) {
        if (!dialogs.confirm("Leave “" + list.name() + "”?", "The list stops syncing here and moves to the Trash on"
                + " this device, with its items; the others keep it. Undo brings it back.", "Leave list")) {
            return;
        }
        async.run(() -> {
            Sharing.Left left = sharing.leave(store, list.id());
            resync.run();
            return left;
        }, left -> {
            refresh();
            say.accept("Left “" + list.name() + "”");
            // Redo leaves again; undo then takes back what that leave did.
            AtomicReference<Sharing.Left> last = new AtomicReference<>(left);
            undo.push("Leave “" + list.name() + "”", () -> {
                sharing.undoLeave(store, last.get());
                resync.run();
                async.ui().execute(this::refresh);
            }, () -> {
                last.set(sharing.leave(store, list.id()));
                resync.run();
                async.ui().execute(this::refresh);
            });
        });
    }

    private void setShared(Set<String> ids) {
        shared.retainAll(ids);
        shared.addAll(ids);
    }
}
