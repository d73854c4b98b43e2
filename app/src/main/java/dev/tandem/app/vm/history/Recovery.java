package dev.tandem.app.vm.history;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.model.history.ItemVersions;
import dev.tandem.app.vm.shared.UndoManager;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What brings the profile's earlier states back, from the window's menu and status bar: "Backups"
 * (when the app gives the window its backups) and "Show as of…", each a dialog of its own.
 */
public final class Recovery {
    private final TodoStore store;
    private final Async async;
    private final HistoryDialogs dialogs;
    private final UndoManager undo;
    /** The view the window shows: "Show as of…" opens on its list. */
    private final Supplier<Listing> view;
    private BackupsViewModel backups;

    public Recovery(TodoStore store, Async async, HistoryDialogs dialogs, UndoManager undo, Supplier<Listing> view) {
        this.view = view;
        this.store = store;
        this.async = async;
        this.dialogs = dialogs;
        this.undo = undo;
    }

    /** The profile's backups (the app sets this; without it there are none to show). */
    public void useBackups(BackupsViewModel b) {
        this.backups = b;
    }

    public Optional<BackupsViewModel> backups() {
        return Optional.ofNullable(backups);
    }

    /** "Backups": the last one, "Back up now", "Restore…". */
    public void showBackups() {
        backups().ifPresent(dialogs::backups);
    }

    /** "Show as of…": every list as it stood at a date and time, read-only, with restore. */
    public void showAsOf() {
        String listId = view.get() instanceof Listing.UserListing u ? u.listId() : null;
        dialogs.asOf(new AsOfViewModel(store, new ItemVersions(store, new Authors(store)), undo, async,
                store.dateClock(), listId));
    }
}
