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
}
