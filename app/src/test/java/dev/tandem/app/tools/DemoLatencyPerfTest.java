package dev.tandem.app.tools;

import dev.tandem.app.Device;
import dev.tandem.app.demo.DemoMode;
import dev.tandem.app.fx.Async;
import dev.tandem.app.model.View;
import dev.tandem.app.sync.SyncSettings;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.vm.ItemRow;
import dev.tandem.app.vm.MainViewModel;
import dev.tandem.app.vm.UndoManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long an edit on device A takes to show in device B's live list in demo mode (folder remote,
 * 2 s interval, 300 ms debounce): {@code mvn -q -pl app test -Pperf}. Prints median and max.
 */
@Tag("perf")
class DemoLatencyPerfTest {
    @TempDir
    Path tmp;

    @Test
    void remoteEditLatency() throws Exception {
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        SyncSettings folder = DemoMode.remote(remote);
        try (TestUi ui = new TestUi();
             Device a = Device.open("Device A", tmp.resolve("a"), ui, folder, DemoMode.DEBOUNCE);
             Device b = Device.open("Device B", tmp.resolve("b"), ui, folder, DemoMode.DEBOUNCE)) {
            DemoMode.seedIfEmpty(a.store(), b.store());
            Async async = new Async(Runnable::run, ui, e -> { });
            MainViewModel vb = new MainViewModel(b.store(), async, new FakeDialogs(), new UndoManager(async));
            ui.run(vb::start);
            int expected = a.store().query(View.inbox()).size();
            ui.await(() -> vb.items().size() == expected, Duration.ofSeconds(30));
            String id = a.store().query(View.inbox()).get(0).id();
            List<Long> ms = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                // Edits land at random points of B's 2 s polling cycle.
                Thread.sleep(400 + (i * 277) % 1900);
                String title = "Edited on A, round " + i;
                long t0 = System.nanoTime();
                a.store().update(id, it -> it.withTitle(title));
                ui.await(() -> vb.items().stream().map(ItemRow::title).anyMatch(title::equals), Duration.ofSeconds(20));
                ms.add((System.nanoTime() - t0) / 1_000_000);
            }
            vb.close();
            List<Long> sorted = new ArrayList<>(ms);
            Collections.sort(sorted);
            System.out.println("demo remote edit latency ms: " + ms);
            System.out.println("demo remote edit latency median=" + sorted.get(sorted.size() / 2) + " ms, min="
                    + sorted.get(0) + " ms, max=" + sorted.get(sorted.size() - 1) + " ms, n=" + sorted.size());
            Files.writeString(Path.of("target", "perf-demo-latency.txt"), "samples=" + ms + "\nmedian=" + sorted.get(sorted.size() / 2)
                    + "\nmin=" + sorted.get(0) + "\nmax=" + sorted.get(sorted.size() - 1) + "\n");
        }
    }
}
