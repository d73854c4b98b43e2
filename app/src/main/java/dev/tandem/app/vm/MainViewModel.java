package dev.tandem.app.vm;

import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.LiveList;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.text.filter.SearchBoxQuery;
import dev.tandem.app.vm.agenda.AgendaViewModel;
import dev.tandem.app.vm.calendar.CalendarRange;
import dev.tandem.app.vm.calendar.CalendarViewModel;
import dev.tandem.app.vm.outline.OutlineCommands;
import dev.tandem.app.vm.outline.OutlineRowFeed;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The main window's state and commands: the sidebar, the current view's live item list, search,
 * the selection, and every action on items and lists (each undoable). Needs no toolkit: the UI
 * executor is passed in. Properties change on the UI executor only.
 *
 * <p>Today, Upcoming and the sidebar counts are queries for one date; when {@link DayWatch} sees
 * the local date change they are subscribed again for the new one.
 */
public final class MainViewModel implements AutoCloseable {
    private final TodoStore store;
    private final Async async;
    private final UndoManager undo;

    private final LiveList<ItemRow> items;
    private final LiveList<TodoList> lists;
    private final SidebarViewModel sidebar;
    private final DayWatch day;
    private final UndoableCommands commands;
    private final BulkCommands bulk;
    private final QuickAddViewModel quickAdd;
    private final AgendaViewModel agenda;
    private final CalendarViewModel calendar;
    private final ObjectProperty<ListOrder> sort = new SimpleObjectProperty<>(ListOrder.DEFAULT);
    private final OutlineCommands outline;
    private final ReadOnlyBooleanWrapper outlined = new ReadOnlyBooleanWrapper();

    private final ReadOnlyObjectWrapper<Listing> view = new ReadOnlyObjectWrapper<>(Listing.inbox());
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(Messages.text("main.sidebar.inbox"));
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<ItemRow> selected = new SimpleObjectProperty<>();
    private final IntegerProperty selectionCount = new SimpleIntegerProperty(0);
    private Listing beforeSearch = Listing.inbox();
    /** The todo to select once its row is in the list again (see {@link #selectWhenBack}); null for none. */
    private String reselect;
    private final ViewChrome chrome;
    private final Recovery recovery;
    private final ListSharing listSharing;
    private final SmartListCommands smartLists;
    private final RowLabels rowLabels;

    public MainViewModel(TodoStore store, Async async, Dialogs dialogs, UndoManager undo) {
        this.recovery = new Recovery(store, async, dialogs, undo, () -> view.get());
        this.store = store;
        this.async = async;
        this.undo = undo;
        this.items = new LiveList<>(ItemRow::id, async.ui());
        this.lists = new LiveList<>(TodoList::id, async.ui());
        this.sidebar = new SidebarViewModel(store, async, this::rebuildSidebar);
        this.day = new DayWatch(store.dateClock(), async.ui());
        this.commands = new UndoableCommands(store, async, dialogs, undo, view.getReadOnlyProperty(), lists.items(),
                sidebar, this::select);
        this.agenda = new AgendaViewModel(store, async, view.getReadOnlyProperty(), day.todayProperty(), commands,
                selected::set);
        this.calendar = new CalendarViewModel(store, async, view.getReadOnlyProperty(), day.todayProperty(), undo, dialogs,
                commands::say, selected::set, Locale.getDefault(Locale.Category.FORMAT));
        this.bulk = new BulkCommands(store, async, undo, commands::say);
        this.quickAdd = new QuickAddViewModel(day::today, commands::quickAdd);
        sort.addListener((o, a, b) -> bindItems(view.get()));
        lists.onAfterApply(s -> rebuildSidebar());
        day.todayProperty().addListener((o, was, now) -> onNewDay(now));
        search.addListener((obs, o, n) -> onSearch(n));
        this.chrome = new ViewChrome(view, items, sidebar());
        this.listSharing = new ListSharing(this::list, sidebar, this::rebuildSidebar, commands::say);
        this.outline = new OutlineCommands(store, async, undo, dialogs, commands::say, commands::currentListId);
        this.rowLabels = new RowLabels(day::today, view::get, lists.items());
        this.smartLists = new SmartListCommands(store, async, dialogs, undo, view::get, this::select, commands::say);
        undo.onUndone(this::selectWhenBack);
        items.onAfterApply(s -> selectIfBack());
    }

    /**
     * Undo brought back a todo an action took out of the list (completing it): it is selected again once
     * its row is back, rather than the selection starting over at the top. Another view forgets it.
     */
    private void selectWhenBack(String id) {
        reselect = id;
        selectIfBack();
    }

    private void selectIfBack() {
        if (reselect == null) {
            return;
        }
        for (ItemRow r : items.items()) {
            if (r.id().equals(reselect)) {
                reselect = null;
                selected.set(r);
                return;
            }
        }
    }

    /** Saving the search box's query as a smart list, deleting one. */
    public SmartListCommands smartLists() {
        return smartLists;
    }

    /** Moves in the list's own order, folding, sections and the lists' order. */
    public OutlineCommands outline() {
        return outline;
    }

    /** The list shows a list's (or the Inbox's) outline in its own order: rows can be moved and indented. */
    public ReadOnlyBooleanProperty outlinedProperty() {
        return outlined.getReadOnlyProperty();
    }

    /** Whether {@code v} in {@code order} is shown as an outline: a user list or the Inbox in its own order. */
    static boolean isOutlined(Listing v, ListOrder order) {
        return (order == null || order == ListOrder.DEFAULT) && (v instanceof Listing.UserListing
                || v instanceof Listing.SmartListing s && s.smart() == Listing.Smart.INBOX);
    }

    /** Backups and "Show as of…": what brings the profile's earlier states back. */
    public Recovery recovery() {
        return recovery;
    }

    /** Share, Members, Leave and Join for the sidebar's lists, once the app sets sharing up. */
    public ListSharing listSharing() {
        return listSharing;
    }

    /** The list with this id, if the sidebar shows it. */
    public Optional<TodoList> list(String listId) {
        return lists.items().stream().filter(l -> l.id().equals(listId)).findFirst();
    }

    /** Shows what a sidebar entry stands for. */
    public void select(SidebarEntry entry) {
        select(entry.view());
    }

    /** The editor's "Move to Trash": the selected todo, which the editor shows. */
    public void deleteSelected() {
        ItemRow row = selected.get();
        if (row != null) {
            commands.delete(row);
        }
    }

    public void selectInbox() {
        select(Listing.inbox());
    }

    /** The agenda (Ctrl+Shift+A). */
    public void selectAgenda() {
        select(Listing.agenda());
    }

    /** The calendar as a week (Ctrl+Shift+W) or a month (Ctrl+Shift+K). */
    public void selectCalendar(CalendarRange.Mode mode) {
        calendar.setMode(mode);
        select(Listing.calendar());
    }

    /** The sidebar's entry {@code index} (Ctrl+1…9); nothing when there is none. */
    public void selectSidebarEntry(int index) {
        if (index >= 0 && index < sidebar().size()) {
            select(sidebar().get(index).view());
        }
    }

    /** What the window shows around the list: the count line, which controls apply, the highlighted entry. */
    public ViewChrome chrome() {
        return chrome;
    }

    /** Starts the live queries and the date watch. Call once. */
    public void start() {
        LocalDate today = day.today();
        async.run(() -> {
            lists.bind((sink, ex) -> store.subscribeLists(sink, ex));
            return null;
        }, r -> { });
        sidebar.bindCounts(today);
        bindItems(view.get());
        rebuildSidebar();
        day.start();
    }

    private void onNewDay(LocalDate today) {
        sidebar.bindCounts(today);
        if (view.get() instanceof Listing.SmartListing s && (s.smart() == Listing.Smart.TODAY || s.smart() == Listing.Smart.UPCOMING)) {
            bindItems(view.get());
        }
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<ItemRow> items() {
        return items.items();
    }

    public LiveList<ItemRow> liveItems() {
        return items;
    }

    public ObservableList<TodoList> lists() {
        return lists.items();
    }

    public ObservableList<SidebarEntry> sidebar() {
        return sidebar.entries();
    }

    public ReadOnlyObjectProperty<Listing> viewProperty() {
        return view.getReadOnlyProperty();
    }

    public Listing view() {
        return view.get();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** How many rows are selected; the list view keeps it. Above one, the editor's side offers actions for all of them. */
    public IntegerProperty selectionCountProperty() {
        return selectionCount;
    }

    /** "4 selected", or empty for one row or none. */
    public static String selectionText(int n) {
        return n > 1 ? Messages.text("main.selection.count", n) : "";
    }

    public ObjectProperty<ItemRow> selectedProperty() {
        return selected;
    }

    /** The last message for the user (e.g. "Moved “Buy milk” to Trash"). */
    public ReadOnlyStringProperty messageProperty() {
        return commands.messageProperty();
    }

    public UndoManager undoManager() {
        return undo;
    }

    /** The local date the date-dependent views show; cells re-render "due today" when it moves. */
    public ReadOnlyObjectProperty<LocalDate> todayProperty() {
        return day.todayProperty();
    }

    /** Reads the clock now (e.g. when the window regains focus after a sleep) instead of within a minute. */
    public void checkDate() {
        day.check();
    }

    public ReadOnlyIntegerProperty conflictCountProperty() {
        return sidebar.conflictCountProperty();
    }

    public ReadOnlyIntegerProperty unseenConflictsProperty() {
        return sidebar.unseenConflictsProperty();
    }

    /** Fed by the conflicts view-model; shown as the sidebar badge. */
    public void setConflictCounts(int total, int unseen) {
        sidebar.setConflictCounts(total, unseen);
        rebuildSidebar();
    }

    // ---------------------------------------------------------------- navigation

    public void select(Listing v) {
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
        quickAdd.clearUnder();
        reselect = null;
        selected.set(null);
        title.set(titleOf(v));
        bindItems(v);
    }

    /** Moves the sidebar selection by {@code delta} entries (keyboard: Ctrl+Up/Down). */
    public void selectRelative(int delta) {
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

    /** On the UI thread: the date is read here, the subscription is made on the background executor. */
    private void bindItems(Listing v) {
        LocalDate today = day.today();
        boolean tree = isOutlined(v, sort.get());
        outlined.set(tree);
        async.run(() -> {
            Listing.Sort by = sort.get() == null ? Listing.Sort.DEFAULT : sort.get().sort();
            if (tree) {
                String listId = v instanceof Listing.UserListing l ? l.listId() : null;
                items.bindFeed(feed -> store.subscribeOutline(listId, new OutlineRowFeed(feed)));
            } else {
                items.bindFeed(feed -> store.subscribeRows(v, today, by, new ItemRowFeed(feed)));
            }
            return null;
        }, r -> { });
    }

    String titleOf(Listing v) {
        if (v instanceof Listing.SmartListing s) {
            return SidebarViewModel.smartTitle(s.smart());
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

    private void rebuildSidebar() {
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

    /** The words beside a row's title: due, start, urgency, its list. */
    public RowLabels rowLabels() {
        return rowLabels;
    }

    /** The user lists' ids, in sidebar order. */
    public List<String> listIds() {
        return lists.items().stream().map(TodoList::id).toList();
    }

    /** A list's name; "Inbox" for none or an unknown list. */
    public String listName(String id) {
        if (id == null || id.isEmpty()) {
            return Messages.text("main.sidebar.inbox");
        }
        return lists.items().stream().filter(l -> l.id().equals(id)).findFirst().map(TodoList::name)
                .orElseGet(() -> Messages.text("main.sidebar.inbox"));
    }

    public boolean hasList(String id) {
        return id != null && lists.items().stream().anyMatch(l -> l.id().equals(id));
    }

    /** How the list is ordered: the view's own order, or by priority, due date or title first. */
    public ObjectProperty<ListOrder> sortProperty() {
        return sort;
    }

    /** The quick-add field: its text, what it understood, and adding the todo. */
    public QuickAddViewModel quickAdd() {
        return quickAdd;
    }

    /** Actions on all selected rows at once, each one undo step. */
    public BulkCommands bulk() {
        return bulk;
    }

    /** The undoable actions on items and lists: quick add, complete, delete, move, undo, new list… */
    public UndoableCommands commands() {
        return commands;
    }

    /** The next days by day (sidebar "Agenda"), live while shown. */
    public AgendaViewModel agenda() {
        return agenda;
    }

    /** The week and month grids (sidebar "Calendar"), live while shown. */
    public CalendarViewModel calendar() {
        return calendar;
    }

    @Override
    public void close() {
        calendar.close();
        agenda.close();
        day.close();
        items.close();
        lists.close();
        sidebar.close();
    }
}