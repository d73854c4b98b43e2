package dev.tandem.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.TodoStore;
import dev.tandem.app.sync.SyncServiceFixture.FakeEngine;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.testing.Await;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Live sync: cheap checks at a pace that depends on focus, a full sync only when one says so. */
@Tag("unit")
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

    private void start(Pacing pacing) {
        service = new SyncService(store.replica(), Clock.systemUTC(), new Random(1));
        service.configure(engine, LONG, pacing);
        Await.until("1 call, state IDLE", () -> service.status(),
                st -> engine.calls.get() == 1 && st.state() == SyncStatus.State.IDLE);
    }

    @Test
    void check_focusedAndRemoteChanged_syncsWithoutWaitingForTheInterval() throws Exception {
        start(new Pacing(Duration.ofMillis(50), LONG));
        Await.until("3+ checks", () -> engine.checks.get() >= 3);
        assertEquals(1, engine.calls.get(), "nothing new: checks only, no sync");
        engine.changed = true;
        Await.until("2+ calls", () -> engine.calls.get() >= 2);
        engine.changed = false;
    }

    @Test
    void check_nothingNew_refreshesLastSuccessWithoutSyncing() throws Exception {
        start(new Pacing(Duration.ofMillis(50), LONG));
        Instant first = service.status().lastSuccess();
        assertNotNull(first);
        Await.until("a newer success", () -> service.status(), st -> st.lastSuccess().isAfter(first));
        assertEquals(1, engine.calls.get());
    }

    @Test
    void setFocused_false_checksAtTheBackgroundPace() throws Exception {
        start(new Pacing(Duration.ofMillis(20), LONG));
        Await.until("2+ checks", () -> engine.checks.get() >= 2);
        service.setFocused(false);
        Await.quietFor(Duration.ofMillis(100), "a check under way when the focus left ends within it");
        int unfocused = engine.checks.get();
        Await.quietFor(Duration.ofMillis(300), "the focused pace (20 ms) would check many times within it");
        assertEquals(unfocused, engine.checks.get(), "no checks while unfocused and within the background step");
    }

    @Test
    void setFocused_regained_checksAtOnce() throws Exception {
        start(new Pacing(LONG, LONG));
        service.setFocused(false);
        Await.quietFor(Duration.ofMillis(50), "a check that ignored the lost focus would run within it");
        assertEquals(0, engine.checks.get());
        engine.changed = true;
        service.setFocused(true);
        Await.until("1 check, 2 calls", () -> engine.checks.get() == 1 && engine.calls.get() == 2);
    }

    @Test
    void watchRemote_callsBack_checksAtOnce() throws Exception {
        start(new Pacing(LONG, LONG));
        Await.until("a watcher", () -> engine.watcher != null);
        engine.changed = true;
        engine.watcher.run();
        Await.until("1 check, 2 calls", () -> engine.checks.get() == 1 && engine.calls.get() == 2);
    }

    @Test
    void close_stopsWatchingAndChecking() throws Exception {
        start(new Pacing(Duration.ofMillis(20), LONG));
        Await.until("a watcher, 1+ checks", () -> engine.watcher != null && engine.checks.get() >= 1);
        service.close();
        Await.until("no watcher", () -> engine.watcher == null);
        int after = engine.checks.get();
        Await.quietFor(Duration.ofMillis(200), "a service still running would check ten times within it (20 ms pace)");
        assertEquals(after, engine.checks.get());
        assertNull(engine.watcher);
        service = null;
    }

    @Test
    void requestsSoFar_countsChecksAndSyncs() throws Exception {
        start(new Pacing(Duration.ofMillis(20), LONG));
        Await.until("2+ checks", () -> engine.checks.get() >= 2);
        assertTrue(service.requestsSoFar() >= 3);
    }

    @Test
    void check_remoteUnreachable_fullSyncSaysSoAtOnce() throws Exception {
        start(new Pacing(Duration.ofMillis(50), LONG));
        engine.failures = 1;
        engine.checkFails = true;
        Await.until("state ERROR", () -> service.status(), st -> st.state() == SyncStatus.State.ERROR);
        assertEquals(2, engine.calls.get(), "one full sync, not one per failing check");
        assertEquals(SyncException.Reason.UNREACHABLE, service.status().reason());
        int checks = engine.checks.get();
        Await.until("3 more checks", () -> engine.checks.get() >= checks + 3);
        assertEquals(2, engine.calls.get(), "while it fails, checks do not start more syncs than the backoff allows");
    }

    @Test
    void check_remoteBackAfterUnreachable_syncsBeforeTheBackoffEnds() throws Exception {
        start(new Pacing(Duration.ofMillis(50), LONG));
        engine.failures = 1;
        engine.checkFails = true;
        Await.until("state ERROR", () -> service.status(), st -> st.state() == SyncStatus.State.ERROR);
        Instant retry = service.status().nextAttempt();
        assertTrue(retry != null && retry.isAfter(Instant.now().plusMillis(500)), "the backoff waits: " + retry);
        engine.checkFails = false;
        Await.until("state IDLE", () -> service.status(), st -> st.state() == SyncStatus.State.IDLE);
        assertTrue(Instant.now().isBefore(retry), "synced as soon as a check reached the remote again");
    }
}
