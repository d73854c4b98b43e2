package dev.tandem.app.view.history;

import dev.tandem.app.view.Forms;
import dev.tandem.app.view.TandemDialog;
import dev.tandem.app.vm.history.BackupsViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Backups": daily backups on or off, their folder, the last one and its size, a failure said until
 * a backup succeeds, "Back up now" and "Restore…". Its state is a {@link BackupsViewModel}; this
 * class lays out and binds.
 */
public final class BackupsDialog extends TandemDialog<BackupsViewModel, Void> {
    public BackupsDialog(Window owner, BackupsViewModel vm, List<String> stylesheets) {
        super(owner, vm, stylesheets, "backups-dialog", Messages.text("settings.backups.title"), 560);
        closeButton();
        Label help = Forms.wrapped(Messages.text("settings.backups.help"));
        help.getStyleClass().add(Styles.SUBTITLE);

        CheckBox daily = new CheckBox(Messages.text("settings.backups.daily"));
        daily.setId("backups-enabled");
        daily.selectedProperty().bindBidirectional(vm.enabledProperty());
        Label folder = Forms.wrapped("");
        folder.setId("backups-folder");
        folder.textProperty().bind(vm.folderProperty());
        Button change = new Button(Messages.text("settings.backups.folder.change"));
        change.setId("backups-change-folder");
        change.setOnAction(e -> vm.chooseFolder());
        change.setMinWidth(Region.USE_PREF_SIZE);
        GridPane form = Forms.form();
        int r = Forms.row(form, 0, Messages.text("settings.backups.folder.label"), new HBox(8, folder, change));
        Label last = Forms.wrapped("");
        last.setId("backups-last");
        last.textProperty().bind(vm.lastProperty());
        Forms.row(form, r, Messages.text("settings.backups.last.label"), last);

        Label failure = Forms.wrapped("");
        failure.setId("backups-failure");
        failure.getStyleClass().add(Styles.FIELD_ERROR);
        failure.textProperty().bind(vm.failureProperty());
        Forms.showOnly(failure, vm.failureProperty().isNotEmpty());

        Button now = Forms.action("backups-now", Messages.text("settings.backups.now"), vm::backupNow,
                vm.busyProperty());
        Button restore = Forms.action("backups-restore", Messages.text("settings.backups.restore"), vm::restore,
                vm.busyProperty());
        Button intoNew = Forms.action("backups-restore-new", Messages.text("settings.backups.restoreNew"),
                vm::restoreIntoNewProfile, vm.busyProperty());
        // The buttons keep their words and go on a second line where the language makes them longer.
        FlowPane actions = new FlowPane(8, 8, now, restore, intoNew);
        for (Button b : new Button[] {now, restore, intoNew}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label message = messageLine("backups-message", vm);
        VBox box = new VBox(10, help, daily, form, failure, actions, message);
        getDialogPane().setContent(box);
        // A line said after "Back up now" (or a failure) makes the dialog taller: it grows, within the screen.
        message.textProperty().addListener((o, a, b) -> fit());
        failure.visibleProperty().addListener((o, a, b) -> fit());
        last.textProperty().addListener((o, a, b) -> fit());
    }
}
