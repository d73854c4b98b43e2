package dev.tandem.app.view;

import dev.tandem.app.vm.AppearanceViewModel;
import dev.tandem.app.vm.ConflictsViewModel;
import dev.tandem.app.vm.EditorViewModel;
import dev.tandem.app.vm.ItemRow;
import dev.tandem.app.vm.ListOrder;
import dev.tandem.app.vm.MainViewModel;
import dev.tandem.app.vm.SyncStatusViewModel;
import dev.tandem.app.vm.WindowViewModel;
import dev.tandem.app.vm.calendar.CalendarRange;
import dev.tandem.ui.Styles;
import dev.tandem.ui.Theme;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Window;

/**
 * One device's window content: sidebar, header with search, quick-add, the live item list (or the
 * conflicts), the editor and the status bar. Keyboard first; see {@link #installShortcuts}.
 */
public final class MainView extends BorderPane {
    /** The least width of the list and its header: the editor shrinks to its own minimum before this does. */
    static final double CENTER_MIN = 280;
    /** Below this window width the sidebar takes its narrow width. */
    static final double SMALL_WINDOW = 1000;
    private final WindowViewModel window;
    private final MainViewModel vm;
    private final EditorViewModel editor;
    private final ConflictsViewModel conflicts;
    private final SyncStatusViewModel status;
    private final AppearanceViewModel appearance;
    private final TextField quickAdd;
    private final TextField search;
    private final ItemListView itemList;
    private AgendaView agendaView;
    private CalendarView calendarView;
    private final EditorView editorView;
    private final SidebarView sidebar;
    private final StackPane overlay;
    private final Shortcuts shortcuts;
    private final ReminderNotifier reminders;
    private Node focusBeforeOverlay;

    public MainView(WindowViewModel window) {
        this.window = window;
        this.vm = window.main();
        this.editor = window.editor();
        this.conflicts = window.conflicts();
        this.status = window.status();
        this.appearance = window.appearance();
        getStyleClass().add(Styles.ROOT);

        // Center: header, quick add, list or conflicts.
        HeaderView header = new HeaderView(window, this::focusList, this::toggleShortcuts);
        search = header.search();

        quickAdd = new QuickAddField(vm.quickAdd());
        HBox quickBox = new HBox(quickAdd);
        HBox.setHgrow(quickAdd, Priority.ALWAYS);
        quickBox.getStyleClass().add("quick-add-box");
        quickBox.visibleProperty().bind(vm.chrome().quickAddShownProperty());
        quickBox.managedProperty().bind(quickBox.visibleProperty());

        itemList = new ItemListView(vm);
        StackPane body = new StackPane(itemList);
        ReadOnlyBooleanProperty showingConflicts = vm.chrome().conflictsShownProperty();
        ReadOnlyBooleanProperty showingAgenda = vm.chrome().agendaShownProperty();
        itemList.visibleProperty().bind(showingConflicts.not().and(showingAgenda.not()));
        VBox.setVgrow(body, Priority.ALWAYS);
        // Built when first shown, like the editor's form: not part of the first frame's work.
        Runnable addConflictsView = () -> {
            if (body.getChildren().size() == 1) {
                ConflictsView conflictsView = new ConflictsView(conflicts);
                conflictsView.visibleProperty().bind(showingConflicts);
                body.getChildren().add(conflictsView);
            }
        };
        if (showingConflicts.get()) {
            addConflictsView.run();
        }
        showingConflicts.addListener((o, a, shown) -> {
            if (shown) {
                addConflictsView.run();
            }
        });


        QuickAddTokensView understood = new QuickAddTokensView(vm.quickAdd(), vm.chrome().quickAddShownProperty(), () -> {
            quickAdd.requestFocus();
            quickAdd.end();
        });
        QuickAddStatusView quickStatus = new QuickAddStatusView(vm.quickAdd(), () -> {
            quickAdd.requestFocus();
            quickAdd.end();
        });
        VBox center = new VBox(header, quickBox, quickStatus, new QuickAddLine(vm, understood), body);
        center.getStyleClass().add(Styles.CONTENT);

        editorView = new EditorView(editor, vm);
        AgendaView.addWhenShown(body, vm, showingAgenda, () -> editorView.titleField().requestFocus(), a -> agendaView = a);
        CalendarView.addWhenShown(center, body, vm, vm.chrome().calendarShownProperty(),
                () -> editorView.titleField().requestFocus(), c -> calendarView = c);
        itemList.setOnOpen(() -> editorView.titleField().requestFocus());
        // Several rows selected: the editor's side says how many and offers what applies to all of them.
        SelectionPane selection = new SelectionPane(vm, itemList::selectedRows);
        editorView.getChildren().add(selection);

        SplitPane split = new SplitPane(center, editorView);
        // Both sides follow the window in proportion: made narrower, the editor gives way as the list does
        // (down to its own minimum) rather than keep its width and leave the list at its least.
        split.setDividerPositions(0.64);
        // The conflicts view has no item to edit: it gets the whole width.
        showingConflicts.addListener((o, a, conflictsShown) -> {
            if (conflictsShown && split.getItems().contains(editorView)) {
                split.getItems().remove(editorView);
            } else if (!conflictsShown && !split.getItems().contains(editorView)) {
                split.getItems().add(editorView);
                split.setDividerPositions(0.64);
            }
        });

        sidebar = new SidebarView(vm, window.deviceName());
        setLeft(sidebar);
        overlay = new StackPane(split);
        // The window may be narrower than the list and the editor would like (its minimum is 760 px). The
        // list keeps CENTER_MIN, so the editor gives way first (the split keeps both minimums), and the sidebar
        // narrows in a small window; only below the sum of the minimums is the right edge clipped, so the
        // layout never grows past the window and the status bar below keeps its controls in view.
        center.setMinWidth(CENTER_MIN);
        for (Region r : new Region[] {split, overlay}) {
            r.setMinWidth(0);
        }
        sidebar.prefWidthProperty().bind(Bindings.when(widthProperty().lessThan(SMALL_WINDOW))
                .then(SidebarView.NARROW_WIDTH).otherwise(SidebarView.WIDTH));
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(overlay.widthProperty());
        clip.heightProperty().bind(overlay.heightProperty());
        overlay.setClip(clip);
        setCenter(overlay);
        shortcuts = buildShortcuts();
        itemList.setShortcuts(shortcuts);
        editor.attachments().ifPresent(itemList::acceptAttachments);
        reminders = new ReminderNotifier(window.reminders(), () -> getScene() == null ? null : getScene().getWindow());
        setBottom(new StatusBarView(status, window::syncNow, window::openSyncSettings).withBackups(vm.recovery()));
        TransferMenu.acceptDrops(this, window.transfer());
        sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                applyTheme(s);
                installShortcuts(s);
                s.windowProperty().addListener((ow, wa, w) -> checkDateOnFocus(w));
                checkDateOnFocus(s.getWindow());
            }
        });
        appearance.themeProperty().addListener((o, a, t) -> {
            if (getScene() != null) {
                applyTheme(getScene());
            }
        });
    }

    /** Back from a sleep the window is focused first: Today catches up at once, not within the minute. */
    private void checkDateOnFocus(Window w) {
        if (w != null) {
            w.focusedProperty().addListener((o, was, focused) -> {
                if (focused) {
                    vm.checkDate();
                }
            });
        }
    }

    /** Starts the live queries (after the first frame is fine). */
    public void start() {
        window.start();
        reminders.start();
    }

    public MainViewModel viewModel() {
        return vm;
    }

    public EditorViewModel editorViewModel() {
        return editor;
    }

    public SyncStatusViewModel statusViewModel() {
        return status;
    }

    public ItemListView itemList() {
        return itemList;
    }

    /** The editor pane (the UI test ticks a rendered check box there). */
    public EditorView editorView() {
        return editorView;
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return appearance.themeProperty();
    }

    public void toggleTheme() {
        appearance.toggle();
    }

    private void applyTheme(Scene s) {
        s.getStylesheets().setAll(appearance.theme().stylesheets());
        getStyleClass().remove(Styles.DARK);
        if (appearance.theme() == Theme.DARK) {
            getStyleClass().add(Styles.DARK);
        }
    }

    /** Ctrl+Shift+A: the agenda, with the keyboard in it. */
    private void showAgenda() {
        vm.selectAgenda();
        if (agendaView != null) {
            agendaView.requestFocus();
        }
    }

    /** Ctrl+Shift+W and Ctrl+Shift+K: the calendar as a week or a month, with the keyboard in it. */
    private void showCalendar(CalendarRange.Mode mode) {
        vm.selectCalendar(mode);
        if (calendarView != null) {
            calendarView.requestFocus();
        }
    }

    private void focusList() {
        if (calendarView != null && calendarView.isVisible()) {
            calendarView.requestFocus();
            return;
        }
        if (agendaView != null && agendaView.isVisible()) {
            agendaView.requestFocus();
            return;
        }
        itemList.requestFocus();
        if (itemList.getSelectionModel().isEmpty() && !itemList.getItems().isEmpty()) {
            itemList.getSelectionModel().select(0);
        }
    }

    /** The window's shortcuts, one table for the keys and the ?/F1 overlay (see {@link Shortcuts}). */
    private Shortcuts buildShortcuts() {
        Shortcuts t = new Shortcuts();
        t.window("Shortcut+N", Messages.text("main.shortcut.newTodo"), () -> {
            if (!quickAdd.isVisible()) {
                vm.selectInbox();
            }
            quickAdd.requestFocus();
        });
        t.window("Shortcut+Alt+N", Messages.text("main.shortcut.newSubtask"), () -> withSelection(rows -> {
            ItemRow parent = rows.get(0);
            if (!parent.isNote() && !parent.isSection()) {
                vm.quickAdd().addUnder(parent.id(), parent.title());
            }
        }));
        t.window("Shortcut+F", Messages.text("main.shortcut.search"), () -> {
            search.requestFocus();
            search.selectAll();
        });
        t.window("Shortcut+D", Messages.text("main.shortcut.complete"), itemList::completeSelected);
        t.window("Shortcut+Enter", Messages.text("main.shortcut.complete"), itemList::completeSelected);
        t.window("Shortcut+E", Messages.text("main.shortcut.edit"), () -> editorView.titleField().requestFocus());
        t.window("Shortcut+L", Messages.text("main.shortcut.goToList"), this::focusList);
        t.window("Shortcut+Z", Messages.text("main.shortcut.undo"), vm.commands()::undo);
        t.window("Shortcut+Shift+Z", Messages.text("main.shortcut.redo"), this::redo);
        t.window("Shortcut+Y", Messages.text("main.shortcut.redo"), this::redo);
        t.window("Shortcut+T", Messages.text("main.shortcut.tag"), () -> withSelection(rows ->
                vm.commands().askTag(rows.size()).ifPresent(tag -> vm.bulk().tag(rows, tag))));
        t.window("Shortcut+M", Messages.text("main.shortcut.move"), () -> withSelection(rows ->
                vm.commands().askList().ifPresent(l -> vm.bulk().moveToList(rows, l.orElse(null)))));
        t.window("Shortcut+Shift+D", Messages.text("main.shortcut.due"), () -> withSelection(rows ->
                vm.commands().askDue().ifPresent(d -> vm.bulk().setDue(rows, d.orElse(null)))));
        for (int p = 1; p <= 4; p++) {
            int level = p;
            t.window("Alt+" + p, Messages.text("main.shortcut.priority", String.valueOf(p)), () -> withSelection(rows ->
                    vm.bulk().setPriority(rows, level)));
        }
        t.window("Alt+0", Messages.text("main.shortcut.noPriority"),
                () -> withSelection(rows -> vm.bulk().setPriority(rows, null)));
        t.window("Shortcut+Shift+S", Messages.text("main.shortcut.skip"), editor.details()::skip);
        t.window("Shortcut+Shift+M", Messages.text("main.shortcut.notesMode"), editorView::toggleNotes);
        editor.attachments().ifPresent(a -> t.window("Shortcut+Shift+F", Messages.text("main.shortcut.attach"),
                a::chooseAndAttach));
        t.window("Shortcut+Shift+O", Messages.text("main.shortcut.sort"), () -> {
            ListOrder[] all = ListOrder.values();
            vm.sortProperty().set(all[(vm.sortProperty().get().ordinal() + 1) % all.length]);
        });
        t.window("Shortcut+Shift+A", Messages.text("main.shortcut.agenda"), this::showAgenda);
        t.window("Shortcut+Shift+W", Messages.text("main.shortcut.week"),
                () -> showCalendar(CalendarRange.Mode.WEEK));
        t.window("Shortcut+Shift+K", Messages.text("main.shortcut.month"),
                () -> showCalendar(CalendarRange.Mode.MONTH));
        t.window("Shortcut+Up", Messages.text("main.shortcut.previousList"), () -> vm.selectRelative(-1));
        t.window("Shortcut+Down", Messages.text("main.shortcut.nextList"), () -> vm.selectRelative(1));
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < digits.length; i++) {
            int idx = i;
            // One line in the overlay for the nine, naming the entries rather than numbering them.
            if (i == 0) {
                t.window("Shortcut+1", Messages.text("main.shortcut.sidebarEntries"), () -> vm.selectSidebarEntry(idx));
            } else {
                t.windowUnlisted("Shortcut+" + (i + 1), Messages.text("main.shortcut.sidebarEntry", String.valueOf(i + 1)),
                        () -> vm.selectSidebarEntry(idx));
            }
        }
        t.window("Shortcut+Shift+N", Messages.text("main.shortcut.newList"), vm.commands()::newList);
        t.window("Shortcut+Shift+H", Messages.text("main.shortcut.newSection"), vm.outline()::newSection);
        t.window("Shortcut+R", Messages.text("main.shortcut.syncNow"), window::syncNow);
        t.window("Shortcut+Comma", Messages.text("main.shortcut.syncSettings"), window::openSyncSettings);
        t.window("Shortcut+Shift+L", Messages.text("main.shortcut.theme"), this::toggleTheme);
        t.window("F1", Messages.text("main.shortcut.showShortcuts"), this::toggleShortcuts);
        t.list("Space", Messages.text("main.shortcut.completeOrReopen"), itemList::completeSelected);
        t.list("Enter", Messages.text("main.shortcut.open"), itemList::open);
        t.list("Delete", Messages.text("main.shortcut.trash"), itemList::deleteSelected);
        t.list("Shortcut+Backspace", Messages.text("main.shortcut.trash"), itemList::deleteSelected);
        t.list("Shift+F10", Messages.text("main.shortcut.rowMenu"), this::showRowMenu);
        t.list("?", Messages.text("main.shortcut.showShortcuts"), this::toggleShortcuts);
        t.list("Alt+Shift+Up", Messages.text("main.shortcut.moveUp"), () -> itemList.outline().moveFocused(-1));
        t.list("Alt+Shift+Down", Messages.text("main.shortcut.moveDown"), () -> itemList.outline().moveFocused(1));
        t.list("Shortcut+Close Bracket", Messages.text("main.shortcut.indent"), () -> itemList.outline().indentSelected());
        t.list("Shortcut+Open Bracket", Messages.text("main.shortcut.outdent"), () -> itemList.outline().outdentSelected());
        t.list("Left", Messages.text("main.shortcut.fold"), () -> itemList.outline().foldFocused(true));
        t.list("Right", Messages.text("main.shortcut.unfold"), () -> itemList.outline().foldFocused(false));
        t.list("Shortcut+Period", Messages.text("main.shortcut.toggleFold"), () -> itemList.outline().foldFocused(null));
        t.builtIn("Shift+Down", Messages.text("main.shortcut.selectNext"));
        t.builtIn("Shift+Up", Messages.text("main.shortcut.selectPrevious"));
        t.builtIn("Shortcut+A", Messages.text("main.shortcut.selectAll"));
        for (String[] k : CalendarView.KEYS) {
            t.builtIn(k[0], Messages.text(k[1]));
        }
        t.builtIn("Esc", Messages.text("main.shortcut.escape"));
        t.builtIn("Tab", Messages.text("main.shortcut.tab"));
        return t;
    }

    /**
     * Redo, unless a text field has the focus. As for Ctrl+Z (which a text field takes for its own undo),
     * the redo keys there belong to the text: the field redoes its typing where the platform binds that
     * key (Ctrl+Shift+Z on Linux, Ctrl+Y on Windows) and the other key does nothing, rather than redo an
     * action elsewhere while the user is typing.
     */
    private void redo() {
        if (!(getScene() != null && getScene().getFocusOwner() instanceof TextInputControl)) {
            vm.commands().redo();
        }
    }

    private void withSelection(Consumer<List<ItemRow>> action) {
        List<ItemRow> rows = itemList.selectedRows();
        if (!rows.isEmpty()) {
            action.accept(rows);
        }
    }

    private void showRowMenu() {
        int i = itemList.getSelectionModel().getSelectedIndex();
        if (i < 0) {
            return;
        }
        itemList.showMenuOfRow(i);
    }

    /** The ?/F1 overlay: shown over the list and editor; closing gives the focus back. */
    public void toggleShortcuts() {
        if (overlay.getChildren().size() > 1) {
            overlay.getChildren().remove(1);
            if (focusBeforeOverlay != null) {
                focusBeforeOverlay.requestFocus();
            }
            return;
        }
        focusBeforeOverlay = getScene() == null ? null : getScene().getFocusOwner();
        ShortcutOverlay o = new ShortcutOverlay(shortcuts, this::toggleShortcuts);
        overlay.getChildren().add(o);
        o.requestFocus();
    }

    /** The shortcut table the window uses. */
    public Shortcuts shortcuts() {
        return shortcuts;
    }

    private void installShortcuts(Scene s) {
        shortcuts.install(s);
    }

    /** Stops the live queries. The device is closed by its owner. */
    public void close() {
        reminders.stop();
        window.close();
    }
}
