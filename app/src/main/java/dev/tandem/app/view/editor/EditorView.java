package dev.tandem.app.view.editor;

import dev.tandem.app.view.FittingPrompt;
import dev.tandem.app.view.FormScroll;
import dev.tandem.app.view.Icons;
import dev.tandem.app.view.PseudoStates;
import dev.tandem.app.view.attachment.AttachmentInput;
import dev.tandem.app.view.attachment.AttachmentsPane;
import dev.tandem.app.view.history.HistorySection;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.app.vm.attachment.AttachmentsViewModel;
import dev.tandem.app.vm.editor.EditorViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The editor pane: title, notes, due date and time, list, done, and the item's change history ({@link HistorySection}). */
public final class EditorView extends StackPane {
    /** Below this width the Todo/Note buttons go without their icons. */
    static final double NARROW = 320;
    /** The least width the fields get beside their names; with less room the names go above them. */
    static final double FIELD_ROOM = 200;
    /** The notes' least height: four lines of text. */
    static final double NOTES_MIN_HEIGHT = 84;
    /** The style class of the pane the form scrolls in. */
    static final String EDITOR_SCROLL = "editor-scroll";
    private final EditorViewModel vm;
    private final MainViewModel main;
    private final TextField title = new TextField();
    private final TextArea notes = new TextArea();
    private final DatePicker due = new DatePicker();
    private final ComboBox<String> list = new ComboBox<>();
    private final CheckBox done = new CheckBox(Messages.text("editor.done"));
    private final NotesPane notesPane;
    private final PauseTransition autosave = new PauseTransition(Duration.millis(700));
    private boolean updatingList;
    private AttachmentsPane attachmentsPane;

    public EditorView(EditorViewModel vm, MainViewModel main) {
        this.vm = vm;
        this.main = main;
        // Narrow enough for the demo's two 700 px windows beside a sidebar and the list's own minimum.
        setMinWidth(240);
        setPrefWidth(340);

        title.setId("editor-title");
        title.getStyleClass().add(Styles.EDITOR_TITLE);
        title.setPromptText(Messages.text("editor.title.prompt"));
        title.textProperty().bindBidirectional(vm.titleProperty());
        title.setOnAction(e -> vm.commit());
        title.focusedProperty().addListener((o, a, f) -> {
            if (!f) {
                vm.commit();
            }
        });

        notes.setId("editor-notes");
        notes.getStyleClass().add(Styles.EDITOR_NOTES);
        notes.setPromptText(Messages.text("editor.notes.prompt"));
        notes.setWrapText(true);
        notes.setPrefRowCount(8);
        // A low window scrolls the form rather than squeeze the notes below a few lines.
        notes.setMinHeight(NOTES_MIN_HEIGHT);
        // Not bound both ways: a long note is edited a part at a time (see NoteTextParts).
        NoteTextParts noteParts = new NoteTextParts(vm.notesProperty(), vm.itemProperty(), notes);
        notes.focusedProperty().addListener((o, a, f) -> {
            if (!f) {
                vm.commit();
            }
        });
        autosave.setOnFinished(e -> vm.commit());
        title.textProperty().addListener((o, a, b) -> autosave.playFromStart());
        notes.textProperty().addListener((o, a, b) -> autosave.playFromStart());

        due.setId("editor-due");
        FittingPrompt.apply(due, List.of(Messages.text("editor.due.prompt"), Messages.text("editor.due.promptShort")));
        due.valueProperty().bindBidirectional(vm.dueProperty());
        due.setMaxWidth(Double.MAX_VALUE);
        FittingPrompt.keepDateWhole(due);
        due.setConverter(dates(vm, vm.dueProperty()));
        Button clearDue = new Button(null, Icons.of(MaterialDesignC.CLOSE, 14));
        clearDue.getStyleClass().add(Styles.BUTTON_FLAT);
        clearDue.setTooltip(new Tooltip(Messages.text("editor.due.remove")));
        clearDue.setAccessibleText(Messages.text("editor.due.remove"));
        clearDue.setOnAction(e -> vm.dueProperty().set(null));
        clearDue.visibleProperty().bind(vm.dueProperty().isNotNull());
        HBox dueBox = new HBox(4, due, clearDue);
        HBox.setHgrow(due, Priority.ALWAYS);
        dueBox.setAlignment(Pos.CENTER_LEFT);

        list.setId("editor-list");
        list.setMaxWidth(Double.MAX_VALUE);
        list.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                return nameOf(id);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                setText(empty ? null : nameOf(id));
                setGraphic(empty ? null : Icons.of(id == null || id.isEmpty() ? Icons.INBOX : Icons.LIST, 14));
            }
        });
        main.lists().addListener((InvalidationListener) c -> refreshListChoices());
        refreshListChoices();
        vm.listIdProperty().addListener((o, a, b) -> showList(b));
        list.valueProperty().addListener((o, a, b) -> {
            if (!updatingList && b != null) {
                String id = b.isEmpty() ? null : b;
                if (!Objects.equals(id, vm.listIdProperty().get())) {
                    vm.listIdProperty().set(id);
                }
            }
        });

        done.setId("editor-done");
        done.setMinWidth(Region.USE_PREF_SIZE);
        done.selectedProperty().bindBidirectional(vm.doneProperty());
        // A note has nothing to complete and no date: those fields go while it is one.
        showFor(done, vm.noteProperty().not());
        notesPane = new NotesPane(vm.notes(), notes, noteParts.bar(), fieldLabel(Messages.text("editor.field.notes")));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        Label dueLabel = fieldLabel(Messages.text("editor.field.due"));
        showFor(dueLabel, vm.noteProperty().not());
        showFor(dueBox, vm.noteProperty().not());
        grid.add(dueLabel, 0, 0);
        grid.add(dueBox, 1, 0);
        DetailsFields.addTime(grid, 1, vm.details().time(), EditorView::fieldLabel, vm.noteProperty());
        DetailsFields.addWhen(grid, 2, vm.details().when(), EditorView::fieldLabel, vm.noteProperty(),
                dates(vm, vm.details().when().startProperty()));
        grid.add(fieldLabel(Messages.text("editor.field.list")), 0, 3);
        grid.add(list, 1, 3);
        GridPane.setHgrow(dueBox, Priority.ALWAYS);
        GridPane.setHgrow(list, Priority.ALWAYS);
        DetailsFields.addWhere(grid, 4, vm.details().when());
        DetailsFields.addTo(grid, 5, vm.details(), EditorView::fieldLabel, vm.noteProperty());

        HistorySection history = new HistorySection(vm, fieldLabel(Messages.text("editor.field.history")), this);

        Button trash = new Button(Messages.text("editor.trash"), Icons.of(Icons.TRASH, 15));
        trash.getStyleClass().add(Styles.BUTTON_FLAT);
        trash.setOnAction(e -> main.deleteSelected());
        // "Done" at the start, Todo | Note at the end; in a narrow German editor the switch goes below "Erledigt".
        WrapRow top = new WrapRow(done, kindSwitch(), 8, 8);
        HBox bottom = new HBox(trash);
        bottom.setAlignment(Pos.CENTER_RIGHT);

        // Why the text as typed is not saved (too long); shown only then, and the text stays.
        Label tooLong = new Label();
        tooLong.getStyleClass().add(Styles.FIELD_ERROR);
        tooLong.setWrapText(true);
        tooLong.textProperty().bind(vm.tooLongProperty());
        showFor(tooLong, vm.tooLongProperty().isNotEmpty());
        VBox form = new VBox(10, top, title, tooLong, notesPane, grid, history.head(), history.list(), bottom);
        vm.attachments().ifPresent(a -> attachments(a, form));
        form.getStyleClass().add(Styles.EDITOR);
        // A narrow editor takes less padding (see tandem.css): the fields keep the room for a whole date.
        PseudoStates.bind(form, PseudoStates.NARROW, widthProperty().lessThan(NARROW));
        VBox.setVgrow(notesPane, Priority.ALWAYS);
        // The form scrolls up and down when the window is lower than its fields (a 760 × 600 window, the names
        // above the fields): its least height never pushes the window's status bar out (BorderPane grows to its
        // children's least heights). The notes take the height that is left while everything fits.
        FormScroll scroll = new FormScroll(this::getWidth);
        scroll.setContent(form);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add(EDITOR_SCROLL);
        scroll.visibleProperty().bind(vm.showingProperty());
        scroll.sceneProperty().addListener((o, a, sc) -> scroll.followFocus(sc));
        // Beside fields of a usable width (a date field showing "Mon 30 Nov 2026" and its buttons), else the
        // names go above the fields. Decided on the editor's width, which the window sets, not the form's own.
        NarrowForm.stackWhile(grid, () -> getWidth() - form.snappedLeftInset() - form.snappedRightInset(), FIELD_ROOM,
                widthProperty());

        Label emptyText = new Label(Messages.text("editor.empty"));
        // A narrow editor (the demo's windows) wraps the line rather than cut it with "…".
        emptyText.setWrapText(true);
        emptyText.setTextAlignment(TextAlignment.CENTER);
        VBox empty = new VBox(Icons.of(MaterialDesignP.PENCIL_OUTLINE, 44), emptyText);
        empty.getStyleClass().addAll(Styles.EMPTY_STATE, Styles.EDITOR);
        empty.visibleProperty().bind(Bindings.not(vm.showingProperty()));
        getChildren().add(empty);
        // The form joins the scene when first needed: a hidden node still gets its skin, CSS and layout, and
        // the date picker, combo box, text area and history list are a good part of the first frame's work.
        if (vm.showingProperty().get()) {
            getChildren().add(scroll);
        } else {
            vm.showingProperty().addListener(new ChangeListener<Boolean>() {
                @Override
                public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                    if (is) {
                        o.removeListener(this);
                        getChildren().add(scroll);
                    }
                }
            });
        }
    }

    /**
     * The attached files under the notes, and the ways in: files dropped on the notes go into the text as
     * references (at the caret, or at the end of rendered notes), files dropped anywhere else on the editor
     * are attached only, and Ctrl+V of an image (or of files) puts it into the notes at the caret.
     */
    private void attachments(AttachmentsViewModel a, VBox form) {
        attachmentsPane = new AttachmentsPane(a, fieldLabel(Messages.text("editor.field.attachments")));
        form.getChildren().add(form.getChildren().indexOf(notesPane) + 1, attachmentsPane);
        AttachmentInput.acceptDrops(notesPane, e -> shownId() != null,
                files -> { String id = shownId(); a.attach(id, files, md -> vm.insertInNotes(id, md, this::atCaret)); });
        AttachmentInput.acceptDrops(form, e -> shownId() != null, files -> a.attach(shownId(), files, null));
        AttachmentInput.acceptPaste(form, image -> {
            String id = shownId();
            a.pasteImage(id, image, md -> vm.insertInNotes(id, md, this::atCaret));
        }, files -> {
            String id = shownId();
            a.attach(id, files, md -> vm.insertInNotes(id, md, this::atCaret));
        });
    }

    private String shownId() {
        return vm.shownId();
    }

    /** Puts {@code markdown} at the caret of the notes shown as text; false when they are shown rendered. */
    private boolean atCaret(String markdown) {
        if (!notes.isVisible()) {
            return false;
        }
        notes.insertText(notes.getCaretPosition(), markdown);
        return true;
    }

    /** The attached files' pane; null in a window without attachments. */
    public AttachmentsPane attachmentsPane() {
        return attachmentsPane;
    }

    public TextField titleField() {
        return title;
    }

    /** Ctrl+Shift+M: the notes rendered or as text. */
    public void toggleNotes() {
        if (vm.showingProperty().get()) {
            notesPane.toggle();
        }
    }

    /** The rendered notes' check boxes, in order (the UI test ticks one). */
    public List<CheckBox> noteCheckBoxes() {
        return notesPane.renderedView().checkBoxes();
    }

    /** Todo or Note: two buttons, one selected, bound to the editor's kind. */
    private HBox kindSwitch() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton todo = new ToggleButton(Messages.text("editor.kind.todo"),
                Icons.of(MaterialDesignC.CHECKBOX_MARKED_CIRCLE_OUTLINE, 14));
        ToggleButton note = new ToggleButton(Messages.text("editor.kind.note"),
                Icons.of(MaterialDesignN.NOTE_TEXT_OUTLINE, 14));
        todo.setId("editor-kind-todo");
        note.setId("editor-kind-note");
        todo.getStyleClass().add("first");
        note.getStyleClass().add("last");
        todo.setToggleGroup(group);
        note.setToggleGroup(group);
        todo.setTooltip(new Tooltip(Messages.text("editor.kind.todoTip")));
        note.setTooltip(new Tooltip(Messages.text("editor.kind.noteTip")));
        Runnable show = () -> group.selectToggle(vm.noteProperty().get() ? note : todo);
        vm.noteProperty().addListener((o, a, b) -> show.run());
        show.run();
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                group.selectToggle(a);
            } else if ((b == note) != vm.noteProperty().get()) {
                vm.noteProperty().set(b == note);
            }
        });
        HBox box = new HBox(todo, note);
        box.getStyleClass().add(Styles.SEGMENTED);
        box.setAccessibleText(Messages.text("editor.kind.accessible"));
        box.setMinWidth(Region.USE_PREF_SIZE);
        // A narrow editor drops the buttons' icons (see tandem.css): "Done", "Todo" and "Note" stay whole.
        PseudoStates.bind(box, PseudoStates.NARROW, widthProperty().lessThan(NARROW));
        return box;
    }

    private static void showFor(Node n, ObservableBooleanValue when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(when);
    }

    private static Label fieldLabel(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.FIELD_LABEL);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private String nameOf(String id) {
        return main.listName(id);
    }

    private void refreshListChoices() {
        updatingList = true;
        try {
            List<String> ids = new ArrayList<>();
            ids.add("");
            ids.addAll(main.listIds());
            list.getItems().setAll(ids);
        } finally {
            updatingList = false;
        }
        showList(vm.listIdProperty().get());
    }

    private void showList(String id) {
        updatingList = true;
        try {
            String v = main.hasList(id) ? id : "";
            list.setValue(v);
        } finally {
            updatingList = false;
        }
    }

    /** How a date field shows and reads dates: "Fri 27 Nov 2026" in the due and the start field alike. */
    private static StringConverter<LocalDate> dates(EditorViewModel vm, ObservableValue<LocalDate> field) {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return vm.formatDue(d);
            }

            @Override
            public LocalDate fromString(String s) {
                return vm.parseDate(s, field.getValue());
            }
        };
    }
}
