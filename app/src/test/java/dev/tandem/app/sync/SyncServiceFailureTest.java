package dev.tandem.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.sync.SetAside;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.testing.Await;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SyncService when a sync fails: the plain error and its hint, backoff retries, offline stretches that
 * stay quiet, failures that need the user, and objects set aside.
 */
@Tag("unit")
class SyncServiceFailureTest extends SyncServiceFixture {
    @Test
    void failure_reportsPlainErrorWithHint_andRetriesWithBackoff() throws Exception {
        service = new SyncService(store.replica(), Clock.systemUTC(), new Random(1));
        List<SyncStatus> failures = new CopyOnWriteArrayList<>();
        service.addFailureListener(failures::add);
        FakeEngine engine = new FakeEngine();
        engine.failures = 1;
        engine.waiting = 4;
        service.configure(engine, Duration.ofMinutes(5));
        Await.until("state ERROR", () -> service.status(), st -> st.state() == SyncStatus.State.ERROR);
        SyncStatus s = service.status();
        assertEquals("Could not reach 127.0.0.1:1", s.error());
        assertEquals("Check the network connection and the server’s address.", s.hint(), "the hint in the user's words");
        assertEquals(4, s.pendingChanges(), "a failed sync still recounts");
        assertTrue(s.nextAttempt() != null);
        // The failure listeners hear of it just after the status is published.
        Await.until("the failure listener told", () -> failures.size(), n -> n == 1);
        // First retry after 1-2 s of backoff, then fine.
        Await.until("state IDLE, 2 calls", () -> service.status(),
                st -> st.state() == SyncStatus.State.IDLE && engine.calls.get() == 2);
    }

    @Test
    void failure_offlineRepeatedly_noNoticeAndOneFailureEvent() throws Exception {
        service = new SyncService(store.replica(), Clock.systemUTC(), new Random(1));
        List<SyncStatus> failures = new CopyOnWriteArrayList<>();
        List<SyncNotices.Notice> notices = new CopyOnWriteArrayList<>();
        service.addFailureListener(failures::add);
        service.addNoticeListener(notices::add);
        FakeEngine engine = new FakeEngine();
        engine.failures = 3;
        service.configure(engine, Duration.ofMinutes(5));
        Await.until("state ERROR", () -> service.status(), st -> st.state() == SyncStatus.State.ERROR);
        for (int i = 0; i < 2; i++) {
            int before = engine.calls.get();
            service.syncNow();
            Await.until("another of the calls, state not SYNCING", () -> service.status(),
                    st -> engine.calls.get() > before && st.state() != SyncStatus.State.SYNCING);
        }
        Await.until("3+ calls", () -> engine.calls.get() >= 3);
        assertEquals(1, failures.size(), "three identical failures, with syncing states between them, are one event");
        assertEquals(List.of(), notices, "being offline never pops up");
    }

    /** "Sync now" while offline tries at once and leaves the automatic retry where it was, never later. */
    @Test
    void syncNow_offlineRepeatedly_neverPushesTheAutomaticRetryLater() throws Exception {
        service = new SyncService(store.replica(), Clock.systemUTC(), new Random(1));
        FakeEngine engine = new FakeEngine();
        engine.failures = 100;
        service.configure(engine, Duration.ofMinutes(5));
        Await.until("state ERROR", () -> service.status(), st -> st.state() == SyncStatus.State.ERROR);
        Instant planned = service.status().nextAttempt();
        for (int i = 0; i < 3; i++) {
            int before = engine.calls.get();
            service.syncNow();
            Await.until("another of the calls, state ERROR", () -> service.status(),
                    st -> engine.calls.get() > before && st.state() == SyncStatus.State.ERROR);
        }
        SyncStatus after = service.status();
        Assumptions.assumeTrue(Instant.now().isBefore(planned),
                "the automatic retry came during the manual ones: nothing to compare");
        assertTrue(!after.nextAttempt().isAfter(planned), "planned " + planned + ", now " + after.nextAttempt());
        assertEquals(1, after.failures(), "manual tries do not lengthen the backoff");
    }

    @Test
    void failure_needsTheUser_oneNoticeForItsRetries() throws Exception {
        service = new SyncService(store.replica(), Clock.systemUTC(), new Random(1));
        List<SyncNotices.Notice> notices = new CopyOnWriteArrayList<>();
        service.addNoticeListener(notices::add);
        FakeEngine engine = new FakeEngine();
        engine.reason = SyncException.Reason.AUTH;
        engine.failures = 3;
        service.configure(engine, Duration.ofMinutes(5));
        Await.until("state ERROR", () -> service.status(), st -> st.state() == SyncStatus.State.ERROR);
        for (int i = 0; i < 2; i++) {
            int before = engine.calls.get();
            service.syncNow();
            Await.until("another of the calls, state not SYNCING", () -> service.status(),
                    st -> engine.calls.get() > before && st.state() != SyncStatus.State.SYNCING);
        }
        assertEquals(1, notices.size(), "" + notices);
        assertEquals("Sign-in refused", notices.get(0).title());
    }

    @Test
    void failure_objectsSetAside_statusListsThemWithoutASuccess() throws Exception {
        service = new SyncService(store.replica(), Clock.systemUTC(), new Random(1));
        FakeEngine engine = new FakeEngine();
        engine.failures = 1;
        engine.gate = new CountDownLatch(1);
        service.configure(engine, Duration.ofMinutes(5));
        Await.until("state SYNCING", () -> service.status(), st -> st.state() == SyncStatus.State.SYNCING);
        SetAside rotten = new SetAside("batches/d/000000000002", "fails its checksum", Instant.EPOCH, 1);
        engine.setAside = List.of(rotten);
        engine.gate.countDown();
        Await.until("state ERROR", () -> service.status(), st -> st.state() == SyncStatus.State.ERROR);
        assertEquals(List.of(rotten), service.status().unread());
    }
}
