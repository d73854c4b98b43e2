package dev.tandem.app.view;

import dev.tandem.app.view.attachment.AttachmentInput;
import dev.tandem.app.view.calendar.CalendarDrag;
import dev.tandem.app.vm.shared.DueUrgency;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * One row of the item list: a todo or note with its check box, title, details and menus, or a section header.
 *
 * <p>A cell is updated for every row it shows and every time the list measures one, so an update changes only
 * what differs: a node added again to its parent, or a style class taken off and put back, makes JavaFX match
 * it against every selector of the stylesheets anew, and a new node per update (an icon, a tooltip: a window)
 * is styled and laid out from scratch. The parts most rows never show (Restore, a section's header, the
 * "someday" and checklist labels) are made the first time a row needs them: each part a cell holds is styled
 * when the cell is made, and a list makes a screenful of cells when it opens.
 */
final class ItemCell extends ListCell<ItemRow> {
private final ItemListView list;
private final MainViewModel vm;

    private final CheckBox check = new CheckBox();
    private final Label title = new Label();
    private final Label due = new Label();
    private final Label listName = new Label();
    private final PriorityMarker marker = new PriorityMarker();
    private final Label repeat = new Label();
    private final FontIcon dueIcon = Icons.of(MaterialDesignC.CALENDAR_BLANK_OUTLINE, 13);
    private final FontIcon listIcon = Icons.of(Icons.LIST, 13);
    private final FontIcon repeatIcon = Icons.of(Icons.REPEAT, 13);
    private final FontIcon bell = Icons.of(Icons.REMINDER, 13);
    private final FontIcon noteIcon = Icons.of(MaterialDesignN.NOTE_TEXT_OUTLINE, 14);
    /** Where a todo has its check box, a note has this. */
    private final FontIcon kindIcon = Icons.of(MaterialDesignN.NOTE_TEXT_OUTLINE, 17);
    /** Made for the first row with a checklist. */
    private Label checklist;
    private final Label progress = new Label();
    private final Label context = new Label();
    private final Label start = new Label();
    /** Made for the first row put away for someday. */
    private Label someday;
    private final Label disclosure = new Label();
    private final FontIcon arrow = Icons.of(Icons.EXPANDED, 16);
    /** Made for the first section row. */
    private SectionHeader header;
    /** Made for the first row in the trash. */
    private Button restore;
    /** The note's first characters on the "has notes" mark: one per cell, its text changed. */
    private Tooltip notesTip;
    private final DetailsLine meta = new DetailsLine();
    private final HBox row;
    private boolean updating;

    ItemCell(ItemListView list, MainViewModel vm) {
        this.list = list;
        this.vm = vm;
        getStyleClass().add(Styles.ITEM_CELL);
        // As wide as the list, not as the longest title: a long title is shortened with "…" and the
        // row's icons and Restore stay in view, where a wider row would scroll them off to the right.
        setPrefWidth(0);
        title.getStyleClass().add(Styles.ITEM_TITLE);
        due.getStyleClass().add(Styles.ITEM_META);
        listName.getStyleClass().add(Styles.ITEM_META);
        noteIcon.getStyleClass().add(Styles.NOTE_ICON);
        check.setFocusTraversable(false);
        // A completion is one click: the second click of a double-click would land on the next
        // occurrence of a repeating todo that took this row's place (or undo the first), so the
        // check box ignores every click after the first of a gesture.
        check.addEventFilter(MouseEvent.ANY, e -> {
            if (e.getClickCount() > 1) {
                e.consume();
            }
        });
        // A todo dragged from the list onto a day of the calendar (shown above the list) gets that date.
        setOnDragDetected(e -> {
            ItemRow r = getItem();
            if (r != null && !isEmpty() && !r.isNote() && !r.isSection() && vm.chrome().calendarShownProperty().get()) {
                Dragboard db = startDragAndDrop(TransferMode.MOVE);
                db.setContent(Map.of(CalendarDrag.ITEM, r.id() + "\n" + r.title()));
                vm.calendar().itemDragStarted(r);
                e.consume();
            }
        });
        list.rowDrag().install(this);
        // Before the cell's own handler, which shows the context menu it has.
        addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> menuOnRequest());
        progress.getStyleClass().add(Styles.ITEM_PROGRESS);
        context.getStyleClass().addAll(Styles.ITEM_META, Styles.ITEM_CONTEXT);
        start.getStyleClass().addAll(Styles.ITEM_META, Styles.ITEM_START);
        disclosure.getStyleClass().add(Styles.DISCLOSURE);
        disclosure.setGraphic(arrow);
        disclosure.setOnMouseClicked(e -> {
            vm.outline().toggleCollapsed(getItem());
            e.consume();
        });
        // The arrow's press is no drag and no selection change of its own.
        disclosure.addEventHandler(MouseEvent.MOUSE_PRESSED, MouseEvent::consume);
        HBox titleLine = new HBox(6, title, progress);
        titleLine.setAlignment(Pos.CENTER_LEFT);
        titleLine.setMinWidth(0);
        title.setMinWidth(0);
        VBox text = new VBox(2, titleLine, meta.node());
        text.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        repeat.getStyleClass().add(Styles.ITEM_META);
        bell.getStyleClass().add(Styles.NOTE_ICON);
        kindIcon.getStyleClass().add(Styles.NOTE_KIND_ICON);
        kindIcon.setAccessibleText(Messages.text("main.row.note"));
        due.setGraphic(dueIcon);
        listName.setGraphic(listIcon);
        repeat.setGraphic(repeatIcon);
        row = new HBox(12, marker, disclosure, check, kindIcon, text, bell, noteIcon);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add(Styles.ITEM_ROW);
        check.selectedProperty().addListener((o, a, b) -> {
            ItemRow it = getItem();
            if (!updating && it != null && it.isDone() != b) {
                vm.commands().setDone(it, b);
            }
        });
        AttachmentInput.acceptDrops(this, e -> list.attachments() != null && getItem() != null && !getItem().isTrashed(),
                files -> list.attachments().attach(getItem().id(), files, null));
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && getItem() != null) {
                if (list.onOpen() != null) {
                    list.onOpen().run();
                }
            }
        });
    }

    @Override
    protected void updateItem(ItemRow it, boolean empty) {
        super.updateItem(it, empty);
        boolean shown = !empty && it != null && !it.isSection();
        StyleClasses.set(this, Styles.ITEM_NOTE, shown && it.isNote());
        StyleClasses.set(this, Styles.ITEM_DONE, shown && !it.isNote() && it.isDone());
        pseudoClassStateChanged(PseudoStates.SECTION, !empty && it != null && it.isSection());
        pseudoClassStateChanged(PseudoStates.COLLAPSED, !empty && it != null && it.hasChildren() && it.isCollapsed());
        pseudoClassStateChanged(PseudoStates.OUTLINED, !empty && it != null && it.isOutlined());
        PseudoStates.depth(this, empty || it == null ? 0 : it.depth());
        // The row's menu is made when asked for (menuOnRequest): a cell is updated for each row it shows, and
        // each time the list measures a row, which made a menu (a window) per row scrolled past or moved.
        setContextMenu(null);
        if (empty || it == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        if (it.isSection()) {
            SectionHeader header = header();
            header.show(it);
            setGraphic(header);
            setAccessibleText(Messages.text(it.isCollapsed() ? "main.row.a11y.sectionFolded" : "main.row.a11y.section",
                    it.title(), it.openSubtasks()));
            return;
        }
        boolean outlined = it.isOutlined();
        // The fold arrows' gutter only where some todo has subtasks: a flat list keeps its titles' room.
        disclosure.setManaged(outlined && list.isNested());
        disclosure.setVisible(outlined && it.hasChildren());
        // One icon, its glyph switched: a new node per update would be styled and laid out anew each time.
        arrow.setIconCode(it.isCollapsed() ? Icons.NEXT : Icons.EXPANDED);
        disclosure.setAccessibleText(Messages.text(it.isCollapsed() ? "main.row.showSubtasks" : "main.row.foldSubtasks"));
        progress.setText(it.progressText());
        progress.setVisible(!it.progressText().isEmpty());
        progress.setManaged(!it.progressText().isEmpty());
        updating = true;
        check.setSelected(it.isDone());
        updating = false;
        check.setDisable(it.isTrashed());
        boolean note = it.isNote();
        check.setVisible(!note);
        check.setManaged(!note);
        kindIcon.setVisible(note);
        kindIcon.setManaged(note);
        title.setText(it.title());
        meta.clear();
        if (!it.context().isEmpty()) {
            context.setText(it.context() + " ›");
            meta.add(context);
        }
        // A note is never due: no date, repeat or reminder on its row, even when it kept them from a todo.
        String dueText = note ? "" : vm.rowLabels().dueText(it);
        if (!dueText.isEmpty()) {
            due.setText(dueText);
            DueUrgency urgency = vm.rowLabels().dueUrgency(it);
            StyleClasses.set(due, Styles.DUE_OVERDUE, urgency == DueUrgency.OVERDUE);
            StyleClasses.set(due, Styles.DUE_TODAY, urgency == DueUrgency.TODAY);
            meta.add(due);
        }
        String startText = note ? "" : vm.rowLabels().startText(it);
        if (!startText.isEmpty()) {
            start.setText(startText);
            meta.add(start);
        }
        if (it.isSomeday()) {
            meta.add(someday());
        }
        String name = vm.rowLabels().listLabel(it);
        if (name != null) {
            listName.setText(name);
            meta.add(listName);
        }
        if (!note && !it.repeatText().isEmpty()) {
            repeat.setText(it.repeatText());
            meta.add(repeat);
        }
        if (it.checklistTotal() > 0) {
            Label checklist = checklist();
            checklist.setText(it.checklistText());
            meta.add(checklist);
        }
        meta.addTags(it.tags());
        meta.show();
        marker.show(it.priority());
        bell.setVisible(!note && it.hasReminder());
        bell.setManaged(!note && it.hasReminder());
        setAccessibleText(accessibleText(it, dueText));
        // A note's own icon already says it is text; the "has notes" mark is for todos.
        noteIcon.setVisible(it.hasNotes() && !note);
        // Hidden, it takes no room: beside the editor at 760 px the details need every pixel of the row.
        noteIcon.setManaged(noteIcon.isVisible());
        if (it.hasNotes() && !note) {
            if (notesTip == null) {
                notesTip = new Tooltip();
                Tooltip.install(noteIcon, notesTip);
            }
            notesTip.setText(it.notes().length() > 200 ? it.notes().substring(0, 200) + "…" : it.notes());
        }
        if (it.isTrashed() || restore != null) {
            Button restore = restore();
            restore.setVisible(it.isTrashed());
            restore.setManaged(it.isTrashed());
        }
        setGraphic(row);
    }

    private SectionHeader header() {
        if (header == null) {
            header = new SectionHeader();
            header.arrow().setOnMouseClicked(e -> {
                vm.outline().toggleCollapsed(getItem());
                e.consume();
            });
            header.arrow().addEventHandler(MouseEvent.MOUSE_PRESSED, MouseEvent::consume);
        }
        return header;
    }

    private Button restore() {
        if (restore == null) {
            restore = new Button(Messages.text("main.row.restore"), Icons.of(MaterialDesignR.RESTORE, 15));
            restore.setMinWidth(Region.USE_PREF_SIZE);
            restore.getStyleClass().add(Styles.BUTTON_FLAT);
            restore.setFocusTraversable(false);
            restore.setOnAction(e -> vm.commands().restore(getItem()));
            row.getChildren().add(restore);
        }
        return restore;
    }

    private Label someday() {
        if (someday == null) {
            someday = new Label(Messages.text("main.row.someday"), Icons.of(Icons.SOMEDAY, 13));
            someday.getStyleClass().addAll(Styles.ITEM_META, Styles.ITEM_SOMEDAY);
        }
        return someday;
    }

    private Label checklist() {
        if (checklist == null) {
            checklist = new Label(null, Icons.of(MaterialDesignC.CHECKBOX_MARKED_OUTLINE, 13));
            checklist.getStyleClass().add(Styles.ITEM_META);
        }
        return checklist;
    }

    /** The menu of the row shown, made now (for the selection as it is now); null for an empty cell. */
    ContextMenu menuOnRequest() {
        ItemRow it = getItem();
        setContextMenu(isEmpty() || it == null ? null : it.isSection() ? RowMenus.section(vm, it) : menuFor(it));
        return getContextMenu();
    }

    /**
     * What a screen reader says for the row: "title, list, due date, done" (a note: "title, note, list"),
     * plus priority, tags and the checklist.
     */
    private String accessibleText(ItemRow it, String dueText) {
        String title = it.title().isEmpty() ? Messages.text("main.row.untitled") : it.title();
        String list = vm.listName(it.listId());
        List<String> parts = new ArrayList<>();
        if (it.isNote()) {
            parts.add(Messages.text("main.row.a11y.note", title, list));
        } else {
            parts.add(dueText.isEmpty() ? Messages.text("main.row.a11y.todo", title, list)
                    : Messages.text("main.row.a11y.todoDue", title, list, dueText));
            parts.add(Messages.text(it.isDone() ? "main.row.a11y.done" : "main.row.a11y.notDone"));
        }
        if (it.priority() > 0) {
            parts.add(Messages.text("main.row.a11y.priority", String.valueOf(it.priority())));
        }
        if (!it.tags().isEmpty()) {
            parts.add(Messages.text("main.row.a11y.tags", String.join(" ", it.tags())));
        }
        if (!it.isNote() && !it.repeatText().isEmpty()) {
            parts.add(Messages.text("main.row.a11y.repeats", it.repeatText()));
        }
        if (it.checklistTotal() > 0) {
            parts.add(Messages.text("main.row.a11y.checklist", it.checklistDone(), it.checklistTotal()));
        }
        return String.join(", ", parts);
    }

    private ContextMenu menuFor(ItemRow it) {
        // By index, not by copying and searching the selection: this runs at every cell update.
        int selected = list.getSelectionModel().getSelectedIndices().size();
        if (selected > 1 && list.getSelectionModel().isSelected(getIndex()) && !it.isTrashed()) {
            return BulkMenu.create(vm, selected, list::selectedRows);
        }
        return RowMenus.todo(vm, it, list.attachments());
    }
}
