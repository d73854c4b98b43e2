package dev.tandem.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.TodoStore;
import dev.tandem.app.sync.SyncServiceTest.FakeEngine;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SyncException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Live sync: cheap checks at a pace that depends on focus, a full sync only when one says so. */
class SyncServicePacingTest {
    private static final Duration LONG = Duration.ofHours(1);

    private final Db db = Db.openMemory();
    /** The store over {@code db}, whose replica the service syncs. */
    private final TodoStore store = new TodoStore(db, Clock.systemUTC());
    private final FakeEngine engine = new FakeEngine();
    private SyncService service;

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
        db.close();
    }

    private static void await(BooleanSupplier c) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (!c.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(5);
        }
    }

    private void start(Pacing pacing) throws InterruptedException {
        service = new SyncService(store.replica(), Clock.systemUTC(), new Random(1));
        service.configure(engine, LONG, pacing);
        await(() -> engine.calls.get() == 1 && service.status().state() == SyncStatus.State.IDLE);
    }

    @Test
    void check_focusedAndRemoteChanged_syncsWithoutWaitingForTheInterval() throws Exception {
        start(new Pacing(Duration.ofMillis(50), LONG));
        await(() -> engine.checks.get() >= 3);
        assertEquals(1, engine.calls.get(), "nothing new: checks only, no sync");
        engine.changed = true;
        await(() -> engine.calls.get() >= 2);
        engine.changed = false;
    }

    @Test
    void check_nothingNew_refreshesLastSuccessWithoutSyncing() throws Exception {
        start(new Pacing(Duration.ofMillis(50), LONG));
        Instant first = service.status().lastSuccess();
        assertNotNull(first);
        await(() -> service.status().lastSuccess().isAfter(first));
        assertEquals(1, engine.calls.get());
    }

    @Test
    void setFocused_false_checksAtTheBackgroundPace() throws Exception {
        start(new Pacing(Duration.ofMillis(20), LONG));
        await(() -> engine.checks.get() >= 2);
        service.setFocused(false);
        Thread.sleep(100);
        int unfocused = engine.checks.get();
        Thread.sleep(300);
        assertEquals(unfocused, engine.checks.get(), "no checks while unfocused and within the background step");
    }

    @Test
    void setFocused_regained_checksAtOnce() throws Exception {
        start(new Pacing(LONG, LONG));
        service.setFocused(false);
        Thread.sleep(50);
        assertEquals(0, engine.checks.get());
        engine.changed = true;
        service.setFocused(true);
        await(() -> engine.checks.get() == 1 && engine.calls.get() == 2);
    }

    @Test
    void watchRemote_callsBack_checksAtOnce() throws Exception {
        start(new Pacing(LONG, LONG));
        await(() -> engine.watcher != null);
        engine.changed = true;
        engine.watcher.run();
        await(() -> engine.checks.get() == 1 && engine.calls.get() == 2);
    }

    @Test
    void close_stopsWatchingAndChecking() throws Exception {
        start(new Pacing(Duration.ofMillis(20), LONG));
        await(() -> engine.watcher != null && engine.checks.get() >= 1);
        service.close();
        await(() -> engine.watcher == null);
        int after = engine.checks.get();
        Thread.sleep(200);
        assertEquals(after, engine.checks.get());
        assertNull(engine.watcher);
        service = null;
    }

    @Test
    void requestsSoFar_countsChecksAndSyncs() throws Exception {
        start(new Pacing(Duration.ofMillis(20), LONG));
        await(() -> engine.checks.get() >= 2);
        assertTrue(service.requestsSoFar() >= 3);
    }

    @Test
    void check_remoteUnreachable_fullSyncSaysSoAtOnce() throws Exception {
        start(new Pacing(Duration.ofMillis(50), LONG));
        engine.failures = 1;
        engine.checkFails = true;
        await(() -> service.status().state() == SyncStatus.State.ERROR);
        assertEquals(2, engine.calls.get(), "one full sync, not one per failing check");
        assertEquals(SyncException.Reason.UNREACHABLE, service.status().reason());
        int checks = engine.checks.get();
        await(() -> engine.checks.get() >= checks + 3);
        assertEquals(2, engine.calls.get(), "while it fails, checks do not start more syncs than the backoff allows");
    }

    @Test
    void check_remoteBackAfterUnreachable_syncsBeforeTheBackoffEnds() throws Exception {
        start(new Pacing(Duration.ofMillis(50), LONG));
        engine.failures = 1;
        engine.checkFails = true;
        await(() -> service.status().state() == SyncStatus.State.ERROR);
        Instant retry = service.status().nextAttempt();
        assertTrue(retry != null && retry.isAfter(Instant.now().plusMillis(500)), "the backoff waits: " + retry);
        engine.checkFails = false;
        await(() -> service.status().state() == SyncStatus.State.IDLE);
        assertTrue(Instant.now().isBefore(retry), "synced as soon as a check reached the remote again");
    }
}
