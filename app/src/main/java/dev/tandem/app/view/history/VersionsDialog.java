package dev.tandem.app.view.history;

import dev.tandem.app.view.Forms;
import dev.tandem.app.view.TandemDialog;
import dev.tandem.app.view.conflict.DiffView;
import dev.tandem.app.vm.history.VersionsViewModel.Choice;
import dev.tandem.app.vm.history.VersionsViewModel.Row;
import dev.tandem.app.vm.history.VersionsViewModel.Shown;
import dev.tandem.app.vm.history.VersionsViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Versions" of a todo or note: the versions on the left, newest first; on the right the one
 * selected, each field that differs from now as "then → now" with a box to choose it (one someone
 * else changed since says so and starts unchosen), the files the item had then, the notes as a line diff against now, and
 * "Restore this version". Its state is a {@link VersionsViewModel}; this class lays out and binds.
 */
public final class VersionsDialog extends TandemDialog<VersionsViewModel, Void> {
    private final ListView<Row> list = new ListView<>();
    private final VBox detail = new VBox(10);

    public VersionsDialog(Window owner, VersionsViewModel vm, List<String> stylesheets) {
        super(owner, vm, stylesheets, "versions-dialog", Messages.text("editor.versions.title", vm.title()), 820);
        getDialogPane().getButtonTypes().add(Forms.closeButton());
        list.setId("versions-list");
        list.setItems(vm.rows());
        list.setPrefWidth(260);
        list.setCellFactory(lv -> new VersionCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null && (vm.shownProperty().get() == null || vm.shownProperty().get().row() != row)) {
                vm.show(row);
            }
        });
        vm.shownProperty().addListener((o, a, shown) -> render(shown));
        vm.restoredProperty().addListener((o, a, done) -> {
            if (done) {
                close();
            }
        });
        Button restore = Forms.action("versions-restore", Messages.text("editor.versions.restore"), vm::restore,
                vm.busyProperty());
        restore.getStyleClass().add(Styles.BUTTON_ACCENT);
        restore.disableProperty().unbind();
        restore.disableProperty().bind(vm.canRestoreProperty().not());
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(360);
        VBox right = new VBox(10, scroll, messageLine("versions-message", vm), restore);
        HBox.setHgrow(right, Priority.ALWAYS);
        Button older = Forms.action("versions-older", Messages.text("editor.versions.older"), vm::loadOlder,
                vm.busyProperty());
        older.visibleProperty().bind(vm.hasOlderProperty());
        older.managedProperty().bind(vm.hasOlderProperty());
        VBox left = new VBox(6, list, older);
        VBox.setVgrow(list, Priority.ALWAYS);
        HBox box = new HBox(12, left, right);
        box.setPadding(new Insets(4, 0, 0, 0));
        getDialogPane().setContent(box);
        vm.load();
    }

    private void render(Shown shown) {
        if (shown == null) {
            detail.getChildren().clear();
            return;
        }
        if (list.getSelectionModel().getSelectedItem() != shown.row()) {
            list.getSelectionModel().select(shown.row());
        }
        Label heading = new Label(Messages.text("editor.versions.heading", String.valueOf(shown.row().number()),
                shown.row().when(), shown.row().device()));
        heading.getStyleClass().add(Styles.TITLE);
        Label summary = Forms.wrapped(shown.summary());
        summary.getStyleClass().add(Styles.SUBTITLE);
        detail.getChildren().setAll(heading, summary);
        if (!shown.choices().isEmpty()) {
            detail.getChildren().add(fields(shown.choices()));
        }
        Label files = Forms.wrapped(shown.filesLine());
        files.setId("versions-files");
        detail.getChildren().add(files);
        if (shown.notes() != null) {
            Label notes = Forms.label(Messages.text("editor.versions.notesDiff"));
            detail.getChildren().addAll(notes, new DiffView(shown.notes(), Messages.text("editor.versions.onlyThen"),
                    Messages.text("editor.versions.onlyNow")));
        }
        fit();
    }

    private static Node fields(List<Choice> choices) {
        GridPane grid = Forms.form();
        grid.setId("versions-fields");
        int r = 0;
        for (Choice c : choices) {
            CheckBox box = new CheckBox(c.label());
            box.selectedProperty().bindBidirectional(c.chosenProperty());
            Label change = Forms.wrapped(Messages.text("editor.versions.change", c.then(), c.now()));
            grid.add(box, 0, r);
            grid.add(change, 1, r);
            if (c.changedBy() != null) {
                Label by = Forms.hint(Messages.text("editor.versions.changedBy", c.changedBy()));
                grid.add(by, 1, ++r);
            }
            r++;
        }
        return grid;
    }

    /** "3 · Tue 24 Nov 2026, 18:02" over "This device · Changed notes". */
    private static final class VersionCell extends ListCell<Row> {
        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                return;
            }
            setText(Messages.text("editor.versions.row", String.valueOf(row.number()), row.when(), row.device(),
                    row.what()));
        }
    }
}
