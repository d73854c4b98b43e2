package dev.tandem.app.view.conflict;

import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.text.diff.MergeText.Choice;
import dev.tandem.app.view.Forms;
import dev.tandem.app.view.TandemDialog;
import dev.tandem.app.vm.conflict.MergeEditorViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import java.util.Locale;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Edit merged": each place where the two versions differ, shown side by side with a choice of this
 * device's lines, the other device's or both, and below them the merged text, which follows the
 * choices and can be edited freely. It opens holding both versions everywhere, with nothing selected
 * and the first choice focused, so no keystroke replaces anything by accident. Save goes through
 * {@link MergeEditorViewModel#save()}, which may refuse; then the dialog closes.
 */
public final class MergeEditorDialog extends TandemDialog<MergeEditorViewModel, Boolean> {
    private final ButtonType saveType = new ButtonType(Messages.text("editor.merge.save"),
            ButtonBar.ButtonData.OK_DONE);

    private final TextArea area = new TextArea();
    private Node firstChoice;

    public MergeEditorDialog(Window owner, MergeEditorViewModel vm, List<String> stylesheets) {
        super(owner, vm, stylesheets, "merge-dialog", vm.heading(), 780);
        setResizable(true);
        getDialogPane().setAccessibleRole(AccessibleRole.DIALOG);
        getDialogPane().setAccessibleText(Messages.text("editor.merge.accessible", vm.heading(), vm.subject()));
        getDialogPane().getButtonTypes().addAll(
                new ButtonType(Messages.text("editor.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE), saveType);

        Label subject = new Label(vm.subject());
        subject.getStyleClass().add(Styles.ITEM_TITLE);
        Label how = Forms.wrapped(Messages.text("editor.merge.how", vm.fieldInSentence(), vm.keptDevice(),
                vm.lostDevice()));
        how.getStyleClass().add(Styles.HINT);

        VBox placeRows = new VBox(10);
        placeRows.setId("merge-places");
        for (MergeEditorViewModel.Place p : vm.places()) {
            placeRows.getChildren().add(placeRow(vm, p));
        }
        ScrollPane placesScroll = new ScrollPane(placeRows);
        placesScroll.setFitToWidth(true);
        placesScroll.setPrefViewportHeight(Math.min(260, 110 * vm.places().size()));
        placesScroll.setMinHeight(Region.USE_PREF_SIZE);

        area.setId("merge-text");
        area.getStyleClass().addAll(Styles.MERGE_EDITOR, Styles.EDITOR_NOTES);
        area.setWrapText(true);
        area.setPrefRowCount(vm.singleLine() ? 3 : 12);
        area.textProperty().bindBidirectional(vm.textProperty());
        area.setAccessibleText(Messages.text("editor.merge.merged", vm.fieldInSentence()));
        VBox.setVgrow(area, Priority.ALWAYS);
        Label result = Forms.label(Messages.text("editor.merge.merged", vm.fieldInSentence()));
        result.setLabelFor(area);

        Label status = new Label();
        status.setId("merge-status");
        status.getStyleClass().add(Styles.HINT);
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        Label error = new Label();
        error.setId("merge-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.FIELD_ERROR);
        error.textProperty().bind(vm.errorProperty());
        Forms.showOnly(error, vm.errorProperty().isEmpty().not());

        VBox content = new VBox(8, subject, how, placesScroll, result, area, status, error);
        getDialogPane().setContent(content);

        Button save = (Button) getDialogPane().lookupButton(saveType);
        save.setId("merge-save");
        save.addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.save()) {
                e.consume();
            }
        });
        setResultConverter(b -> b == saveType);
        // The first choice has the focus, the text no selection: typing replaces nothing.
        setOnShown(e -> FxExecutor.INSTANCE.later(() -> {
            area.positionCaret(0);
            (firstChoice != null ? firstChoice : area).requestFocus();
        }));
    }

    /** One place: both versions side by side, and the choice of what the merged text keeps there. */
    private Node placeRow(MergeEditorViewModel vm, MergeEditorViewModel.Place p) {
        Label title = Forms.label(vm.places().size() == 1 ? Messages.text("editor.merge.whereTheyDiffer")
                : Messages.text("editor.merge.place", p.number(), vm.places().size()));
        Label kept = version(vm.keptDevice(), p.kept(), Styles.VALUE_KEPT);
        Label lost = version(vm.lostDevice(), p.lost(), Styles.VALUE_LOST);
        HBox versions = new HBox(10, kept, lost);
        HBox.setHgrow(kept, Priority.ALWAYS);
        HBox.setHgrow(lost, Priority.ALWAYS);
        kept.setMaxWidth(Double.MAX_VALUE);
        lost.setMaxWidth(Double.MAX_VALUE);

        ToggleGroup group = new ToggleGroup();
        ToggleButton useKept = choice(vm, p, group, vm.keptDevice(), Choice.KEPT, "first");
        ToggleButton useLost = choice(vm, p, group, vm.lostDevice(), Choice.LOST, vm.singleLine() ? "last" : null);
        HBox choices = new HBox(useKept, useLost);
        if (!vm.singleLine()) {
            choices.getChildren().add(choice(vm, p, group, Messages.text("editor.merge.both"), Choice.BOTH, "last"));
        }
        choices.getStyleClass().add(Styles.SEGMENTED);
        choices.setId("merge-choice-" + p.number());
        if (firstChoice == null) {
            firstChoice = useKept;
        }
        Runnable show = () -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == p.choice().get()));
        p.choice().addListener((o, a, b) -> show.run());
        show.run();
        HBox head = new HBox(12, title, choices);
        head.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, head, versions);
    }

    private static Label version(String device, String lines, String style) {
        Label l = new Label(device + "\n" + (lines.isEmpty() ? Messages.text("editor.merge.nothing") : lines));
        l.getStyleClass().addAll(style, "merge-version");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static ToggleButton choice(MergeEditorViewModel vm, MergeEditorViewModel.Place p, ToggleGroup group,
                                       String label, Choice choice, String edge) {
        ToggleButton b = new ToggleButton(label);
        b.setToggleGroup(group);
        b.setUserData(choice);
        b.setId("merge-" + choice.name().toLowerCase(Locale.ROOT) + "-" + p.number());
        if (edge != null) {
            b.getStyleClass().add(edge);
        }
        // The choice is the view-model's: a click asks it, and the buttons show what it holds.
        b.addEventFilter(ActionEvent.ACTION, e -> {
            vm.choose(p, choice);
            group.getToggles().forEach(t -> t.setSelected(t.getUserData() == p.choice().get()));
            e.consume();
        });
        return b;
    }

    /** The text area, for tests. */
    public TextArea textArea() {
        return area;
    }
}
