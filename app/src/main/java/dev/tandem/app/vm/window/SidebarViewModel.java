package dev.tandem.app.vm.window;

import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.ListDiff;
import dev.tandem.app.fx.LiveList;
import dev.tandem.app.vm.filter.SmartListFeed;
import dev.tandem.app.model.Count;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.Listing;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sidebar's rows: the built-in views, the saved filters, the user lists, the tags and Conflicts, each with its
 * live count. The views' and lists' counts are one query for one date ({@link #bindCounts}), each saved
 * filter's its own ({@link SmartListFeed}); changes on the UI executor only.
 */
final class SidebarViewModel implements AutoCloseable {
    private final TodoStore store;
    private final Async async;
    private final ObservableList<SidebarEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<SidebarEntry> entriesRO = FXCollections.unmodifiableObservableList(entries);
    private final LiveList<Count> countRows;
    private final LiveList<Count> tagRows;
    private final TagStore tags;
    private final SmartListFeed filters;
    private final Map<String, Long> counts = new HashMap<>();
    private final ReadOnlyIntegerWrapper conflictCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper unseenConflicts = new ReadOnlyIntegerWrapper(0);
    private Map<String, String> shared = Map.of();

    /** {@code onCounts} runs on the UI executor after new counts arrived (the owner rebuilds). */
    SidebarViewModel(TodoStore store, Async async, Runnable onCounts) {
        this.store = store;
        this.async = async;
        this.countRows = new LiveList<>(Count::id, async.ui());
        countRows.onAfterApply(s -> {
            counts.clear();
            countRows.items().forEach(c -> counts.put(c.id(), c.count()));
            onCounts.run();
        });
        this.tags = store.tags();
        this.tagRows = new LiveList<>(Count::id, async.ui());
        tagRows.onAfterApply(s -> onCounts.run());
        this.filters = new SmartListFeed(store, async, onCounts);
    }

    ObservableList<SidebarEntry> entries() {
        return entriesRO;
    }

    /** (Re)subscribes the counts as of {@code today}; a result of an older date is dropped. */
    void bindCounts(LocalDate today) {
        filters.bind(today);
        async.run(() -> {
            countRows.bind((sink, ex) -> store.subscribeCounts(today, sink, ex));
            if (!tagRows.isLoaded()) {
                tagRows.bind((sink, ex) -> tags.subscribeCounts(sink, ex));
            }
            return null;
        }, r -> { });
    }

    /** Whether the saved filters were read at least once. */
    boolean filtersLoaded() {
        return filters.loaded();
    }

    long count(String key) {
        return counts.getOrDefault(key, 0L);
    }

    ReadOnlyIntegerProperty conflictCountProperty() {
        return conflictCount.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty unseenConflictsProperty() {
        return unseenConflicts.getReadOnlyProperty();
    }

    void setConflictCounts(int total, int unseen) {
        conflictCount.set(total);
        unseenConflicts.set(unseen);
    }

    /** The lists shared with other people, each with whom ("shared with Alex"); the caller rebuilds. */
    void setShared(Map<String, String> lists) {
        shared = Map.copyOf(lists);
    }

    static String builtInTitle(Listing.BuiltIn builtIn) {
        return switch (builtIn) {
            case INBOX -> Messages.text("main.sidebar.inbox");
            case TODAY -> Messages.text("main.sidebar.today");
            case UPCOMING -> Messages.text("main.sidebar.upcoming");
            case SOMEDAY -> Messages.text("main.sidebar.someday");
            case COMPLETED -> Messages.text("main.sidebar.completed");
            case TRASH -> Messages.text("main.sidebar.trash");
        };
    }

    /** Applies the rows for these lists and the last counts as a diff, so unchanged rows stay put. */
    void rebuild(List<TodoList> lists) {
        List<SidebarEntry> next = new ArrayList<>();
        for (Listing.BuiltIn s : Listing.BuiltIn.values()) {
            Listing v = Listing.of(s);
            next.add(new SidebarEntry(v.key(), builtInTitle(s), SidebarEntry.Kind.BUILT_IN, v, count(v.key()), false, ""));
            if (s == Listing.BuiltIn.UPCOMING) {
                // The next days by day, right under Upcoming; no count: its rows are days, not a number of todos.
                Listing a = Listing.agenda();
                next.add(new SidebarEntry(a.key(), Messages.text("main.sidebar.agenda"), SidebarEntry.Kind.BUILT_IN, a, 0, false,
                        ""));
                Listing c = Listing.calendar();
                next.add(new SidebarEntry(c.key(), Messages.text("main.sidebar.calendar"), SidebarEntry.Kind.BUILT_IN, c, 0, false,
                        ""));
            }
        }
        for (SmartListFeed.Entry f : filters.entries()) {
            Listing.FilterListing v = f.view();
            next.add(new SidebarEntry(v.key(), f.saved().name(), SidebarEntry.Kind.FILTER, v, f.count(), v.filter() == null,
                    "", f.saved().color() == null ? "" : f.saved().color()));
        }
        for (TodoList l : lists) {
            Listing v = new Listing.UserListing(l.id());
            String name = l.name() == null || l.name().isBlank() ? Messages.text("main.sidebar.untitled") : l.name();
            next.add(new SidebarEntry(v.key(), name,
                    SidebarEntry.Kind.LIST, v, count(v.key()), false, shared.getOrDefault(l.id(), "")));
        }
        // Tags on open todos and notes, most used first (by open todos); a tag on neither drops out.
        for (Count t : tagRows.items()) {
            Listing v = new Listing.TagListing(t.id());
            next.add(new SidebarEntry(v.key(), t.id(), SidebarEntry.Kind.TAG, v, t.count(), false, ""));
        }
        Listing c = new Listing.ConflictsView();
        int unseen = unseenConflicts.get();
        next.add(new SidebarEntry(c.key(), Messages.text("main.sidebar.conflicts"), SidebarEntry.Kind.CONFLICTS, c,
                unseen > 0 ? unseen : conflictCount.get(), unseen > 0, ""));
        ListDiff.apply(entries, next, SidebarEntry::key);
    }

    @Override
    public void close() {
        countRows.close();
        tagRows.close();
        filters.close();
    }
}
