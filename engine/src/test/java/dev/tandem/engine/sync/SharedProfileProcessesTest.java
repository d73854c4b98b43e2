package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.testing.Await;
import dev.tandem.engine.testing.Canonical;
import dev.tandem.engine.testing.ChildProcesses;
import dev.tandem.engine.testing.ChildProcesses.Child;
import dev.tandem.engine.testing.Remotes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several real processes on one profile (the app, {@code tandem sync} and {@code tandem add} in a
 * terminal, a cron job): opens of a fresh file at once run the migrations once; syncs and saves
 * started at the same moment, some killed with SIGKILL, leave a second device identical, every
 * acknowledged save present, and one device id for the profile on the remote.
 */
@Tag("server")
class SharedProfileProcessesTest {
    @TempDir
    Path dir;

    @Test
    void open_eightProcessesOnFreshProfile_migrateOnceAndAllProceed() throws Exception {
        Path file = dir.resolve("fresh.db");
        List<Child> children;
        try (ChildProcesses procs = new ChildProcesses(dir)) {
            for (int i = 0; i < 8; i++) {
                procs.start(file.toString(), dir.toString(), "open");
            }
            procs.release();
            children = procs.awaitAll();
        }
        Set<String> ids = new HashSet<>();
        for (Child c : children) {
            assertEquals(0, c.process().exitValue(), "a process failed to open: " + c.lines());
            ids.addAll(c.lines("OPENED "));
        }
        assertEquals(1, ids.size(), "one profile, one device id: " + ids);
        try (Db db = Db.open(file)) {
            assertEquals(Fixtures.MIGRATIONS.size(), db.schemaVersion());
        }
    }

    @Test
    void syncAndAdd_processesStartedTogether_secondDeviceIdenticalAndOneDeviceId() throws Exception {
        Path a = dir.resolve("a.db");
        Path remote = Files.createDirectories(dir.resolve("remote"));
        List<String> acked = new ArrayList<>();
        Set<String> deviceIds = new TreeSet<>();
        List<String> notes = new ArrayList<>();
        try (Db db = Db.open(a); SyncEngine engine = SyncEngine.builder().storage(SyncStorage.folder(remote)).build()) {
            db.migrate(Fixtures.MIGRATIONS);
            acked.add(db.save(Item.of("first")).id());
            engine.sync(db);
            deviceIds.add(db.deviceId());
        }
        for (int round = 0; round < 5; round++) {
            try (ChildProcesses procs = new ChildProcesses(dir)) {
                for (int i = 0; i < 3; i++) {
                    procs.start(a.toString(), remote.toString(), "sync");
                    procs.start(a.toString(), remote.toString(), "add", "round " + round + " add " + i);
                }
                procs.release();
                for (Child c : procs.awaitAll()) {
                    assertEquals(0, c.process().exitValue(), "round " + round + ": " + c.lines());
                    acked.addAll(c.lines("ACK "));
                    c.lines("SYNCED ").forEach(l -> deviceIds.add(l.split(" ")[0]));
                    notes.addAll(c.lines("NOTE "));
                }
            }
        }
        assertEquals(List.of(), notes, "no sync took a sibling process for another installation");
        assertEquals(16, acked.size());
        assertConverged(a, remote, acked, deviceIds);
    }

    @Test
    void loopAndSync_someKilledMidWork_secondDeviceIdenticalAndEveryAckPresent() throws Exception {
        Path a = dir.resolve("a.db");
        Path remote = Files.createDirectories(dir.resolve("remote"));
        List<String> acked = new ArrayList<>();
        Set<String> deviceIds = new TreeSet<>();
        Random random = new Random();
        try (Db db = Db.open(a); SyncEngine engine = SyncEngine.builder().storage(SyncStorage.folder(remote)).build()) {
            db.migrate(Fixtures.MIGRATIONS);
            engine.sync(db);
            deviceIds.add(db.deviceId());
        }
        for (int round = 0; round < 3; round++) {
            try (ChildProcesses procs = new ChildProcesses(dir)) {
                List<Child> loops = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    loops.add(procs.start(a.toString(), remote.toString(), "loop", "r" + round + "p" + i));
                }
                Child sync = procs.start(a.toString(), remote.toString(), "sync");
                procs.release();
                // Killed only once every loop is at work: on a loaded machine a child JVM may take
                // seconds to start, and a kill before its first save proves nothing.
                Await.until("every loop's first save", Duration.ofSeconds(120),
                        () -> loops.stream().map(c -> c.lines("ACK ").size()).toList(), acks -> !acks.contains(0));
                // Then killed at random moments of their work: the attack is the timing. The moments are
                // counted in saves, not in time: on a loaded machine a second may hold no save at all,
                // and on an idle one a hundred, and either way only the work done between kills counts.
                awaitMoreSaves(loops, 5 + random.nextInt(25));
                // Each is killed wherever it is (mid-save, mid-sync, holding the sync lock), the last
                // after saving and syncing alone for a while; the single sync must still finish, and
                // every acknowledged save reach the second device.
                loops.get(0).kill9();
                awaitMoreSaves(loops.subList(1, 3), random.nextInt(5));
                loops.get(1).kill9();
                awaitMoreSaves(loops.subList(2, 3), 3 + random.nextInt(6));
                loops.get(2).kill9();
                for (Child c : loops) {
                    c.await();
                    acked.addAll(c.lines("ACK "));
                    assertEquals(List.of(), c.lines("SYNCFAIL "));
                }
                assertEquals(0, sync.await(), "the single sync finished: " + sync.lines());
                sync.lines("SYNCED ").forEach(l -> deviceIds.add(l.split(" ")[0]));
                assertEquals(List.of(), sync.lines("NOTE "));
            }
        }
        assertTrue(acked.size() > 10, "the loops saved something: " + acked.size());
        assertConverged(a, remote, acked, deviceIds);
    }

    @Test
    void sync_anotherProcessHoldsTheLockThenIsKilled_waitsReportingThenCompletes() throws Exception {
        Path a = dir.resolve("a.db");
        Path remote = Files.createDirectories(dir.resolve("remote"));
        try (ChildProcesses procs = new ChildProcesses(dir);
             Db db = Db.open(a); SyncEngine engine = SyncEngine.builder().storage(SyncStorage.folder(remote)).build()) {
            db.migrate(Fixtures.MIGRATIONS);
            String id = db.save(Item.of("waits its turn")).id();
            Child holder = procs.start(a.toString(), remote.toString(), "hold");
            procs.release();
            Await.until("the holder's report", Duration.ofSeconds(60), holder::lines,
                    all -> !holder.lines("HELD ").isEmpty());
            assertEquals(List.of("true"), holder.lines("HELD "), "the holder took the lock: " + holder.lines());
            List<Long> waits = new CopyOnWriteArrayList<>();
            AtomicLong killedAt = new AtomicLong();
            AtomicLong finishedAt = new AtomicLong();
            Thread killer = new Thread(() -> {
                try {
                    // The holder keeps the lock until the sync has said twice that it waits (about once a
                    // second): then it is killed, and the sync must take the lock the OS dropped.
                    Await.until("the sync to report waiting twice", Duration.ofSeconds(60),
                            () -> waits.size() >= 2 || finishedAt.get() != 0);
                } finally {
                    killedAt.set(System.nanoTime());
                    kill(holder);
                }
            });
            killer.start();
            SyncReport r = engine.sync(db, (phase, done, total) -> {
                if (phase.equals(SyncProgress.WAITING)) {
                    waits.add(done);
                }
            });
            finishedAt.set(System.nanoTime());
            killer.join();
            assertTrue(finishedAt.get() - killedAt.get() > 0,
                    "the sync waited until the holder was killed; it reported waiting " + waits);
            assertTrue(waits.size() >= 2 && waits.get(0) >= 900 && waits.get(1) >= 1900,
                    "waiting was reported about once a second: " + waits);
            assertEquals(1, r.pushed(), "the sync ran once the killed holder's lock was gone");
            try (Db b = Db.open(dir.resolve("b.db"))) {
                b.migrate(Fixtures.MIGRATIONS);
                engine.sync(b);
                assertTrue(b.get(Item.class, id).isPresent());
            }
        }
    }

    private static void kill(Child child) {
        try {
            child.kill9();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until {@code loops} have acknowledged {@code more} saves beyond what they had, or have all
     * ended (a loop only ends when it fails, which the assertions after the kills then show).
     */
    private static void awaitMoreSaves(List<Child> loops, int more) {
        int from = acks(loops);
        Await.until(more + " more saves", Duration.ofSeconds(60), () -> acks(loops),
                n -> n >= from + more || loops.stream().noneMatch(c -> c.process().isAlive()));
    }

    private static int acks(List<Child> children) {
        return children.stream().mapToInt(c -> c.lines("ACK ").size()).sum();
    }

    /**
     * A syncs twice more and a second device B syncs twice: both hold the same rows, every
     * acknowledged save, and the remote knows A under the one id it always had.
     */
    private void assertConverged(Path a, Path remote, List<String> acked, Set<String> deviceIds) {
        try (Db da = Db.open(a); Db b = Db.open(dir.resolve("b.db"));
             SyncEngine engine = SyncEngine.builder().storage(SyncStorage.folder(remote)).build()) {
            b.migrate(Fixtures.MIGRATIONS);
            for (int i = 0; i < 2; i++) {
                engine.sync(da);
                engine.sync(b);
            }
            assertEquals(Canonical.userTables(da), Canonical.userTables(b));
            Set<String> onB = new HashSet<>();
            b.query(Item.class, "SELECT * FROM item").forEach(it -> onB.add(it.id()));
            List<String> missing = acked.stream().filter(id -> !onB.contains(id)).toList();
            assertEquals(List.of(), missing, "acknowledged saves missing on the second device");
            deviceIds.add(da.deviceId());
            assertEquals(1, deviceIds.size(), "one profile synced under one device id: " + deviceIds);
            Set<String> onRemote = new TreeSet<>();
            for (String prefix : List.of("heads/", "batches/")) {
                for (String key : Remotes.names(SyncStorage.folder(remote), prefix)) {
                    onRemote.add(key.split("/")[1]);
                }
            }
            // B had nothing of its own to push.
            assertEquals(Set.of(deviceIds.iterator().next()), onRemote,
                    "the remote's heads and batches name A's one id only");
        }
    }
}
