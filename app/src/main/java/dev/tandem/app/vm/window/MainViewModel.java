package dev.tandem.app.vm.window;

import dev.tandem.app.vm.sharing.ListSharing;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.shared.RowLabels;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.LiveList;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.vm.agenda.AgendaViewModel;
import dev.tandem.app.vm.calendar.CalendarRange;
import dev.tandem.app.vm.calendar.CalendarViewModel;
import dev.tandem.app.vm.calendar.DayPlanning;
import dev.tandem.app.vm.filter.SmartListCommands;
import dev.tandem.app.vm.history.Recovery;
import dev.tandem.app.vm.outline.OutlineCommands;
import dev.tandem.app.vm.quickadd.QuickAddViewModel;
import dev.tandem.ui.messages.Messages;
import dev.tandem.ui.messages.WeekStart;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The main window's state and commands: the sidebar, the current view's live item list, search,
 * the selection, and every action on items and lists (each undoable). Needs no toolkit: the UI
 * executor is passed in. Properties change on the UI executor only. Which view is shown, its title,
 * the search box and the rows' subscription are {@link Navigation}'s.
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
    private final DayPlanning planning;
    private final OutlineCommands outline;
    private final Navigation nav;

    private final ObjectProperty<ItemRow> selected = new SimpleObjectProperty<>();
    private final IntegerProperty selectionCount = new SimpleIntegerProperty(0);
    /** The todo to select once its row is in the list again (see {@link #selectWhenBack}); null for none. */
    private String reselect;
    private final ViewChrome chrome;
    private final Recovery recovery;
    private final ListSharing listSharing;
    private final SmartListCommands smartLists;
    private final RowLabels rowLabels;

    public MainViewModel(TodoStore store, Async async, Dialogs dialogs, UndoManager undo) {
        this(store, async, dialogs, undo, DayWatch.MAX_WAIT);
    }

    /**
     * As above; the date watch reads the clock at least every {@code dayCheck} ({@link DayWatch#MAX_WAIT} in the
     * app), so a test that moves the clock across midnight sees the new day within that, not within a minute.
     */
    public MainViewModel(TodoStore store, Async async, Dialogs dialogs, UndoManager undo, Duration dayCheck) {
        this.recovery = new Recovery(store, async, dialogs, undo, this::view);
        this.store = store;
        this.async = async;
        this.undo = undo;
        this.items = new LiveList<>(ItemRow::id, async.ui());
        this.lists = new LiveList<>(TodoList::id, async.ui());
        this.sidebar = new SidebarViewModel(store, async, this::rebuildSidebar);
        this.day = new DayWatch(store.dateClock(), async.ui(), dayCheck);
        this.nav = new Navigation(store, async, items, lists, sidebar, day, this::leaveView);
        this.commands = new UndoableCommands(store, async, dialogs, undo, nav.viewProperty(), lists.items(),
                sidebar, this::select);
        this.agenda = new AgendaViewModel(store, async, nav.viewProperty(), day.todayProperty(), commands::setDone,
                selected::set);
        this.calendar = new CalendarViewModel(store, async, nav.viewProperty(), day.todayProperty(), undo, dialogs,
                commands::say, selected::set, WeekStart::first);
        this.planning = new DayPlanning(store, async, dialogs, undo, commands::say);
        this.bulk = new BulkCommands(store, async, undo, commands::say);
        this.quickAdd = new QuickAddViewModel(day::today, commands::quickAdd);
        lists.onAfterApply(s -> rebuildSidebar());
        day.todayProperty().addListener((o, was, now) -> nav.onNewDay(now));
        this.chrome = new ViewChrome(nav.viewProperty(), items, sidebar(), nav.tooSlowProperty());
        this.listSharing = new ListSharing(this::list, sidebar::setShared, this::rebuildSidebar, commands::say);
        this.outline = new OutlineCommands(store, async, undo, dialogs, commands::say, commands::currentListId);
        this.rowLabels = new RowLabels(day::today, nav::view, lists.items());
        this.smartLists = new SmartListCommands(store, async, dialogs, undo, nav::view, this::select, commands::say);
        undo.onUndone(this::selectWhenBack);
        items.onAfterApply(s -> selectIfBack());
    }

    /** A method rather than {@code nav::rebuildSidebar}: the sidebar that calls it back is made before {@code nav}. */
    private void rebuildSidebar() {
        nav.rebuildSidebar();
    }

    /** Another view is shown: what the quick-add field and the selection held belonged to the old one. */
    private void leaveView() {
        quickAdd.clearUnder();
        reselect = null;
        selected.set(null);
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
        return nav.outlinedProperty();
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
        nav.bindItems(nav.view());
        rebuildSidebar();
        day.start();
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
        return nav.viewProperty();
    }

    public Listing view() {
        return nav.view();
    }

    public ReadOnlyStringProperty titleProperty() {
        return nav.titleProperty();
    }

    public StringProperty searchProperty() {
        return nav.searchProperty();
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
        nav.select(v);
    }

    /** Moves the sidebar selection by {@code delta} entries (keyboard: Ctrl+Up/Down). */
    public void selectRelative(int delta) {
        nav.selectRelative(delta);
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
        return nav.sortProperty();
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
    /** "Plan my day" (Today's button). */
    public DayPlanning planning() {
        return planning;
    }

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