package dev.tandem.app.vm.sharing;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.space.SpaceLists.Space;
import dev.tandem.app.space.Spaces;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.sync.SpaceMember;
import dev.tandem.ui.messages.Messages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The window's side of lists shared with other people: which lists are shared (the sidebar marks
 * them), opening "Share" for one and "Join a shared list", and leaving one with Undo. Leaving
 * forgets the list's space here, then moves the list and its items to the Trash here; Undo takes
 * the space back and the list out of the Trash. The others keep the list either way.
 */
public final class SharingViewModel {
    private final Spaces sharing;
    private final TodoStore store;
    private final Async async;
    private final SharingDialogs dialogs;
    private final UndoManager undo;
    private final Runnable resync;
    private final Supplier<String> myName;
    private final ObservableMap<String, String> shared = FXCollections.observableHashMap();
    private final ObservableMap<String, String> sharedRO = FXCollections.unmodifiableObservableMap(shared);

    /**
     * {@code resync} makes the sync include or leave out the lists' spaces (as saved now) and syncs;
     * it blocks, and runs off the UI thread.
     */
    public SharingViewModel(Spaces sharing, TodoStore store, Async async, SharingDialogs dialogs, UndoManager undo,
                            Runnable resync, Supplier<String> myName) {
        this.sharing = sharing;
        this.store = store;
        this.async = async;
        this.dialogs = dialogs;
        this.undo = undo;
        this.resync = resync;
        this.myName = myName;
    }

    /**
     * The lists shared here, joined or waiting to be admitted, by id, each with whom: "shared with
     * Alex and Jo", "shared" while no one else joined or the members could not be read.
     */
    public ObservableMap<String, String> sharedLists() {
        return sharedRO;
    }

    /** Reads which lists are shared (the settings files) and their members (each list's remote). */
    public void refresh() {
        async.run(this::read, this::setShared);
    }

    private Map<String, String> read() {
        // A removal cut short here (the app closed, the connection dropped) is finished first.
        sharing.finishRemovals(store, problem -> System.getLogger("tandem").log(System.Logger.Level.WARNING, problem));
        Map<String, String> out = new HashMap<>();
        for (Space s : sharing.all()) {
            out.put(s.listId(), s.joined() ? with(s) : Messages.text("settings.sharing.waiting"));
        }
        // Reading the members noted whose each device is: history names them from now on.
        store.people().set(sharing.people());
        return out;
    }

    private String with(Space s) {
        try {
            List<String> others = sharing.members(store, s.listId()).members().stream()
                    .filter(m -> !m.removed() && !m.name().equals(s.keys().memberName()))
                    .map(SpaceMember::name).distinct().toList();
            return others.isEmpty() ? Messages.text("settings.sharing.shared")
                    : Messages.text("settings.sharing.sharedWith", names(others));
        } catch (RuntimeException e) {
            // Offline, or the remote refuses: the sidebar still marks the list, and sync says why.
            System.getLogger("tandem").log(System.Logger.Level.INFO, "members of a shared list unread: " + e.getMessage());
            return Messages.text("settings.sharing.shared");
        }
    }

    /** "Alex", "Alex and Jo", "Alex, Jo and Kim". */
    static String names(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return Messages.text("settings.sharing.andLast", String.join(", ", names.subList(0, names.size() - 1)),
                names.get(names.size() - 1));
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
    public void leave(TodoList list, Consumer<String> say) {
        boolean alone = Messages.text("settings.sharing.shared").equals(shared.get(list.id()));
        if (!dialogs.confirmDestructive(Messages.text("settings.sharing.leave.title", list.name()),
                Messages.text(alone ? "settings.sharing.leave.alone" : "settings.sharing.leave.others"),
                Messages.text("settings.sharing.leave.ok"))) {
            return;
        }
        async.run(() -> {
            Spaces.Left left = sharing.leave(store, list.id());
            resync.run();
            return left;
        }, left -> {
            refresh();
            say.accept(Messages.text("settings.sharing.left", list.name()));
            // Redo leaves again; undo then takes back what that leave did.
            AtomicReference<Spaces.Left> last = new AtomicReference<>(left);
            undo.push(Messages.text("settings.sharing.leave.undo", list.name()), () -> {
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

    /**
     * Keeps {@code list} here as a private list, after asking: it stops syncing with the others (after
     * a removal, the person's changes reached no one anyway) and its todos stay, syncing with the
     * person's own remote from now on.
     */
    public void keepPrivate(TodoList list, Consumer<String> say) {
        if (!dialogs.confirm(Messages.text("settings.sharing.private.title", list.name()),
                Messages.text("settings.sharing.private.text"), Messages.text("settings.sharing.private.ok"))) {
            return;
        }
        async.run(() -> {
            String name = sharing.keepPrivate(store, list.id());
            resync.run();
            return name;
        }, name -> {
            refresh();
            say.accept(Messages.text("settings.sharing.private.done", name));
        });
    }

    private void setShared(Map<String, String> lists) {
        shared.keySet().retainAll(lists.keySet());
        shared.putAll(lists);
    }
}
