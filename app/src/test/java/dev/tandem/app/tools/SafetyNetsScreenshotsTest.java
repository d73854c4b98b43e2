package dev.tandem.app.tools;

import static dev.tandem.app.tools.ScreenshotsFixture.fx;
import static dev.tandem.app.tools.ScreenshotsFixture.save;
import static dev.tandem.app.tools.ScreenshotsFixture.settle;
import static dev.tandem.app.tools.ScreenshotsFixture.snapshot;
import static dev.tandem.app.tools.ScreenshotsFixture.waitFor;

import dev.tandem.app.backup.BackupService;
import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.model.history.ItemVersions;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.view.history.AsOfDialog;
import dev.tandem.app.view.history.BackupsDialog;
import dev.tandem.app.view.history.VersionsDialog;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.app.vm.history.AsOfViewModel;
import dev.tandem.app.vm.history.BackupsViewModel;
import dev.tandem.app.vm.history.VersionsViewModel;
import dev.tandem.engine.Db;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * {@code screenshots/versions.png} (a note's History with an earlier version shown against now),
 * {@code as-of.png} ("Show as of…" a day back) and {@code backups.png} (Backups after one was taken).
 * Run with the other screenshots ({@link ScreenshotsTest}).
 */
@Tag("screenshots")
class SafetyNetsScreenshotsTest {
    @TempDir
    static Path tmp;

    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        ScreenshotsFixture.out = Path.of(System.getProperty("tandem.screenshots.dir", "screenshots"));
        Files.createDirectories(ScreenshotsFixture.out);
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** A clock that stands still at {@code at} until moved: each edit in the story at its own time. */
    private static final class StoryClock extends Clock {
        Instant now;

        StoryClock(Instant start) {
            now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void versionsAsOfAndBackups() throws Exception {
        StoryClock clock = new StoryClock(LocalDateTime.of(2026, 11, 23, 18, 2).toInstant(ZoneOffset.UTC));
        Path dataDir = Files.createDirectories(tmp.resolve("sam"));
        try (Db db = Schema.database(dataDir.resolve("tandem.db")).clock(clock).build()) {
            TodoStore store = new TodoStore(db, clock, ZoneOffset.UTC);
            new Authors(store).register("Sam's laptop");
            TodoList trip = store.createList("Lisbon trip");
            Item plan = store.add("Plan the Lisbon weekend", trip.id(), null);
            store.add("Book the airport taxi", trip.id(), null);
            Item tickets = store.add("Print the museum tickets", trip.id(), null);
            clock.now = clock.now.plus(Duration.ofHours(2));
            store.update(plan.id(), i -> i.withNotes("Flights: LH 1172, Fri 07:40\nHotel: Memmo Alfama, 2 nights\n"
                    + "Dinner: Taberna da Rua das Flores, Sat 20:00\nMuseum: Gulbenkian, Sun morning"));
            clock.now = clock.now.plus(Duration.ofHours(20));
            store.update(plan.id(), i -> i.withNotes("Flights: LH 1172, Fri 07:40\nPack the charger"));
            store.update(plan.id(), i -> i.withPriority(1));
            clock.now = clock.now.plus(Duration.ofHours(1));
            store.trash(tickets.id());
            store.emptyTrash();
            clock.now = clock.now.plus(Duration.ofMinutes(30));

            Async async = new Async(Async.backgroundExecutor("safety-shots"), FxExecutor.INSTANCE, e -> { });
            UndoManager undo = new UndoManager(async);
            VersionsViewModel versions = new VersionsViewModel(new ItemVersions(store, new Authors(store)), undo, async,
                    ZoneOffset.UTC, id -> "Lisbon trip", plan.id(), "Plan the Lisbon weekend");
            VersionsDialog vd = fx(() -> {
                VersionsDialog d = new VersionsDialog(null, versions, Theme.LIGHT.stylesheets());
                d.show();
                return d;
            });
            waitFor(() -> versions.shownProperty().get() != null && versions.rows().size() == 4);
            fx(() -> {
                versions.show(versions.rows().get(2));
                return null;
            });
            waitFor(() -> versions.shownProperty().get() != null && versions.shownProperty().get().row().number() == 2);
            settle();
            save(snapshot(vd.getDialogPane().getScene()), "versions.png");
            fx(() -> {
                vd.close();
                return null;
            });

            AsOfViewModel asOf = new AsOfViewModel(store, new ItemVersions(store, new Authors(store)), undo, async, clock);
            AsOfDialog ad = fx(() -> {
                AsOfDialog d = new AsOfDialog(null, asOf, Theme.LIGHT.stylesheets());
                asOf.dateProperty().set(LocalDate.of(2026, 11, 23));
                asOf.timeProperty().set("21:00");
                d.show();
                asOf.show();
                return d;
            });
            waitFor(() -> asOf.profileProperty().get() != null && !asOf.busyProperty().get());
            fx(() -> {
                asOf.lists().stream().filter(l -> l.name().equals("Lisbon trip")).findFirst().ifPresent(asOf::select);
                ((ListView<?>) ad.getDialogPane().lookup("#as-of-items")).getSelectionModel().select(2);
                return null;
            });
            settle();
            save(snapshot(ad.getDialogPane().getScene()), "as-of.png");
            fx(() -> {
                ad.close();
                return null;
            });

            SettingsStore settings = new SettingsStore(dataDir);
            try (BackupService service = new BackupService(store, dataDir, settings, Clock.systemDefaultZone(), Map.of())) {
                service.setFolder(Files.createDirectories(tmp.resolve("Documents/Tandem backups")));
                BackupsViewModel backups = new BackupsViewModel(service, store, dataDir, "tandem.db", async, new FakeDialogs(), undo);
                BackupsDialog bd = fx(() -> {
                    BackupsDialog d = new BackupsDialog(null, backups, Theme.LIGHT.stylesheets());
                    d.show();
                    backups.backupNow();
                    return d;
                });
                waitFor(() -> backups.lastProperty().get().contains(" · ") && !backups.busyProperty().get());
                settle();
                save(snapshot(bd.getDialogPane().getScene()), "backups.png");
                fx(() -> {
                    bd.close();
                    return null;
                });
            }
        }
    }
}
