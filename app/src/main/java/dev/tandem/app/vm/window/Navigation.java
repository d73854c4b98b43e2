package dev.tandem.app.vm.window;

import dev.tandem.app.model.outline.LiveOutline;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.LiveList;
import dev.tandem.app.model.Listing;

import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.QueryTooCostlyException;
import dev.tandem.app.text.filter.SearchBoxQuery;
import dev.tandem.app.vm.outline.OutlineRowFeed;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Which view the main window shows, its title, the search box and the live subscription of the view's rows.
 * Kept apart from {@link MainViewModel}, which holds the commands, because these four change together:
 *
 * <ul>
 *   <li>The view, its title and the rows' subscription move at once, on the UI executor; the subscription itself
 *       is made on the background executor with the date read before.</li>
 *   <li>{@code beforeSearch} is the last view that is not a search: emptying the search box goes back to it, and a
 *       tag's view is where words in the box are searched.</li>
 *   <li>A saved filter or a list the sidebar no longer has sends the window back to the Inbox; a filter whose query
 *       changed shows what it finds now.</li>
 * </ul>
 */
final class Navigation {
    private final TodoStore store;
    private final Async async;
    private final LiveList<ItemRow> items;
    private final LiveList<TodoList> lists;
    private final SidebarViewModel sidebar;
    private final DayWatch day;
    /** Run when another view is shown, after the view changed: forgets what belonged to the old one. */
    private final Runnable onLeave;

    private final ReadOnlyObjectWrapper<Listing> view = new ReadOnlyObjectWrapper<>(Listing.inbox());
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(Messages.text("main.sidebar.inbox"));
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<ListOrder> sort = new SimpleObjectProperty<>(ListOrder.DEFAULT);
    private final ReadOnlyBooleanWrapper outlined = new ReadOnlyBooleanWrapper();
    /** The shown smart list or search ran past a list's budget: the list is empty and says so. */
    private final ReadOnlyBooleanWrapper tooSlow = new ReadOnlyBooleanWrapper();
    private Listing beforeSearch = Listing.inbox();

    Navigation(TodoStore store, Async async, LiveList<ItemRow> items, LiveList<TodoList> lists,
            SidebarViewModel sidebar, DayWatch day, Runnable onLeave) {
        this.store = store;
        this.async = async;
        this.items = items;
        this.lists = lists;
        this.sidebar = sidebar;
        this.day = day;
        this.onLeave = onLeave;
        sort.addListener((o, a, b) -> bindItems(view.get()));
        search.addListener((obs, o, n) -> onSearch(n));
    }

    ReadOnlyObjectProperty<Listing> viewProperty() {
        return view.getReadOnlyProperty();
    }

    Listing view() {
        return view.get();
    }

    ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    StringProperty searchProperty() {
        return search;
    }

    ObjectProperty<ListOrder> sortProperty() {
        return sort;
    }

    ReadOnlyBooleanProperty outlinedProperty() {
        return outlined.getReadOnlyProperty();
    }

    /** The shown smart list or search was too slow to show (its query ran past a list's budget). */
    ReadOnlyBooleanProperty tooSlowProperty() {
        return tooSlow.getReadOnlyProperty();
    }

    /** Whether {@code v} in {@code order} is shown as an outline: a user list or the Inbox in its own order. */
    private static boolean isOutlined(Listing v, ListOrder order) {
        return (order == null || order == ListOrder.DEFAULT) && (v instanceof Listing.UserListing
                || v instanceof Listing.BuiltInListing s && s.builtIn() == Listing.BuiltIn.INBOX);
    }

    void select(Listing v) {
        if (v == null || v.equals(view.get())) {
            return;
        }
        if (!isSearch(v) && !search.get().isEmpty()) {
            search.set("");
        }
        if (!isSearch(v)) {
            beforeSearch = v;
        }
        view.set(v);
        onLeave.run();
        title.set(titleOf(v));
        bindItems(v);
    }

    /** Moves the sidebar selection by {@code delta} entries, wrapping around. */
    void selectRelative(int delta) {
        List<SidebarEntry> entries = sidebar.entries();
        if (entries.isEmpty()) {
            return;
        }
        int i = indexOfView(entries, view.get());
        int next = Math.floorMod((i < 0 ? 0 : i) + delta, entries.size());
        select(entries.get(next).view());
    }

    private static int indexOfView(List<SidebarEntry> entries, Listing v) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).view().equals(v)) {
                return i;
            }
        }
        return -1;
    }

    /** What the search box shows: words (searched), or a query with operators (a filter). */
    private static boolean isSearch(Listing v) {
        return v instanceof Listing.SearchListing || v instanceof Listing.FilterListing f && f.isSearch();
    }

    private void onSearch(String text) {
        if (text == null || text.isBlank()) {
            if (isSearch(view.get())) {
                Listing back = beforeSearch;
                view.set(back);
                title.set(titleOf(back));
                bindItems(back);
            }
            return;
        }
        // Words beside @tag, #list or p1, or a query with & | ! ( ), read as a smart list's query; words from a
        // tag's view search within that tag.
        Listing v = SearchBoxQuery.listing(text, day.today(), beforeSearch instanceof Listing.TagListing t ? t.tag() : null);
        if (v.equals(view.get())) {
            return;
        }
        view.set(v);
        title.set(Messages.text("main.title.search"));
        bindItems(v);
    }

    /** The date moved on: the counts, and Today or Upcoming when shown, are asked for the new one. */
    void onNewDay(LocalDate today) {
        sidebar.bindCounts(today);
        if (view.get() instanceof Listing.BuiltInListing s && (s.builtIn() == Listing.BuiltIn.TODAY || s.builtIn() == Listing.BuiltIn.UPCOMING)) {
            bindItems(view.get());
        }
    }

    /** On the UI thread: the date is read here, the subscription is made on the background executor. */
    void bindItems(Listing v) {
        LocalDate today = day.today();
        boolean tree = isOutlined(v, sort.get());
        outlined.set(tree);
        // A list that could not be read keeps its rows, and the window says why (as a failed command does); one
        // too slow to read is empty and says so in its place (a search as you type would pop up at every key).
        tooSlow.set(false);
        Consumer<RuntimeException> failures = e -> async.ui().execute(() -> {
            if (e instanceof QueryTooCostlyException) {
                tooSlow.set(true);
            } else {
                async.report(e);
            }
        });
        async.run(() -> {
            Listing.Sort by = sort.get() == null ? Listing.Sort.DEFAULT : sort.get().sort();
            if (tree) {
                String listId = v instanceof Listing.UserListing l ? l.listId() : null;
                items.bindFeed(feed -> LiveOutline.open(store, listId, new OutlineRowFeed(feed, failures)));
            } else {
                items.bindFeed(feed -> store.subscribeRows(v, today, by, new ItemRowFeed(feed, failures)));
            }
            return null;
        }, r -> { });
    }

    String titleOf(Listing v) {
        if (v instanceof Listing.BuiltInListing s) {
            return SidebarViewModel.builtInTitle(s.builtIn());
        }
        if (v instanceof Listing.UserListing l) {
            return lists.items().stream().filter(x -> x.id().equals(l.listId())).findFirst()
                    .map(TodoList::name).orElse(Messages.text("main.title.list"));
        }
        if (v instanceof Listing.ConflictsView) {
            return Messages.text("main.sidebar.conflicts");
        }
        if (v instanceof Listing.Agenda) {
            return Messages.text("main.sidebar.agenda");
        }
        if (v instanceof Listing.Calendar) {
            return Messages.text("main.sidebar.calendar");
        }
        if (v instanceof Listing.FilterListing f && !f.isSearch()) {
            return sidebar.entries().stream().filter(e -> e.key().equals(f.key())).map(SidebarEntry::name).findFirst()
                    .orElse(Messages.text("main.title.smartList"));
        }
        return v instanceof Listing.TagListing t ? "@" + t.tag() : Messages.text("main.title.search");
    }

    /** The sidebar's lists, filters or counts changed: rebuilds it and follows the shown entry or leaves it. */
    void rebuildSidebar() {
        sidebar.rebuild(lists.items());
        if (view.get() instanceof Listing.FilterListing f && !f.isSearch()) {
            // Its query changed here or on another device: show what it finds now; gone: back to the Inbox.
            Optional<SidebarEntry> now = sidebar.entries().stream().filter(e -> e.key().equals(f.key())).findFirst();
            if (now.isPresent() && !now.get().view().equals(f)) {
                view.set(now.get().view());
                bindItems(now.get().view());
            } else if (now.isEmpty() && sidebar.filtersLoaded()) {
                select(Listing.inbox());
                return;
            }
            title.set(titleOf(view.get()));
        }
        if (view.get() instanceof Listing.UserListing lv) {
            String t = titleOf(lv);
            if (lists.items().stream().noneMatch(x -> x.id().equals(lv.listId())) && lists.isLoaded()) {
                select(Listing.inbox());
            } else {
                title.set(t);
            }
        }
    }
}
