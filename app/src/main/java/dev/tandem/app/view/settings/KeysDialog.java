package dev.tandem.app.view.settings;

import static dev.tandem.app.view.Forms.row;

import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.view.Forms;
import dev.tandem.app.view.TandemDialog;
import dev.tandem.app.vm.settings.KeysViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Encryption keys": the remote's keys in words, then one part per task, chosen with segmented buttons: change the passphrase, make a
 * recovery key (or use one to set a new passphrase), rotate the key after a leak. Its state is a
 * {@link KeysViewModel}; this class only lays out and binds.
 */
public final class KeysDialog extends TandemDialog<KeysViewModel, Void> {
    public KeysDialog(Window owner, KeysViewModel vm, List<String> stylesheets, boolean offerRecoveryKey) {
        super(owner, vm, stylesheets, "keys-dialog", Messages.text("settings.keys.title"), 560);
        Button close = closeButton();

        // One task at a time, chosen with segmented buttons as elsewhere in the app; only the chosen
        // task's part is laid out, so each explanation gets the room it needs.
        ToggleGroup group = new ToggleGroup();
        HBox tabs = new HBox();
        tabs.setId("keys-tabs");
        tabs.getStyleClass().add(Styles.SEGMENTED);
        VBox parts = new VBox();
        parts.setPadding(new Insets(12, 0, 4, 0));
        String[] names = {Messages.text("settings.keys.tab.passphrase"), Messages.text("settings.keys.tab.recovery"),
            Messages.text("settings.keys.tab.forgot"), Messages.text("settings.keys.tab.rotate")};
        Node[] contents = {passphraseTab(), recoveryTab(), resetTab(), rotateTab()};
        KeysViewModel.Section[] sections = KeysViewModel.Section.values();
        for (int i = 0; i < sections.length; i++) {
            KeysViewModel.Section sec = sections[i];
            ToggleButton b = new ToggleButton(names[i]);
            b.setId("keys-tab-" + sec.name().toLowerCase(Locale.ROOT));
            b.setToggleGroup(group);
            b.setMinWidth(Region.USE_PREF_SIZE);
            if (i == 0) {
                b.getStyleClass().add("first");
            } else if (i == sections.length - 1) {
                b.getStyleClass().add("last");
            }
            b.setOnAction(e -> {
                vm.sectionProperty().set(sec);
                b.setSelected(true);
            });
            tabs.getChildren().add(b);
            Node part = contents[i];
            part.visibleProperty().bind(Bindings.equal(vm.sectionProperty(), sec));
            part.managedProperty().bind(part.visibleProperty());
            parts.getChildren().add(part);
        }
        Runnable selectShown = () -> group.getToggles().get(vm.sectionProperty().get().ordinal()).setSelected(true);
        vm.sectionProperty().addListener((o, a, b) -> {
            selectShown.run();
            grow();
        });
        if (offerRecoveryKey) {
            vm.sectionProperty().set(KeysViewModel.Section.RECOVERY);
        }
        selectShown.run();
        Label status = Forms.wrapped("");
        status.setId("keys-status");
        status.textProperty().bind(vm.statusProperty());
        Tooltip details = new Tooltip();
        status.setTooltip(details);
        vm.statusProperty().addListener((o, a, b) -> details.setText(vm.technicalDetails()));
        ProgressBar progress = new ProgressBar();
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        Forms.showOnly(progress, vm.busyProperty());
        VBox content = new VBox(12, status, tabs, parts, progress, messageLine("keys-message", vm));
        content.setPadding(new Insets(4, 0, 0, 0));
        getDialogPane().setContent(content);
        // Only a change holds the dialog open (its outcome, a recovery key, must be seen); reading the keyring
        // never does: closing drops the read.
        close.disableProperty().bind(vm.busyProperty());
        setOnHidden(e -> vm.close());
        // A message or a recovery key adds lines: the window grows to show them, within the screen.
        vm.messageProperty().addListener((o, a, b) -> grow());
        vm.recoveryCodeProperty().addListener((o, a, b) -> grow());
        vm.statusProperty().addListener((o, a, b) -> grow());
        vm.refresh();
    }

    private void grow() {
        // Preferred sizes follow the new text at once, so the window can size to them now.
        FxExecutor.INSTANCE.execute(() -> {
            if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
                getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
    }

    private Node passphraseTab() {
        GridPane g = form();
        PasswordField current = Forms.password("keys-current", Messages.text("settings.keys.current.prompt"),
                vm.currentPassphraseProperty());
        int r = row(g, 0, Messages.text("settings.keys.current.label"), current);
        r = newPassphrase(g, r, "keys-change");
        Button change = action("keys-change-button", Messages.text("settings.keys.change"), vm::changePassphrase);
        g.add(change, 1, r++);
        g.add(Forms.hint(Messages.text("settings.keys.change.hint")), 1, r);
        return g;
    }

    private Node recoveryTab() {
        TextField code = new TextField();
        code.setId("keys-recovery-code");
        code.setEditable(false);
        code.getStyleClass().add(Styles.RECOVERY_CODE);
        code.textProperty().bind(vm.recoveryCodeProperty());
        HBox shown = new HBox(8, code, Forms.copyButton("keys-recovery-copy", code));
        HBox.setHgrow(code, Priority.ALWAYS);
        Forms.showOnly(shown, vm.recoveryCodeProperty().isNotEmpty());
        Label plainly = Forms.wrapped(Messages.text("settings.keys.recovery.explain"));
        plainly.getStyleClass().add(Styles.WARNING_NOTE);
        Button create = action("keys-recovery-create", Messages.text("settings.keys.recovery.create"),
                vm::createRecoveryKey);
        create.textProperty().bind(vm.recoveryActionProperty());
        return new VBox(10, plainly, create, shown);
    }

    private Node resetTab() {
        GridPane reset = form();
        TextField input = new TextField();
        input.setId("keys-recovery-input");
        input.setPromptText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX");
        input.textProperty().bindBidirectional(vm.recoveryKeyInputProperty());
        int r = row(reset, 0, Messages.text("settings.keys.reset.label"), input);
        r = newPassphrase(reset, r, "keys-reset");
        reset.add(action("keys-reset-button", Messages.text("settings.keys.reset.button"), vm::resetWithRecoveryKey),
                1, r++);
        reset.add(Forms.hint(Messages.text("settings.keys.reset.hint")), 1, r);
        return reset;
    }

    private Node rotateTab() {
        GridPane g = form();
        int r = newPassphrase(g, 0, "keys-rotate");
        Button rotate = action("keys-rotate-button", Messages.text("settings.keys.rotate.button"), vm::rotate);
        rotate.textProperty().bind(Bindings.when(vm.rotationUnfinishedProperty())
                .then(Messages.text("settings.keys.rotate.finish")).otherwise(Messages.text("settings.keys.rotate.button")));
        g.add(rotate, 1, r++);
        g.add(Forms.hint(Messages.text("settings.keys.rotate.hint")), 1, r);
        return g;
    }

    /** The new passphrase twice; each tab has its own fields (ids {@code tab-new}, {@code tab-repeat}), one value. */
    private int newPassphrase(GridPane g, int r, String tab) {
        r = row(g, r, Messages.text("settings.keys.new.label"), Forms.password(tab + "-new",
                Messages.text("settings.keys.new.prompt", KeysViewModel.MIN_LENGTH), vm.newPassphraseProperty()));
        return row(g, r, Messages.text("settings.keys.repeat.label"), Forms.password(tab + "-repeat",
                Messages.text("settings.keys.repeat.prompt"), vm.repeatProperty()));
    }

    private Button action(String id, String text, Runnable command) {
        return Forms.action(id, text, command, vm.busyProperty());
    }

    private static GridPane form() {
        GridPane g = new GridPane();
        g.getStyleClass().add(Styles.FORM);
        g.setHgap(10);
        g.setVgap(8);
        return g;
    }
}
