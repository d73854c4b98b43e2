package dev.tandem.app.view;

import dev.tandem.app.vm.BackupsViewModel;
import dev.tandem.ui.Styles;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Backups": daily backups on or off, their folder, the last one and its size, a failure said until
 * a backup succeeds, "Back up now" and "Restore…". Its state is a {@link BackupsViewModel}; this
 * class lays out and binds.
 */
public final class BackupsDialog extends TandemDialog<BackupsViewModel, Void> {
    static final String HELP = "A copy of this profile, taken while you work and checked by reading it back, kept"
            + " for the last 7 days and 4 weeks, in a folder outside the profile (encrypted with your sync"
            + " passphrase if you have one). A restore brings a backup back as ordinary edits, undone as one step.";

    public BackupsDialog(Window owner, BackupsViewModel vm, List<String> stylesheets) {
        super(owner, vm, stylesheets, "backups-dialog", "Backups", 560);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        Label help = Forms.wrapped(HELP);
        help.getStyleClass().add(Styles.SUBTITLE);

        CheckBox daily = new CheckBox("Back up every day while Tandem runs");
        daily.setId("backups-enabled");
        daily.selectedProperty().bindBidirectional(vm.enabledProperty());
        Label folder = Forms.wrapped("");
        folder.setId("backups-folder");
        folder.textProperty().bind(vm.folderProperty());
        Button change = new Button("Change…");
        change.setId("backups-change-folder");
        change.setOnAction(e -> vm.chooseFolder());
        change.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        GridPane form = Forms.form();
        int r = Forms.row(form, 0, "Folder", new HBox(8, folder, change));
        Label last = Forms.wrapped("");
        last.setId("backups-last");
        last.textProperty().bind(vm.lastProperty());
        Forms.row(form, r, "Last", last);

        Label failure = Forms.wrapped("");
        failure.setId("backups-failure");
        failure.getStyleClass().add(Styles.FIELD_ERROR);
        failure.textProperty().bind(vm.failureProperty());
        Forms.showOnly(failure, vm.failureProperty().isNotEmpty());

        Button now = Forms.action("backups-now", "Back up now", vm::backupNow, vm.busyProperty());
        Button restore = Forms.action("backups-restore", "Restore…", vm::restore, vm.busyProperty());
        Button intoNew = Forms.action("backups-restore-new", "Restore into a new profile…", vm::restoreIntoNewProfile,
                vm.busyProperty());
        VBox box = new VBox(10, help, daily, form, failure, new HBox(8, now, restore, intoNew),
                messageLine("backups-message", vm));
        getDialogPane().setContent(box);
    }
}
