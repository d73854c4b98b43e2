package dev.tandem.app.view;

import dev.tandem.app.vm.AppearanceViewModel;
import dev.tandem.app.vm.ConflictsViewModel;
import dev.tandem.app.vm.EditorViewModel;
import dev.tandem.app.vm.ItemRow;
import dev.tandem.app.vm.MainViewModel;
import dev.tandem.app.vm.SyncStatusViewModel;
import dev.tandem.app.vm.UndoManager;
import dev.tandem.app.vm.WindowViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.Theme;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * One device's window content: sidebar, header with search, quick-add, the live item list (or the
 * conflicts), the editor and the status bar. Keyboard first; see {@link #installShortcuts}.
 */
public final class MainView extends BorderPane {
    private final WindowViewModel window;
    private final MainViewModel vm;
    private final EditorViewModel editor;
    private final ConflictsViewModel conflicts;
    private final SyncStatusViewModel status;
    private final AppearanceViewModel appearance;
    private final TextField quickAdd;
    private final TextField search;
    private final ItemListView itemList;
    private final EditorView editorView;
    private final SidebarView sidebar;

    public MainView(WindowViewModel window) {
        this.window = window;
        this.vm = window.main();
        this.editor = window.editor();
        this.conflicts = window.conflicts();
        this.status = window.status();
        this.appearance = window.appearance();
        UndoManager undo = vm.undoManager();
        getStyleClass().add(Styles.ROOT);

        // Center: header, quick add, list or conflicts.
        Label title = new Label();
        title.setId("view-title");
        title.getStyleClass().add(Styles.TITLE);
        title.textProperty().bind(vm.titleProperty());
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label count = new Label();
        count.getStyleClass().add(Styles.SUBTITLE);
        count.textProperty().bind(vm.countTextProperty());
        VBox titles = new VBox(0, title, count);

        CustomTextField searchField = (CustomTextField) TextFields.createClearableTextField();
        search = searchField;
        searchField.setLeft(Icons.of(MaterialDesignM.MAGNIFY, 15));
        search.setId("search");
        search.setPromptText("Search  (Ctrl+F)");
        search.getStyleClass().add(Styles.SEARCH_FIELD);
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                focusList();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                focusList();
            }
        });

        Button undoButton = iconButton(MaterialDesignU.UNDO, "Undo (Ctrl+Z)");
        undoButton.disableProperty().bind(undo.canUndoProperty().not());
        undoButton.setOnAction(e -> vm.commands().undo());
        undo.labelProperty().addListener((o, a, b) -> undoButton.getTooltip().setText(b.isEmpty() ? "Undo (Ctrl+Z)" : b + " (Ctrl+Z)"));
        Button themeButton = iconButton(MaterialDesignW.WEATHER_NIGHT, "Dark theme (Ctrl+Shift+L)");
        themeButton.setId("toggle-theme");
        themeButton.setOnAction(e -> toggleTheme());
        appearance.themeProperty().addListener((o, a, t) -> {
            ((FontIcon) themeButton.getGraphic()).setIconCode(t == Theme.DARK ? MaterialDesignW.WHITE_BALANCE_SUNNY : MaterialDesignW.WEATHER_NIGHT);
            themeButton.getTooltip().setText(t == Theme.DARK ? "Light theme (Ctrl+Shift+L)" : "Dark theme (Ctrl+Shift+L)");
        });
        Button emptyTrash = new Button("Empty Trash", Icons.of(MaterialDesignD.DELETE_OUTLINE, 15));
        emptyTrash.setId("empty-trash");
        emptyTrash.setOnAction(e -> vm.commands().emptyTrash());
        emptyTrash.visibleProperty().bind(vm.emptyTrashShownProperty());
        emptyTrash.managedProperty().bind(emptyTrash.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, titles, spacer, emptyTrash, search, undoButton, themeButton,
                new TransferMenu(window.transfer()));
        header.getStyleClass().add(Styles.CONTENT_HEADER);

        CustomTextField qa = new CustomTextField();
        quickAdd = qa;
        qa.setLeft(Icons.of(MaterialDesignP.PLUS, 17));
        quickAdd.setId("quick-add");
        quickAdd.getStyleClass().add(Styles.QUICK_ADD);
        quickAdd.setPromptText("Add a todo — try “Call Sam tomorrow #Work”  (Ctrl+N)");
        quickAdd.setOnAction(e -> {
            if (vm.commands().quickAdd(quickAdd.getText())) {
                quickAdd.clear();
            }
        });
        HBox quickBox = new HBox(quickAdd);
        HBox.setHgrow(quickAdd, Priority.ALWAYS);
        quickBox.getStyleClass().add("quick-add-box");
        quickBox.visibleProperty().bind(vm.quickAddShownProperty());
        quickBox.managedProperty().bind(quickBox.visibleProperty());

        itemList = new ItemListView(vm);
        StackPane body = new StackPane(itemList);
        ReadOnlyBooleanProperty showingConflicts = vm.conflictsShownProperty();
        itemList.visibleProperty().bind(showingConflicts.not());
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

        VBox center = new VBox(header, quickBox, body);
        center.getStyleClass().add(Styles.CONTENT);

        editorView = new EditorView(editor, vm);
        itemList.setOnOpen(() -> editorView.titleField().requestFocus());

        SplitPane split = new SplitPane(center, editorView);
        split.setDividerPositions(0.64);
        SplitPane.setResizableWithParent(editorView, false);
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
        setCenter(split);
        setBottom(new StatusBarView(status, window::syncNow, window::openSyncSettings));
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
    private void checkDateOnFocus(javafx.stage.Window w) {
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

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return appearance.themeProperty();
    }

    private static Button iconButton(Ikon icon, String tip) {
        Button b = new Button(null, Icons.of(icon, 18));
        b.getStyleClass().add(Styles.BUTTON_FLAT);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
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

    private void focusList() {
        itemList.requestFocus();
        if (itemList.getSelectionModel().isEmpty() && !itemList.getItems().isEmpty()) {
            itemList.getSelectionModel().select(0);
        }
    }

    /**
     * Ctrl+N new todo, Ctrl+F search, Ctrl+D or Ctrl+Enter complete, Delete move to Trash,
     * Ctrl+Z undo, Ctrl+Up/Down previous/next list, Ctrl+1..9 jump to a list, Ctrl+R sync now,
     * Ctrl+, sync settings, Ctrl+Shift+N new list, Ctrl+Shift+L theme, Ctrl+E edit the selected todo.
     */
    private void installShortcuts(Scene s) {
        var acc = s.getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> {
            if (!quickAdd.isVisible()) {
                vm.selectInbox();
            }
            quickAdd.requestFocus();
        });
        acc.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            search.requestFocus();
            search.selectAll();
        });
        Runnable complete = () -> {
            ItemRow it = itemList.getSelectionModel().getSelectedItem();
            if (it != null) {
                vm.commands().toggleDone(it);
            }
        };
        acc.put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), complete);
        acc.put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), complete);
        acc.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), vm.commands()::undo);
        acc.put(new KeyCodeCombination(KeyCode.UP, KeyCombination.SHORTCUT_DOWN), () -> vm.selectRelative(-1));
        acc.put(new KeyCodeCombination(KeyCode.DOWN, KeyCombination.SHORTCUT_DOWN), () -> vm.selectRelative(1));
        acc.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), window::syncNow);
        acc.put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), window::openSyncSettings);
        acc.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), vm.commands()::newList);
        acc.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::toggleTheme);
        acc.put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), () -> editorView.titleField().requestFocus());
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < digits.length; i++) {
            int idx = i;
            acc.put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN), () -> {
                vm.selectSidebarEntry(idx);
            });
        }
    }

    /** Stops the live queries. The device is closed by its owner. */
    public void close() {
        window.close();
    }
}
