package dev.tandem.app.tools;

import static dev.tandem.app.tools.ScreenshotsFixture.fx;
import static dev.tandem.app.tools.ScreenshotsFixture.save;
import static dev.tandem.app.tools.ScreenshotsFixture.settle;
import static dev.tandem.app.tools.ScreenshotsFixture.snapshot;

import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.settings.Autostart;
import dev.tandem.app.settings.Launcher;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.view.settings.SettingsDialog;
import dev.tandem.app.vm.settings.AutostartViewModel;
import dev.tandem.app.vm.settings.SettingsViewModel;
import dev.tandem.app.vm.settings.ShortcutHelp;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * {@code screenshots/settings-session.png}: Settings with sync off, showing "Remind me when Tandem is closed" and
 * "Quick add from anywhere" as on GNOME with the installed app. Run with the other screenshots ({@link ScreenshotsTest}).
 */
@Tag("screenshots")
class SessionScreenshotsTest {
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
    void settingsDialog_session() throws Exception {
        Optional<Launcher> installed = Optional.of(
                new Launcher(Path.of("/opt/tandem/bin/Tandem"), Path.of("/opt/tandem/bin/tandem-cli")));
        Path profile = tmp.resolve("tandem");
        Autostart autostart = new Autostart(new SettingsStore(profile), "Linux", Map.of("XDG_CONFIG_HOME",
                tmp.resolve("config").toString()), tmp, profile, installed);
        Async async = new Async(Async.backgroundExecutor("session-shot"), FxExecutor.INSTANCE, e -> { });
        SettingsDialog dialog = fx(() -> {
            SettingsViewModel vm = new SettingsViewModel(SyncSettings.none(), async, s -> new ConnectionCheck(List.of()));
            vm.offers().offerSession(new AutostartViewModel(autostart, true, async), new ShortcutHelp("Linux",
                    Map.of("XDG_CURRENT_DESKTOP", "GNOME"), installed, autostart.profileArgs()));
            SettingsDialog d = new SettingsDialog(null, vm, Theme.LIGHT.stylesheets());
            d.show();
            return d;
        });
        settle();
        save(snapshot(dialog.getDialogPane().getScene()), "settings-session.png");
        fx(() -> {
            dialog.setResult(null);
            dialog.close();
            return null;
        });
    }
}
