package dev.tandem.app.view;

import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.app.vm.window.SidebarEntry;
import dev.tandem.app.vm.outline.OutlineDrop;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The sidebar: smart lists, user lists with counts, conflicts with an unseen badge, "New list". */
public final class SidebarView extends VBox {
    /** Its width, and the narrower one the main view gives it in a small window. */
    static final double WIDTH = 220;
    static final double NARROW_WIDTH = 180;
    /** The most a long language widens the sidebar to: in a small window the list and the editor keep their least. */
    static final double NARROW_MAX = 230;
    static final double WIDE_MAX = 260;
    /** A row besides its name: the icon, two gaps, a count badge, the row's padding and border. */
    private static final double ROW_EXTRAS = 17 + 2 * 10 + 34 + 20;
    /** The views every sidebar shows, in the app's own words. */
    private static final List<String> OWN_WORDS = List.of("main.sidebar.inbox", "main.sidebar.today",
            "main.sidebar.upcoming", "main.sidebar.agenda", "main.sidebar.calendar", "main.sidebar.someday",
            "main.sidebar.completed", "main.sidebar.trash", "main.sidebar.conflicts");
    private final BooleanProperty narrow = new SimpleBooleanProperty(false);
    /** The names {@link #namesWidth} was measured for, and the width the widest of them needs. */
    private List<String> measuredNames = List.of();
    private double namesWidth;
    private final MainViewModel vm;
    private final ListView<SidebarEntry> list = new ListView<>();
    private boolean syncing;
    /** Lists are dragged up and down to order them (the built-in views and tags keep their places). */
    private final RowDrag<SidebarEntry> drag;

    public SidebarView(MainViewModel vm, String deviceName) {
        this.vm = vm;
        getStyleClass().add(Styles.SIDEBAR);
        setMinWidth(Region.USE_PREF_SIZE);
        narrow.addListener((o, a, b) -> requestLayout());
        // In a small window the rows take less padding (tandem.css): "Boîte de réception" keeps its last letters.
        PseudoStates.bind(this, PseudoStates.NARROW, narrow);

        Label title = new Label(Messages.text("main.sidebar.title"));
        title.getStyleClass().add(Styles.TITLE);
        HBox header = new HBox(Icons.of(Icons.LOGO, 22), title);
        header.getStyleClass().add(Styles.SIDEBAR_HEADER);

        list.setId("sidebar");
        // Registered before the list view's own listener: while the rows change (a list moved, renamed, counted),
        // the selection the list view shifts onto a neighbour is no choice of the person's and must not navigate.
        vm.sidebar().addListener((ListChangeListener<SidebarEntry>) c -> syncing = true);
        list.setItems(vm.sidebar());
        drag = new RowDrag<>(list, SidebarView::movable, (a, b) -> false, this::dropped);
        list.setCellFactory(lv -> new EntryCell());
        // Alt+Shift+Up/Down move the selected list (or smart list) one place among its kind, as they move a todo
        // in a list. A filter: the list's own keys (Shift+Down extends a selection) would take the event first.
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            SidebarEntry at = list.getSelectionModel().getSelectedItem();
            boolean up = e.getCode() == KeyCode.UP;
            if (!e.isAltDown() || !e.isShiftDown() || at == null || !movable(at) || !(up || e.getCode() == KeyCode.DOWN)) {
                return;
            }
            e.consume();
            List<SidebarEntry> same = list.getItems().stream().filter(x -> x.kind() == at.kind()).toList();
            int i = same.indexOf(at);
            if (up && i > 0) {
                move(at, same.get(i - 1));
            } else if (!up && i >= 0 && i + 1 < same.size()) {
                move(at, i + 2 < same.size() ? same.get(i + 2) : null);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !syncing) {
                vm.select(b);
            }
        });
        vm.chrome().shownKeyProperty().addListener((o, a, key) -> selectEntry(key));
        vm.sidebar().addListener((ListChangeListener<SidebarEntry>) c -> {
            syncing = false;
            selectEntry(vm.chrome().shownKeyProperty().get());
            measureNames();
        });

        Button newList = new Button(Messages.text("main.sidebar.newList"), Icons.of(MaterialDesignP.PLUS, 16));
        newList.setId("new-list");
        newList.getStyleClass().add(Styles.BUTTON_FLAT);
        newList.setMaxWidth(Double.MAX_VALUE);
        newList.setAlignment(Pos.CENTER_LEFT);
        newList.setTooltip(new Tooltip(Messages.text("main.sidebar.newListTip")));
        newList.setOnAction(e -> vm.commands().listCommands().newList());
        newList.setFocusTraversable(false);

        Button newFilter = new Button(Messages.text("main.sidebar.newSmartList"), Icons.of(Icons.FILTER, 16));
        newFilter.setId("new-smart-list");
        newFilter.getStyleClass().add(Styles.BUTTON_FLAT);
        newFilter.setMaxWidth(Double.MAX_VALUE);
        newFilter.setAlignment(Pos.CENTER_LEFT);
        newFilter.setTooltip(new Tooltip(Messages.text("main.sidebar.newSmartListTip")));
        newFilter.setOnAction(e -> vm.smartLists().create());
        newFilter.setFocusTraversable(false);

        for (Button b : new Button[] {newList, newFilter}) {
            // "Nouvelle liste intelligente" goes on two lines in a narrow sidebar rather than end in "…".
            b.setWrapText(true);
            b.setMinHeight(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(header, list, newList, newFilter);
        measureNames();
    }

    /** True in a small window (MainView sets it): the sidebar takes its narrow width. */
    public BooleanProperty narrowProperty() {
        return narrow;
    }

    /**
     * {@link #WIDTH}, or {@link #NARROW_WIDTH} in a small window, widened (up to {@link #WIDE_MAX} or
     * {@link #NARROW_MAX}) to show the app's own views whole in a long language: "Boîte de réception" and its count
     * need more than 180 px. In a window that is not small, the names people give their lists, smart lists and tags
     * widen it too, up to {@link #WIDE_MAX}: "Urgent or errand" read "Urgent or err…" when selected (bold) with
     * room to spare; in a small window the list and the editor need that room more.
     */
    @Override
    protected double computePrefWidth(double height) {
        boolean small = narrow.get();
        double base = small ? NARROW_WIDTH : WIDTH;
        double words = Math.max(ownWordsWidth(), small ? 0 : namesWidth + ROW_EXTRAS + snappedLeftInset() + snappedRightInset());
        return Math.min(Math.max(base, words), small ? NARROW_MAX : WIDE_MAX);
    }

    /** The width a row needs to show the longest of the app's own views, bold as when selected, with a count. */
    private double ownWordsWidth() {
        List<String> words = new ArrayList<>();
        for (String key : OWN_WORDS) {
            words.add(Messages.text(key));
        }
        return widest(words) + ROW_EXTRAS + snappedLeftInset() + snappedRightInset();
    }

    /**
     * Measures the entries' names again when they are others than last time (a count that changes measures
     * nothing), and lays the window out again when the widest of them needs another width.
     */
    private void measureNames() {
        List<String> names = vm.sidebar().stream().map(SidebarEntry::name).toList();
        if (names.equals(measuredNames)) {
            return;
        }
        measuredNames = names;
        double w = widest(names);
        if (w != namesWidth) {
            namesWidth = w;
            requestLayout();
        }
    }

    /** The width the widest of {@code words} takes, bold as a selected row shows it. */
    private static double widest(List<String> words) {
        Text probe = new Text();
        probe.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Font.getDefault().getSize()));
        double widest = 0;
        for (String w : words) {
            probe.setText(w);
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        return Math.ceil(widest);
    }

    /** Lists and smart lists take the order a person gives them; the fixed views and tags keep theirs. */
    private static boolean movable(SidebarEntry e) {
        return e.kind() == SidebarEntry.Kind.LIST || e.kind() == SidebarEntry.Kind.FILTER;
    }

    /**
     * A list or smart list dropped above or below row {@code at}: before the one of its kind there, or the next
     * (none: last; on a row above them all: first).
     */
    private void dropped(int from, int at, OutlineDrop.Zone zone) {
        List<SidebarEntry> entries = list.getItems();
        if (from < 0 || from >= entries.size()) {
            return;
        }
        SidebarEntry moving = entries.get(from);
        int start = at >= entries.size() ? entries.size() : zone == OutlineDrop.Zone.ABOVE ? at : at + 1;
        SidebarEntry before = null;
        for (int k = start; k < entries.size() && before == null; k++) {
            if (entries.get(k).kind() == moving.kind() && entries.get(k) != moving) {
                before = entries.get(k);
            }
        }
        move(moving, before);
    }

    /** Puts {@code moving} before {@code before} (of its kind; null: last). */
    private void move(SidebarEntry moving, SidebarEntry before) {
        if (moving.kind() == SidebarEntry.Kind.FILTER) {
            vm.smartLists().move(moving.filterId(), moving.name(), before == null ? null : before.filterId());
        } else {
            vm.outline().moveList(moving.listId(), moving.name(), before == null ? null : before.listId());
        }
    }

    private void selectEntry(String key) {
        syncing = true;
        try {
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i).key().equals(key)) {
                    if (list.getSelectionModel().getSelectedIndex() != i) {
                        list.getSelectionModel().select(i);
                    }
                    return;
                }
            }
            list.getSelectionModel().clearSelection();
        } finally {
            syncing = false;
        }
    }

    private static final Pattern ICON_COLOR = Pattern.compile("-fx-icon-color: #[0-9a-fA-F]{6};");

    static Ikon iconFor(SidebarEntry e) {
        return switch (e.icon()) {
            case LIST -> Icons.LIST;
            case SHARED_LIST -> Icons.SHARED_LIST;
            case CONFLICTS -> Icons.CONFLICTS;
            case INBOX -> Icons.INBOX;
            case TODAY -> Icons.TODAY;
            case UPCOMING -> Icons.UPCOMING;
            case SOMEDAY -> Icons.SOMEDAY;
            case AGENDA -> Icons.AGENDA;
            case CALENDAR -> Icons.CALENDAR;
            case COMPLETED -> Icons.COMPLETED;
            case TRASH -> Icons.TRASH;
            case TAG -> Icons.TAG;
            case FILTER -> Icons.FILTER;
        };
    }

    /**
     * One entry of the sidebar. An update changes only what differs (a node put back, or a style class taken off
     * and on, is styled from scratch), and what few entries show is made when first needed: a tooltip and a
     * context menu are each a window, made for the entry that shows one or when the menu is asked for.
     */
    private final class EntryCell extends ListCell<SidebarEntry> {
        private final FontIcon icon = new FontIcon();
        private final Label name = new Label();
        private final Label badge = new Label();
        private final Label section = new Label();
        private Tooltip sharedTip;
        private Tooltip problemTip;
        private final HBox row;
        private final VBox box;

        EntryCell() {
            getStyleClass().add(Styles.SIDEBAR_CELL);
            // As wide as the sidebar, never as wide as a long list name: otherwise the list scrolls sideways,
            // the rows' right ends (the counts, the selection's rounded edge) are cut off, and the name is not
            // shortened with "…".
            setPrefWidth(0);
            badge.setMinWidth(Region.USE_PREF_SIZE);
            icon.setIconSize(17);
            // The name takes the room up to the badge (a spacer would cost a gap the name needs in French).
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            row = new HBox(10, icon, name, badge);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("sidebar-row");
            section.getStyleClass().add(Styles.SIDEBAR_SECTION);
            box = new VBox(row);
            setText(null);
            drag.install(this);
            // Before the cell's own handler, which shows the context menu it has.
            addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, ev -> menuOnRequest());
        }

        /** The menu of the entry shown, made now; null for an empty cell or an entry with none. */
        ContextMenu menuOnRequest() {
            SidebarEntry e = getItem();
            setContextMenu(isEmpty() || e == null ? null : SidebarMenus.menuFor(vm, e));
            return getContextMenu();
        }

        @Override
        protected void updateItem(SidebarEntry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                setContextMenu(null);
                setTooltip(null);
                return;
            }
            icon.setIconCode(iconFor(e));
            // A smart list's own colour, #rrggbb (SidebarEntry keeps nothing else); none: the theme's. Only
            // this part of the inline style is ours: Ikonli keeps the icon's font and size there.
            String kept = ICON_COLOR.matcher(icon.getStyle()).replaceAll("");
            icon.setStyle(!e.color().isEmpty() ? kept + "-fx-icon-color: " + e.color() + ";" : kept);
            name.setText(e.name());
            boolean unreadable = e.kind() == SidebarEntry.Kind.FILTER && e.alert();
            badge.setText(unreadable ? "!" : e.tooSlow() ? Messages.text("main.sidebar.tooSlowBadge")
                    : e.count() > 0 ? String.valueOf(e.count()) : "");
            badge.setVisible(unreadable || e.tooSlow() || e.count() > 0);
            String spoken = e.shared() ? Messages.text("main.sidebar.a11y.shared", e.name()) : e.name();
            setAccessibleText(e.tooSlow() ? Messages.text("main.sidebar.a11y.tooSlow", spoken)
                    : e.count() > 0 ? Messages.text("main.sidebar.a11y.count", spoken, e.count()) : spoken);
            Tooltip tip = null;
            if (e.tooSlow()) {
                if (problemTip == null) {
                    problemTip = new Tooltip();
                }
                problemTip.setText(Messages.text("main.sidebar.tooSlow"));
                tip = problemTip;
            } else if (unreadable) {
                if (problemTip == null) {
                    problemTip = new Tooltip();
                }
                problemTip.setText(e.problem());
                tip = problemTip;
            } else if (e.shared()) {
                if (sharedTip == null) {
                    sharedTip = new Tooltip();
                }
                sharedTip.setText(e.with().isEmpty() ? "" : Messages.text("main.sidebar.sharedTip",
                        Character.toUpperCase(e.with().charAt(0)) + e.with().substring(1)));
                tip = sharedTip;
            }
            if (getTooltip() != tip) {
                setTooltip(tip);
            }
            StyleClasses.set(badge, Styles.ALERT_BADGE, e.alert());
            StyleClasses.set(badge, Styles.COUNT_BADGE, !e.alert());
            int idx = getIndex();
            SidebarEntry prev = idx > 0 && idx - 1 < getListView().getItems().size() ? getListView().getItems().get(idx - 1) : null;
            boolean startsSection = prev != null && prev.kind() != e.kind();
            if (startsSection) {
                section.setText(Messages.text(switch (e.kind()) {
                    case LIST -> "main.sidebar.section.lists";
                    case TAG -> "main.sidebar.section.tags";
                    case FILTER -> "main.sidebar.section.smartLists";
                    default -> "main.sidebar.section.sync";
                }));
            }
            List<Node> wanted = startsSection ? List.of(section, row) : List.of(row);
            if (!box.getChildren().equals(wanted)) {
                box.getChildren().setAll(wanted);
            }
            // The context menu is made when asked for (menuOnRequest), from the entry shown then: an entry is
            // updated at every count that changes, and a menu is a window.
            setGraphic(box);
        }
    }
}
