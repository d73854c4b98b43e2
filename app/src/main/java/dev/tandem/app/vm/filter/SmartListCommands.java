package dev.tandem.app.vm.filter;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.SavedFilters;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.model.filter.FilterException;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.ui.messages.Messages;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The window's actions on saved filters: save what the search box holds as a smart list, delete one
 * (undoable, as every change a person makes), and open the condition builder. Each writes on the
 * background executor and answers on the UI executor.
 */
public final class SmartListCommands {
    private final TodoStore store;
    private final Async async;
    private final FilterDialogs dialogs;
    private final UndoManager undo;
    private final Supplier<Listing> view;
    private final Consumer<Listing> select;
    private final Consumer<String> say;

    public SmartListCommands(TodoStore store, Async async, FilterDialogs dialogs, UndoManager undo, Supplier<Listing> view,
            Consumer<Listing> select, Consumer<String> say) {
        this.store = store;
        this.async = async;
        this.dialogs = dialogs;
        this.undo = undo;
        this.view = view;
        this.select = select;
        this.say = say;
    }

    /**
     * Asks a name and saves the search box's query under it (a name in use gets this query), then shows
     * the smart list; its query is kept as the parser writes it, so it reads alike on every device.
     */
    public void saveSearch() {
        if (!(view.get() instanceof Listing.FilterListing f) || !f.isSearch() || f.filter() == null) {
            return;
        }
        Filter filter = f.filter();
        dialogs.askText(Messages.text("main.smartList.save.title"), Messages.text("main.smartList.save.prompt"), "")
                .map(String::strip).filter(n -> !n.isEmpty()).ifPresent(name -> {
                    if (name.length() > SavedFilters.MAX_NAME_CHARS) {
                        say.accept(Messages.text("main.smartList.save.tooLong",
                                SavedFilters.MAX_NAME_CHARS));
                        return;
                    }
                    async.run(() -> store.savedFilters().save(name, filter, null), saved -> {
                        undo.push(Messages.text("main.undo.saveSmartList", saved.name()),
                                () -> store.savedFilters().remove(saved.name()), () -> store.savedFilters().restore(saved.id()));
                        select.accept(Listing.FilterListing.saved(saved.id(), filter));
                        say.accept(Messages.text("main.done.savedSmartList", saved.name()));
                    });
                });
    }

    /** Opens the condition builder for a new smart list, then shows the one saved. */
    public void create() {
        build(FilterBuilderViewModel.forNew(store, async));
    }

    /** Opens the condition builder on the saved filter {@code id}, read off the UI thread; then shows it. */
    public void edit(String id) {
        async.run(() -> store.savedFilters().all().stream().filter(f -> f.id().equals(id)).findFirst(), found -> found
                .ifPresent(f -> build(FilterBuilderViewModel.forEdit(store, async, f))));
    }

    private void build(FilterBuilderViewModel builder) {
        if (!dialogs.buildSmartList(builder)) {
            return;
        }
        // The dialog closes once the save landed; a builder whose save is still under way shows it when it lands.
        if (builder.savedProperty().get() != null) {
            show(builder.savedProperty().get());
        } else {
            builder.savedProperty().addListener((o, was, saved) -> {
                if (saved != null && was == null) {
                    show(saved);
                }
            });
        }
    }

    private void show(SavedFilter saved) {
        try {
            select.accept(Listing.FilterListing.saved(saved.id(), FilterParser.parse(saved.query(), store.today())));
        } catch (FilterException e) {
            select.accept(Listing.FilterListing.unreadable(saved.id(), e.getMessage()));
        }
        say.accept(Messages.text("main.done.savedSmartList", saved.name()));
    }

    /** Moves the smart list {@code id} just before {@code beforeId} (null: last); undo puts it back. */
    public void move(String id, String name, String beforeId) {
        async.run(() -> store.savedFilters().move(id, beforeId), moved -> moved.ifPresent(m -> undo.push(
                Messages.text("main.undo.moveSmartList", name), () -> store.savedFilters().move(id, m.wasBefore()),
                () -> store.savedFilters().move(id, beforeId))));
    }

    /** Deletes the saved filter {@code id} called {@code name} on every device; undo brings it back where it was. */
    public void delete(String id, String name) {
        if (view.get() instanceof Listing.FilterListing f && f.key().equals("filter:" + id)) {
            select.accept(Listing.inbox());
        }
        async.run(() -> store.savedFilters().remove(name), removed -> {
            if (!removed) {
                return;
            }
            undo.push(Messages.text("main.undo.deleteSmartList", name),
                    () -> store.savedFilters().restore(id), () -> store.savedFilters().remove(name));
            say.accept(Messages.text("main.done.deletedSmartList", name));
        });
    }
}
