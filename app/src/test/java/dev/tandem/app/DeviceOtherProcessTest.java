package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.sync.SyncStatus;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running window's device and the command line on one profile, the command line a real child process:
 * a remote saved by {@code tandem sync --remote … --save} is followed by the running device (no more "Sync
 * off"), and a todo {@code tandem add} commits is pushed by it after its push delay, like an edit made in
 * the window, not at its next timed sync (half an hour away) or remote check (ten seconds, unfocused).
 */
@Tag("process")
class DeviceOtherProcessTest {
    @TempDir
    Path dir;

    @Test
    void otherProcess_savesARemoteThenAddsATodo_theRunningDeviceSyncsAndPushesIt() throws Exception {
        Path profile = dir.resolve("profile");
        Path remote = Files.createDirectories(dir.resolve("remote"));
        try (Device window = Device.open("Laptop", profile, Runnable::run, null, Duration.ofMillis(50))) {
            window.sync().setFocused(false);
            assertEquals(SyncStatus.State.OFF, window.sync().status().state());
            AtomicInteger syncs = new AtomicInteger();
            window.sync().addListener(s -> {
                if (s.state() == SyncStatus.State.SYNCING && "starting".equals(s.phase())) {
                    syncs.incrementAndGet();
                }
            });

            run("--data-dir", profile.toString(), "sync", "--remote", "folder:" + remote, "--save");

            Await.until("the window syncs with the saved remote", () -> window.sync().status(),
                    st -> st.state() == SyncStatus.State.IDLE && st.lastSuccess() != null
                            && st.remote().contains(remote.getFileName().toString()));
            // An edit in the window, pushed: from then on the engine knows the remote's change marker, and only an
            // edit starts a sync.
            window.store().add("Added in the window", null, null);
            Await.until("the window's edit pushed", () -> window.sync().status(),
                    st -> st.state() == SyncStatus.State.IDLE && st.pendingChanges() == 0 && st.lastReport() != null
                            && st.lastReport().pushed() >= 1);
            int before = syncs.get();

            run("--data-dir", profile.toString(), "add", "Added by the command line");

            Await.until("the command line's todo pushed by the window", () -> window.sync().status(),
                    st -> st.state() == SyncStatus.State.IDLE && st.pendingChanges() == 0 && syncs.get() > before
                            && st.lastReport() != null && st.lastReport().pushed() >= 1);
            assertEquals(before + 1, syncs.get(), "one sync, for the other process's commit");
        }
        try (TodoStore phone = TodoStore.open(Schema.database(Files.createDirectories(dir.resolve("phone"))
                .resolve("tandem.db")), Clock.systemUTC(), ZoneOffset.UTC);
             SyncEngine engine = SyncEngine.builder().folder(remote).build()) {
            phone.replica().sync(engine);
            List<String> titles = phone.allItems().stream().map(Item::title).sorted().toList();
            assertTrue(titles.contains("Added by the command line"), titles.toString());
        }
    }

    /** Runs the command line in a JVM of its own and waits for it; it must succeed. */
    private static void run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command line ended");
        assertEquals(0, p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
