package dev.tandem.engine.internal.sync;

import dev.tandem.engine.Db;
import dev.tandem.engine.internal.DefaultDb;
import dev.tandem.engine.internal.storage.StorageProbe;
import dev.tandem.engine.sync.CompactionReport;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncProgress;
import dev.tandem.engine.sync.SyncReport;
import dev.tandem.engine.sync.SyncStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wires a database, the storage stack and the {@link Synchronizer}. Syncs through one engine run
 * one at a time, which keeps request counts per sync exact and two syncs of one database apart.
 */
public final class DefaultSyncEngine implements SyncEngine {
    /** Changes per batch: large enough that a sync costs a handful of requests, small enough to stay
     * far below the object size limit with long notes. */
    public static final int BATCH_CAP = 5000;
    /** Remote batches past the newest snapshot before a sync writes a new one (and cleans up). */
    public static final int SNAPSHOT_EVERY = 200;

    private final SyncStorage storage;
    private final CountingStorage counter;
    private final String remoteId;
    private final ReentrantLock lock = new ReentrantLock();
    private final int snapshotEvery;

    public DefaultSyncEngine(SyncStorage storage, CountingStorage counter, String remoteId) {
        this(storage, counter, remoteId, SNAPSHOT_EVERY);
    }

    public DefaultSyncEngine(SyncStorage storage, CountingStorage counter, String remoteId, int snapshotEvery) {
        this.storage = storage;
        this.counter = counter;
        this.remoteId = remoteId;
        this.snapshotEvery = snapshotEvery;
    }

    @Override
    public SyncReport sync(Db db, SyncProgress progress) {
        return run(db, progress, false).sync();
    }

    @Override
    public CompactionReport compact(Db db) {
        return run(db, SyncProgress.NONE, true);
    }

    @Override
    public long pendingChanges(Db db) {
        // No lock: a read sees the last commit, and a running sync commits each push in one step.
        return PushBacklog.count(internal(db), remoteId);
    }

    private static DefaultDb internal(Db db) {
        if (!(db instanceof DefaultDb d)) {
            throw new IllegalArgumentException("db: must be a database opened with Db.open or Db.builder()");
        }
        return d;
    }

    private CompactionReport run(Db db, SyncProgress progress, boolean force) {
        DefaultDb d = internal(db);
        lock.lock();
        try {
            long started = System.nanoTime();
            long[] before = counter.snapshot();
            DbChangelog local = new DbChangelog(d, remoteId, BATCH_CAP);
            RemoteChangelog remote = new RemoteChangelog(storage, d.deviceUuid());
            Compaction snapshots = new Compaction(d, remoteId, new SnapshotStore(storage), snapshotEvery, force);
            Synchronizer.Result result = Synchronizer.sync(local, remote, d.deviceUuid(),
                    progress == null ? SyncProgress.NONE : progress, snapshots);
            long[] after = counter.snapshot();
            List<String> warnings = new ArrayList<>(result.problems());
            warnings.addAll(local.notes());
            warnings.addAll(snapshots.warnings);
            SyncReport report = new SyncReport(local.pushed, local.pulled + snapshots.pulled,
                    local.merged + snapshots.merged, local.conflicts + snapshots.conflicts,
                    (int) (after[0] - before[0]), after[1] - before[1], after[2] - before[2],
                    local.skipped, Duration.ofNanos(System.nanoTime() - started), warnings);
            return new CompactionReport(report, snapshots.snapshotWritten, snapshots.deletedBatches,
                    snapshots.deletedSnapshots);
        } finally {
            lock.unlock();
        }
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
