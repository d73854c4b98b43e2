package dev.tandem.app.tools;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.demo.DemoMode;
import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.view.FxDialogs;
import dev.tandem.app.view.MainView;
import dev.tandem.app.view.settings.CalDavDialog;
import dev.tandem.app.view.settings.SettingsDialog;
import dev.tandem.app.vm.window.Dialogs;
import dev.tandem.app.vm.settings.CalDavViewModel;
import dev.tandem.app.vm.settings.KeysViewModel;
import dev.tandem.app.vm.settings.SettingsViewModel;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.ui.Theme;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * A new user's first ten minutes, as a screen of the headless size shows them: the main window, quick add's chips,
 * a Markdown note, the Trash, Conflicts, the shortcut overlay, import and export, Settings (folder, S3, WebDAV)
 * after Test connection, the Phone (CalDAV) dialog and the demo's two windows, in both themes, plus the main window
 * between the 760 px minimum width and the default 1180 px. Each PNG is the whole screen with every showing window
 * (dialogs, menus and notifications too) where it is, for looking at, not for the repository:
 * {@code mvn -pl app test -Dtest=TourShotsTest -Dtandem.excludedGroups= -Dtandem.tour.dir=/tmp/shots
 * -Dheadless.geometry=1366x768-32}.
 */
@Tag("screenshots")
@EnabledIfSystemProperty(named = "tandem.tour.dir", matches = ".+")
class TourShotsTest {
    @TempDir
    static Path tmp;
    static Path out;
    static Rectangle2D screen;
    static String size;

    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        out = Files.createDirectories(Path.of(System.getProperty("tandem.tour.dir")));
        screen = ScreenshotsFixture.fx(() -> Screen.getPrimary().getBounds());
        size = (int) screen.getWidth() + "x" + (int) screen.getHeight();
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** Every showing window drawn where it is on a {@code w} × {@code h} screen, in the order they opened. */
    static void capture(String name, double w, double h) throws Exception {
        ScreenshotsFixture.settle();
        captureNow(name, w, h);
    }

    /** As {@link #capture}, without waiting for the window to settle: what the first frames show. */
    static void captureNow(String name, double w, double h) throws Exception {
        captureTo(out.resolve(size + "-" + name + ".png"), w, h);
    }

    /** Draws every showing window where it is on a {@code w} × {@code h} screen into {@code file}. */
    static void captureTo(Path file, double w, double h) throws Exception {
        BufferedImage img = new BufferedImage((int) w, (int) h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        List<Window> windows = ScreenshotsFixture.fx(() -> new ArrayList<>(Window.getWindows()));
        for (Window win : windows) {
            Scene s = win.getScene();
            if (!win.isShowing() || s == null || s.getRoot().getChildrenUnmodifiable().isEmpty()) {
                continue;
            }
            BufferedImage part = SwingFXUtils.fromFXImage(ScreenshotsFixture.fx(() -> s.snapshot(null)), null);
            g.drawImage(part, (int) win.getX(), (int) win.getY(), null);
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    /** The real dialogs, but the file choosers answer at once (a native chooser cannot show headless). */
    static Dialogs dialogs(Supplier<Window> owner, Theme theme, Async async, Path importFile, Path exportTo) {
        FxDialogs real = new FxDialogs(owner, theme::stylesheets, async);
        return new Dialogs() {
            public boolean editSyncSettings(SettingsViewModel s) { return real.editSyncSettings(s); }
            public void manageKeys(KeysViewModel k, boolean offer) { real.manageKeys(k, offer); }
            public boolean confirm(String t, String m, String ok) { return real.confirm(t, m, ok); }
            public boolean confirmDestructive(String t, String m, String ok) { return real.confirmDestructive(t, m, ok); }
            public Optional<String> askText(String t, String p, String i) { return real.askText(t, p, i); }
            public Optional<Path> chooseFile(String t) { return Optional.of(importFile); }
            public Optional<Path> chooseFolder(String t) { return Optional.empty(); }
            public Optional<Path> chooseSaveTarget(String t, String n) { return Optional.of(exportTo.resolve(n)); }
            public void notify(String t, String m, boolean e) { real.notify(t, m, e); }
        };
    }

    /** Rich sample data, a Markdown note, two todos in the Trash and two conflicts from a "phone". */
    static Device device(String dir) throws Exception {
        SyncStorage shared = SyncStorage.memory();
        Device d = Device.open("MacBook Air", tmp.resolve(dir), FxExecutor.INSTANCE,
                SyncSettings.folder(Files.createDirectories(tmp.resolve(dir + "-remote")), 30), Duration.ofSeconds(3));
        TodoStore s = d.store();
        ScreenshotsFixture.seedRich(s);
        TodoList travel = s.createList("Travel plans for the summer holidays in Portugal");
        Item note = s.add("Lisbon trip", null, travel.id(), null, TodoDetails.note(List.of("trip"))).item();
        s.update(note.id(), it -> it.withNotes("# Lisbon, 12–16 May\n\nFlights with **TAP**, run `tandem list --tag trip`."
                + "\n\n## Packing\n- [x] Passports\n- [ ] Sunscreen\n\n> Pastéis de nata at Manteigaria.\n"));
        s.add("Renew the passport before the trip — the appointment needs the old one and two photos",
                null, travel.id(), s.today().plusDays(4), new TodoDetails(1, List.of("trip", "admin"), null, null));
        for (String t : List.of("Old idea", "Cancelled dentist")) {
            Item i = s.add(t, null, null);
            s.trash(i.id());
        }
        try (Db phoneDb = Db.open(tmp.resolve(dir + "-phone.db"));
             SyncEngine e1 = SyncEngine.builder().storage(shared).build();
             SyncEngine e2 = SyncEngine.builder().storage(shared).build()) {
            TodoStore phone = new TodoStore(phoneDb, Clock.systemUTC());
            new Authors(phone).register("Pixel 8");
            s.replica().sync(e1);
            e2.sync(phoneDb);
            Item flights = phone.allItems().stream().filter(i -> i.title().startsWith("Book flights")).findFirst().orElseThrow();
            phone.update(flights.id(), it -> it.withTitle("Book flights to Porto"));
            Thread.sleep(5);
            s.update(flights.id(), it -> it.withTitle("Book flights to Lisbon (TAP, window seat)"));
            e2.sync(phoneDb);
            s.replica().sync(e1);
        }
        return d;
    }

    @Test
    void tour() throws Exception {
        for (Theme theme : Theme.values()) {
            tour(theme, theme.name().toLowerCase());
        }
    }

    private void tour(Theme theme, String t) throws Exception {
        Device d = device("tour-" + t);
        Path importFile = Files.writeString(tmp.resolve("import-" + t + ".md"), "# Garden\n\n- [ ] Water the tomatoes\n- [ ] Buy compost\n");
        Path exportDir = Files.createDirectories(tmp.resolve("export-" + t));
        Stage stage = ScreenshotsFixture.fx(Stage::new);
        double w = screen.getWidth();
        double h = screen.getHeight();
        MainView v = ScreenshotsFixture.fx(() -> {
            MainView m = MainWindow.create(d, theme, dialogs(() -> stage, theme, d.async(), importFile, exportDir));
            stage.setScene(new Scene(m, w, h));
            stage.getScene().getStylesheets().setAll(theme.stylesheets());
            stage.setX(0);
            stage.setY(0);
            stage.show();
            return m;
        });
        // What shows before the first query answers (the app starts the view right after its first frame).
        captureNow(t + "-00-before-data", w, h);
        ScreenshotsFixture.fx(() -> {
            v.start();
            return null;
        });
        ScreenshotsFixture.waitFor(() -> !v.viewModel().items().isEmpty());
        capture(t + "-01-first-start", w, h);
        ScreenshotsFixture.selectListAndItem(v, "Work", "Review the sync design doc");
        capture(t + "-02-main", w, h);
        ScreenshotsFixture.fx(() -> {
            v.viewModel().selectInbox();
            v.viewModel().quickAdd().textProperty().set("Water plants every monday p2 @home #Garden tomorrow 9am");
            return null;
        });
        capture(t + "-03-quick-add-chips", w, h);
        ScreenshotsFixture.fx(() -> {
            v.viewModel().quickAdd().textProperty().set("");
            return null;
        });
        ScreenshotsFixture.selectListAndItem(v, "Travel plans for the summer holidays in Portugal", "Lisbon trip");
        capture(t + "-04-note", w, h);
        ScreenshotsFixture.fx(() -> {
            v.viewModel().select(Listing.of(Listing.BuiltIn.TRASH));
            return null;
        });
        capture(t + "-05-trash", w, h);
        ScreenshotsFixture.fx(() -> {
            v.viewModel().select(new Listing.ConflictsView());
            return null;
        });
        capture(t + "-06-conflicts", w, h);
        ScreenshotsFixture.selectListAndItem(v, "Work", "Review the sync design doc");
        ScreenshotsFixture.fx(() -> {
            v.toggleShortcuts();
            return null;
        });
        capture(t + "-07-shortcuts", w, h);
        ScreenshotsFixture.fx(() -> {
            v.toggleShortcuts();
            MenuButton menu = (MenuButton) v.lookup("#app-menu");
            menu.show();
            return null;
        });
        capture(t + "-08-app-menu", w, h);
        menuItem(v, "import-file");
        Thread.sleep(1500);
        capture(t + "-09-imported", w, h);
        menuItem(v, "export-json");
        Thread.sleep(1500);
        capture(t + "-10-exported", w, h);
        settings(stage, theme, t, w, h);
        ScreenshotsFixture.fx(() -> {
            new CalDavDialog(stage, new CalDavViewModel(d.caldav(), d.store(), d.async()), theme.stylesheets()).show();
            return null;
        });
        capture(t + "-14-phone", w, h);
        closeOthers(stage);
        // Between the 760 px minimum and the 1180 px the app opens at.
        ScreenshotsFixture.selectListAndItem(v, "Work", "Review the sync design doc");
        for (double[] wh : new double[][] {{760, 600}, {800, 600}, {1000, 700}, {1180, 740}}) {
            ScreenshotsFixture.fx(() -> {
                stage.setWidth(wh[0]);
                stage.setHeight(wh[1]);
                return null;
            });
            capture(t + "-20-main-" + (int) wh[0] + "x" + (int) wh[1], wh[0], wh[1]);
        }
        ScreenshotsFixture.fx(() -> {
            v.viewModel().select(Listing.of(Listing.BuiltIn.TRASH));
            stage.setWidth(800);
            stage.setHeight(600);
            return null;
        });
        capture(t + "-21-trash-800x600", 800, 600);
        ScreenshotsFixture.fx(() -> {
            v.close();
            stage.close();
            return null;
        });
        d.close();
        demo(theme, t);
    }

    private static void menuItem(MainView v, String id) throws Exception {
        ScreenshotsFixture.fx(() -> {
            MenuButton menu = (MenuButton) v.lookup("#app-menu");
            menu.hide();
            for (MenuItem m : menu.getItems()) {
                if (id.equals(m.getId())) {
                    m.fire();
                }
            }
            return null;
        });
    }

    private static void closeOthers(Stage keep) throws Exception {
        ScreenshotsFixture.fx(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w != keep && w instanceof Stage s && s.getOwner() == keep) {
                    s.close();
                }
            }
            return null;
        });
    }

    private static void settings(Stage stage, Theme theme, String t, double w, double h) throws Exception {
        Async async = new Async(Runnable::run, FxExecutor.INSTANCE, e -> { });
        List<SyncSettings> modes = List.of(SyncSettings.folder(tmp.resolve("Dropbox/Tandem"), 30),
                new SyncSettings(SyncSettings.Mode.S3, "", "https://s3.eu-central-003.backblazeb2.com", "eu-central-003",
                        "alice-tandem", "tandem/alice", "0035f6a1c2b3d4e000000001", "K003xyzsecret", "", 30),
                SyncSettings.webDav(new SyncSettings.Dav("https://cloud.example.com/remote.php/dav/files/sam/Tandem",
                        "sam", "xK3pq-Wm9Tz-4bLfR-aE7yN-2cHsD", ""), "", 30));
        ConnectionCheck result = new ConnectionCheck(List.of(
                new ConnectionCheck.Step("List", true, "Listed objects in the remote", null),
                new ConnectionCheck.Step("Write", true, "Wrote test object 'probe/1795448109051-1bf23677bee4bd88'", null),
                new ConnectionCheck.Step("Read back", true, "Read the test object back unchanged", null),
                new ConnectionCheck.Step("Conditional write", true, "A second write to the same name was refused, as it must be", null),
                new ConnectionCheck.Step("Clean up", true, "Removed the test object", null)));
        String[] names = {"11-settings-folder", "12-settings-s3", "13-settings-webdav"};
        for (int i = 0; i < modes.size(); i++) {
            SyncSettings s = modes.get(i);
            SettingsDialog dialog = ScreenshotsFixture.fx(() -> {
                SettingsViewModel vm = new SettingsViewModel(s, async, x -> result);
                SettingsDialog dlg = new SettingsDialog(stage, vm, theme.stylesheets());
                dlg.show();
                vm.testConnection();
                return dlg;
            });
            capture(t + "-" + names[i], w, h);
            ScreenshotsFixture.fx(() -> {
                dialog.setResult(null);
                dialog.close();
                return null;
            });
        }
    }

    private static void demo(Theme theme, String t) throws Exception {
        Path remote = Files.createDirectories(tmp.resolve("demo-remote-" + t));
        Device a = Device.open("Device A", tmp.resolve("demo-a-" + t), FxExecutor.INSTANCE, DemoMode.remote(remote), DemoMode.DEBOUNCE);
        Device b = Device.open("Device B", tmp.resolve("demo-b-" + t), FxExecutor.INSTANCE, DemoMode.remote(remote), DemoMode.DEBOUNCE);
        DemoMode.seedIfEmpty(a.store(), b.store());
        // The sizes and places DemoMode.start gives its two windows.
        double w = Math.max(700, Math.min(1000, screen.getWidth() / 2 - 12));
        double h = Math.max(520, Math.min(720, screen.getHeight() - 40));
        List<MainView> views = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        for (Device d : List.of(a, b)) {
            double x = d == a ? 8 : 16 + w;
            ScreenshotsFixture.fx(() -> {
                MainView v = MainWindow.create(d, theme, null);
                BorderPane root = new BorderPane(v);
                root.setTop(DemoMode.banner(d));
                Stage s = new Stage();
                s.setScene(new Scene(root, w, h));
                s.getScene().getStylesheets().setAll(theme.stylesheets());
                s.setX(x);
                s.setY(20);
                s.show();
                v.start();
                views.add(v);
                stages.add(s);
                return null;
            });
        }
        ScreenshotsFixture.waitFor(() -> !views.get(1).viewModel().items().isEmpty());
        capture(t + "-15-demo", screen.getWidth(), screen.getHeight());
        ScreenshotsFixture.fx(() -> {
            views.forEach(MainView::close);
            stages.forEach(Stage::close);
            return null;
        });
        a.close();
        b.close();
    }
}
