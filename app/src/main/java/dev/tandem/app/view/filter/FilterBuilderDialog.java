package dev.tandem.app.view.filter;

import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.view.FormScroll;
import dev.tandem.app.view.Forms;
import dev.tandem.app.view.PseudoStates;
import dev.tandem.app.view.TandemDialog;
import dev.tandem.app.vm.filter.FilterBuilderViewModel;
import dev.tandem.app.vm.filter.FilterFields;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.Property;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;

/**
 * "New smart list" / "Edit smart list" over a {@link FilterBuilderViewModel}: the name and colour, the
 * fields, the query they make with how many todos it finds now, and the query as text. Lays out and binds;
 * returns whether the smart list was saved. Ids: {@code #filter-builder-dialog},
 * {@code #filter-name}, {@code #filter-color-N}, {@code #filter-match-all}/{@code -any}, {@code #filter-list},
 * {@code #filter-tags}, {@code #filter-priority}, {@code #filter-due}, {@code #filter-due-before},
 * {@code #filter-start}, {@code #filter-words}, {@code #filter-has-notes}, {@code #filter-has-files},
 * {@code #filter-include-done}, {@code #filter-query}, {@code #filter-count}, {@code #filter-text},
 * {@code #filter-problem}, {@code #filter-save}.
 */
public final class FilterBuilderDialog extends TandemDialog<FilterBuilderViewModel, Boolean> {
    /** The style classes of a colour swatch and its dot: this dialog's alone, styled in its block of tandem.css. */
    private static final String SWATCH = "filter-swatch";
    private static final String SWATCH_DOT = "filter-swatch-dot";
    /** Whether the smart list is saved; a field, as a binding only weakly held by what it observes. */
    private final BooleanBinding saved;

    public FilterBuilderDialog(Window owner, FilterBuilderViewModel vm, List<String> stylesheets) {
        super(owner, vm, stylesheets, "filter-builder-dialog", vm.title(), 560);
        ButtonType saveType = new ButtonType(Messages.text("filter.builder.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(cancelType(), saveType);
        FormScroll scroll = scrolling(content(), "filter-builder-scroll");
        getDialogPane().setContent(scroll);
        // Why the query does not read, and why nothing was saved, show where one looks: the dialog grows for them
        // (within the screen) and scrolls them into view, rather than leave them below the fold.
        revealWhenShown(scroll, (Label) scroll.getContent().lookup("#filter-problem"));
        revealWhenShown(scroll, (Label) scroll.getContent().lookup("#filter-message"));
        Button save = (Button) getDialogPane().lookupButton(saveType);
        save.setId("filter-save");
        save.textProperty().bind(Bindings.when(vm.replacesProperty()).then(Messages.text("filter.builder.replace"))
                .otherwise(Messages.text("filter.builder.save")));
        save.disableProperty().bind(vm.busyProperty());
        // Saving runs off the UI thread and may fail: the dialog stays open until the row is written.
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.save();
        });
        saved = vm.savedProperty().isNotNull();
        saved.addListener((o, a, done) -> {
            if (done) {
                setResult(true);
                close();
            }
        });
        setResultConverter(b -> saved.get());
    }

    /**
     * Opens the dialog over {@code owner} and waits: true once the smart list is saved (the row is
     * {@code vm.savedProperty()}), false when cancelled.
     */
    public static boolean show(Window owner, FilterBuilderViewModel vm, List<String> stylesheets) {
        return new FilterBuilderDialog(owner, vm, stylesheets).showAndWait().orElse(false);
    }

    /** One form, so every label lines up: the name and colour, the fields, then the query they make. */
    private VBox content() {
        GridPane g = Forms.form();
        g.setId("filter-form");
        TextField name = Forms.bound(new TextField(), "filter-name", Messages.text("filter.builder.name.prompt"),
                vm.nameProperty());
        int r = Forms.row(g, 0, Messages.text("filter.builder.name"), name);
        Label inUse = Forms.hint(Messages.text("filter.builder.nameInUse"));
        inUse.setId("filter-name-in-use");
        Forms.showOnly(inUse, vm.replacesProperty());
        g.add(inUse, 1, r++);
        r = Forms.row(g, r, Messages.text("filter.builder.color"), swatches());

        ToggleGroup match = new ToggleGroup();
        RadioButton all = new RadioButton(Messages.text("filter.builder.match.all"));
        all.setId("filter-match-all");
        all.setToggleGroup(match);
        RadioButton any = new RadioButton(Messages.text("filter.builder.match.any"));
        any.setId("filter-match-any");
        any.setToggleGroup(match);
        any.selectedProperty().bindBidirectional(vm.anyOfProperty());
        all.setSelected(!vm.anyOfProperty().get());
        vm.anyOfProperty().addListener((o, a, b) -> all.setSelected(!b));
        r = Forms.row(g, r, Messages.text("filter.builder.match"), field(new FlowPane(12, 4, all, any)));
        r = Forms.row(g, r, Messages.text("filter.builder.list"), field(choice("filter-list", vm.listChoices(),
                vm.listProperty(), l -> l.isEmpty() ? Messages.text("filter.builder.list.any") : l)));
        r = Forms.row(g, r, Messages.text("filter.builder.tags"), field(Forms.bound(new TextField(), "filter-tags",
                Messages.text("filter.builder.tags.prompt"), vm.tagsProperty())));
        r = Forms.row(g, r, Messages.text("filter.builder.priority"), field(choice("filter-priority",
                FXCollections.observableArrayList(FilterFields.Priority.values()), vm.priorityProperty(),
                p -> Messages.text("filter.builder.priority." + p.name()))));
        TextField before = Forms.bound(new TextField(), "filter-due-before", Messages.text("filter.builder.due.before.prompt"),
                vm.dueBeforeProperty());
        before.setPrefColumnCount(12);
        Forms.showOnly(before, vm.dueProperty().isEqualTo(FilterFields.Due.BEFORE));
        ComboBox<FilterFields.Due> dueChoice = choice("filter-due", FXCollections.observableArrayList(FilterFields.Due.values()),
                vm.dueProperty(), d -> Messages.text("filter.builder.due." + d.name()));
        HBox.setHgrow(dueChoice, Priority.ALWAYS);
        r = Forms.row(g, r, Messages.text("filter.builder.due"), field(new HBox(8, dueChoice, before)));
        r = Forms.row(g, r, Messages.text("filter.builder.start"), field(choice("filter-start",
                FXCollections.observableArrayList(FilterFields.Start.values()), vm.startProperty(),
                s -> Messages.text("filter.builder.start." + s.name()))));
        r = Forms.row(g, r, Messages.text("filter.builder.words"), field(Forms.bound(new TextField(), "filter-words",
                Messages.text("filter.builder.words.prompt"), vm.wordsProperty())));
        g.add(field(new VBox(4, check("filter-has-notes", "filter.builder.hasNotes", vm.hasNotesProperty()),
                check("filter-has-files", "filter.builder.hasFiles", vm.hasFilesProperty()),
                check("filter-include-done", "filter.builder.includeDone", vm.includeDoneProperty()))), 1, r++);
        Label beyond = Forms.hint(Messages.text("filter.builder.beyond"));
        beyond.setId("filter-beyond");
        Forms.showOnly(beyond, vm.fieldsEnabledProperty().not());
        g.add(beyond, 1, r++);

        Label query = Forms.wrapped("");
        query.setId("filter-query");
        query.textProperty().bind(vm.queryProperty());
        Label count = new Label();
        count.setId("filter-count");
        count.textProperty().bind(vm.countProperty());
        r = Forms.row(g, r, Messages.text("filter.builder.query"), new VBox(2, query, count));
        r = Forms.row(g, r, Messages.text("filter.builder.text"), Forms.bound(new TextField(), "filter-text",
                Messages.text("filter.builder.text.prompt"), vm.textProperty()));
        Label problem = Forms.wrapped("");
        problem.setId("filter-problem");
        problem.textProperty().bind(vm.problemProperty());
        PseudoStates.bind(problem, PseudoStates.ERROR, vm.problemProperty().isNotEmpty());
        Forms.showOnly(problem, vm.problemProperty().isNotEmpty());
        g.add(problem, 1, r);
        return new VBox(10, g, messageLine("filter-message", vm));
    }

    /** Whenever {@code line} says something (now too, when the dialog opens with a query that does not read). */
    private void revealWhenShown(FormScroll scroll, Label line) {
        Runnable reveal = () -> {
            if (!line.getText().isEmpty()) {
                fit();
                // After the refit's pulse, when the form has its new size.
                FxExecutor.INSTANCE.later(() -> FxExecutor.INSTANCE.later(() -> scroll.reveal(line)));
            }
        };
        line.textProperty().addListener((o, a, b) -> reveal.run());
        addEventHandler(DialogEvent.DIALOG_SHOWN, e -> reveal.run());
    }

    /** {@code n}, one of the fields: disabled while the query is beyond them. */
    private <N extends Node> N field(N n) {
        n.disableProperty().bind(vm.fieldsEnabledProperty().not());
        return n;
    }

    /** The palette as a row of round swatches, one chosen at a time; each says its colour's name to a screen reader. */
    private HBox swatches() {
        ToggleGroup group = new ToggleGroup();
        HBox row = new HBox(6);
        row.setId("filter-colors");
        for (int i = 0; i < FilterBuilderViewModel.PALETTE.size(); i++) {
            String hex = FilterBuilderViewModel.PALETTE.get(i);
            Region dot = new Region();
            dot.getStyleClass().add(SWATCH_DOT);
            // The colour is the smart list's data, not the theme's: painted from the value it saves.
            dot.setBackground(new Background(new BackgroundFill(Color.web(hex), new CornerRadii(8), null)));
            ToggleButton b = new ToggleButton();
            b.setId("filter-color-" + i);
            b.getStyleClass().add(SWATCH);
            b.setGraphic(dot);
            b.setToggleGroup(group);
            String colourName = Messages.text("filter.builder.color." + i);
            b.setAccessibleText(colourName);
            b.setTooltip(new Tooltip(colourName));
            b.setSelected(hex.equalsIgnoreCase(vm.colorProperty().get()));
            b.setOnAction(e -> {
                if (b.isSelected()) {
                    vm.colorProperty().set(hex);
                } else {
                    // A swatch clicked again stays chosen: a smart list keeps a colour once it has one.
                    b.setSelected(true);
                }
            });
            row.getChildren().add(b);
        }
        // The chosen swatch follows the colour, whoever set it.
        vm.colorProperty().addListener((o, was, now) -> row.getChildren().forEach(n -> ((ToggleButton) n).setSelected(
                FilterBuilderViewModel.PALETTE.get(row.getChildren().indexOf(n)).equalsIgnoreCase(now))));
        return row;
    }

    private static CheckBox check(String id, String key, BooleanProperty value) {
        CheckBox c = new CheckBox(Messages.text(key));
        c.setId(id);
        c.selectedProperty().bindBidirectional(value);
        return c;
    }

    /** A drop-down (id {@code id}) of {@code items}, each written by {@code words}, bound both ways to {@code value}. */
    private static <T> ComboBox<T> choice(String id, ObservableList<T> items, Property<T> value, Function<T, String> words) {
        ComboBox<T> box = new ComboBox<>(items);
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setCellFactory(lv -> cell(words));
        box.setButtonCell(cell(words));
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private static <T> ListCell<T> cell(Function<T, String> words) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : words.apply(item));
            }
        };
    }
}
