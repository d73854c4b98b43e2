package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;

import dev.tandem.app.AppStage;
import dev.tandem.app.Device;
import dev.tandem.app.backup.BackupService;
import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.Autostart;
import dev.tandem.app.settings.Launcher;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.space.Spaces;
import dev.tandem.app.sync.KeyOps;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.view.history.BackupsDialog;
import dev.tandem.app.view.quickadd.QuickAddWindow;
import dev.tandem.app.view.settings.KeysDialog;
import dev.tandem.app.view.settings.SettingsDialog;
import dev.tandem.app.view.sharing.ShareDialog;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.app.vm.calendar.CalendarRange;
import dev.tandem.app.vm.history.BackupsViewModel;
import dev.tandem.app.vm.quickadd.QuickAddWindowViewModel;
import dev.tandem.app.vm.settings.AutostartViewModel;
import dev.tandem.app.vm.settings.KeysViewModel;
import dev.tandem.app.vm.settings.LanguageViewModel;
import dev.tandem.app.vm.settings.SettingsViewModel;
import dev.tandem.app.vm.settings.ShortcutHelp;
import dev.tandem.app.vm.sharing.ShareViewModel;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.ui.Theme;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The screens a person meets in a language, each opened as the app opens it over a profile whose data is written in
 * that language, for the checks that no screen shows an English word or a word cut short
 * ({@link dev.tandem.app.testing.ScreenWords}): the main window (a list with a todo open, the Inbox with nothing selected, the week, the
 * shortcuts overlay), Settings, Backups, the encryption keys, sharing a list and the quick-add window.
 */
public final class LanguageScreens implements AutoCloseable {
    /** One screen as shown: its name, the root to read and the scene to photograph. */
    public record Screen(String name, Parent root, Scene scene) {
    }

    private final Language language;
    private final Path dir;
    private final Device device;
    private final ExecutorService io = Async.backgroundExecutor("language-screens");
    private final Async async = new Async(io, FxExecutor.INSTANCE, e -> { });
    private final List<Window> opened = new ArrayList<>();
    private Stage stage;
    private MainView view;

    /** A profile under {@code dir} in {@code language}, its words used from now on; call off the FX thread. */
    public LanguageScreens(Path dir, Language language) throws Exception {
        this.language = language;
        this.dir = Files.createDirectories(dir.resolve(language.tag()));
        Messages.use(language);
        device = TestWindow.device("Laptop", this.dir.resolve("laptop"), null);
        seed(device.store(), language);
    }

    /** The user's own words in this profile: they may be shortened, and are never taken for English. */
    public Set<String> data() {
        Set<String> out = new LinkedHashSet<>();
        for (String[] group : words(language)) {
            out.addAll(List.of(group));
        }
        out.add("Laptop");
        out.add(dir.toString());
        out.add("https://cloud.example.com/remote.php/dav/files/sam/Tandem");
        out.add("sam");
        return out;
    }

    /** The main window opened {@code w} × {@code h}; a later call resizes it (a wide window made narrower). */
    public void window(double w, double h) throws Exception {
        if (view == null) {
            stage = onFx(30, Stage::new);
            view = onFx(30, () -> {
                MainView v = TestWindow.mainWindow(stage, device, null, w, h);
                AppStage.orient(v.getScene());
                return v;
            });
        } else {
            onFx(() -> {
                stage.setWidth(w);
                stage.setHeight(h);
                return null;
            });
        }
        ResizedWindow.settle();
    }

    /** The Inbox (the app's own title, the longest in French) with its todo open beside it. */
    public Screen inboxWithTodo() throws Exception {
        onFx(() -> {
            view.viewModel().selectInbox();
            return null;
        });
        waitFor(30, () -> view.itemList().getItems().stream().anyMatch(r -> r.title().equals(words(language)[1][5])));
        openFirst();
        return new Screen("inbox-todo", view, view.getScene());
    }

    /** The first list with its first todo open beside it. */
    public Screen listWithTodo() throws Exception {
        String list = words(language)[0][0];
        // The first query of a new window on a busy machine: more than the usual 10 s.
        waitFor(30, () -> view.viewModel().lists().stream().anyMatch(l -> l.name().equals(list)));
        onFx(() -> {
            view.viewModel().select(new Listing.UserListing(
                    view.viewModel().lists().stream().filter(l -> l.name().equals(list)).findFirst().orElseThrow().id()));
            return null;
        });
        String listId = onFx(() -> view.viewModel().lists().stream().filter(l -> l.name().equals(list)).findFirst().orElseThrow().id());
        waitFor(30, () -> !view.itemList().getItems().isEmpty()
                && view.itemList().getItems().stream().allMatch(r -> listId.equals(r.listId())));
        openFirst();
        return new Screen("main", view, view.getScene());
    }

    /** Selects the first row until the editor shows it (a live update may replace the rows meanwhile). */
    private void openFirst() throws Exception {
        waitFor(30, () -> {
            if (!view.editorViewModel().showingProperty().get()) {
                view.itemList().getSelectionModel().clearAndSelect(0);
            }
            return view.editorViewModel().showingProperty().get();
        });
        ResizedWindow.settle();
    }

    /** The Inbox, nothing selected: the list has the whole width. */
    public Screen inbox() throws Exception {
        onFx(() -> {
            view.viewModel().selectInbox();
            view.itemList().getSelectionModel().clearSelection();
            return null;
        });
        waitFor(() -> !view.editorViewModel().showingProperty().get());
        ResizedWindow.settle();
        return new Screen("inbox", view, view.getScene());
    }

    /** The week. */
    public Screen week() throws Exception {
        onFx(() -> {
            view.viewModel().selectCalendar(CalendarRange.Mode.WEEK);
            return null;
        });
        waitFor(() -> view.viewModel().calendar().loadedProperty().get());
        ResizedWindow.settle();
        return new Screen("calendar", view, view.getScene());
    }

    /** The shortcuts overlay (F1) over the window; {@link #closeShortcuts} takes it away. */
    public Screen shortcuts() throws Exception {
        onFx(() -> {
            view.toggleShortcuts();
            return null;
        });
        ResizedWindow.settle();
        return new Screen("shortcuts", (Parent) view.lookup("#shortcut-overlay"), view.getScene());
    }

    public void closeShortcuts() throws Exception {
        onFx(() -> {
            view.toggleShortcuts();
            return null;
        });
    }

    /** Settings over the window: WebDAV chosen (its fields, the passphrase, the proxy), then General with every row. */
    public Screen settings() throws Exception {
        SyncSettings s = SyncSettings.webDav(new SyncSettings.Dav("https://cloud.example.com/remote.php/dav/files/sam/Tandem",
                "sam", "", ""), "", 30);
        SettingsViewModel vm = new SettingsViewModel(s, "Laptop", async, x -> new ConnectionCheck(List.of()), null, null);
        vm.offers().offerLanguage(new LanguageViewModel(Optional.empty(), language, language, b -> { }, async));
        Path bin = dir.resolve("bin/tandem");
        Autostart autostart = new Autostart(new SettingsStore(dir.resolve("laptop")), "Linux", Map.of(), dir.resolve("home"),
                dir.resolve("laptop"), Optional.of(new Launcher(bin, bin)));
        vm.offers().offerSession(new AutostartViewModel(autostart, false, async),
                new ShortcutHelp("Linux", Map.of(), Optional.of(new Launcher(bin, bin)), List.of()));
        SettingsDialog d = onFx(30, () -> {
            SettingsDialog dialog = new SettingsDialog(stage, vm, Theme.LIGHT.stylesheets());
            AppStage.orient(dialog.getDialogPane().getScene());
            dialog.show();
            return dialog;
        });
        return dialog("settings", d);
    }

    /**
     * Settings after Save found a folder remote's folder not there yet, with the real connection check: the failed
     * step, the warning and "Make the folder and save" in this language.
     */
    public Screen settingsFolderNotThere() throws Exception {
        SettingsViewModel vm = new SettingsViewModel(SyncSettings.none(), "Laptop", async, SettingsViewModel::realCheck,
                null, null);
        SettingsDialog d = onFx(30, () -> {
            vm.modeProperty().set(SyncSettings.Mode.FOLDER);
            vm.value("folder").set(dir.resolve("Tandem").toString());
            SettingsDialog dialog = new SettingsDialog(stage, vm, Theme.LIGHT.stylesheets());
            AppStage.orient(dialog.getDialogPane().getScene());
            dialog.show();
            vm.requestSave();
            return dialog;
        });
        String make = Messages.text("settings.sync.makeFolderAndSave");
        waitFor(30, () -> make.equals(vm.saveLabelProperty().get()));
        return dialog("settings-folder-not-there", d);
    }

    /** Backups, after "Back up now". */
    public Screen backups() throws Exception {
        TodoStore store = device.store();
        BackupService service = new BackupService(store, dir.resolve("laptop"), new SettingsStore(dir.resolve("laptop")),
                Clock.systemDefaultZone(), Map.of());
        toClose.add(service);
        service.setFolder(Files.createDirectories(dir.resolve("Tandem backups")));
        BackupsViewModel vm = new BackupsViewModel(service, store, dir.resolve("laptop"), "tandem.db", async, new FakeDialogs(),
                new UndoManager(async));
        BackupsDialog d = onFx(30, () -> {
            BackupsDialog dialog = new BackupsDialog(stage, vm, Theme.LIGHT.stylesheets());
            dialog.show();
            vm.backupNow();
            return dialog;
        });
        waitFor(30, () -> !vm.busyProperty().get() && !vm.messageProperty().get().isEmpty());
        return dialog("backups", d);
    }

    /** The encryption keys of an encrypted folder remote, read. */
    public Screen keys() throws Exception {
        String passphrase = "correct horse battery staple";
        SyncSettings settings = SyncSettings.folder(Files.createDirectories(dir.resolve("remote")), 30).withPassphrase(passphrase);
        try (SyncEngine e = settings.engineBuilder().encrypted(passphrase).deviceName("Laptop").build()) {
            device.store().replica().sync(e);
        }
        KeysViewModel vm = new KeysViewModel(KeyOps.of(settings, device.store().replica(), "Laptop"), async, new FakeDialogs(),
                passphrase, p -> { }, ZoneOffset.UTC);
        String reading = Messages.text("settings.keys.reading");
        KeysDialog d = onFx(30, () -> {
            KeysDialog dialog = new KeysDialog(stage, vm, Theme.LIGHT.stylesheets(), false);
            dialog.show();
            return dialog;
        });
        waitFor(60, () -> !vm.statusProperty().get().equals(reading));
        return dialog("keys", d);
    }

    /** Sharing the first list: the kinds of place, Folder chosen. */
    public Screen share() throws Exception {
        TodoList list = device.store().findList(words(language)[0][0]).orElseThrow();
        ShareViewModel vm = new ShareViewModel(new Spaces(device.settings(), Map.of()), device.store(), list, "Sam", async,
                new FakeDialogs(), () -> { });
        ShareDialog d = onFx(30, () -> {
            ShareDialog dialog = new ShareDialog(stage, vm, Theme.LIGHT.stylesheets());
            vm.load();
            dialog.show();
            return dialog;
        });
        return dialog("share", d);
    }

    /** The quick-add window ({@code tandem add --window}) with what it understood of a typed todo. */
    public Screen quickAddWindow() throws Exception {
        QuickAddWindowViewModel vm = new QuickAddWindowViewModel(device.store(), async);
        QuickAddWindow w = onFx(30, () -> {
            QuickAddWindow window = new QuickAddWindow(vm, Theme.LIGHT.stylesheets());
            window.show(() -> { });
            return window;
        });
        opened.add(w.stage());
        waitFor(() -> w.stage().isShowing());
        onFx(() -> {
            vm.quickAdd().textProperty().set(words(language)[1][2] + " " + quickAddWords(language));
            return null;
        });
        waitFor(() -> w.stage().getScene().lookup("#quick-add-tokens").isVisible());
        ResizedWindow.settle();
        return new Screen("quick-add", w.stage().getScene().getRoot(), w.stage().getScene());
    }

    private final List<AutoCloseable> toClose = new ArrayList<>();

    private Screen dialog(String name, Dialog<?> d) throws Exception {
        opened.add(d.getDialogPane().getScene().getWindow());
        ResizedWindow.settle();
        return new Screen(name, d.getDialogPane(), d.getDialogPane().getScene());
    }

    /** Closes the dialogs and windows opened so far, the main window's aside. */
    public void closeDialogs() throws Exception {
        onFx(() -> {
            for (Window w : opened) {
                if (w instanceof Stage s) {
                    s.close();
                } else {
                    w.hide();
                }
            }
            return null;
        });
        opened.clear();
    }

    @Override
    public void close() throws Exception {
        try {
            closeDialogs();
            if (view != null) {
                TestWindow.close(Duration.ofSeconds(10), List.of(view), List.of());
                onFx(() -> {
                    stage.close();
                    return null;
                });
            }
            for (AutoCloseable c : toClose) {
                c.close();
            }
            device.close();
        } finally {
            io.shutdownNow();
            Messages.use(Language.ENGLISH);
        }
    }

    /** What quick add reads in the language after a title: a date, a time and a priority. */
    private static String quickAddWords(Language language) {
        return switch (language) {
            case GERMAN -> "morgen um 17 Uhr p2";
            case FRENCH -> "demain à 17h p2";
            default -> "tomorrow 5pm p2";
        };
    }

    /** Lists, titles and tags a person of the language writes: data is never translated. */
    static String[][] words(Language language) {
        return switch (language) {
            case GERMAN -> new String[][] {{"Arbeit", "Haushalt"}, {"Quartalsbericht abschicken", "Steuererklärung",
                "Präsentation für Montag vorbereiten", "Zahnarzt", "Geschenk für Oma kaufen", "Müll rausbringen"}, {"büro", "zuhause"}};
            case FRENCH -> new String[][] {{"Travail", "Maison"}, {"Envoyer le rapport trimestriel", "Déclaration d’impôts",
                "Préparer la présentation de lundi", "Dentiste", "Acheter un cadeau pour mamie", "Sortir les poubelles"},
                {"bureau", "maison"}};
            default -> new String[][] {{"Work", "Home"}, {"Send the quarterly report", "Tax return", "Prepare Monday's talk",
                "Dentist", "Buy a present for Gran", "Take out the bins"}, {"office", "home"}};
        };
    }

    static void seed(TodoStore s, Language language) {
        String[][] w = words(language);
        TodoList work = s.createList(w[0][0]);
        TodoList home = s.createList(w[0][1]);
        String[] t = w[1];
        s.add(t[0], null, work.id(), s.today(), new TodoDetails(1, List.of(w[2][0]), null, null));
        s.add(t[1], null, work.id(), s.today().plusDays(3), new TodoDetails(2, List.of(), null, null));
        s.add(t[2], null, work.id(), s.today().plusDays(1),
                new TodoDetails(null, List.of(w[2][0]), Recurrence.every(Recurrence.Freq.WEEKLY, 1), null, false,
                        LocalTime.of(9, 30), 60));
        s.add(t[3], null, home.id(), s.today().plusDays(2),
                new TodoDetails(null, List.of(), null, null, false, LocalTime.of(14, 0), 30));
        s.add(t[4], null, home.id(), s.today().plusDays(5), new TodoDetails(3, List.of(w[2][1]), null, null));
        s.add(t[5], null, null, null, new TodoDetails(null, List.of(w[2][1]), null, null));
    }
}
