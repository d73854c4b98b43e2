package dev.tandem.engine.internal.sync;

import dev.tandem.engine.Db;
import dev.tandem.engine.internal.DefaultDb;
import dev.tandem.engine.internal.storage.StorageProbe;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncProgress;
import dev.tandem.engine.sync.SyncReport;
import dev.tandem.engine.sync.SyncStorage;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wires a database, the storage stack and the {@link Synchronizer}. Syncs through one engine run
 * one at a time, which keeps request counts per sync exact and two syncs of one database apart.
 */
public final class DefaultSyncEngine implements SyncEngine {
    /** Changes per batch: large enough that a sync costs a handful of requests, small enough to stay
     * far below the object size limit with long notes. */
    public static final int BATCH_CAP = 5000;

    private final SyncStorage storage;
    private final CountingStorage counter;
    private final String remoteId;
    private final ReentrantLock lock = new ReentrantLock();

    public DefaultSyncEngine(SyncStorage storage, CountingStorage counter, String remoteId) {
        this.storage = storage;
        this.counter = counter;
        this.remoteId = remoteId;
    }

    @Override
    public SyncReport sync(Db db, SyncProgress progress) {
        if (!(db instanceof DefaultDb)) {
            throw new IllegalArgumentException("db: must be a database opened with Db.open or Db.builder()");
        }
        DefaultDb d = (DefaultDb) db;
        lock.lock();
        try {
            long started = System.nanoTime();
            long[] before = counter.snapshot();
            DbChangelog local = new DbChangelog(d, remoteId, BATCH_CAP);
            RemoteChangelog remote = new RemoteChangelog(storage, d.deviceUuid());
            Synchronizer.Result result = Synchronizer.sync(local, remote, d.deviceUuid(),
                    progress == null ? SyncProgress.NONE : progress);
            long[] after = counter.snapshot();
            return new SyncReport(local.pushed, local.pulled, local.merged, local.conflicts,
                    (int) (after[0] - before[0]), after[1] - before[1], after[2] - before[2],
                    local.skipped, Duration.ofNanos(System.nanoTime() - started), warnings(result, local));
        } finally {
            lock.unlock();
        }
    }

    private static java.util.List<String> warnings(Synchronizer.Result result, DbChangelog local) {
        java.util.List<String> warnings = new java.util.ArrayList<>(result.problems());
        warnings.addAll(local.notes());
        return warnings;
    }

    @Override
    public ConnectionCheck check() {
        return StorageProbe.run(storage);
    }

    @Override
    public String describe() {
        return remoteId;
    }

    @Override
    public void close() {
        storage.close();
    }
}
