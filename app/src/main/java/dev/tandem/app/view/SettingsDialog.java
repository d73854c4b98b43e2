package dev.tandem.app.view;

import static dev.tandem.app.view.Forms.form;
import static dev.tandem.app.view.Forms.hint;

import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.vm.settings.CheckStep;
import dev.tandem.app.vm.settings.SettingsViewModel;
import dev.tandem.app.vm.settings.SettingsViewModel.Target;
import dev.tandem.ui.Styles;
import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The "Sync settings" dialog: None, Folder, S3 or WebDAV; an optional passphrase; the interval; a proxy for
 * S3 and WebDAV; this device's name, in every mode; field validation; "Test connection" with the result of each step. Its state is a
 * {@link SettingsViewModel}.
 *
 * <p>The form scrolls inside the dialog, whose height never exceeds the screen it is on: the dialog
 * grows with the results of a check, but its bottom, with Save and Cancel, stays on the screen. Enter
 * saves (through the same checks as a click on Save); it never closes the dialog without saving.
 */
public final class SettingsDialog extends TandemDialog<SettingsViewModel, Boolean> {
    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
    /** The space kept free between the dialog and the edges of the screen's visual bounds. */
    static final double SCREEN_MARGIN = 16;

    private final SettingsFields fields;
    private final VBox steps = new VBox(4);
    private final FormScroll scroll = new FormScroll(this::widthInDialog);
    /** The check's results changed: scroll them into view once they are laid out. */
    private boolean revealSteps;

    public SettingsDialog(Window owner, SettingsViewModel vm, List<String> stylesheets) {
        super(owner, vm, stylesheets, "settings-dialog", "Sync settings", 600);
        this.fields = new SettingsFields(vm);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, SAVE);
        getDialogPane().setContent(scrolling(content()));
        Button save = (Button) getDialogPane().lookupButton(SAVE);
        save.setId("settings-save");
        save.textProperty().bind(vm.saveLabelProperty());
        // "Save anyway" is longer than the bar's uniform button width: it keeps its words whole.
        save.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.control.ButtonBar.setButtonUniformSize(save, false);
        save.disableProperty().bind(vm.checkingProperty());
        save.addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.requestSave()) {
                e.consume();
            }
        });
        // Enter is Save: it fires the default button, through the filter above. Escape is Cancel.
        save.setDefaultButton(true);
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("settings-cancel");
        cancel.setCancelButton(true);
        cancel.setDefaultButton(false);
        // A focused button fires on Enter (Windows, Linux). Focus lands on Cancel easily (Tab from the
        // last field, or when "Test connection" turns disabled while it checks), and Enter there closed
        // the dialog with everything typed thrown away: on Cancel, Enter saves like everywhere else.
        cancel.addEventFilter(KeyEvent.ANY, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                if (e.getEventType() == KeyEvent.KEY_PRESSED && !save.isDisabled()) {
                    save.fire();
                }
            }
        });
        // Shown: fit it again now that the form has its width, and to the screen.
        addEventHandler(DialogEvent.DIALOG_SHOWN, e -> resize());
        vm.readyToCloseProperty().addListener((o, a, ready) -> {
            if (ready) {
                setResult(true);
                close();
            }
        });
        setResultConverter(b -> b == SAVE);
    }

    private VBox content() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton none = mode("Off", Target.OFF, group, MaterialDesignC.CLOUD_OFF_OUTLINE, "first");
        ToggleButton folder = mode("Folder", Target.FOLDER, group, MaterialDesignF.FOLDER_OUTLINE, "");
        ToggleButton s3 = mode("S3", Target.S3, group, MaterialDesignC.CLOUD_OUTLINE, "");
        ToggleButton webDav = mode("WebDAV", Target.WEBDAV, group, MaterialDesignS.SERVER_NETWORK, "last");
        HBox modes = new HBox(none, folder, s3, webDav);
        modes.getStyleClass().add(Styles.SEGMENTED);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                group.selectToggle(a);
            } else {
                vm.targetProperty().set((Target) b.getUserData());
            }
        });
        for (var t : group.getToggles()) {
            if (t.getUserData() == vm.targetProperty().get()) {
                group.selectToggle(t);
            }
        }

        GridPane folderForm = form();
        TextField folderField = fields.text("folder", "/home/me/Dropbox/Tandem");
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Choose the folder to sync through");
            File f = dc.showDialog(getDialogPane().getScene().getWindow());
            if (f != null) {
                vm.folderChosen(f.toPath());
            }
        });
        HBox folderRow = new HBox(6, folderField, choose);
        HBox.setHgrow(folderField, Priority.ALWAYS);
        int r = 0;
        r = fields.row(folderForm, r, "Folder", folderRow, "folder");
        Label folderHint = hint("A folder every device can reach: Dropbox, Syncthing, iCloud Drive or a NAS share.");
        folderForm.add(folderHint, 1, r++);
        Label folderNote = hint("");
        folderNote.setId("settings-folder-note");
        folderNote.textProperty().bind(vm.folderNoteProperty());
        Forms.showOnly(folderNote, vm.folderNoteProperty().isNotEmpty());
        folderForm.add(folderNote, 1, r);

        GridPane s3Form = form();
        r = 0;
        r = fields.row(s3Form, r, "Endpoint", fields.text("endpoint", "Empty for AWS, or https://s3.example.com"), "endpoint");
        r = fields.row(s3Form, r, "Region", fields.text("region", "us-east-1"), "region");
        r = fields.row(s3Form, r, "Bucket", fields.text("bucket", "my-tandem-bucket"), "bucket");
        r = fields.row(s3Form, r, "Prefix", fields.text("prefix", "Optional, e.g. tandem/alice"), "prefix");
        r = fields.row(s3Form, r, "Access key", fields.text("accessKey", "AKIA…"), "accessKey");
        fields.row(s3Form, r, "Secret key", fields.password("secretKey", ""), "secretKey");

        GridPane davForm = form();
        r = 0;
        r = fields.row(davForm, r, "Address", fields.text("davUrl", "https://cloud.example.com/remote.php/dav/files/sam/Tandem"), "davUrl");
        r = fields.row(davForm, r, "User", fields.text("davUser", ""), "davUser");
        r = fields.row(davForm, r, "Password", fields.password("davPassword", "For Nextcloud: an app password"), "davPassword");
        r = fields.row(davForm, r, "Certificate",
                fields.text("davCertificate", "Optional: SHA-256 fingerprint of a self-signed certificate to trust"), "davCertificate");
        davForm.add(hint("Nextcloud or ownCloud: Settings → Security → create an app password; the address is shown in"
                + " Files → Settings → WebDAV, followed by the folder's name. The folder must exist."), 1, r);

        GridPane common = form();
        r = 0;
        PasswordField pass = fields.password("passphrase", "Optional: encrypts everything end to end");
        PasswordField repeat = new PasswordField();
        repeat.setId("field-passphraseRepeat");
        repeat.setPromptText("Repeat the passphrase");
        repeat.textProperty().bindBidirectional(vm.passphraseRepeatProperty());
        repeat.focusedProperty().addListener((o, a, f) -> {
            if (!f) {
                vm.touch(SettingsViewModel.PASSPHRASE_REPEAT);
            }
        });
        for (PasswordField f : new PasswordField[] {pass, repeat}) {
            PseudoStates.bind(f, PseudoStates.ERROR, vm.error("passphrase").isNotEmpty());
        }
        // Both fields, then the line saying they differ: it appears under the repeat, in a space kept for it,
        // so the field being typed in never moves.
        VBox both = new VBox(6, pass, repeat);
        r = fields.row(common, r, "Passphrase", both, "passphrase");
        Label mismatch = (Label) common.getChildren().stream().filter(n -> "error-passphrase".equals(n.getId()))
                .findFirst().orElseThrow();
        mismatch.managedProperty().unbind();
        mismatch.setManaged(true);
        mismatch.textProperty().bind(javafx.beans.binding.Bindings.when(vm.error("passphrase").isEmpty())
                .then("\u00a0").otherwise(vm.error("passphrase")));
        Button keys = new Button("Encryption keys…");
        keys.setId("settings-keys");
        keys.setOnAction(e -> vm.openKeys());
        Forms.showOnly(keys, vm.keysAvailableProperty());
        common.add(keys, 1, r++);
        fields.row(common, r, "Sync", fields.intervalChoice(), "interval");
        GridPane proxyForm = form(); // Below "Sync every", for S3 and WebDAV only.
        fields.row(proxyForm, 0, "Proxy", fields.text("proxy", "Optional: http://host:port; empty uses the system's, none for direct"), "proxy");

        GridPane deviceForm = form(); // For every mode, Off too: the name is not a sync setting.
        fields.row(deviceForm, 0, "This device", Forms.textField(SettingsViewModel.DEVICE_NAME, "How other devices name this one,"
                + " e.g. Sam's laptop", vm.deviceNameProperty(), () -> vm.touch(SettingsViewModel.DEVICE_NAME)),
                SettingsViewModel.DEVICE_NAME);
        // Not beside "Encryption keys…": CalDAV works with sync Off too.
        HBox others = new HBox(8, phoneButton(), devicesButton(), attachmentsButton());
        deviceForm.add(others, 1, 2);

        Button test = new Button("Test connection", Icons.of(MaterialDesignL.LAN_CONNECT, 15));
        test.setId("settings-test");
        test.setOnAction(e -> vm.testConnection());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.checkingProperty());
        Label summary = new Label();
        summary.setId("settings-check-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.checkSummaryProperty());
        test.setMinWidth(Region.USE_PREF_SIZE);
        HBox testButtons = new HBox(10, test, spinner);
        testButtons.setAlignment(Pos.CENTER_LEFT);
        Label saveWarning = new Label();
        saveWarning.setId("settings-save-warning");
        saveWarning.getStyleClass().add(Styles.FIELD_ERROR);
        saveWarning.setWrapText(true);
        saveWarning.textProperty().bind(vm.saveWarningProperty());
        Forms.showOnly(saveWarning, vm.saveWarningProperty().isNotEmpty());
        saveWarning.visibleProperty().addListener((o, a, b) -> resize());
        VBox testRow = new VBox(8, testButtons, summary, saveWarning);
        test.disableProperty().bind(vm.checkingProperty().or(vm.targetProperty().isEqualTo(Target.OFF)));
        vm.checkSteps().addListener((ListChangeListener<CheckStep>) c -> renderSteps());

        Label offHint = hint("Tandem works fully offline. Choose a folder, an S3 bucket or a WebDAV"
                + " folder to keep your devices in sync.");
        VBox box = new VBox(12, modes, offHint, folderForm, s3Form, davForm, common, proxyForm, deviceForm, testRow, steps);
        Runnable show = () -> {
            Target m = vm.targetProperty().get();
            setShown(offHint, m == Target.OFF);
            setShown(folderForm, m == Target.FOLDER);
            setShown(s3Form, m == Target.S3);
            setShown(davForm, m == Target.WEBDAV);
            setShown(common, m != Target.OFF);
            setShown(proxyForm, m == Target.S3 || m == Target.WEBDAV);
            setShown(testRow, m != Target.OFF);
            setShown(steps, m != Target.OFF);
            resize();
        };
        vm.targetProperty().addListener((o, a, b) -> show.run());
        show.run();
        return box;
    }

    /** "Phone (CalDAV)…": its own dialog over this one; hidden where the window offers no CalDAV (some tests). */
    private Button phoneButton() {
        return opens("settings-caldav", "Phone (CalDAV)…", vm.more().offersPhoneSync(),
                () -> new CalDavDialog(window(), vm.more().phoneSync(), getDialogPane().getStylesheets()).showAndWait());
    }

    /** "Devices…": the devices syncing with the saved remote, and forgetting one gone for good. */
    private Button devicesButton() {
        return opens("settings-devices", "Devices…", vm.more().offersDevices(),
                () -> new DevicesDialog(window(), vm.more().devices(), getDialogPane().getStylesheets()).showAndWait());
    }

    /** "Attachments…": the size limit, what stays on this device, and cleaning up the remote. */
    private Button attachmentsButton() {
        return opens("settings-attachments", "Attachments…", vm.more().offersAttachments(),
                () -> new AttachmentSettingsDialog(window(), vm.more().attachments(), getDialogPane().getStylesheets())
                        .showAndWait());
    }

    /** A button that opens another dialog over this one; shown only where the window offers it. */
    private static Button opens(String id, String text, boolean offered, Runnable open) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> open.run());
        setShown(b, offered);
        return b;
    }

    private static void setShown(Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }

    private ToggleButton mode(String text, Target m, ToggleGroup g, Ikon icon, String pos) {
        ToggleButton b = new ToggleButton(text, Icons.of(icon, 15));
        b.setId("mode-" + (m == Target.OFF ? "none" : m.name().toLowerCase(Locale.ROOT)));
        b.setUserData(m);
        b.setToggleGroup(g);
        if (!pos.isEmpty()) {
            b.getStyleClass().add(pos);
        }
        return b;
    }

    private void renderSteps() {
        steps.getChildren().clear();
        for (CheckStep s : vm.checkSteps()) {
            FontIcon icon = Icons.of(s.ok() ? MaterialDesignC.CHECK_CIRCLE : MaterialDesignC.CLOSE_CIRCLE, 16);
            icon.getStyleClass().add(s.ok() ? "ok" : "failed");
            Label name = new Label(s.name());
            Label msg = new Label(s.message() == null ? "" : s.message());
            msg.getStyleClass().add("detail");
            msg.setWrapText(true);
            msg.setMaxWidth(400);
            msg.setMinHeight(Region.USE_PREF_SIZE);
            name.setMinWidth(120);
            HBox row = new HBox(8, icon, name, msg);
            HBox.setHgrow(msg, Priority.ALWAYS);
            row.getStyleClass().add(Styles.CHECK_STEP);
            steps.getChildren().add(row);
        }
        revealSteps = !steps.getChildren().isEmpty();
        resize();
    }

    /** The form in a scroll pane: as wide as the dialog, scrolling up and down when the screen is too low. */
    private Node scrolling(VBox form) {
        scroll.setContent(form);
        scroll.setId("settings-scroll");
        form.layoutBoundsProperty().addListener((o, a, b) -> {
            if (revealSteps) {
                revealSteps = false;
                // Once the viewport has its new size too.
                FxExecutor.INSTANCE.later(() -> scroll.reveal(steps));
            }
        });
        // Tab to a field below or above the visible part of the form: scroll it into view.
        getDialogPane().sceneProperty().addListener((o, a, scene) -> scroll.followFocus(scene));
        scroll.followFocus(getDialogPane().getScene());
        return scroll;
    }

    /** The width the scroll pane gets before it was laid out once: the dialog's, inside its padding. */
    private double widthInDialog() {
        double pane = getDialogPane().getPrefWidth();
        if (pane <= 0) {
            return scroll.prefWidth(-1);
        }
        Insets in = getDialogPane().getInsets();
        return pane - in.getLeft() - in.getRight();
    }

    /** Fits the window to its content again, as the content changed, but never beyond the screen. */
    private void resize() {
        Window w = window();
        if (w != null) {
            w.sizeToScene();
            fitToScreen();
        }
    }

    private Window window() {
        Scene scene = getDialogPane().getScene();
        return scene == null ? null : scene.getWindow();
    }

    /** Keeps the window on its screen, its bottom (the button bar, with Save and Cancel) in view. */
    void fitToScreen() {
        Window w = window();
        if (w != null && w.isShowing()) {
            ScreenFit.fit(w, getOwner(), SCREEN_MARGIN);
        }
    }
}
