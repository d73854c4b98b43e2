package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Main;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.sync.SyncService;
import dev.tandem.app.sync.SyncStatus;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.testing.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app and the command line on one profile, as real processes: {@code tandem add} started eight
 * times at once on a fresh profile (twenty migration steps), and the app's sync service running
 * while rounds of {@code tandem sync} and {@code tandem add} start together, one sync of each round
 * killed with SIGKILL. A second device ends with the same todos, every acknowledged add is there,
 * and the profile syncs under one device id throughout.
 */
@Tag("process")
class SharedProfileTest {
    @TempDir
    Path dir;

    /** A finished CLI process: exit code, stdout, stderr. */
    record Run(int exit, String out, String err) {
    }

    @Test
    void add_eightProcessesOnFreshProfile_allSucceedAndMigrateOnce() throws Exception {
        Path profile = dir.resolve("fresh");
        List<Process> procs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            procs.add(start("--data-dir", profile.toString(), "add", "at once " + i));
        }
        for (Process p : procs) {
            Run r = finish(p);
            assertEquals(0, r.exit(), "every process opens the fresh profile: " + r.err());
        }
        Run list = finish(start("--data-dir", profile.toString(), "list"));
        for (int i = 0; i < 8; i++) {
            assertTrue(list.out().contains("at once " + i), list.out());
        }
        try (Db db = Schema.database(profile.resolve("tandem.db")).build()) {
            assertEquals(Schema.MIGRATIONS.size(), db.schemaVersion());
        }
    }

    @Test
    void sync_appServiceAndCliProcessesTogether_secondDeviceIdenticalAndOneDeviceId() throws Exception {
        Path profile = dir.resolve("a");
        Path remote = Files.createDirectories(dir.resolve("remote"));
        String spec = "folder:" + remote;
        List<String> acked = new ArrayList<>();
        List<String> cliErrors = new ArrayList<>();
        List<SyncStatus> failures = new CopyOnWriteArrayList<>();
        Random random = new Random();
        String deviceId;
        Files.createDirectories(profile);
        try (Db db = Schema.database(profile.resolve("tandem.db")).build()) {
            TodoStore store = new TodoStore(db, Clock.systemUTC());
            deviceId = db.deviceId();
            SyncService service = new SyncService(store.replica(), Clock.systemUTC(), new Random(1));
            service.addFailureListener(failures::add);
            service.configure(SyncEngine.builder().folder(remote).build(), Duration.ofMillis(200));
            try {
                for (int round = 0; round < 4; round++) {
                    List<Process> syncs = new ArrayList<>();
                    List<Process> adds = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        syncs.add(start("--data-dir", profile.toString(), "sync", "--remote", spec));
                        adds.add(start("--data-dir", profile.toString(), "add", "cli " + round + "/" + i));
                    }
                    // The app saves meanwhile; its service syncs every 200 ms.
                    acked.add(store.add("app " + round, null, null).id());
                    Thread.sleep(300 + random.nextInt(900));
                    kill9(syncs.get(0));
                    for (Process p : adds) {
                        Run r = finish(p);
                        assertEquals(0, r.exit(), r.err());
                        acked.add(r.out().trim());
                        cliErrors.add(r.err());
                    }
                    Run r = finish(syncs.get(1));
                    assertEquals(0, r.exit(), r.err());
                    cliErrors.add(r.err());
                    finish(syncs.get(0));
                }
            } finally {
                service.close();
            }
            assertEquals(List.of(), failures, "the app's syncs never failed");
            assertEquals(deviceId, db.deviceId(), "the app's database kept its device id");
        }
        for (String err : cliErrors) {
            assertFalse(err.contains("Another installation"), err);
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(0, finish(start("--data-dir", profile.toString(), "sync", "--remote", spec)).exit());
            assertEquals(0, finish(start("--data-dir", dir.resolve("b").toString(), "sync", "--remote", spec)).exit());
        }
        Set<String> onA = ids(profile);
        Set<String> onB = ids(dir.resolve("b"));
        assertEquals(onA, onB, "the second device holds what the profile holds");
        assertTrue(onB.containsAll(acked), "acknowledged adds missing on the second device: "
                + acked.stream().filter(id -> !onB.contains(id)).toList());
        assertEquals(12, acked.size());
        Set<String> writers = new TreeSet<>();
        try (var heads = Files.list(remote.resolve("heads"))) {
            heads.forEach(h -> writers.add(h.getFileName().toString()));
        }
        assertEquals(Set.of(deviceId), writers, "the profile wrote under one device id");
    }

    @Test
    void sync_anotherProcessSyncsTheProfileLong_saysItWaitsThenSyncs() throws Exception {
        Path profile = dir.resolve("a");
        Path remote = Files.createDirectories(dir.resolve("remote"));
        assertEquals(0, finish(start("--data-dir", profile.toString(), "add", "waits")).exit());
        String notice = "tandem: waiting for another sync of this profile to finish";
        Watched sync;
        // This test's JVM is the other process: it holds the profile's sync lock until the sync has
        // said that it waits, which it does once it has waited WAIT_NOTICE_MILLIS (a second here, see start).
        try (FileChannel channel = FileChannel.open(profile.resolve("tandem.db.sync-lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            sync = Watched.start("--data-dir", profile.toString(), "sync", "--remote", "folder:" + remote);
            Await.until("the sync to say it waits", Duration.ofSeconds(60), () -> sync.said(notice) || !sync.alive());
            assertTrue(sync.alive(), "the sync waits while another one holds the profile: " + sync.err());
        }
        Run r = sync.finish();
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains(notice), r.err());
        assertTrue(r.out().contains("pushed 1"), r.out());
        Run quick = finish(start("--data-dir", profile.toString(), "sync", "--remote", "folder:" + remote));
        assertFalse(quick.err().contains("waiting"), "a sync that does not wait says nothing of it: " + quick.err());
    }

    /**
     * Another process writes to the profile for seconds (a sync catching up from a large snapshot):
     * this test's JVM holds a write transaction open. {@code tandem list} answers meanwhile, and
     * {@code tandem add} waits, says why it is quiet, and saves once the write is done.
     */
    @Test
    void add_anotherProcessWritesTheProfileLong_listAnswersAddWaitsSaysSoThenSaves() throws Exception {
        Path profile = dir.resolve("a");
        assertEquals(0, finish(start("--data-dir", profile.toString(), "add", "before")).exit());
        String notice = "tandem: waiting for another Tandem process to finish writing to this profile";
        Watched add;
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + profile.resolve("tandem.db"));
             Statement st = other.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            st.executeUpdate("UPDATE items SET title = title || ' (caught up)'");
            Run list = finish(start("--data-dir", profile.toString(), "list"));
            assertEquals(0, list.exit(), "reading never waits for a writer: " + list.err());
            assertTrue(list.out().contains("before") && !list.out().contains("caught up"), list.out());
            // Held until the add has said that it waits, which it does once it has waited WAIT_NOTICE_MILLIS
            // (a second here).
            add = Watched.start("--data-dir", profile.toString(), "add", "while it writes");
            Await.until("the add to say it waits", Duration.ofSeconds(60), () -> add.said(notice) || !add.alive());
            assertTrue(add.alive(), "the add waits while another process writes: " + add.err());
            st.execute("COMMIT");
        }
        Run r = add.finish();
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains(notice), r.err());
        Run list = finish(start("--data-dir", profile.toString(), "list"));
        assertTrue(list.out().contains("before (caught up)") && list.out().contains("while it writes"), list.out());
        Run quick = finish(start("--data-dir", profile.toString(), "add", "no wait"));
        assertEquals(0, quick.exit(), quick.err());
        assertFalse(quick.err().contains("waiting"), "an add that does not wait says nothing of it: " + quick.err());
    }

    private Set<String> ids(Path profile) {
        try (Db db = Schema.database(profile.resolve("tandem.db")).build()) {
            Set<String> ids = new HashSet<>();
            db.query(Item.class, "SELECT * FROM items").forEach(i -> ids.add(i.id()));
            return ids;
        }
    }

    /**
     * A CLI process whose stderr is read line by line as it comes, so that a test can wait for what
     * it says while it runs.
     */
    record Watched(Process process, List<String> errLines, Thread pump) {
        static Watched start(String... args) throws IOException {
            Process p = SharedProfileTest.start(args);
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            Thread pump = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("(stderr unreadable: " + e + ")");
                }
            }, "cli-stderr");
            pump.setDaemon(true);
            pump.start();
            return new Watched(p, lines, pump);
        }

        /** Whether a line of stderr so far contains {@code text}. */
        boolean said(String text) {
            synchronized (errLines) {
                return errLines.stream().anyMatch(l -> l.contains(text));
            }
        }

        boolean alive() {
            return process.isAlive();
        }

        String err() {
            synchronized (errLines) {
                return String.join("\n", errLines);
            }
        }

        Run finish() throws Exception {
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("a tandem process did not finish");
            }
            pump.join(10_000);
            return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), err());
        }
    }

    static Process start(String... args) throws IOException {
        // A process says it waits once it has waited a second (its first report of waiting) rather than two, so the
        // tests that wait for that notice wait a second less; one that does not wait still says nothing.
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-Dtandem.waitNoticeMillis=1000", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    static void kill9(Process p) throws Exception {
        new ProcessBuilder("kill", "-9", Long.toString(p.pid())).inheritIO().start().waitFor();
    }

    static Run finish(Process p) throws Exception {
        // Both streams are small; read them after exit would risk a full pipe, so read them first.
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("a tandem process did not finish");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
