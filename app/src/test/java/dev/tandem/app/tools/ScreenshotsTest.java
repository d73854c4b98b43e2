package dev.tandem.app.tools;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.demo.DemoMode;
import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.view.MainView;
import dev.tandem.app.view.settings.SettingsDialog;
import dev.tandem.app.vm.settings.SettingsViewModel;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.ui.Theme;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Regenerates {@code screenshots/*.png}: {@code mvn -q install -DskipTests && mvn -q -pl app test -Pscreenshots}.
 * Headless (Monocle), real views over real databases filled with sample todos.
 */
@Tag("screenshots")
class ScreenshotsTest {
    @TempDir
    static Path tmp;
    static Path out;

    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        out = Path.of(System.getProperty("tandem.screenshots.dir", "screenshots"));
        Files.createDirectories(out);
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }

    static void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents(8);
        Thread.sleep(600);
        WaitForAsyncUtils.waitForFxEvents(8);
    }

    static BufferedImage snapshot(Scene scene) throws Exception {
        WritableImage img = fx(() -> scene.snapshot(null));
        return SwingFXUtils.fromFXImage(img, null);
    }

    static void save(BufferedImage img, String name) throws Exception {
        ImageIO.write(img, "png", out.resolve(name).toFile());
    }

    /** Sample data richer than the demo's, plus a history entry from a second device. */
    static void seedRich(TodoStore s) {
        DemoMode.seed(s);
        TodoList work = s.findList("Work").orElseThrow();
        s.add("Send invoice #1042 to Northwind", null, work.id(), s.today().minusDays(2),
                new TodoDetails(1, List.of("billing"), null, null));
        s.add("1:1 with Priya — career goals", null, work.id(), s.today().plusDays(1),
                new TodoDetails(2, List.of("people"), Recurrence.every(Recurrence.Freq.WEEKLY, 2), null));
        s.add("Update the onboarding checklist", null, work.id(), null,
                new TodoDetails(3, List.of("docs", "people"), null, s.clock().millis() + 3_600_000L));
    }

    private static MainView show(Stage stage, Device d, Theme theme, double w, double h, Parent rootOverride) throws Exception {
        return fx(() -> {
            MainView v = MainWindow.create(d, theme, null);
            Parent root = rootOverride == null ? v : rootOverride;
            if (rootOverride instanceof BorderPane bp) {
                bp.setCenter(v);
            }
            Scene scene = new Scene(root, w, h);
            scene.getStylesheets().setAll(theme.stylesheets());
            stage.setScene(scene);
            stage.show();
            v.start();
            return v;
        });
    }

    static void selectListAndItem(MainView v, String list, String title) throws Exception {
        waitFor(() -> v.viewModel().lists().stream().anyMatch(l -> l.name().equals(list)));
        fx(() -> {
            String id = v.viewModel().lists().stream().filter(l -> l.name().equals(list)).findFirst().orElseThrow().id();
            v.viewModel().select(new Listing.UserListing(id));
            return null;
        });
        waitFor(() -> v.viewModel().items().stream().anyMatch(i -> i.title().equals(title)));
        fx(() -> {
            for (int i = 0; i < v.itemList().getItems().size(); i++) {
                if (v.itemList().getItems().get(i).title().equals(title)) {
                    v.itemList().getSelectionModel().select(i);
                    v.itemList().requestFocus();
                }
            }
            return null;
        });
        waitFor(() -> !v.editorViewModel().history().isEmpty());
    }

    @Test
    void mainWindow_lightAndDark() throws Exception {
        Path remote = Files.createDirectories(tmp.resolve("main-remote"));
        Device d = Device.open("MacBook Air", tmp.resolve("main"), FxExecutor.INSTANCE, SyncSettings.folder(remote, 30),
                Duration.ofSeconds(3));
        seedRich(d.store());
        Item review = d.store().query(Listing.inbox()).stream().findFirst().orElseThrow();
        Item doc = d.store().lists().stream().filter(l -> l.name().equals("Work")).findFirst()
                .map(l -> d.store().query(new Listing.UserListing(l.id())).stream()
                        .filter(i -> i.title().startsWith("Review the sync")).findFirst().orElseThrow()).orElseThrow();
        d.store().update(doc.id(), it -> it.withNotes("Focus on the conflict section.\n\n- per-attribute last write wins\n"
                + "- tombstones for deletes\n- what happens when two devices sync at once"));
        Stage stage = fx(Stage::new);
        for (Theme theme : Theme.values()) {
            MainView v = show(stage, d, theme, 1280, 800, null);
            selectListAndItem(v, "Work", "Review the sync design doc");
            waitFor(() -> v.statusViewModel().statusProperty().get().lastSuccess() != null
                    && v.statusViewModel().statusProperty().get().pendingChanges() == 0);
            settle();
            save(snapshot(stage.getScene()), theme == Theme.LIGHT ? "main-light.png" : "main-dark.png");
            if (theme == Theme.LIGHT) {
                fx(() -> {
                    v.toggleShortcuts();
                    return null;
                });
                settle();
                save(snapshot(stage.getScene()), "shortcuts.png");
            }
            fx(() -> {
                v.close();
                return null;
            });
        }
        fx(() -> {
            stage.close();
            return null;
        });
        d.close();
        review.id();
    }

    /** A note rendered as Markdown: a heading, a list, a link, a code span and a checklist partly ticked. */
    /** {@code main-1366x768.png} and {@code main-760.png}: a laptop's screen, and the window at its narrowest. */
    @Test
    void mainWindow_laptopAndNarrowest() throws Exception {
        Device d = Device.open("MacBook Air", tmp.resolve("sizes"), FxExecutor.INSTANCE, null, Duration.ofSeconds(3));
        seedRich(d.store());
        Stage stage = fx(Stage::new);
        for (double[] size : new double[][] {{1366, 768}, {760, 640}}) {
            MainView v = show(stage, d, Theme.LIGHT, size[0], size[1], null);
            selectListAndItem(v, "Work", "Review the sync design doc");
            settle();
            save(snapshot(stage.getScene()), size[0] == 760 ? "main-760.png" : "main-1366x768.png");
            fx(() -> {
                v.close();
                return null;
            });
        }
        fx(() -> {
            stage.close();
            return null;
        });
        d.close();
    }

    @Test
    void noteRendered() throws Exception {
        Device d = Device.open("MacBook Air", tmp.resolve("note"), FxExecutor.INSTANCE, null, Duration.ofSeconds(3));
        seedRich(d.store());
        TodoList travel = d.store().createList("Travel");
        d.store().add("Book the Lisbon flights", null, travel.id(), d.store().today().plusDays(3),
                new TodoDetails(1, List.of("trip"), null, null));
        Item note = d.store().add("Lisbon trip", null, travel.id(), null, TodoDetails.note(List.of("trip"))).item();
        d.store().update(note.id(), it -> it.withNotes("""
                # Lisbon, 12–16 May

                Flights with **TAP**, seats *by the window*. Check-in opens 36 h before: run `tandem list --tag trip`.

                ## Packing
                - [x] Passports
                - [x] Adapters (type F)
                - [ ] Sunscreen
                - [ ] Rain jacket

                ## Places
                1. Time Out Market
                2. Belém tower, early
                3. [Tram 28](https://www.carris.pt/en/) from Martim Moniz

                > Pastéis de nata at Manteigaria, not the famous queue.

                | Day | Plan |
                |:----|:-----|
                | Fri | Alfama |
                | Sat | Sintra |
                """));
        d.store().add("Paris weekend ideas", null, travel.id(), null, TodoDetails.note(List.of()));
        Stage stage = fx(Stage::new);
        MainView v = show(stage, d, Theme.LIGHT, 1280, 800, null);
        selectListAndItem(v, "Travel", "Lisbon trip");
        waitFor(() -> v.editorView().noteCheckBoxes().size() == 4);
        settle();
        save(snapshot(stage.getScene()), "note-rendered.png");
        fx(() -> {
            v.close();
            stage.close();
            return null;
        });
        d.close();
    }

    /** {@code note-attachments.png}: a note with a pasted image shown inline and a PDF's chip under it. */
    @Test
    void noteWithAttachments() throws Exception {
        Device d = Device.open("MacBook Air", tmp.resolve("attachments"), FxExecutor.INSTANCE, null, Duration.ofSeconds(3));
        seedRich(d.store());
        TodoList home = d.store().createList("Workshop");
        Item note = d.store().add("Kitchen shelves", null, home.id(), null, TodoDetails.note(List.of("diy"))).item();
        BufferedImage sketch = new BufferedImage(1400, 700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sketch.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xf6f1e7));
        g.fillRect(0, 0, 1400, 700);
        g.setColor(new Color(0x8a6d4b));
        for (int shelf = 0; shelf < 3; shelf++) {
            g.fillRect(160, 170 + shelf * 170, 1080, 26);
        }
        g.setColor(new Color(0x3b6ff5));
        g.setStroke(new BasicStroke(6));
        g.drawLine(160, 120, 1240, 120);
        g.setFont(g.getFont().deriveFont(44f));
        g.drawString("120 cm", 620, 100);
        g.dispose();
        Path png = tmp.resolve("shelves-sketch.png");
        ImageIO.write(sketch, "png", png.toFile());
        Path pdf = Files.write(tmp.resolve("Bracket spec.pdf"), new byte[184_000]);
        Attachment image = d.attachments().add(note.id(), png, 100_000_000);
        d.attachments().add(note.id(), pdf, 100_000_000);
        d.store().update(note.id(), it -> it.withNotes("Three shelves over the counter, oak, 30 cm deep.\n\n"
                + image.markdown() + "\n\n- [x] Measure the wall\n- [ ] Buy brackets (see the spec)\n"));
        Stage stage = fx(Stage::new);
        MainView v = show(stage, d, Theme.LIGHT, 1280, 800, null);
        selectListAndItem(v, "Workshop", "Kitchen shelves");
        waitFor(() -> v.editorView().lookup(".note-attachment-image .image-view") != null
                && v.editorView().lookup(".attachment-chip") != null);
        settle();
        save(snapshot(stage.getScene()), "note-attachments.png");
        fx(() -> {
            v.close();
            stage.close();
            return null;
        });
        d.close();
    }

    @Test
    void settingsDialog() throws Exception {
        SyncSettings s = new SyncSettings(SyncSettings.Mode.S3, "", "https://s3.eu-central-003.backblazeb2.com", "eu-central-003",
                "alice-tandem", "tandem/alice", "0035f6a1c2b3d4e000000001", "K003xyzsecret", "", 30);
        ConnectionCheck result = new ConnectionCheck(List.of(
                new ConnectionCheck.Step("List", true, "Listed objects in s3://alice-tandem/tandem/alice", null),
                new ConnectionCheck.Step("Write", true, "Wrote a test object", null),
                new ConnectionCheck.Step("Read back", true, "Read the test object back unchanged", null),
                new ConnectionCheck.Step("Conditional write", false, "The storage accepted a second write instead of refusing it: "
                        + "it ignores If-None-Match. " + SyncException.Reason.NO_CONDITIONAL_WRITES.hint(),
                        SyncException.Reason.NO_CONDITIONAL_WRITES)));
        Async async = new Async(Runnable::run, FxExecutor.INSTANCE, e -> { });
        SettingsDialog dialog = fx(() -> {
            SettingsViewModel vm = new SettingsViewModel(s, async, x -> result);
            SettingsDialog dlg = new SettingsDialog(null, vm, Theme.LIGHT.stylesheets());
            dlg.show();
            vm.testConnection();
            return dlg;
        });
        settle();
        save(snapshot(dialog.getDialogPane().getScene()), "settings.png");
        fx(() -> {
            dialog.setResult(null);
            dialog.close();
            return null;
        });
    }

    /** Settings after Test connection over the main window, as on a 1366 × 768 screen: the dialog fits it. */
    @Test
    void settingsDialog_on1366x768() throws Exception {
        Device d = Device.open("MacBook Air", tmp.resolve("s1366"), FxExecutor.INSTANCE, null, Duration.ofSeconds(3));
        seedRich(d.store());
        Stage stage = fx(Stage::new);
        MainView v = show(stage, d, Theme.LIGHT, 1366, 768, null);
        waitFor(() -> !v.viewModel().items().isEmpty());
        SyncSettings s = SyncSettings.webDav(new SyncSettings.Dav("https://cloud.example.com/remote.php/dav/files/sam/Tandem",
                "sam", "xK3pq-Wm9Tz-4bLfR-aE7yN-2cHsD", ""), "", 30);
        ConnectionCheck result = new ConnectionCheck(List.of(
                new ConnectionCheck.Step("List", true, "Listed objects in the remote", null),
                new ConnectionCheck.Step("Write", true, "Wrote a test object", null),
                new ConnectionCheck.Step("Read back", true, "Read the test object back unchanged", null),
                new ConnectionCheck.Step("Conditional write", true, "A second write to the same name was refused, as it must be", null),
                new ConnectionCheck.Step("Clean up", true, "Removed the test object", null)));
        Async async = new Async(Runnable::run, FxExecutor.INSTANCE, e -> { });
        SettingsDialog dialog = fx(() -> {
            stage.setX(0);
            stage.setY(0);
            SettingsViewModel vm = new SettingsViewModel(s, async, x -> result);
            SettingsDialog dlg = new SettingsDialog(stage, vm, Theme.LIGHT.stylesheets());
            dlg.show();
            vm.testConnection();
            return dlg;
        });
        settle();
        // The screen as it shows: the window, and the dialog where it is over it. The headless screen is larger than
        // 1366 x 768, so the dialog is kept on this one as SettingsDialog keeps it on a real one (16 px margins).
        fx(() -> {
            Window w = dialog.getDialogPane().getScene().getWindow();
            w.setHeight(Math.min(w.getHeight(), 768 - 2 * 16));
            w.setX((1366 - w.getWidth()) / 2);
            w.setY(16);
            return null;
        });
        settle();
        TourShotsTest.captureTo(out.resolve("settings-1366x768.png"), 1366, 768);
        fx(() -> {
            dialog.setResult(null);
            dialog.close();
            v.close();
            stage.close();
            return null;
        });
        d.close();
    }

    @Test
    void settingsDialog_webDav() throws Exception {
        SyncSettings s = SyncSettings.webDav(new SyncSettings.Dav("https://cloud.example.com/remote.php/dav/files/sam/Tandem",
                "sam", "xK3pq-Wm9Tz-4bLfR-aE7yN-2cHsD", ""), "", 30);
        String where = "https://cloud.example.com/remote.php/dav/files/sam/Tandem";
        ConnectionCheck result = new ConnectionCheck(List.of(
                new ConnectionCheck.Step("List", true, "Listed objects in " + where, null),
                new ConnectionCheck.Step("Write", true, "Wrote test object 'probe/1795448109051-1bf23677bee4bd88'", null),
                new ConnectionCheck.Step("Read back", true, "Read the test object back unchanged", null),
                new ConnectionCheck.Step("Conditional write", true, "A second write to the same name was refused, as it must be", null),
                new ConnectionCheck.Step("Clean up", true, "Removed the test object", null)));
        Async async = new Async(Runnable::run, FxExecutor.INSTANCE, e -> { });
        SettingsDialog dialog = fx(() -> {
            SettingsViewModel vm = new SettingsViewModel(s, async, x -> result);
            SettingsDialog dlg = new SettingsDialog(null, vm, Theme.LIGHT.stylesheets());
            dlg.show();
            vm.testConnection();
            return dlg;
        });
        settle();
        save(snapshot(dialog.getDialogPane().getScene()), "settings-webdav.png");
        fx(() -> {
            dialog.setResult(null);
            dialog.close();
            return null;
        });
    }

    @Test
    void conflictsView() throws Exception {
        SyncStorage shared = SyncStorage.memory();
        Device laptop = Device.open("MacBook Air", tmp.resolve("c-laptop"), FxExecutor.INSTANCE, null, Duration.ofSeconds(3));
        try (Db phoneDb = Db.open(tmp.resolve("c-phone.db"));
             SyncEngine e1 = SyncEngine.builder().storage(shared).build();
             SyncEngine e2 = SyncEngine.builder().storage(shared).build()) {
            TodoStore phone = new TodoStore(phoneDb, Clock.systemUTC());
            new Authors(phone).register("Pixel 8");
            seedRich(laptop.store());
            laptop.store().replica().sync(e1);
            e2.sync(phoneDb);
            Item flights = phone.query(Listing.inbox()).stream().filter(i -> i.title().startsWith("Book flights")).findFirst().orElseThrow();
            Item door = phone.allItems().stream().filter(i -> i.title().startsWith("Fix the squeaky")).findFirst().orElseThrow();
            // Both devices edit the same fields before syncing: the later edit wins, the other is kept as a conflict.
            phone.update(flights.id(), it -> it.withTitle("Book flights to Porto"));
            phone.update(door.id(), it -> it.withNotes("Buy WD-40 first"));
            Thread.sleep(5);
            laptop.store().update(flights.id(), it -> it.withTitle("Book flights to Lisbon (TAP, window seat)"));
            laptop.store().update(door.id(), it -> it.withNotes("Ask Sam to fix it on Saturday"));
            laptop.store().update(flights.id(), it -> it.withDue(laptop.store().today().plusDays(9)));
            phone.update(flights.id(), it -> it.withDue(phone.today().plusDays(7)));
            e2.sync(phoneDb);
            laptop.store().replica().sync(e1);
            e2.sync(phoneDb);
        }
        Stage stage = fx(Stage::new);
        MainView v = show(stage, laptop, Theme.LIGHT, 1280, 800, null);
        waitFor(() -> v.viewModel().conflictCountProperty().get() > 0);
        settle();
        fx(() -> {
            v.viewModel().select(new Listing.ConflictsView());
            return null;
        });
        settle();
        save(snapshot(stage.getScene()), "conflicts.png");
        fx(() -> {
            v.close();
            stage.close();
            return null;
        });
        laptop.close();
    }

    /** A multi-line note both devices edited in the same lines: its line diff, with the unchanged middle folded. */
    @Test
    void conflictText() throws Exception {
        String base = """
                # Lisbon, 12–16 May

                ## Flights
                - Out: TP 1351, Fri 07:40
                - Back: TP 1356, Tue 19:05

                ## Stay
                - Hotel Alfama Patio, 4 nights
                - Check-in after 15:00

                ## Packing
                - Passport
                - Adapter (type F)
                - Light jacket
                - Walking shoes
                - Sunscreen

                ## Ideas
                - Tram 28 early, before the queues
                - Pastéis de Belém
                - Sunset at Miradouro da Senhora do Monte
                """;
        SyncStorage shared = SyncStorage.memory();
        Device laptop = Device.open("MacBook Air", tmp.resolve("t-laptop"), FxExecutor.INSTANCE, null, Duration.ofSeconds(3));
        try (Db phoneDb = Db.open(tmp.resolve("t-phone.db"));
             SyncEngine e1 = SyncEngine.builder().storage(shared).build();
             SyncEngine e2 = SyncEngine.builder().storage(shared).build()) {
            TodoStore phone = new TodoStore(phoneDb, Clock.systemUTC());
            new Authors(phone).register("Pixel 8");
            Item trip = laptop.store().add("Plan the Lisbon trip", null, null);
            laptop.store().update(trip.id(), it -> it.withNotes(base));
            laptop.store().replica().sync(e1);
            e2.sync(phoneDb);
            phone.update(trip.id(), it -> it.withNotes(base
                    .replace("- Back: TP 1356, Tue 19:05", "- Back: TP 1358, Wed 08:15")
                    .replace("- Pastéis de Belém\n", "- Pastéis de Belém, then the Jerónimos next door\n")));
            Thread.sleep(5);
            laptop.store().update(trip.id(), it -> it.withNotes(base
                    .replace("- Back: TP 1356, Tue 19:05", "- Back: TP 1356, Tue 21:30 (moved by TAP)\n- Seats 14A, 14C")
                    .replace("- Pastéis de Belém\n", "- Pastéis de Belém, go before 10 to skip the queue\n")));
            e2.sync(phoneDb);
            laptop.store().replica().sync(e1);
        }
        Stage stage = fx(Stage::new);
        MainView v = show(stage, laptop, Theme.LIGHT, 1280, 800, null);
        waitFor(() -> v.viewModel().conflictCountProperty().get() > 0);
        fx(() -> {
            v.viewModel().select(new Listing.ConflictsView());
            return null;
        });
        settle();
        save(snapshot(stage.getScene()), "conflict-text.png");
        fx(() -> {
            v.close();
            stage.close();
            return null;
        });
        laptop.close();
    }

    @Test
    void demoMode_twoWindows() throws Exception {
        Path remote = Files.createDirectories(tmp.resolve("demo-remote"));
        SyncSettings folder = DemoMode.remote(remote);
        Device a = Device.open("Device A", tmp.resolve("demo-a"), FxExecutor.INSTANCE, folder, DemoMode.DEBOUNCE);
        Device b = Device.open("Device B", tmp.resolve("demo-b"), FxExecutor.INSTANCE, folder, DemoMode.DEBOUNCE);
        DemoMode.seedIfEmpty(a.store(), b.store());
        Stage sa = fx(Stage::new);
        Stage sb = fx(Stage::new);
        BorderPane ra = fx(() -> {
            BorderPane p = new BorderPane();
            p.setTop(DemoMode.banner(a));
            return p;
        });
        BorderPane rb = fx(() -> {
            BorderPane p = new BorderPane();
            p.setTop(DemoMode.banner(b));
            return p;
        });
        MainView va = show(sa, a, Theme.LIGHT, 1000, 640, ra);
        MainView vb = show(sb, b, Theme.LIGHT, 1000, 640, rb);
        waitFor(() -> vb.viewModel().items().size() == va.viewModel().items().size() && !vb.viewModel().items().isEmpty());
        // An edit on A arrives on B.
        a.store().add("Pick up the dry cleaning", null, a.store().today());
        waitFor(() -> vb.viewModel().items().stream().anyMatch(i -> i.title().equals("Pick up the dry cleaning")));
        fx(() -> {
            va.itemList().getSelectionModel().select(va.itemList().getItems().size() - 1);
            vb.itemList().getSelectionModel().select(vb.itemList().getItems().size() - 1);
            return null;
        });
        waitFor(() -> !va.editorViewModel().history().isEmpty() && !vb.editorViewModel().history().isEmpty());
        settle();
        BufferedImage left = snapshot(sa.getScene());
        BufferedImage right = snapshot(sb.getScene());
        int gap = 24;
        BufferedImage both = new BufferedImage(left.getWidth() + right.getWidth() + gap * 3,
                Math.max(left.getHeight(), right.getHeight()) + gap * 2, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = both.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x2b, 0x31, 0x3c));
        g.fillRect(0, 0, both.getWidth(), both.getHeight());
        g.drawImage(left, gap, gap, null);
        g.drawImage(right, gap * 2 + left.getWidth(), gap, null);
        g.dispose();
        save(both, "demo.png");
        fx(() -> {
            va.close();
            vb.close();
            sa.close();
            sb.close();
            return null;
        });
        a.close();
        b.close();
        new File(".").getName();
    }
}
