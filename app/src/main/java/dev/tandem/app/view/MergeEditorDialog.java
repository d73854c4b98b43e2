package dev.tandem.app.view;

import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.vm.MergeEditorViewModel;
import dev.tandem.app.vm.MergeText;
import dev.tandem.ui.Styles;
import java.util.List;
import java.util.Locale;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Edit merged": a text area holding both versions of a field, marked where they differ, which the
 * user edits into one. "Next place" (F8) selects the next marked place. Save goes through
 * {@link MergeEditorViewModel#save()}, which may refuse or ask first; then the dialog closes.
 */
public final class MergeEditorDialog extends Dialog<Boolean> {
    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
    private static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.F8);

    private final TextArea area = new TextArea();

    public MergeEditorDialog(Window owner, MergeEditorViewModel vm, List<String> stylesheets) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(vm.heading());
        setHeaderText(vm.heading());
        setResizable(true);
        getDialogPane().getStylesheets().addAll(stylesheets);
        getDialogPane().getStyleClass().add(Styles.DIALOG);
        getDialogPane().setId("merge-dialog");
        getDialogPane().setAccessibleRole(AccessibleRole.DIALOG);
        getDialogPane().setAccessibleText(vm.heading() + ": " + vm.subject());
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, SAVE);

        Label subject = new Label(vm.subject());
        subject.getStyleClass().add(Styles.ITEM_TITLE);
        Label how = new Label("Lines both versions share appear once. Where they differ, the kept version stands between "
                + MergeText.START + " and " + MergeText.MIDDLE + ", the lost one between " + MergeText.MIDDLE + " and "
                + MergeText.END + ". Edit each place into the text you want and delete the marker lines.");
        how.setWrapText(true);
        how.getStyleClass().add(Styles.HINT);

        area.setId("merge-text");
        area.getStyleClass().addAll(Styles.MERGE_EDITOR, Styles.EDITOR_NOTES);
        area.setWrapText(true);
        area.setPrefRowCount(vm.singleLine() ? 8 : 18);
        area.textProperty().bindBidirectional(vm.textProperty());
        area.setAccessibleText("Merged " + vm.field().toLowerCase(Locale.ROOT));
        VBox.setVgrow(area, Priority.ALWAYS);

        Label status = new Label();
        status.setId("merge-status");
        status.getStyleClass().add(Styles.HINT);
        status.textProperty().bind(vm.statusProperty());
        Button next = new Button("Next place (F8)");
        next.setId("merge-next");
        next.getStyleClass().add(Styles.BUTTON_FLAT);
        next.disableProperty().bind(vm.placesProperty().isEqualTo(0));
        next.setOnAction(e -> selectNext(vm));
        area.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (NEXT.match(e)) {
                selectNext(vm);
                e.consume();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, status, spacer, next);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("merge-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.FIELD_ERROR);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isEmpty().not());
        error.managedProperty().bind(error.visibleProperty());

        VBox content = new VBox(8, subject, how, area, bar, error);
        getDialogPane().setContent(content);
        getDialogPane().setPrefWidth(780);

        Button save = (Button) getDialogPane().lookupButton(SAVE);
        save.setId("merge-save");
        save.addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.save()) {
                e.consume();
            }
        });
        setResultConverter(b -> b == SAVE);
        // Start at the first place that needs a decision, once the dialog has focused its default button.
        setOnShown(e -> FxExecutor.INSTANCE.later(() -> {
            area.requestFocus();
            selectNext(vm);
        }));
    }

    private void selectNext(MergeEditorViewModel vm) {
        MergeText.Range r = vm.next(area.getCaretPosition());
        if (r != null) {
            area.selectRange(r.start(), r.end());
        }
    }

    /** The text area, for tests. */
    public TextArea textArea() {
        return area;
    }
}
