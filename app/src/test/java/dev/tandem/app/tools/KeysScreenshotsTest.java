package dev.tandem.app.tools;

import static dev.tandem.app.tools.ScreenshotsFixture.fx;
import static dev.tandem.app.tools.ScreenshotsFixture.save;
import static dev.tandem.app.tools.ScreenshotsFixture.settle;
import static dev.tandem.app.tools.ScreenshotsFixture.snapshot;
import static dev.tandem.app.tools.ScreenshotsFixture.waitFor;

import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.sync.KeyOps;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.view.settings.KeysDialog;
import dev.tandem.app.vm.settings.KeysViewModel;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * {@code screenshots/keys-passphrase.png} and {@code keys-recovery.png}: the "Encryption keys" dialog
 * over a real encrypted folder remote, before a passphrase change and right after a recovery key was
 * made. Run with the other screenshots ({@link ScreenshotsTest}).
 */
@Tag("screenshots")
class KeysScreenshotsTest {
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

    @Test
    void keysDialog_passphraseAndRecoveryKey() throws Exception {
        String passphrase = "correct horse battery staple";
        SyncSettings settings = SyncSettings.folder(tmp.resolve("remote"), 30).withPassphrase(passphrase);
        Files.createDirectories(tmp.resolve("remote"));
        try (Db db = Db.open(tmp.resolve("keys.db"))) {
            TodoStore store = new TodoStore(db, Clock.systemUTC());
            try (SyncEngine e = settings.engineBuilder().encrypted(passphrase).deviceName("sam-laptop").build()) {
                store.replica().sync(e);
            }
            // Key work runs on a background thread, as in the app; results come back on the FX thread.
            Async async = new Async(Async.backgroundExecutor("keys-shot"), FxExecutor.INSTANCE, e -> { });
            KeysViewModel vm = new KeysViewModel(KeyOps.of(settings, store.replica(), "sam-laptop"), async, new FakeDialogs(),
                    passphrase, p -> { },
                    ZoneOffset.UTC);
            KeysDialog dialog = fx(() -> {
                KeysDialog d = new KeysDialog(null, vm, Theme.LIGHT.stylesheets(), false);
                d.show();
                vm.currentPassphraseProperty().set(passphrase);
                vm.newPassphraseProperty().set("a much longer passphrase, typed at home");
                vm.repeatProperty().set("a much longer passphrase, typed at home");
                return d;
            });
            waitFor(() -> !vm.statusProperty().get().startsWith("Reading"));
            settle();
            save(snapshot(dialog.getDialogPane().getScene()), "keys-passphrase.png");

            fx(() -> {
                vm.sectionProperty().set(KeysViewModel.Section.RECOVERY);
                vm.createRecoveryKey();
                return null;
            });
            waitFor(() -> !vm.recoveryCodeProperty().get().isEmpty() && !vm.busyProperty().get());
            settle();
            save(snapshot(dialog.getDialogPane().getScene()), "keys-recovery.png");
            fx(() -> {
                dialog.close();
                return null;
            });
        }
    }
}
