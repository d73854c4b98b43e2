package dev.tandem.app.view;

import dev.tandem.app.vm.shared.EmptyState;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.app.vm.window.SelectionOrder;
import dev.tandem.app.vm.attachment.AttachmentsViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * The live item list. Its items are the view-model's {@link dev.tandem.app.fx.LiveList}, which
 * applies row diffs in place; around each diff this view restores the selection by id if a moved
 * row lost it, so the selection and scroll position survive updates from sync.
 */
public final class ItemListView extends ListView<ItemRow> {
    /** Below this width the rows take less padding. */
    static final double NARROW = 380;
    private final MainViewModel vm;
    private String rememberedId;
    /** The selection was that one row: restoring it replaces whatever the diff left selected. */
    private boolean rememberedAlone;
    private Runnable onOpen;
    private Shortcuts shortcuts;
    private AttachmentsViewModel attachments;
    private final RowDrag<ItemRow> rowDrag;
    private final OutlineActions outline;
    /** How many rows have subtasks ({@link #isNested}). */
    private int withChildren;

    /** Runs on double-click or Enter: the main view focuses the editor. */
    public void setOnOpen(Runnable r) {
        this.onOpen = r;
    }

    public ItemListView(MainViewModel vm) {
        super(vm.items());
        this.vm = vm;
        setId("items");
        getStyleClass().add(Styles.ITEM_LIST);
        // Beside the editor in a small window the rows take less padding (tandem.css): their details keep the room.
        PseudoStates.bind(this, PseudoStates.NARROW, widthProperty().lessThan(NARROW));
        // In a list's own order rows are dragged to move them; the middle of a todo takes the dragged one in.
        rowDrag = new RowDrag<>(this, r -> vm.outlinedProperty().get(),
                (dragged, target) -> !dragged.isSection() && !target.isNote() && !target.id().equals(dragged.id()),
                (from, at, zone) -> outline().dropped(from, at, zone));
        setCellFactory(lv -> new ItemCell(this, vm));
        getItems().forEach(r -> withChildren += r.hasChildren() ? 1 : 0);
        getItems().addListener(this::countNested);
        outline = new OutlineActions(this, vm);
        setPlaceholder(emptyState());
        vm.viewProperty().addListener((o, a, b) -> setPlaceholder(emptyState()));
        vm.chrome().tooSlowProperty().addListener((o, a, b) -> setPlaceholder(emptyState()));
        // "Tomorrow" becomes "Today" and amber becomes red at midnight, in every view.
        vm.todayProperty().addListener((o, a, b) -> refresh());

        vm.liveItems().onBeforeApply(() -> {
            ItemRow sel = getSelectionModel().getSelectedItem();
            rememberedId = sel == null ? null : sel.id();
            rememberedAlone = getSelectionModel().getSelectedIndices().size() == 1;
        });
        vm.liveItems().onAfterApply(stats -> {
            if (rememberedId == null) {
                return;
            }
            ItemRow sel = getSelectionModel().getSelectedItem();
            // A moved row's old index may now hold its neighbour, selected in its place (or besides it).
            boolean spread = rememberedAlone && getSelectionModel().getSelectedIndices().size() > 1;
            if (sel == null || !sel.id().equals(rememberedId) || spread) {
                for (int i = 0; i < getItems().size(); i++) {
                    if (getItems().get(i).id().equals(rememberedId)) {
                        if (rememberedAlone) {
                            getSelectionModel().clearAndSelect(i);
                        } else {
                            getSelectionModel().select(i);
                        }
                        return;
                    }
                }
            } else if (sel != vm.selectedProperty().get()) {
                vm.selectedProperty().set(sel);
            }
        });
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            // A section's header is no todo: the editor shows nothing for it.
            ItemRow todo = b == null || b.isSection() ? null : b;
            if (!Objects.equals(vm.selectedProperty().get(), todo)) {
                vm.selectedProperty().set(todo);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b == null) {
                getSelectionModel().clearSelection();
                return;
            }
            // The view-model chose a row (a todo back after an undo): the list selects it too.
            ItemRow sel = getSelectionModel().getSelectedItem();
            if (sel == null || !sel.id().equals(b.id())) {
                for (int i = 0; i < getItems().size(); i++) {
                    if (getItems().get(i).id().equals(b.id())) {
                        getSelectionModel().clearAndSelect(i);
                        scrollTo(i);
                        return;
                    }
                }
            }
        });
        // Shift/Ctrl-click and Shift+arrows select several rows; the bulk actions act on all of them.
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        getSelectionModel().getSelectedIndices().addListener((ListChangeListener<Integer>) c ->
                vm.selectionCountProperty().set(getSelectionModel().getSelectedIndices().size()));
        setAccessibleText(Messages.text("main.list.a11y"));
        setOnKeyPressed(e -> {
            if (shortcuts != null) {
                shortcuts.handle(e);
            }
        });
        // The list's own keys would act first on these: Left and Right move the focus to the next area, and
        // Alt+Shift+Up/Down extends the selection as Shift+Up/Down does. The outline's keys come before them.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            KeyCode k = e.getCode();
            boolean arrows = k == KeyCode.LEFT || k == KeyCode.RIGHT
                    || e.isAltDown() && (k == KeyCode.UP || k == KeyCode.DOWN);
            if (arrows && shortcuts != null && vm.outlinedProperty().get()) {
                shortcuts.handle(e);
            }
        });
    }

    /** The keys this list handles while focused: the {@link Shortcuts} table's LIST entries. */
    /** Files dropped on a row are attached to its item; its menu offers "Attach file…". */
    public void acceptAttachments(AttachmentsViewModel a) {
        this.attachments = a;
    }

    /** The keys and drops of a list's own order. */
    public OutlineActions outline() {
        return outline;
    }

    public void setShortcuts(Shortcuts s) {
        this.shortcuts = s;
    }

    /** Shows the menu of the row at {@code index} below its cell (Shift+F10), when a cell shows that row. */
    public void showMenuOfRow(int index) {
        for (Node n : lookupAll("." + Styles.ITEM_CELL)) {
            if (n instanceof ItemCell c && c.getIndex() == index && c.isVisible()) {
                ContextMenu menu = c.menuOnRequest();
                if (menu != null) {
                    Bounds b = c.localToScreen(c.getBoundsInLocal());
                    menu.show(c, b.getMinX() + 40, b.getMaxY());
                }
                return;
            }
        }
    }

    /**
     * The selected todos' rows, in list order (a copy): the selection's indices sorted, O(k log k) for k rows.
     * Section headers are left out: no command on todos applies to them.
     */
    public List<ItemRow> selectedRows() {
        List<ItemRow> rows = SelectionOrder.inListOrder(getSelectionModel().getSelectedIndices(), getItems());
        return rows.stream().anyMatch(ItemRow::isSection) ? rows.stream().filter(r -> !r.isSection()).toList() : rows;
    }

    /** Space: one row toggles done; several are completed together, as one undo step. */
    public void completeSelected() {
        List<ItemRow> rows = selectedRows();
        if (rows.size() == 1) {
            vm.commands().toggleDone(rows.get(0));
        } else if (rows.size() > 1) {
            vm.bulk().complete(rows);
        }
    }

    /** Delete: one row as before (in the Trash: delete for good after asking); several go to the Trash together. */
    public void deleteSelected() {
        List<ItemRow> rows = selectedRows();
        if (rows.size() == 1) {
            vm.commands().delete(rows.get(0));
        } else if (rows.size() > 1) {
            vm.bulk().trash(rows);
        }
    }

    /** Enter: the main view focuses the editor. */
    public void open() {
        if (onOpen != null && !selectedRows().isEmpty()) {
            onOpen.run();
        }
    }

    private VBox emptyState() {
        EmptyState state = vm.chrome().emptyState();
        String text = vm.chrome().emptyText();
        FontIcon icon = switch (state) {
            case SEARCH -> Icons.of(MaterialDesignM.MAGNIFY, 44);
            case FILTER -> Icons.of(Icons.FILTER, 44);
            case TRASH -> Icons.of(Icons.TRASH, 44);
            case COMPLETED -> Icons.of(Icons.COMPLETED, 44);
            case ALL_CLEAR -> Icons.of(MaterialDesignC.CHECK_CIRCLE_OUTLINE, 44);
        };
        Label said = new Label(text);
        // A query's problem ("At 8: a condition is missing here, such as …") is a sentence or two.
        said.setWrapText(true);
        VBox box = new VBox(icon, said);
        box.getStyleClass().add(Styles.EMPTY_STATE);
        return box;
    }

    /** Whether some todo has subtasks, so the rows keep a gutter for the fold arrows (a section's arrow needs none). */
    boolean isNested() {
        return withChildren > 0;
    }

    /**
     * Counts the rows with subtasks as rows come and go (a splice touches a few rows; no walk of all of them), and
     * redraws the cells when the first arrives or the last goes, as the gutter then comes or goes.
     */
    private void countNested(ListChangeListener.Change<? extends ItemRow> c) {
        boolean was = isNested();
        while (c.next()) {
            if (c.wasRemoved()) {
                withChildren -= (int) c.getRemoved().stream().filter(ItemRow::hasSubtasks).count();
            }
            if (c.wasAdded()) {
                withChildren += (int) c.getAddedSubList().stream().filter(ItemRow::hasSubtasks).count();
            }
        }
        if (was != isNested()) {
            refresh();
        }
    }

    /** Files dropped on a row go to this; null in a window without attachments. */
    AttachmentsViewModel attachments() {
        return attachments;
    }

    /** What double-click and Enter run: the main view focuses the editor. */
    Runnable onOpen() {
        return onOpen;
    }

    RowDrag<ItemRow> rowDrag() {
        return rowDrag;
    }
}
