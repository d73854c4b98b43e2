package dev.tandem.app.view.editor;

import dev.tandem.app.view.FittingPrompt;
import dev.tandem.app.view.PseudoStates;
import dev.tandem.app.vm.editor.DetailsViewModel;
import dev.tandem.app.vm.editor.TimeViewModel;
import dev.tandem.app.vm.editor.WhenViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The editor's rows for time and length, start date and Someday, priority, tags, repeat (with Skip and End
 * series) and reminder.
 */
final class DetailsFields {
    private DetailsFields() {
    }

    /**
     * Adds the rows to {@code grid} from {@code row} on, labels made by {@code label}; repeat and reminder are
     * hidden while {@code note} holds (a note is never due).
     */
    static void addTo(GridPane grid, int row, DetailsViewModel vm, Function<String, Label> label,
                      ObservableBooleanValue note) {
        ChoiceBox<Integer> priority = new ChoiceBox<>(FXCollections.observableArrayList(0, 1, 2, 3, 4));
        priority.setId("editor-priority");
        priority.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer p) {
                return p == null || p == 0 ? Messages.text("editor.priority.none")
                        : Messages.text("editor.priority.level", String.valueOf(p));
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        priority.valueProperty().bindBidirectional(vm.priorityProperty());
        priority.setMaxWidth(Double.MAX_VALUE);

        TextField tags = field("editor-tags", Messages.text("editor.tags.prompt"), vm.tagsTextProperty(),
                x -> vm.commitTags());
        TextField repeat = field("editor-repeat", Messages.text("editor.repeat.prompt"), vm.repeatTextProperty(),
                x -> vm.commitRepeat());
        Button skip = new Button(Messages.text("editor.repeat.skip"));
        skip.setId("editor-skip");
        skip.setTooltip(new Tooltip(Messages.text("editor.repeat.skipTip")));
        skip.setOnAction(e -> vm.skip());
        Button end = new Button(Messages.text("editor.repeat.end"));
        end.setId("editor-end-series");
        end.setTooltip(new Tooltip(Messages.text("editor.repeat.endTip")));
        end.setOnAction(e -> vm.endSeries());
        for (Button b : new Button[] {skip, end}) {
            b.getStyleClass().add(Styles.BUTTON_FLAT);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        // Skip and End go under the rule, not beside it: beside, they left the field too little room to show
        // "jeden Dienstag" whole. They show only while the todo repeats.
        HBox seriesButtons = new HBox(4, skip, end);
        seriesButtons.setAlignment(Pos.CENTER_LEFT);
        seriesButtons.visibleProperty().bind(vm.repeatingProperty());
        seriesButtons.managedProperty().bind(seriesButtons.visibleProperty());
        repeat.setMaxWidth(Double.MAX_VALUE);
        // A rule it cannot read stays in the field, and this line says why until it is fixed or another todo shows.
        Label repeatProblem = new Label();
        repeatProblem.setId("editor-repeat-problem");
        repeatProblem.getStyleClass().add(Styles.FIELD_ERROR);
        repeatProblem.setWrapText(true);
        repeatProblem.textProperty().bind(vm.repeatProblemProperty());
        repeatProblem.visibleProperty().bind(vm.repeatProblemProperty().isNotEmpty());
        repeatProblem.managedProperty().bind(repeatProblem.visibleProperty());
        vm.repeatProblemProperty().addListener((o, was, now) -> repeat.pseudoClassStateChanged(PseudoStates.ERROR,
                !now.isEmpty()));
        repeat.accessibleHelpProperty().bind(vm.repeatProblemProperty());
        VBox repeatBox = new VBox(2, repeat, repeatProblem, seriesButtons);
        TextField remind = field("editor-remind", Messages.text("editor.remind.prompt"), vm.remindTextProperty(),
                x -> vm.commitRemind());

        Object[][] rows = {{"editor.field.priority", priority}, {"editor.field.tags", tags},
            {"editor.field.repeat", repeatBox}, {"editor.field.remind", remind}};
        for (Object[] r : rows) {
            Label l = label.apply(Messages.text((String) r[0]));
            Node n = (Node) r[1];
            l.setLabelFor(n instanceof Pane p ? p.getChildren().get(0) : n);
            grid.add(l, 0, row);
            grid.add(n, 1, row);
            if (n == repeatBox || n == remind) {
                for (Node x : new Node[] {l, n}) {
                    x.visibleProperty().bind(Bindings.not(note));
                    x.managedProperty().bind(x.visibleProperty());
                }
            }
            GridPane.setHgrow(n, Priority.ALWAYS);
            row++;
        }
        // A time that has passed is kept, and without this line it would read as a reminder still to come.
        Label remindNote = new Label();
        remindNote.setId("editor-remind-note");
        remindNote.getStyleClass().add(Styles.HINT);
        remindNote.setWrapText(true);
        remindNote.textProperty().bind(vm.remindNoteProperty());
        remindNote.visibleProperty().bind(remind.visibleProperty().and(vm.remindNoteProperty().isNotEmpty()));
        remindNote.managedProperty().bind(remindNote.visibleProperty());
        remind.accessibleHelpProperty().bind(vm.remindNoteProperty());
        grid.add(remindNote, 1, row);

        priority.setAccessibleText(Messages.text("editor.priority.accessible"));
        tags.setAccessibleText(Messages.text("editor.tags.accessible"));
        repeat.setAccessibleText(Messages.text("editor.repeat.accessible"));
        remind.setAccessibleText(Messages.text("editor.remind.accessible"));
    }

    /**
     * Adds the TIME row to {@code grid} at {@code row}: the time of day ("14:00") and, after "for", the length
     * ("30 min"); hidden while {@code note} holds (a note is never due).
     */
    static void addTime(GridPane grid, int row, TimeViewModel vm, Function<String, Label> label,
                        ObservableBooleanValue note) {
        TextField time = field("editor-time", Messages.text("editor.time.prompt"), vm.timeTextProperty(),
                x -> vm.commitTime());
        TextField length = field("editor-length", Messages.text("editor.length.prompt"), vm.lengthTextProperty(),
                x -> vm.commitLength());
        time.setPrefColumnCount(6);
        length.setPrefColumnCount(6);
        time.setAccessibleText(Messages.text("editor.time.accessible"));
        length.setAccessibleText(Messages.text("editor.length.accessible"));
        Label forWord = new Label(Messages.text("editor.time.for"));
        forWord.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, time, forWord, length);
        HBox.setHgrow(time, Priority.ALWAYS);
        HBox.setHgrow(length, Priority.ALWAYS);
        box.setAlignment(Pos.CENTER_LEFT);
        Label l = label.apply(Messages.text("editor.field.time"));
        l.setLabelFor(time);
        for (Node x : new Node[] {l, box}) {
            x.visibleProperty().bind(Bindings.not(note));
            x.managedProperty().bind(x.visibleProperty());
        }
        grid.add(l, 0, row);
        grid.add(box, 1, row);
        GridPane.setHgrow(box, Priority.ALWAYS);
    }

    /**
     * Adds the START row at {@code row}: the date the todo waits for ("When"), apart from its deadline, and
     * Someday; hidden while {@code note} holds. The date reads and shows as the due date's does ({@code dates}).
     */
    static void addWhen(GridPane grid, int row, WhenViewModel vm, Function<String, Label> label,
                        ObservableBooleanValue note,
                        StringConverter<LocalDate> dates) {
        DatePicker start = new DatePicker();
        start.setId("editor-start");
        start.setConverter(dates);
        FittingPrompt.apply(start, List.of(Messages.text("editor.start.prompt"), Messages.text("editor.start.promptShort")));
        start.valueProperty().bindBidirectional(vm.startProperty());
        start.setMaxWidth(Double.MAX_VALUE);
        FittingPrompt.keepDateWhole(start);
        start.setAccessibleText(Messages.text("editor.start.accessible"));
        Button clear = new Button("×");
        clear.getStyleClass().add(Styles.BUTTON_FLAT);
        clear.setTooltip(new Tooltip(Messages.text("editor.start.remove")));
        clear.setAccessibleText(Messages.text("editor.start.remove"));
        clear.setOnAction(e -> vm.startProperty().set(null));
        clear.visibleProperty().bind(vm.startProperty().isNotNull());
        CheckBox someday = new CheckBox(Messages.text("editor.someday"));
        someday.setId("editor-someday");
        someday.setTooltip(new Tooltip(Messages.text("editor.someday.tip")));
        someday.selectedProperty().bindBidirectional(vm.somedayProperty());
        someday.setMinWidth(Region.USE_PREF_SIZE);
        // Someday under the date, not beside it: beside, it would leave a narrow editor's date a character or two.
        HBox dateBox = new HBox(6, start, clear);
        HBox.setHgrow(start, Priority.ALWAYS);
        dateBox.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, dateBox, someday);
        Label l = label.apply(Messages.text("editor.field.start"));
        l.setLabelFor(start);
        for (Node x : new Node[] {l, box}) {
            x.visibleProperty().bind(Bindings.not(note));
            x.managedProperty().bind(x.visibleProperty());
        }
        grid.add(l, 0, row);
        grid.add(box, 1, row);
        GridPane.setHgrow(box, Priority.ALWAYS);
    }

    /** Adds, at {@code row}, where the todo sits when that is a parent or a section ("Subtask of “Move house”"). */
    static void addWhere(GridPane grid, int row, WhenViewModel vm) {
        Label where = new Label();
        where.setId("editor-where");
        where.getStyleClass().add(Styles.HINT);
        where.textProperty().bind(vm.whereProperty());
        where.visibleProperty().bind(vm.whereProperty().isNotEmpty());
        where.managedProperty().bind(where.visibleProperty());
        grid.add(where, 1, row);
    }

    private static TextField field(String id, String prompt, StringProperty p, Consumer<Void> commit) {
        TextField f = new TextField();
        f.setId(id);
        // The prompts are examples of what the field reads: a narrow field shows the first one whole.
        FittingPrompt.examples(f, prompt);
        f.textProperty().bindBidirectional(p);
        f.setOnAction(e -> commit.accept(null));
        f.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                commit.accept(null);
            }
        });
        return f;
    }
}
