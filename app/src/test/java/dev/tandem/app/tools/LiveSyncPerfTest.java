package dev.tandem.app.tools;

import dev.tandem.app.Device;
import dev.tandem.app.fx.Async;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.sync.SyncStatus;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.sync.S3Settings;
import dev.tandem.engine.testing.ExternalS3Server;
import dev.tandem.engine.testing.ExternalS3Server.Kind;
import dev.tandem.engine.testing.S3ProxyServer;
import dev.tandem.engine.testing.WebDavServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live sync, as a user sees it: two devices with the app's default settings (full sync every 30
 * minutes, edits pushed half a second after they stop, {@code Pacing} checks), an edit on A, the
 * time until B's live list shows it; and how many requests a focused, idle device makes, scaled to
 * an hour. {@code mvn -q -pl app -am test -Pperf}; results in {@code app/target/perf-live-sync.txt}.
 */
@Tag("perf")
class LiveSyncPerfTest {
    private static final int ROUNDS = 20;
    private static final Duration IDLE = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void editToVisible_folder() throws Exception {
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        measure("folder", SyncSettings.folder(remote, SyncSettings.DEFAULT_INTERVAL));
    }

    @Test
    void editToVisible_s3proxy() throws Exception {
        S3ProxyServer proxy = S3ProxyServer.shared();
        measure("s3proxy", s3(proxy.settings(proxy.newBucket())));
    }

    @Test
    void editToVisible_moto() throws Exception {
        ExternalS3Server moto = ExternalS3Server.shared(Kind.MOTO);
        measure("moto", s3(moto.settings(moto.newBucket())));
    }

    @Test
    void editToVisible_webDavApache() throws Exception {
        measure("webdav", SyncSettings.webDav(new SyncSettings.Dav(WebDavServer.shared(WebDavServer.Kind.APACHE).newCollection(),
                WebDavServer.USER, WebDavServer.PASSWORD, ""), "", SyncSettings.DEFAULT_INTERVAL));
    }

    private static SyncSettings s3(S3Settings s) {
        return new SyncSettings(SyncSettings.Mode.S3, "", s.endpoint(), s.region(), s.bucket(), "live/",
                s.accessKey(), s.secretKey(), "", SyncSettings.DEFAULT_INTERVAL);
    }

    private void measure(String name, SyncSettings settings) throws Exception {
        String dir = name.split(" ")[0];
        try (TestUi ui = new TestUi();
             Device a = Device.open("Device A", tmp.resolve(dir + "-a"), ui, settings, Duration.ofMillis(500));
             Device b = Device.open("Device B", tmp.resolve(dir + "-b"), ui, settings, Duration.ofMillis(500))) {
            String id = a.store().add("Live sync probe", null, null).id();
            Async async = new Async(Runnable::run, ui, e -> { });
            MainViewModel vb = new MainViewModel(b.store(), async, new FakeDialogs(), new UndoManager(async));
            ui.run(vb::start);
            ui.await(() -> vb.items().stream().map(ItemRow::title).anyMatch("Live sync probe"::equals), Duration.ofSeconds(60));
            List<Long> ms = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                // Edits land at spread-out points of B's check cycle.
                Thread.sleep(700 + (i * 397L) % 2300);
                String title = "Edited on A, round " + i;
                long t0 = System.nanoTime();
                a.store().update(id, it -> it.withTitle(title));
                ui.await(() -> vb.items().stream().map(ItemRow::title).anyMatch(title::equals), Duration.ofSeconds(30));
                ms.add((System.nanoTime() - t0) / 1_000_000);
            }
            long before = b.sync().requestsSoFar();
            Thread.sleep(IDLE.toMillis());
            long perHour = (b.sync().requestsSoFar() - before) * 3600 / IDLE.toSeconds();
            // Unfocused, an hour is 12 checks (Pacing.REMOTE, one request each; Pacing.LOCAL: 360
            // file reads) plus the two full syncs of the default interval: count one of those.
            b.sync().setFocused(false);
            long beforeFull = b.sync().requestsSoFar();
            b.sync().syncNow();
            ui.await(() -> b.sync().requestsSoFar() > beforeFull, Duration.ofSeconds(30));
            Thread.sleep(500);
            ui.await(() -> b.sync().status().state() == SyncStatus.State.IDLE, Duration.ofSeconds(30));
            long fullSync = b.sync().requestsSoFar() - beforeFull;
            long checksPerHour = 3600 / (settings.mode() == SyncSettings.Mode.FOLDER ? 10 : 300);
            long unfocusedPerHour = checksPerHour + 3600 / SyncSettings.DEFAULT_INTERVAL * fullSync;
            vb.close();
            List<Long> sorted = new ArrayList<>(ms);
            Collections.sort(sorted);
            String line = name + ": edit-to-visible p50=" + percentile(sorted, 50) + " ms p95=" + percentile(sorted, 95)
                    + " ms max=" + sorted.get(sorted.size() - 1) + " ms n=" + sorted.size()
                    + "; idle device, requests/hour: focused " + perHour + ", unfocused " + unfocusedPerHour
                    + " (an idle full sync: " + fullSync + "); samples=" + ms + "\n";
            System.out.print(line);
            Files.writeString(Path.of("target", "perf-live-sync.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i));
    }
}
