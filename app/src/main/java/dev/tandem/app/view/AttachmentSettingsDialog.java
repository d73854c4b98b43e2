package dev.tandem.app.view;

import dev.tandem.app.vm.settings.AttachmentSettingsViewModel;
import dev.tandem.ui.Styles;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Attachments" (from Sync settings): the largest file one may attach, what stays on this device and
 * "Free up space", and "Clean up the remote", which shows what would be freed before anything is
 * deleted. Its state is an {@link AttachmentSettingsViewModel}; this class lays out and binds.
 */
public final class AttachmentSettingsDialog extends TandemDialog<AttachmentSettingsViewModel, Void> {
    public AttachmentSettingsDialog(Window owner, AttachmentSettingsViewModel vm, List<String> stylesheets) {
        super(owner, vm, stylesheets, "attachment-settings-dialog", "Attachments", 560);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);

        GridPane form = Forms.form();
        Spinner<Integer> limit = megabytes("attachments-limit", 1, AttachmentSettingsViewModel.MAX_MB, 10,
                vm.limitMbProperty().get());
        limit.valueProperty().addListener((o, a, b) -> vm.limitMbProperty().set(b));
        int r = Forms.row(form, 0, "Largest file", withUnit(limit));
        form.add(Forms.hint("A larger file is refused when you attach it, before anything is copied."), 1, r++);

        CheckBox keep = new CheckBox("Keep attachments on this device");
        keep.setId("attachments-keep-all");
        keep.selectedProperty().bindBidirectional(vm.keepAllProperty());
        r = Forms.row(form, r, "This device", keep);
        form.add(Forms.hint("Downloads every attachment after each sync, so all of them open offline. Otherwise"
                + " a file downloads when it is shown, and the oldest copies go past the room below."), 1, r++);
        Spinner<Integer> cache = megabytes("attachments-cache-limit", 0, Integer.MAX_VALUE / 2, 100,
                vm.cacheLimitMbProperty().get());
        cache.valueProperty().addListener((o, a, b) -> vm.cacheLimitMbProperty().set(b));
        cache.disableProperty().bind(vm.keepAllProperty());
        r = Forms.row(form, r, "Room for copies", withUnit(cache));
        Label usage = Forms.wrapped("");
        usage.setId("attachments-usage");
        usage.textProperty().bind(vm.usageProperty());
        Button free = Forms.action("attachments-free-up", "Free up space", vm::freeUp, vm.busyProperty());
        HBox freeRow = new HBox(10, free, usage);
        freeRow.setAlignment(Pos.CENTER_LEFT);
        form.add(freeRow, 1, r);

        Label cleanHeading = Forms.label("Clean up the remote");
        Label cleanHelp = Forms.hint("Files that no item, version or the Trash uses any more stay on the remote"
                + " until they are cleaned up here. Checking deletes nothing; you confirm before anything goes.");
        Button check = Forms.action("attachments-check-remote", "Check the remote", vm::checkRemote, vm.busyProperty());
        Label remote = Forms.wrapped("");
        remote.setId("attachments-remote");
        remote.textProperty().bind(vm.remoteProperty());
        Forms.showOnly(remote, vm.remoteProperty().isNotEmpty());
        Button delete = Forms.action("attachments-clean-up", "", vm::cleanUp, vm.busyProperty());
        delete.textProperty().bind(Bindings.createStringBinding(() -> vm.deletableProperty().get() == 1
                ? "Delete 1 file from the remote…" : "Delete " + vm.deletableProperty().get() + " files from the remote…",
                vm.deletableProperty()));
        delete.getStyleClass().add(Styles.BUTTON_ACCENT);
        Forms.showOnly(delete, vm.deletableProperty().greaterThan(0));

        VBox box = new VBox(10, form, cleanHeading, cleanHelp, check, remote, delete,
                messageLine("attachments-settings-message", vm));
        getDialogPane().setContent(box);
    }

    /** An editable spinner of whole megabytes, committing what is typed when the focus leaves it. */
    private static Spinner<Integer> megabytes(String id, int min, int max, int step, int value) {
        Spinner<Integer> s = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max,
                Math.max(min, Math.min(max, value)), step));
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(120);
        s.focusedProperty().addListener((o, a, f) -> {
            if (!f) {
                commit(s);
            }
        });
        return s;
    }

    /** The spinner takes what was typed; text that is not a number goes back to the value it had. */
    private static void commit(Spinner<Integer> s) {
        String text = s.getEditor().getText();
        try {
            s.getValueFactory().setValue(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            s.getEditor().setText(String.valueOf(s.getValue()));
        }
    }

    private static HBox withUnit(Spinner<Integer> s) {
        HBox row = new HBox(6, s, new Label("MB"));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
