package dev.tandem.app.sync;


import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.CompactionReport;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.RemoteDevice;
import dev.tandem.engine.sync.SetAside;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncProgress;
import dev.tandem.engine.sync.SyncReport;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

/**
 * What the SyncService tests share: a store on an in-memory database, the service under test, and a
 * fake engine that counts syncs and fails on demand.
 */
abstract class SyncServiceFixture {
    final Db db = Db.openMemory();
    /** The store over {@code db}, whose replica the service syncs. */
    final TodoStore store = new TodoStore(db, Clock.systemUTC());
    SyncService service;

    /** A scripted engine: fails the first {@code failures} syncs, records concurrency. */
    static final class FakeEngine implements SyncEngine {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger checks = new AtomicInteger();
        volatile boolean changed;
        volatile boolean checkFails;
        /** What {@link #watchRemote} was given, until the service closes the watch. */
        volatile Runnable watcher;
        final AtomicInteger running = new AtomicInteger();
        volatile int maxRunning;
        volatile int failures;
        volatile SyncException.Reason reason = SyncException.Reason.UNREACHABLE;
        volatile long sleepMs;
        /** What the remote lacks: what {@link #pendingChanges} says, cleared by a successful sync. */
        volatile long waiting;
        final List<String> countThreads = new CopyOnWriteArrayList<>();
        /** What this database set aside in earlier syncs: {@link #setAside} and every report list it. */
        volatile List<SetAside> setAside = List.of();
        final List<String> setAsideThreads = new CopyOnWriteArrayList<>();
        /** When set, a sync waits for it to open. */
        volatile CountDownLatch gate;

        @Override
        public SyncReport sync(Db d, SyncProgress progress) {
            int now = running.incrementAndGet();
            maxRunning = Math.max(maxRunning, now);
            try {
                calls.incrementAndGet();
                progress.onProgress("pull", 1, 2);
                if (gate != null && !gate.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
                if (sleepMs > 0) {
                    Thread.sleep(sleepMs);
                }
                if (failures > 0) {
                    failures--;
                    throw new SyncException(reason, "Could not reach 127.0.0.1:1");
                }
                waiting = 0;
                return new SyncReport(0, 0, 0, 0, 1, 0, 0, 0, Duration.ZERO, List.of(), List.of(), setAside);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public CompactionReport compact(Db d, SyncProgress progress) {
            return new CompactionReport(sync(d, progress), false, 0, 0, 0);
        }

        @Override
        public long pendingChanges(Db d) {
            countThreads.add(Thread.currentThread().getName());
            return waiting;
        }

        @Override
        public List<SetAside> setAside(Db d) {
            setAsideThreads.add(Thread.currentThread().getName());
            return setAside;
        }

        @Override
        public List<RemoteDevice> devices(Db d) {
            return List.of();
        }

        @Override
        public boolean forget(Db d, UUID device) {
            throw new UnsupportedOperationException("not used by these tests");
        }

        @Override
        public boolean remoteChanged() {
            checks.incrementAndGet();
            if (checkFails) {
                throw new SyncException(SyncException.Reason.UNREACHABLE, "Could not reach 127.0.0.1:1");
            }
            return changed;
        }

        @Override
        public AutoCloseable watchRemote(Runnable onChange) {
            watcher = onChange;
            return () -> watcher = null;
        }

        @Override
        public long requestsSoFar() {
            return calls.get() + checks.get();
        }

        @Override
        public ConnectionCheck check() {
            return new ConnectionCheck(List.of());
        }

        @Override
        public String describe() {
            return "fake";
        }

        @Override
        public void close() {
        }
    }

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
        db.close();
    }
}
