package dev.tandem.app.tools;

import dev.tandem.app.Device;
import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Regenerates the dialogs' screenshots, as ScreenshotsTest does the main window's: the sync settings
 * (at 1366x768 too, and for WebDAV), the conflicts view and a text conflict.
 */
@Tag("screenshots")
class ScreenshotsDialogsTest extends ScreenshotsFixture {
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
}
