package dev.tandem.app.view;

import dev.tandem.app.vm.AppearanceViewModel;
import dev.tandem.app.vm.ListOrder;
import dev.tandem.app.vm.MainViewModel;
import dev.tandem.app.vm.UndoManager;
import dev.tandem.app.vm.WindowViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.Theme;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * The header above the item list: the view's title and count line, Empty Trash, the sort order,
 * search, undo, the theme switch, the shortcuts button and the transfer menu. It binds to the
 * window's view-models; moving the focus to the list and the shortcuts overlay belong to the
 * window, which passes them in.
 *
 * <p>The controls sit in one row right of the title while they fit beside at least {@link #TITLE_BESIDE}
 * of it. In a narrower centre (a window under about 1,180 px, the editor open) the title takes a row of its
 * own and the controls wrap onto as many rows below it as they need: every button stays whole and inside
 * the window, rather than being cut off at its right edge or squeezing the title to "…".
 */
final class HeaderView extends VBox {
    /** Below this width the header drops its "Sort" label. */
    private static final double NARROW = 620;
    /** The width of the title (or all of it, if shorter) kept beside the controls before it moves above them. */
    static final double TITLE_BESIDE = 140;
    /** The search field's width, and the least it shrinks to (set here, not in CSS: it follows the header's width). */
    static final double SEARCH_WIDTH = 220;
    static final double SEARCH_MIN = 90;
    private final TextField search;
    private final VBox titles;
    private final FlowPane controls;
    private final HBox line = new HBox(10);
    private Boolean stacked;

    HeaderView(WindowViewModel window, Runnable focusList, Runnable toggleShortcuts) {
        super(10);
        MainViewModel vm = window.main();
        AppearanceViewModel appearance = window.appearance();
        UndoManager undo = vm.undoManager();

        Label title = new Label();
        title.setId("view-title");
        title.getStyleClass().add(Styles.TITLE);
        title.textProperty().bind(vm.titleProperty());
        // A long list name gives way (shortened with "…") before the header's controls do.
        title.setMinWidth(0);
        Label count = new Label();
        count.setId("view-count");
        count.getStyleClass().add(Styles.SUBTITLE);
        count.textProperty().bind(vm.chrome().countTextProperty());
        count.setMinWidth(0);
        titles = new VBox(0, title, count);
        titles.setMinWidth(0);

        CustomTextField searchField = (CustomTextField) TextFields.createClearableTextField();
        search = searchField;
        searchField.setLeft(Icons.of(MaterialDesignM.MAGNIFY, 15));
        search.setId("search");
        FittingPrompt.apply(search, List.of("Search  (Ctrl+F)", "Search"));
        search.getStyleClass().add(Styles.SEARCH_FIELD);
        search.setMinWidth(SEARCH_MIN);
        search.setPrefWidth(SEARCH_WIDTH);
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                focusList.run();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                focusList.run();
            }
        });

        Button undoButton = iconButton(MaterialDesignU.UNDO, "Undo (Ctrl+Z)");
        undoButton.disableProperty().bind(undo.canUndoProperty().not());
        undoButton.setOnAction(e -> vm.commands().undo());
        undo.labelProperty().addListener((o, a, b) -> undoButton.getTooltip().setText(b.isEmpty() ? "Undo (Ctrl+Z)" : b + " (Ctrl+Z)"));
        Button themeButton = iconButton(MaterialDesignW.WEATHER_NIGHT, "Dark theme (Ctrl+Shift+L)");
        themeButton.setId("toggle-theme");
        themeButton.setOnAction(e -> appearance.toggle());
        appearance.themeProperty().addListener((o, a, t) -> {
            ((FontIcon) themeButton.getGraphic()).setIconCode(t == Theme.DARK ? MaterialDesignW.WHITE_BALANCE_SUNNY : MaterialDesignW.WEATHER_NIGHT);
            themeButton.getTooltip().setText(t == Theme.DARK ? "Light theme (Ctrl+Shift+L)" : "Dark theme (Ctrl+Shift+L)");
        });
        Button emptyTrash = new Button("Empty Trash", Icons.of(MaterialDesignD.DELETE_OUTLINE, 15));
        emptyTrash.setId("empty-trash");
        emptyTrash.setOnAction(e -> vm.commands().emptyTrash());
        emptyTrash.visibleProperty().bind(vm.chrome().emptyTrashShownProperty());
        emptyTrash.managedProperty().bind(emptyTrash.visibleProperty());
        emptyTrash.setMinWidth(Region.USE_PREF_SIZE);

        Label sortLabel = new Label("Sort");
        sortLabel.setMinWidth(Region.USE_PREF_SIZE);
        // In a narrow window the choice box speaks for itself.
        sortLabel.visibleProperty().bind(widthProperty().greaterThan(NARROW));
        sortLabel.managedProperty().bind(sortLabel.visibleProperty());
        ChoiceBox<ListOrder> sort = new ChoiceBox<>(FXCollections.observableArrayList(ListOrder.values()));
        sort.setId("sort");
        sort.valueProperty().bindBidirectional(vm.sortProperty());
        sort.setAccessibleText("Sort order");
        // Never narrower than its longest choice: a tight header squeezes the search field instead.
        sort.setMinWidth(Region.USE_PREF_SIZE);
        sortLabel.setLabelFor(sort);
        HBox sortBox = new HBox(6, sortLabel, sort);
        sortBox.setAlignment(Pos.CENTER);

        Button keys = iconButton(Icons.KEYBOARD, "Keyboard shortcuts (F1)");
        keys.setId("show-shortcuts");
        keys.setOnAction(e -> toggleShortcuts.run());
        controls = new FlowPane(10, 6, emptyTrash, sortBox, search, undoButton, themeButton, keys,
                new TransferMenu(window.transfer(), window.main().listSharing().sharing().isPresent() ? window.main().listSharing()::join : null,
                        window.main().recovery()::showAsOf,
                        window.main().recovery().backups().isPresent() ? window.main().recovery()::showBackups : null));
        controls.setId("header-controls");
        controls.setRowValignment(VPos.CENTER);
        // Anchored to the right edge: a count line that gets longer or shorter never moves them sideways.
        controls.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(controls, Priority.ALWAYS);
        line.setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add(Styles.CONTENT_HEADER);
    }

    /**
     * Nothing but the padding: the width the header gets decides whether it stacks, so its minimum must not
     * follow from the one-row arrangement (which would then never be given the width to leave it).
     */
    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset();
    }

    /** One row or stacked, decided at each layout from the width the header got (see the class comment). */
    @Override
    protected void layoutChildren() {
        arrange(getWidth() - snappedLeftInset() - snappedRightInset());
        super.layoutChildren();
    }

    private void arrange(double width) {
        double others = oneRowWidth() - search.prefWidth(-1);
        double titleBeside = Math.min(titles.prefWidth(-1), TITLE_BESIDE);
        boolean stack = width < titleBeside + line.getSpacing() + others + SEARCH_MIN;
        // The search field gives way before anything wraps; when the row wraps anyway it keeps its width.
        double avail = (stack ? width : width - line.getSpacing() - titleBeside) - others;
        search.setPrefWidth(avail >= SEARCH_MIN ? Math.min(SEARCH_WIDTH, avail) : Math.min(SEARCH_WIDTH, width));
        // Beside the title the controls never wrap (the title gives way); stacked they wrap to the width.
        controls.setMinWidth(stack ? 0 : others + search.getPrefWidth());
        if (stacked == null || stack != stacked) {
            stacked = stack;
            controls.setAlignment(stack ? Pos.CENTER_LEFT : Pos.CENTER_RIGHT);
            if (stack) {
                line.getChildren().clear();
                getChildren().setAll(titles, controls);
            } else {
                line.getChildren().setAll(titles, controls);
                getChildren().setAll(line);
            }
        }
    }

    /** The width the shown controls take in a single row. */
    private double oneRowWidth() {
        double w = 0;
        int n = 0;
        for (Node c : controls.getChildren()) {
            if (c.isManaged()) {
                w += snapSizeX(c.prefWidth(-1));
                n++;
            }
        }
        return w + Math.max(0, n - 1) * controls.getHgap() + controls.snappedLeftInset() + controls.snappedRightInset();
    }

    /** The search field (Ctrl+F focuses it). */
    TextField search() {
        return search;
    }

    private static Button iconButton(Ikon icon, String tip) {
        Button b = new Button(null, Icons.of(icon, 18));
        b.getStyleClass().add(Styles.BUTTON_FLAT);
        b.setTooltip(new Tooltip(tip));
        // Icon only: screen readers say the tooltip's words.
        b.setAccessibleText(tip);
        b.setFocusTraversable(false);
        return b;
    }
}
