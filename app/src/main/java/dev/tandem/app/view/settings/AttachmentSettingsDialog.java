package dev.tandem.app.view.settings;

import dev.tandem.app.view.Forms;
import dev.tandem.app.view.TandemDialog;
import dev.tandem.app.vm.settings.AttachmentSettingsViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Attachments" (from Settings): the largest file one may attach, what stays on this device and
 * "Free up space", and "Clean up the remote", which shows what would be freed before anything is
 * deleted. Its state is an {@link AttachmentSettingsViewModel}; this class lays out and binds.
 */
public final class AttachmentSettingsDialog extends TandemDialog<AttachmentSettingsViewModel, Void> {
    public AttachmentSettingsDialog(Window owner, AttachmentSettingsViewModel vm, List<String> stylesheets) {
        super(owner, vm, stylesheets, "attachment-settings-dialog", Messages.text("settings.attachments.title"), 560);
        closeButton();

        GridPane form = Forms.form();
        Spinner<Integer> limit = megabytes("attachments-limit", 1, AttachmentSettingsViewModel.MAX_MB, 10,
                vm.limitMbProperty().get());
        limit.valueProperty().addListener((o, a, b) -> vm.limitMbProperty().set(b));
        int r = Forms.row(form, 0, Messages.text("settings.attachments.limit.label"), withUnit(limit));
        form.add(Forms.hint(Messages.text("settings.attachments.limit.hint")), 1, r++);

        CheckBox keep = new CheckBox(Messages.text("settings.attachments.keepAll"));
        keep.setId("attachments-keep-all");
        keep.selectedProperty().bindBidirectional(vm.keepAllProperty());
        r = Forms.row(form, r, Messages.text("settings.attachments.device.label"), keep);
        form.add(Forms.hint(Messages.text("settings.attachments.keepAll.hint")), 1, r++);
        Spinner<Integer> cache = megabytes("attachments-cache-limit", 0, Integer.MAX_VALUE / 2, 100,
                vm.cacheLimitMbProperty().get());
        cache.valueProperty().addListener((o, a, b) -> vm.cacheLimitMbProperty().set(b));
        cache.disableProperty().bind(vm.keepAllProperty());
        r = Forms.row(form, r, Messages.text("settings.attachments.cache.label"), withUnit(cache));
        Label usage = Forms.wrapped("");
        usage.setId("attachments-usage");
        usage.textProperty().bind(vm.usageProperty());
        Button free = Forms.action("attachments-free-up", Messages.text("settings.attachments.freeUp"), vm::freeUp,
                vm.busyProperty());
        HBox freeRow = new HBox(10, free, usage);
        freeRow.setAlignment(Pos.CENTER_LEFT);
        form.add(freeRow, 1, r);

        Label cleanHeading = Forms.label(Messages.text("settings.attachments.clean.heading"));
        Label cleanHelp = Forms.hint(Messages.text("settings.attachments.clean.help"));
        Button check = Forms.action("attachments-check-remote", Messages.text("settings.attachments.check"),
                vm::checkRemote, vm.busyProperty());
        Label remote = Forms.wrapped("");
        remote.setId("attachments-remote");
        remote.textProperty().bind(vm.remoteProperty());
        Forms.showOnly(remote, vm.remoteProperty().isNotEmpty());
        Button delete = Forms.action("attachments-clean-up", "", vm::cleanUp, vm.busyProperty());
        delete.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.text("settings.attachments.delete", vm.deletableProperty().get()),
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
        HBox row = new HBox(6, s, new Label(Messages.text("settings.attachments.megabytes")));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
