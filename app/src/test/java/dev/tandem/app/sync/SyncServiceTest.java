package dev.tandem.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SetAside;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class SyncServiceTest extends SyncServiceFixture {
    @Test
    void configure_engine_syncsAtOnceAndGoesIdle() throws Exception {
        service = new SyncService(store.replica(), Clock.systemUTC(), new Random(1));
        FakeEngine engine = new FakeEngine();
        service.configure(engine, Duration.ofMinutes(5));
        Await.until("state IDLE, a success", () -> service.status(),
                st -> st.state() == SyncStatus.State.IDLE && st.lastSuccess() != null);
        assertEquals(1, engine.calls.get());
        assertEquals("fake", service.status().remote());
    }

    @Test
    void localChange_debounced_syncsOnceForABurst() throws Exception {
        service = new SyncService(store.replica(), Clock.systemUTC(), new Random(1));
        service.setDebounce(Duration.ofMillis(200));
        FakeEngine engine = new FakeEngine();
        service.configure(engine, Duration.ofMinutes(5));
        Await.until("1 call, state IDLE", () -> service.status(),
                st -> engine.calls.get() == 1 && st.state() == SyncStatus.State.IDLE);
        engine.waiting = 5;
        for (int i = 0; i < 5; i++) {
            service.localChange();
        }
        Await.until("5 pending", () -> service.status(), st -> st.pendingChanges() == 5);
        Await.until("2 calls, 0 pending", () -> service.status(),
                st -> engine.calls.get() == 2 && st.pendingChanges() == 0);
        Await.quietFor(Duration.ofMillis(400), "a second sync for the burst would start within it (debounce 200 ms)");
        assertEquals(2, engine.calls.get(), "one sync for the burst");
    }

    @Test
    void syncNow_whileSyncing_neverOverlaps() throws Exception {
        service = new SyncService(store.replica(), Clock.systemUTC(), new Random(1));
        FakeEngine engine = new FakeEngine();
        engine.sleepMs = 300;
        service.setDebounce(Duration.ofMillis(50));
        service.configure(engine, Duration.ofMinutes(5));
        Await.until("a sync running", () -> engine.running.get() == 1);
        // Requests while a sync runs wait for it, then lead to one more sync, never a parallel one.
        for (int i = 0; i < 5; i++) {
            service.syncNow();
            service.localChange();
        }
        Await.until("2+ calls", () -> engine.calls.get() >= 2);
        Await.quietFor(Duration.ofMillis(700), "a parallel or a third sync would run within it (each takes 300 ms)");
        assertEquals(1, engine.maxRunning);
        assertEquals(2, engine.calls.get());
    }

    @Test
    void configure_null_turnsSyncOffWithNothingWaiting() throws Exception {
        service = new SyncService(store.replica(), Clock.systemUTC(), new Random(1));
        FakeEngine engine = new FakeEngine();
        engine.failures = 1;
        engine.waiting = 2;
        service.configure(engine, Duration.ofMinutes(5));
        Await.until("state ERROR, 2 pending", () -> service.status(),
                st -> st.state() == SyncStatus.State.ERROR && st.pendingChanges() == 2);
        service.configure(null, Duration.ofSeconds(30));
        service.localChange();
        Await.until("state OFF", () -> service.status(), st -> st.state() == SyncStatus.State.OFF);
        Await.quietFor(Duration.ofMillis(100), "a late count of the change would land within it");
        assertEquals(0, service.status().pendingChanges(), "no remote, so nothing waits for one");
    }

    @Test
    void localChange_afterEdits_countComesFromEngineOffTheCallerThread() throws Exception {
        service = new SyncService(store.replica(), Clock.systemUTC(), new Random(1));
        service.setDebounce(Duration.ofMinutes(5));
        FakeEngine engine = new FakeEngine();
        service.configure(engine, Duration.ofMinutes(5));
        Await.until("1 call, state IDLE", () -> service.status(),
                st -> engine.calls.get() == 1 && st.state() == SyncStatus.State.IDLE);
        // Two edits announced, seven changes the remote lacks (e.g. from the CLI): the engine is right.
        engine.waiting = 7;
        service.localChange();
        service.localChange();
        Await.until("7 pending", () -> service.status(), st -> st.pendingChanges() == 7);
        assertTrue(engine.countThreads.stream().allMatch("tandem-sync"::equals), engine.countThreads.toString());
    }

    @Test
    void localChange_realEngine_countsSavesUntilPushed() throws Exception {
        TodoStore store = new TodoStore(db, Clock.systemUTC());
        service = new SyncService(store.replica(), Clock.systemUTC(), new Random(1));
        service.setDebounce(Duration.ofMinutes(5));
        service.configure(SyncEngine.builder().inMemory().build(), Duration.ofMinutes(5));
        Await.until("a success, state IDLE", () -> service.status(),
                st -> st.lastSuccess() != null && st.state() == SyncStatus.State.IDLE);
        assertEquals(0, service.status().pendingChanges());
        store.add("one", null, null);
        store.add("two", null, null);
        store.add("three", null, null);
        Await.until("3 pending", () -> service.status(), st -> st.pendingChanges() == 3);
        service.syncNow();
        Await.until("0 pending, 3 pushed", () -> service.status(),
                st -> st.pendingChanges() == 0 && st.lastReport().pushed() == 3);
    }

    @Test
    void localCommit_writtenPastTheStore_isPushedWithoutACall() throws Exception {
        new TodoStore(db, Clock.systemUTC());
        service = new SyncService(store.replica(), Clock.systemUTC(), new Random(1));
        service.setDebounce(Duration.ofMillis(50));
        service.configure(SyncEngine.builder().inMemory().build(), Duration.ofHours(1));
        Await.until("a success, state IDLE", () -> service.status(),
                st -> st.lastSuccess() != null && st.state() == SyncStatus.State.IDLE);
        // Straight to the database, as an importer or a view's "Use lost value" might write.
        db.transaction(tx -> tx.save(Item.create("written past the store", null, null, 1L)));
        Await.until("1 pushed, 0 pending", () -> service.status(),
                st -> st.lastReport().pushed() == 1 && st.pendingChanges() == 0);
    }

    @Test
    void sync_pullsAnotherDevicesChanges_theMergeStartsNoFurtherSync(@TempDir Path tmp) throws Exception {
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        new TodoStore(db, Clock.systemUTC());
        try (Db other = Db.openMemory(); TodoStore theirs = new TodoStore(other, Clock.systemUTC());
             SyncEngine engine = SyncEngine.builder().folder(remote).build()) {
            theirs.add("from another device", null, null);
            engine.sync(other);
            // This database has read from the remote before (and acked, which a first read does),
            // so the service's sync below writes nothing to the remote: only a merge is left to
            // start a further sync, which it must not.
            engine.sync(db);
            theirs.add("later, from another device", null, null);
            engine.sync(other);
        }
        service = new SyncService(store.replica(), Clock.systemUTC(), new Random(1));
        service.setDebounce(Duration.ofMillis(20));
        AtomicInteger syncs = new AtomicInteger();
        service.addListener(s -> {
            if (s.state() == SyncStatus.State.SYNCING && "starting".equals(s.phase())) {
                syncs.incrementAndGet();
            }
        });
        service.configure(SyncEngine.builder().folder(remote).build(), Duration.ofHours(1));
        Await.until("state IDLE, a report", () -> service.status(),
                st -> st.state() == SyncStatus.State.IDLE && st.lastReport() != null);
        assertTrue(service.status().lastReport().pulled() > 0, "the other device's todo was merged");
        Await.quietFor(Duration.ofMillis(300),
                "a sync that the merge's commit started would begin within it (debounce 20 ms)");
        assertEquals(1, syncs.get(), "the commit of a merge is no local write, or every sync would start the next");
    }

    @Test
    void configure_objectsSetAsideEarlier_inTheStatusBeforeTheFirstSyncEnds() throws Exception {
        service = new SyncService(store.replica(), Clock.systemUTC(), new Random(1));
        FakeEngine engine = new FakeEngine();
        SetAside rotten = new SetAside("batches/d/000000000002", "fails its checksum", Instant.EPOCH, 3);
        engine.setAside = List.of(rotten);
        engine.gate = new CountDownLatch(1);
        service.configure(engine, Duration.ofMinutes(5));
        Await.until("state SYNCING", () -> service.status(), st -> st.state() == SyncStatus.State.SYNCING);
        assertEquals(List.of(rotten), service.status().unread(), "read from the database, not from a sync");
        assertEquals(List.of("tandem-sync"), engine.setAsideThreads, "read once, off the caller's thread");
        engine.setAside = List.of();
        engine.gate.countDown();
        Await.until("state IDLE, a success", () -> service.status(),
                st -> st.state() == SyncStatus.State.IDLE && st.lastSuccess() != null);
        assertEquals(List.of(), service.status().unread(), "read again, the warning goes");
    }

    @Test
    void sync_copiedProfile_statusNamesTheNewDeviceIdForOneSync(@TempDir Path tmp) throws Exception {
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        Path original = Files.createDirectories(tmp.resolve("original")).resolve(Device.DB_FILE);
        Path copy = Files.createDirectories(tmp.resolve("copy")).resolve(Device.DB_FILE);
        String oldId;
        try (Db a = Db.open(original); TodoStore store = new TodoStore(a, Clock.systemUTC());
             SyncEngine engine = SyncEngine.builder().folder(remote).build()) {
            store.add("before the copy", null, null);
            engine.sync(a);
            oldId = a.deviceId();
        }
        Files.copy(original, copy);
        try (Db a = Db.open(original); TodoStore store = new TodoStore(a, Clock.systemUTC());
             SyncEngine engine = SyncEngine.builder().folder(remote).build()) {
            store.add("on the original", null, null);
            engine.sync(a);
        }
        try (Db c = Db.open(copy); TodoStore store = new TodoStore(c, Clock.systemUTC())) {
            store.add("on the copy", null, null);
            service = new SyncService(store.replica(), Clock.systemUTC(), new Random(1));
            service.configure(SyncEngine.builder().folder(remote).build(), Duration.ofMinutes(5));
            Await.until("state IDLE, a success", () -> service.status(),
                    st -> st.state() == SyncStatus.State.IDLE && st.lastSuccess() != null);
            assertNotEquals(oldId, c.deviceId());
            assertEquals(c.deviceId(), service.status().newDeviceId());
            Instant first = service.status().lastSuccess();
            service.syncNow();
            Await.until("state IDLE, a newer success", () -> service.status(),
                    st -> st.state() == SyncStatus.State.IDLE && st.lastSuccess().isAfter(first));
            assertNull(service.status().newDeviceId(), "said once");
            service.close();
            service = null;
        }
    }
}
