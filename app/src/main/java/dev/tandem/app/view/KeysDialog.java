package dev.tandem.app.view;

import dev.tandem.app.vm.KeysViewModel;
import dev.tandem.ui.Styles;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Encryption keys": the remote's keys in words, then one part per task, chosen with segmented buttons: change the passphrase, make a
 * recovery key (or use one to set a new passphrase), rotate the key after a leak. Its state is a
 * {@link KeysViewModel}; this class only lays out and binds.
 */
public final class KeysDialog extends Dialog<Void> {
    private final KeysViewModel vm;

    public KeysDialog(Window owner, KeysViewModel vm, List<String> stylesheets, boolean offerRecoveryKey) {
        this.vm = vm;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Encryption keys");
        setHeaderText("Encryption keys");
        getDialogPane().getStylesheets().addAll(stylesheets);
        getDialogPane().getStyleClass().add(Styles.DIALOG);
        getDialogPane().setId("keys-dialog");
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setPrefWidth(560);

        // One task at a time, chosen with segmented buttons as elsewhere in the app; only the chosen
        // task's part is laid out, so each explanation gets the room it needs.
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        HBox tabs = new HBox();
        tabs.setId("keys-tabs");
        tabs.getStyleClass().add("segmented");
        VBox parts = new VBox();
        parts.setPadding(new Insets(12, 0, 4, 0));
        String[] names = {"Passphrase", "Recovery key", "Forgot passphrase", "Rotate key"};
        Node[] contents = {passphraseTab(), recoveryTab(), resetTab(), rotateTab()};
        KeysViewModel.Section[] sections = KeysViewModel.Section.values();
        for (int i = 0; i < sections.length; i++) {
            KeysViewModel.Section sec = sections[i];
            javafx.scene.control.ToggleButton b = new javafx.scene.control.ToggleButton(names[i]);
            b.setId("keys-tab-" + sec.name().toLowerCase(java.util.Locale.ROOT));
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
            fit();
        });
        if (offerRecoveryKey) {
            vm.sectionProperty().set(KeysViewModel.Section.RECOVERY);
        }
        selectShown.run();
        Label status = new Label();
        status.setId("keys-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.statusProperty());
        javafx.scene.control.Tooltip details = new javafx.scene.control.Tooltip();
        status.setTooltip(details);
        vm.statusProperty().addListener((o, a, b) -> details.setText(vm.technicalDetails()));
        Label message = new Label();
        message.setId("keys-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.messageProperty());
        vm.errorProperty().addListener((o, a, error) -> {
            message.getStyleClass().remove(Styles.FIELD_ERROR);
            if (error) {
                message.getStyleClass().add(Styles.FIELD_ERROR);
            }
        });
        ProgressBar progress = new ProgressBar();
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        VBox content = new VBox(12, status, tabs, parts, progress, message);
        content.setPadding(new Insets(4, 0, 0, 0));
        getDialogPane().setContent(content);
        getDialogPane().lookupButton(ButtonType.CLOSE).disableProperty().bind(vm.busyProperty());
        // A message or a recovery key adds lines: the window grows to show them, within the screen.
        vm.messageProperty().addListener((o, a, b) -> fit());
        vm.recoveryCodeProperty().addListener((o, a, b) -> fit());
        vm.statusProperty().addListener((o, a, b) -> fit());
        vm.refresh();
    }

    private void fit() {
        // Preferred sizes follow the new text at once, so the window can size to them now.
        dev.tandem.app.fx.FxExecutor.INSTANCE.execute(() -> {
            if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
                getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
    }

    private Node passphraseTab() {
        GridPane g = form();
        PasswordField current = password("keys-current", "The passphrase this device uses", vm.currentPassphraseProperty());
        int r = row(g, 0, "Current", current);
        r = newPassphrase(g, r, "keys-change");
        Button change = action("keys-change-button", "Change passphrase", vm::changePassphrase);
        g.add(change, 1, r++);
        g.add(hint("Only the remote's keyring changes, in a second; nothing is uploaded again. Other devices ask for "
                + "the new passphrase at their next sync and keep their changes meanwhile."), 1, r);
        return g;
    }

    private Node recoveryTab() {
        TextField code = new TextField();
        code.setId("keys-recovery-code");
        code.setEditable(false);
        code.getStyleClass().add(Styles.RECOVERY_CODE);
        code.textProperty().bind(vm.recoveryCodeProperty());
        Button copy = new Button("Copy");
        copy.setId("keys-recovery-copy");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(code.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        HBox shown = new HBox(8, code, copy);
        HBox.setHgrow(code, javafx.scene.layout.Priority.ALWAYS);
        shown.visibleProperty().bind(vm.recoveryCodeProperty().isNotEmpty());
        shown.managedProperty().bind(shown.visibleProperty());
        Label plainly = new Label("A recovery key opens the remote if the passphrase is forgotten. Print it or write "
                + "it down, and keep it apart from the passphrase. If both are lost, the synced data cannot be read by "
                + "anyone, Tandem included; what is on this device stays.");
        plainly.getStyleClass().add(Styles.WARNING_NOTE);
        plainly.setWrapText(true);
        plainly.setMinHeight(Region.USE_PREF_SIZE);
        Button create = action("keys-recovery-create", "Create recovery key", vm::createRecoveryKey);
        create.textProperty().bind(vm.recoveryActionProperty());
        return new VBox(10, plainly, create, shown);
    }

    private Node resetTab() {
        GridPane reset = form();
        TextField input = new TextField();
        input.setId("keys-recovery-input");
        input.setPromptText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX");
        input.textProperty().bindBidirectional(vm.recoveryKeyInputProperty());
        int r = row(reset, 0, "Recovery key", input);
        r = newPassphrase(reset, r, "keys-reset");
        reset.add(action("keys-reset-button", "Set new passphrase", vm::resetWithRecoveryKey), 1, r++);
        reset.add(hint("The recovery key made on any of your devices sets a new passphrase here; it keeps working "
                + "afterwards. Other devices ask for the new passphrase at their next sync."), 1, r);
        return reset;
    }

    private Node rotateTab() {
        GridPane g = form();
        int r = newPassphrase(g, 0, "keys-rotate");
        Button rotate = action("keys-rotate-button", "Rotate key", vm::rotate);
        rotate.textProperty().bind(Bindings.when(vm.rotationUnfinishedProperty())
                .then("Finish the rotation").otherwise("Rotate key"));
        g.add(rotate, 1, r++);
        g.add(hint("After a leak: a new key, a new passphrase and a new recovery key. The remote's objects are "
                + "re-encrypted (a snapshot first, so there are fewer). Other devices ask for the new passphrase. What "
                + "someone already downloaded with the old key stays readable to them."), 1, r);
        return g;
    }

    /** The new passphrase twice; each tab has its own fields (ids {@code tab-new}, {@code tab-repeat}), one value. */
    private int newPassphrase(GridPane g, int r, String tab) {
        r = row(g, r, "New passphrase", password(tab + "-new", "At least " + KeysViewModel.MIN_LENGTH + " characters",
                vm.newPassphraseProperty()));
        return row(g, r, "Repeat", password(tab + "-repeat", "The new passphrase again", vm.repeatProperty()));
    }

    private Button action(String id, String text, Runnable command) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> command.run());
        b.disableProperty().bind(vm.busyProperty());
        return b;
    }

    private static GridPane form() {
        GridPane g = new GridPane();
        g.getStyleClass().add(Styles.FORM);
        g.setHgap(10);
        g.setVgap(8);
        return g;
    }

    private static int row(GridPane g, int r, String label, Node field) {
        Label l = new Label(label);
        l.getStyleClass().add("form-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        g.add(l, 0, r);
        g.add(field, 1, r);
        GridPane.setHgrow(field, javafx.scene.layout.Priority.ALWAYS);
        return r + 1;
    }

    private static PasswordField password(String id, String prompt, javafx.beans.property.StringProperty value) {
        PasswordField p = new PasswordField();
        p.setId(id);
        p.setPromptText(prompt);
        p.setAccessibleText(prompt);
        p.textProperty().bindBidirectional(value);
        return p;
    }

    private static Label hint(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.HINT);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
