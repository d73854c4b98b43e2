package dev.tandem.app.view;

import dev.tandem.app.fx.Async;
import dev.tandem.app.view.filter.FilterBuilderDialog;
import dev.tandem.app.view.history.AsOfDialog;
import dev.tandem.app.view.history.BackupsDialog;
import dev.tandem.app.view.settings.KeysDialog;
import dev.tandem.app.view.settings.SettingsDialog;
import dev.tandem.app.view.sharing.JoinDialog;
import dev.tandem.app.view.sharing.ShareDialog;
import dev.tandem.app.vm.window.Dialogs;
import dev.tandem.app.vm.settings.PhoneWebViewModel;
import dev.tandem.app.vm.filter.FilterBuilderViewModel;
import dev.tandem.app.vm.history.AsOfViewModel;
import dev.tandem.app.vm.history.BackupsViewModel;
import dev.tandem.app.vm.settings.KeysViewModel;
import dev.tandem.app.vm.settings.SettingsViewModel;
import dev.tandem.app.vm.sharing.JoinViewModel;
import dev.tandem.app.vm.sharing.ShareViewModel;
import dev.tandem.ui.messages.Messages;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/** The real dialogs, themed like the window that owns them. */
public final class FxDialogs implements Dialogs {
    private final Supplier<Window> owner;
    private final Supplier<List<String>> stylesheets;
    private final Async async;

    public FxDialogs(Supplier<Window> owner, Supplier<List<String>> stylesheets, Async async) {
        this.owner = owner;
        this.stylesheets = stylesheets;
        this.async = async;
    }

    @Override
    public boolean editSyncSettings(SettingsViewModel settings) {
        return new SettingsDialog(owner.get(), settings, stylesheets.get()).showAndWait().orElse(false);
    }

    @Override
    public void manageKeys(KeysViewModel keys, boolean offerRecoveryKey) {
        new KeysDialog(owner.get(), keys, stylesheets.get(), offerRecoveryKey).showAndWait();
    }

    @Override
    public void share(ShareViewModel share) {
        new ShareDialog(owner.get(), share, stylesheets.get()).showAndWait();
    }

    @Override
    public boolean buildSmartList(FilterBuilderViewModel builder) {
        return FilterBuilderDialog.show(owner.get(), builder, stylesheets.get());
    }

    @Override
    public void backups(BackupsViewModel backups) {
        new BackupsDialog(owner.get(), backups, stylesheets.get()).showAndWait();
    }

    @Override
    public void phoneWeb(PhoneWebViewModel phoneWeb) {
        new PhoneWebDialog(owner.get(), phoneWeb, stylesheets.get()).showAndWait();
    }

    @Override
    public void asOf(AsOfViewModel asOf) {
        new AsOfDialog(owner.get(), asOf, stylesheets.get()).showAndWait();
    }

    @Override
    public void join(JoinViewModel join) {
        new JoinDialog(owner.get(), join, stylesheets.get()).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message, String okLabel) {
        Alert a = TandemDialog.question(new Alert(Alert.AlertType.CONFIRMATION), owner.get(), stylesheets.get(), title);
        a.setContentText(message);
        ButtonType ok = new ButtonType(okLabel, ButtonBar.ButtonData.OK_DONE);
        a.getButtonTypes().setAll(TandemDialog.cancelType(), ok);
        return a.showAndWait().filter(b -> b == ok).isPresent();
    }

    @Override
    public boolean confirmDestructive(String title, String message, String okLabel) {
        Alert a = TandemDialog.destructive(new Alert(Alert.AlertType.CONFIRMATION), owner.get(), stylesheets.get(), title);
        a.setContentText(message);
        ButtonType ok = new ButtonType(okLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = TandemDialog.cancelType();
        a.getButtonTypes().setAll(cancel, ok);
        TandemDialog.cancelByDefault(a, ok, cancel);
        return a.showAndWait().filter(b -> b == ok).isPresent();
    }

    @Override
    public Optional<Integer> choose(String title, String message, List<String> choices) {
        Alert a = TandemDialog.question(new Alert(Alert.AlertType.CONFIRMATION), owner.get(), stylesheets.get(), title);
        a.setContentText(message);
        List<ButtonType> buttons = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            buttons.add(new ButtonType(choices.get(i), i == 0 ? ButtonBar.ButtonData.OK_DONE : ButtonBar.ButtonData.OTHER));
        }
        List<ButtonType> all = new ArrayList<>(buttons);
        all.add(0, TandemDialog.cancelType());
        a.getButtonTypes().setAll(all);
        return a.showAndWait().map(buttons::indexOf).filter(i -> i >= 0);
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        TextInputDialog d = TandemDialog.question(new TextInputDialog(initial), owner.get(), stylesheets.get(), title);
        d.setContentText(prompt);
        d.getDialogPane().setId("ask-text");
        // The field is named for screen readers by its prompt, the pane by its title.
        d.getEditor().setAccessibleText(prompt);
        return d.showAndWait().map(String::strip);
    }

    @Override
    public Optional<Path> chooseFile(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Messages.text("settings.files.importable"),
                        "*.json", "*.ics", "*.csv", "*.jex", "*.md", "*.markdown"),
                new FileChooser.ExtensionFilter(Messages.text("settings.files.all"), "*"));
        return Optional.ofNullable(c.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFile(String title, FileKind kind, Path folder) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(kind.description(), kind.patterns()),
                new FileChooser.ExtensionFilter(Messages.text("settings.files.all"), "*"));
        if (folder != null && Files.isDirectory(folder)) {
            c.setInitialDirectory(folder.toFile());
        }
        return Optional.ofNullable(c.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public List<Path> chooseFiles(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        List<File> files = c.showOpenMultipleDialog(owner.get());
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(title);
        return Optional.ofNullable(c.showDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveTarget(String title, String suggestedName) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.setInitialFileName(suggestedName);
        return Optional.ofNullable(c.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public void notify(String title, String message, boolean error) {
        try {
            // The text wraps within the window (a long message would otherwise make the notification
            // wider than the window it belongs to).
            double room = owner.get() == null ? 420 : Math.max(220, Math.min(420, owner.get().getWidth() - 64));
            Label body = new Label(message);
            body.setWrapText(true);
            body.setMaxWidth(room);
            body.setPrefWidth(room);
            body.setMinHeight(Region.USE_PREF_SIZE);
            body.setGraphic(Icons.of(error ? MaterialDesignA.ALERT_CIRCLE_OUTLINE
                    : MaterialDesignI.INFORMATION_OUTLINE, 20));
            body.setId(error ? "notification-error" : "notification");
            Notifications.create().title(title).graphic(body).position(Pos.BOTTOM_RIGHT)
                    .hideAfter(Duration.seconds(error ? 8 : 4)).owner(owner.get()).show();
        } catch (RuntimeException e) {
            System.getLogger("tandem").log(System.Logger.Level.INFO, title + ": " + message);
        }
    }
}
