package dev.tandem.app.view;

import dev.tandem.app.view.agenda.AgendaView;
import dev.tandem.app.view.calendar.CalendarView;
import dev.tandem.app.view.conflict.ConflictsView;
import dev.tandem.app.view.editor.EditorView;
import dev.tandem.app.view.quickadd.QuickAddField;
import dev.tandem.app.view.quickadd.QuickAddLine;
import dev.tandem.app.view.quickadd.QuickAddStatusView;
import dev.tandem.app.view.quickadd.QuickAddTokensView;
import dev.tandem.app.vm.settings.AppearanceViewModel;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.app.vm.shared.SyncStatusViewModel;
import dev.tandem.app.vm.window.WindowViewModel;
import dev.tandem.app.vm.calendar.CalendarRange;
import dev.tandem.app.vm.conflict.ConflictsViewModel;
import dev.tandem.app.vm.editor.EditorViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.Theme;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
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
 * conflicts), the editor and the status bar. Keyboard first; the keys are {@link MainShortcuts}'.
 */
public final class MainView extends BorderPane {
    /** The least width of the list and its header: the editor shrinks to its own minimum before this does. */
    static final double CENTER_MIN = 280;
    /** Where the divider between the list and the editor starts: the list gets the larger share. */
    static final double EDITOR_DIVIDER = 0.64;
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
    /** The ?/F1 overlay while it shows. */
    private ShortcutOverlay shortcutOverlay;
    private Node focusBeforeOverlay;
    /** Held here: a binding only its listeners refer to would be collected, and the editor's side stop following. */
    private final BooleanBinding editorWanted;
    private final EditorSplit editorSplit;

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

        SplitPane split = new SplitPane(center);
        // The editor's side shows while it has something to show (EditorSplit). Both sides follow the window in
        // proportion: made narrower, the editor gives way as the list does (down to its own minimum) rather than
        // keep its width and leave the list at its least.
        editorWanted = showingConflicts.not()
                .and(editor.showingProperty().or(vm.selectionCountProperty().greaterThan(1)));
        editorSplit = new EditorSplit(split, editorView, editorWanted, EDITOR_DIVIDER);

        sidebar = new SidebarView(vm, window.deviceName());
        setLeft(sidebar);
        overlay = new StackPane(split);
        // The window may be narrower than the list and the editor would like (its minimum is 760 px). The
        // list keeps CENTER_MIN, so the editor gives way first (the split keeps both minimums), and the sidebar
        // narrows in a small window; only below the sum of the minimums is the right edge clipped, so the
        // layout never grows past the window and the status bar below keeps its controls in view.
        center.setMinWidth(CENTER_MIN);
        // Likewise for the height: a BorderPane grows to its children's least heights, past the window's bottom,
        // and the status bar went with it; what is taller than the room scrolls (the editor) or is clipped.
        for (Region r : new Region[] {split, overlay}) {
            r.setMinWidth(0);
            r.setMinHeight(0);
        }
        sidebar.narrowProperty().bind(widthProperty().lessThan(SMALL_WINDOW));
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(overlay.widthProperty());
        clip.heightProperty().bind(overlay.heightProperty());
        overlay.setClip(clip);
        setCenter(overlay);
        shortcuts = new MainShortcuts(this, window, itemList, editorView, quickAdd, search).table();
        itemList.setShortcuts(shortcuts);
        editor.attachments().ifPresent(itemList::acceptAttachments);
        // Over the list and the editor, at their bottom right: inside the window and above the status bar.
        ReminderCards cards = new ReminderCards();
        overlay.getChildren().add(cards);
        reminders = new ReminderNotifier(window.reminders(), cards);
        setBottom(new StatusBarView(status, window::syncNow, window::openSyncSettings).withBackups(vm.recovery()));
        TransferMenu.acceptDrops(this, window.transfer());
        sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                editorSplit.install(s);
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
    void showAgenda() {
        vm.selectAgenda();
        if (agendaView != null) {
            agendaView.requestFocus();
        }
    }

    /** Ctrl+Shift+W and Ctrl+Shift+K: the calendar as a week or a month, with the keyboard in it. */
    void showCalendar(CalendarRange.Mode mode) {
        vm.selectCalendar(mode);
        if (calendarView != null) {
            calendarView.requestFocus();
        }
    }

    /** Ctrl+L: the keyboard into the calendar, the agenda or the list, whichever is shown. */
    void focusList() {
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

    /** The ?/F1 overlay: shown over the list and editor; closing gives the focus back. */
    public void toggleShortcuts() {
        if (shortcutOverlay != null) {
            overlay.getChildren().remove(shortcutOverlay);
            shortcutOverlay = null;
            if (focusBeforeOverlay != null) {
                focusBeforeOverlay.requestFocus();
            }
            return;
        }
        focusBeforeOverlay = getScene() == null ? null : getScene().getFocusOwner();
        shortcutOverlay = new ShortcutOverlay(shortcuts, this::toggleShortcuts);
        // Under the reminder cards, which stay where they can be answered.
        overlay.getChildren().add(1, shortcutOverlay);
        shortcutOverlay.requestFocus();
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
