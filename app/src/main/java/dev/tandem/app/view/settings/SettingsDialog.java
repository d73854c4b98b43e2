package dev.tandem.app.view.settings;

import static dev.tandem.app.view.Forms.form;
import static dev.tandem.app.view.Forms.hint;

import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.view.FormScroll;
import dev.tandem.app.view.Icons;
import dev.tandem.app.view.Forms;
import dev.tandem.app.view.PseudoStates;
import dev.tandem.app.view.ScreenFit;
import dev.tandem.app.view.TandemDialog;
import dev.tandem.app.vm.settings.CheckStep;
import dev.tandem.app.vm.settings.SettingsViewModel.Target;
import dev.tandem.app.vm.settings.SettingsViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
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
 * The "Settings" dialog. Under Sync: None, Folder, S3 or WebDAV; an optional passphrase; the interval; a proxy
 * for S3 and WebDAV; field validation; "Test connection" with the result of each step. Under General, in every
 * mode ({@link SettingsDeviceSection}): this device's name, the language, reminders with the window closed and
 * the quick-add shortcut. Its state is a {@link SettingsViewModel}.
 *
 * <p>The form scrolls inside the dialog, whose height never exceeds the screen it is on: the dialog
 * grows with the results of a check, but its bottom, with Save and Cancel, stays on the screen. Enter
 * saves (through the same checks as a click on Save); it never closes the dialog without saving.
 */
public final class SettingsDialog extends TandemDialog<SettingsViewModel, Boolean> {
    private final SettingsFields fields;
    private final VBox steps = new VBox(4);
    private final FormScroll scroll = new FormScroll(this::widthInDialog);
    /** The check's results changed: scroll them into view once they are laid out. */
    private boolean revealSteps;

    public SettingsDialog(Window owner, SettingsViewModel vm, List<String> stylesheets) {
        super(owner, vm, stylesheets, "settings-dialog", Messages.text("settings.sync.title"), 600);
        this.fields = new SettingsFields(vm);
        ButtonType saveType = new ButtonType(Messages.text("settings.sync.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = cancelType();
        getDialogPane().getButtonTypes().addAll(cancelType, saveType);
        getDialogPane().setContent(scrolling(content()));
        Button save = (Button) getDialogPane().lookupButton(saveType);
        save.setId("settings-save");
        save.textProperty().bind(vm.saveLabelProperty());
        // "Save anyway" is longer than the bar's uniform button width: it keeps its words whole.
        save.setMinWidth(Region.USE_PREF_SIZE);
        ButtonBar.setButtonUniformSize(save, false);
        save.disableProperty().bind(vm.checkingProperty());
        save.addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.requestSave()) {
                e.consume();
            }
        });
        // Enter is Save: it fires the default button, through the filter above. Escape is Cancel.
        save.setDefaultButton(true);
        Button cancel = (Button) getDialogPane().lookupButton(cancelType);
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
        setResultConverter(b -> b == saveType);
    }

    private VBox content() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton none = mode(Messages.text("settings.sync.mode.off"), Target.OFF, group,
                MaterialDesignC.CLOUD_OFF_OUTLINE, "first");
        ToggleButton folder = mode(Messages.text("settings.sync.mode.folder"), Target.FOLDER, group,
                MaterialDesignF.FOLDER_OUTLINE, "");
        ToggleButton s3 = mode(Messages.text("settings.sync.mode.s3"), Target.S3, group,
                MaterialDesignC.CLOUD_OUTLINE, "");
        ToggleButton webDav = mode(Messages.text("settings.sync.mode.webdav"), Target.WEBDAV, group,
                MaterialDesignS.SERVER_NETWORK, "last");
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
        TextField folderField = fields.text("folder", Messages.text("settings.sync.folder.prompt"));
        Button choose = new Button(Messages.text("settings.sync.folder.choose"));
        choose.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle(Messages.text("settings.sync.folder.chooserTitle"));
            File f = dc.showDialog(getDialogPane().getScene().getWindow());
            if (f != null) {
                vm.folderChosen(f.toPath());
            }
        });
        HBox folderRow = new HBox(6, folderField, choose);
        HBox.setHgrow(folderField, Priority.ALWAYS);
        int r = 0;
        r = fields.row(folderForm, r, Messages.text("settings.sync.folder.label"), folderRow, "folder");
        Label folderHint = hint(Messages.text("settings.sync.folder.hint"));
        folderForm.add(folderHint, 1, r++);
        Label folderNote = hint("");
        folderNote.setId("settings-folder-note");
        folderNote.textProperty().bind(vm.folderNoteProperty());
        Forms.showOnly(folderNote, vm.folderNoteProperty().isNotEmpty());
        folderForm.add(folderNote, 1, r);

        GridPane s3Form = form();
        r = 0;
        r = fields.row(s3Form, r, Messages.text("settings.sync.endpoint.label"), fields.text("endpoint",
                Messages.text("settings.sync.endpoint.prompt")), "endpoint");
        r = fields.row(s3Form, r, Messages.text("settings.sync.region.label"), fields.text("region", "us-east-1"),
                "region");
        r = fields.row(s3Form, r, Messages.text("settings.sync.bucket.label"),
                fields.text("bucket", Messages.text("settings.sync.bucket.prompt")), "bucket");
        r = fields.row(s3Form, r, Messages.text("settings.sync.prefix.label"),
                fields.text("prefix", Messages.text("settings.sync.prefix.prompt")), "prefix");
        r = fields.row(s3Form, r, Messages.text("settings.sync.accessKey.label"), fields.text("accessKey", "AKIA…"),
                "accessKey");
        fields.row(s3Form, r, Messages.text("settings.sync.secretKey.label"), fields.password("secretKey", ""),
                "secretKey");

        GridPane davForm = form();
        r = 0;
        r = fields.row(davForm, r, Messages.text("settings.sync.davUrl.label"), fields.text("davUrl",
                "https://cloud.example.com/remote.php/dav/files/sam/Tandem"), "davUrl");
        r = fields.row(davForm, r, Messages.text("settings.sync.davUser.label"), fields.text("davUser", ""), "davUser");
        r = fields.row(davForm, r, Messages.text("settings.sync.davPassword.label"),
                fields.password("davPassword", Messages.text("settings.sync.davPassword.prompt")), "davPassword");
        r = fields.row(davForm, r, Messages.text("settings.sync.davCertificate.label"),
                fields.text("davCertificate", Messages.text("settings.sync.davCertificate.prompt")), "davCertificate");
        // The prompts stay short enough to read whole; what they leave out is said under the field.
        davForm.add(hint(Messages.text("settings.sync.davCertificate.hint")), 1, r++);
        davForm.add(hint(Messages.text("settings.sync.davHint")), 1, r);

        GridPane common = form();
        // Its second column holds long wrapped lines (the page's hint): they must wrap, never squeeze a label
        // ("Synchronisieren") below its own width.
        common.getColumnConstraints().get(0).setMinWidth(Region.USE_PREF_SIZE);
        r = 0;
        PasswordField pass = fields.password("passphrase", Messages.text("settings.sync.passphrase.prompt"));
        PasswordField repeat = new PasswordField();
        repeat.setId("field-passphraseRepeat");
        repeat.setPromptText(Messages.text("settings.sync.passphrase.repeat"));
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
        r = fields.row(common, r, Messages.text("settings.sync.passphrase.label"), both, "passphrase");
        Label mismatch = (Label) common.getChildren().stream().filter(n -> "error-passphrase".equals(n.getId()))
                .findFirst().orElseThrow();
        mismatch.managedProperty().unbind();
        mismatch.setManaged(true);
        mismatch.textProperty().bind(Bindings.when(vm.error("passphrase").isEmpty())
                .then("\u00a0").otherwise(vm.error("passphrase")));
        Button keys = new Button(Messages.text("settings.sync.keys"));
        keys.setId("settings-keys");
        keys.setOnAction(e -> vm.openKeys());
        Forms.showOnly(keys, vm.keysAvailableProperty());
        common.add(keys, 1, r++);
        if (vm.pagePublish().available()) {
            common.add(PagePublishRow.of(vm.pagePublish()), 1, r++);
        }
        if (vm.addPhone().available()) {
            Button addPhone = new Button(Messages.text("settings.addPhone.button"),
                    Icons.of(MaterialDesignC.CELLPHONE_KEY, 15));
            addPhone.setId("settings-add-phone");
            addPhone.setOnAction(e -> new AddPhoneDialog(getDialogPane().getScene().getWindow(), vm.addPhone(),
                    List.copyOf(getDialogPane().getStylesheets())).showAndWait());
            common.add(addPhone, 1, r++);
        }
        fields.row(common, r, Messages.text("settings.sync.interval.label"), fields.intervalChoice(), "interval");
        GridPane proxyForm = form(); // Below the interval, for S3 and WebDAV only.
        int proxyHint = fields.row(proxyForm, 0, Messages.text("settings.sync.proxy.label"),
                fields.text("proxy", Messages.text("settings.sync.proxy.prompt")), "proxy");
        proxyForm.add(hint(Messages.text("settings.sync.proxy.hint")), 1, proxyHint);

        GridPane deviceForm = new SettingsDeviceSection(vm, fields, this::window, getDialogPane().getStylesheets()).build();

        Button test = new Button(Messages.text("settings.sync.test"), Icons.of(MaterialDesignL.LAN_CONNECT, 15));
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

        Label offHint = hint(Messages.text("settings.sync.offHint"));
        // One dialog for everything one sets: where and how this device syncs, then what holds for it alone
        // (its name, language, reminders with the window closed, the quick-add shortcut).
        Label syncHeading = heading(Messages.text("settings.section.sync"), "settings-heading-sync");
        Label generalHeading = heading(Messages.text("settings.section.general"), "settings-heading-general");
        VBox box = new VBox(12, syncHeading, modes, offHint, folderForm, s3Form, davForm, common, proxyForm, testRow, steps,
                generalHeading, deviceForm);
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

    private static Label heading(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.getStyleClass().add(Styles.FIELD_LABEL);
        l.getStyleClass().add("settings-heading");
        return l;
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
            ScreenFit.fit(w, getOwner(), ScreenFit.SCREEN_MARGIN);
        }
    }
}
