package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tandem.app.fx.Async;
import dev.tandem.app.settings.Autostart;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.testing.FakeDialogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class SyncSettingsFlowTest {
    @TempDir
    Path tmp;

    @Test
    void open_withSession_readsTheShortcutsStateWithTheSettingsInTheBackground() {
        List<Runnable> background = new ArrayList<>();
        Async async = new Async(background::add, Runnable::run, e -> {
            throw new AssertionError(e);
        });
        FakeDialogs dialogs = new FakeDialogs();
        SyncSettingsFlow flow = new SyncSettingsFlow(async, dialogs, SyncSettings::none, s -> { }, s -> null,
                s -> null, () -> "laptop", name -> { }, null, null);
        AtomicInteger reads = new AtomicInteger();
        ShortcutHelp help = new ShortcutHelp("Linux", Map.of(), Optional.empty(), List.of());
        flow.useSession(new Autostart(new SettingsStore(tmp.resolve("p")), "Linux", Map.of(), tmp.resolve("home"),
                tmp.resolve("default"), Optional.empty()), () -> {
                    reads.incrementAndGet();
                    return help;
                });

        flow.open();
        assertEquals(0, reads.get(), "the state file is not read on the thread that opens Settings");
        background.remove(0).run();
        assertEquals(1, reads.get(), "read with the settings, in the background");
        assertSame(help, dialogs.settingsShown.offers().shortcut().orElseThrow(), "the form shows what was read");
    }

    @Test
    void devices_encryptedRemote_forgetCanGoOnToTheKeysRotation_plainRemoteCannot() {
        Async now = new Async(Runnable::run, Runnable::run, e -> {
            throw new AssertionError(e);
        });
        for (boolean encrypted : new boolean[] {true, false}) {
            FakeDialogs dialogs = new FakeDialogs();
            SyncSettings saved = encrypted ? SyncSettings.folder(tmp.resolve("remote"), 60).withPassphrase("a passphrase")
                    : SyncSettings.folder(tmp.resolve("remote"), 60);
            SyncSettingsFlow flow = new SyncSettingsFlow(now, dialogs, () -> saved, s -> { }, s -> null, s -> null,
                    () -> "laptop", name -> { }, null, () -> new DevicesViewModel(Optional::empty, null, now,
                            java.time.Clock.systemUTC()));
            flow.open();
            DevicesViewModel devices = dialogs.settingsShown.offers().more().devices();
            assertEquals(encrypted, devices.offersRotation(), "encrypted: " + encrypted);
            if (encrypted) {
                dialogs.keys.clear();
                devices.openRotation();
                assertEquals(1, dialogs.keys.size());
                assertEquals(KeysViewModel.Section.ROTATE, dialogs.keys.get(0).sectionProperty().get(),
                        "Encryption keys opens at its rotation");
            }
        }
    }
}
