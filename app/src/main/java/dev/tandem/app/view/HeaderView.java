package dev.tandem.app.view;

import dev.tandem.app.vm.settings.AppearanceViewModel;
import dev.tandem.app.vm.window.ListOrder;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.app.vm.window.WindowViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.Theme;
import dev.tandem.ui.messages.Messages;
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
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
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
 * <p>The controls sit in one row right of the title while they fit beside {@link #TITLE_BESIDE} of it. In a
 * narrower centre (a window under about 1,100 px with the editor open, down to the least 760 px) the header takes
 * two rows: the title with the icon buttons at its right and the count line under them across the whole width,
 * then the sort order and search (with Empty Trash), which wrap only where even that row is too narrow. Every
 * button stays whole and inside the window. The arrangement follows the header's width and the title (a view's
 * own name reads whole beside the controls, the search field giving way for it, or on a row of its own), never the
 * count's text, so a count that changes moves nothing.
 */
final class HeaderView extends VBox {
    /** Below this width the header drops its "Sort" label. */
    private static final double NARROW = 620;
    /** The width kept for the title beside the controls in one row; below it the header takes two rows. */
    static final double TITLE_BESIDE = 140;
    /** The search field's width, and the least it shrinks to (set here, not in CSS: it follows the header's width). */
    static final double SEARCH_WIDTH = 220;
    static final double SEARCH_MIN = 90;
    private final TextField search;
    private final VBox titles;
    private final Label title = new Label();
    private final Label count = new Label();
    /** In two rows: the title's row, then the count line across the header's whole width. */
    private final VBox titleBlock = new VBox();
    /** Empty Trash, the sort order and search: beside the icons in one row, under the title in two. */
    private final FlowPane finder;
    /** Undo, the theme, the shortcuts and the ⋮ menu: at the right of the title's row, always. */
    private final HBox tools;
    private final HBox line = new HBox(10);
    private Layout layout;

    HeaderView(WindowViewModel window, Runnable focusList, Runnable toggleShortcuts) {
        super(10);
        MainViewModel vm = window.main();
        AppearanceViewModel appearance = window.appearance();
        UndoManager undo = vm.undoManager();

        title.setId("view-title");
        title.getStyleClass().add(Styles.TITLE);
        title.textProperty().bind(vm.titleProperty());
        // A long list name gives way (shortened with "…") before the header's controls do.
        title.setMinWidth(0);
        title.fontProperty().addListener((o, a, f) -> title.setMaxHeight(twoLines(f)));
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
        // "Search" alone: it reads whole at every width (a longer prompt was cut beside a narrow window's
        // editor); the shortcut is in the tooltip.
        search.setPromptText(Messages.text("main.header.search"));
        search.setTooltip(new Tooltip(Messages.text("main.header.searchTip")));
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

        Button undoButton = iconButton(MaterialDesignU.UNDO, Messages.text("main.header.undoTip"));
        undoButton.disableProperty().bind(undo.canUndoProperty().not());
        undoButton.setOnAction(e -> vm.commands().undo());
        undo.labelProperty().addListener((o, a, b) -> undoButton.getTooltip().setText(b.isEmpty()
                ? Messages.text("main.header.undoTip") : Messages.text("main.header.undoWhatTip", b)));
        Button themeButton = iconButton(MaterialDesignW.WEATHER_NIGHT, Messages.text("main.header.darkTip"));
        themeButton.setId("toggle-theme");
        themeButton.setOnAction(e -> appearance.toggle());
        appearance.themeProperty().addListener((o, a, t) -> {
            ((FontIcon) themeButton.getGraphic()).setIconCode(t == Theme.DARK ? MaterialDesignW.WHITE_BALANCE_SUNNY : MaterialDesignW.WEATHER_NIGHT);
            themeButton.getTooltip().setText(Messages.text(t == Theme.DARK ? "main.header.lightTip" : "main.header.darkTip"));
        });
        Button emptyTrash = new Button(Messages.text("main.header.emptyTrash"), Icons.of(MaterialDesignD.DELETE_OUTLINE, 15));
        emptyTrash.setId("empty-trash");
        emptyTrash.setOnAction(e -> vm.commands().emptyTrash());
        emptyTrash.visibleProperty().bind(vm.chrome().emptyTrashShownProperty());
        emptyTrash.managedProperty().bind(emptyTrash.visibleProperty());
        emptyTrash.setMinWidth(Region.USE_PREF_SIZE);

        Button plan = new Button(Messages.text("main.plan.button"), Icons.of(MaterialDesignC.CALENDAR_CLOCK, 15));
        plan.setId("plan-day");
        plan.setTooltip(new Tooltip(Messages.text("main.plan.buttonTip")));
        plan.setOnAction(e -> vm.planning().planToday());
        plan.disableProperty().bind(vm.planning().busyProperty());
        plan.visibleProperty().bind(vm.chrome().planShownProperty());
        plan.managedProperty().bind(plan.visibleProperty());
        plan.setMinWidth(Region.USE_PREF_SIZE);

        Label sortLabel = new Label(Messages.text("main.header.sort"));
        sortLabel.setMinWidth(Region.USE_PREF_SIZE);
        // In a narrow window the choice box speaks for itself.
        sortLabel.visibleProperty().bind(widthProperty().greaterThan(NARROW));
        sortLabel.managedProperty().bind(sortLabel.visibleProperty());
        ChoiceBox<ListOrder> sort = new ChoiceBox<>(FXCollections.observableArrayList(ListOrder.values()));
        sort.setId("sort");
        sort.valueProperty().bindBidirectional(vm.sortProperty());
        sort.setAccessibleText(Messages.text("main.header.sortOrder"));
        // Never narrower than its longest choice: a tight header squeezes the search field instead.
        sort.setMinWidth(Region.USE_PREF_SIZE);
        sortLabel.setLabelFor(sort);
        HBox sortBox = new HBox(6, sortLabel, sort);
        sortBox.setAlignment(Pos.CENTER);
        sortBox.visibleProperty().bind(vm.chrome().sortShownProperty());
        sortBox.managedProperty().bind(sortBox.visibleProperty());

        Button keys = iconButton(Icons.KEYBOARD, Messages.text("main.header.shortcutsTip"));
        keys.setId("show-shortcuts");
        keys.setOnAction(e -> toggleShortcuts.run());
        Button saveSearch = new Button(Messages.text("main.search.saveSmartList"), Icons.of(Icons.FILTER, 15));
        saveSearch.setId("save-smart-list");
        saveSearch.setTooltip(new Tooltip(Messages.text("main.search.saveSmartListTip")));
        saveSearch.setOnAction(e -> vm.smartLists().saveSearch());
        saveSearch.visibleProperty().bind(vm.chrome().searchSavableProperty());
        saveSearch.managedProperty().bind(saveSearch.visibleProperty());
        saveSearch.setMinWidth(Region.USE_PREF_SIZE);
        finder = new FlowPane(10, 6, emptyTrash, plan, sortBox, search, saveSearch);
        finder.setId("header-controls");
        finder.setRowValignment(VPos.CENTER);
        tools = new HBox(10, undoButton, themeButton, keys,
                new TransferMenu(window.transfer(), window.main().listSharing().sharing().isPresent() ? window.main().listSharing()::join : null,
                        window.main().recovery()::showAsOf,
                        window.main().recovery().backups().isPresent() ? window.main().recovery()::showBackups : null,
                        window.openOnPhone().orElse(null)));
        tools.setAlignment(Pos.CENTER_RIGHT);
        tools.setMinWidth(Region.USE_PREF_SIZE);
        finder.setAlignment(Pos.CENTER_LEFT);
        // The title takes what the controls leave: they stay anchored to the right edge, and a title or count
        // that gets longer or shorter never moves them sideways.
        HBox.setHgrow(titles, Priority.ALWAYS);
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

    /** One row or two, decided at each layout from the width the header got (see the class comment). */
    @Override
    protected void layoutChildren() {
        arrange(getWidth() - snappedLeftInset() - snappedRightInset());
        super.layoutChildren();
    }

    private void arrange(double width) {
        double searchMin = searchMin();
        search.setMinWidth(searchMin);
        double finderRow = rowWidth(finder.getChildren(), finder.getHgap()) - search.prefWidth(-1);
        double beside = finderRow + line.getSpacing() + tools.prefWidth(-1);
        // The title whole beside the controls where the search field can give it the room ("Work this week" was
        // cut with space to spare), else the header takes two rows and the title its own row's width.
        double titleNeed = Math.max(TITLE_BESIDE, Math.ceil(title.prefWidth(-1)));
        boolean two = width < titleNeed + line.getSpacing() + beside + searchMin;
        // The search field gives way before anything wraps; under the title it takes the rest of its row.
        // (A pixel to spare: rounding must not wrap it.)
        double avail = Math.floor(two ? width - finderRow : width - line.getSpacing() - titleNeed - beside) - 1;
        search.setPrefWidth(two ? (avail >= searchMin ? avail : Math.max(searchMin, width - 1)) : Math.max(searchMin, Math.min(SEARCH_WIDTH, avail)));
        // In one row the sort order and search never wrap (the title gives way); under the title they wrap to the width.
        finder.setMinWidth(two ? 0 : finderRow + search.getPrefWidth());
        finder.setPrefWrapLength(two ? width : finderRow + search.getPrefWidth());
        // In two rows the title shares its row with the icons; a title that does not fit there ("Boîte de réception"
        // beside a 760 px window's editor) takes the row alone, the icons going to the count's line under it, and
        // may take a second line rather than end in "…".
        boolean alone = two && width < titleNeed + line.getSpacing() + tools.prefWidth(-1);
        title.setWrapText(alone);
        Layout layout = !two ? Layout.ONE_ROW : alone ? Layout.TITLE_ALONE : Layout.TWO_ROWS;
        if (layout != this.layout) {
            this.layout = layout;
            switch (layout) {
                case ONE_ROW -> {
                    titles.getChildren().setAll(title, count);
                    line.getChildren().setAll(titles, finder, tools);
                    getChildren().setAll(line);
                }
                // In two rows the count line leaves the title's side for a line of its own under it: beside the
                // icons it would have as little as 90 px, and the Calendar's line was cut there.
                case TWO_ROWS -> {
                    titles.getChildren().setAll(title);
                    line.getChildren().setAll(titles, tools);
                    titleBlock.getChildren().setAll(line, count);
                    getChildren().setAll(titleBlock, finder);
                }
                case TITLE_ALONE -> {
                    titles.getChildren().setAll(count);
                    line.getChildren().setAll(titles, tools);
                    titleBlock.getChildren().setAll(title, line);
                    getChildren().setAll(titleBlock, finder);
                }
            }
        }
    }

    /** How the header's parts are arranged: see {@link #arrange}. */
    private enum Layout { ONE_ROW, TWO_ROWS, TITLE_ALONE }

    /**
     * The least width of the search field: its prompt whole between the magnifier and the clear button ("Rechercher"
     * was cut to "Recherc" at {@link #SEARCH_MIN}), never less than that.
     */
    private double searchMin() {
        Text probe = new Text(search.getPromptText());
        probe.setFont(search.getFont());
        CustomTextField field = (CustomTextField) search;
        double sides = 0;
        for (Node n : new Node[] {field.getLeft(), field.getRight()}) {
            sides += n == null ? 0 : n.prefWidth(-1) + 8;
        }
        return Math.max(SEARCH_MIN, Math.ceil(probe.getLayoutBounds().getWidth() + sides + search.snappedLeftInset()
                + search.snappedRightInset()) + 2);
    }

    /** The height of two lines of text in {@code font}, with the label's padding. */
    private double twoLines(Font font) {
        Text probe = new Text("Ag\nAg");
        probe.setFont(font);
        return Math.ceil(probe.getLayoutBounds().getHeight() + title.snappedTopInset() + title.snappedBottomInset()) + 2;
    }

    /** The width {@code nodes} take side by side, those shown, {@code hgap} apart. */
    private double rowWidth(List<Node> nodes, double hgap) {
        double w = 0;
        int n = 0;
        for (Node c : nodes) {
            if (c.isManaged()) {
                w += snapSizeX(c.prefWidth(-1));
                n++;
            }
        }
        return w + Math.max(0, n - 1) * hgap;
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
