package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.compaction.Compaction;
import dev.tandem.engine.sync.CompactionReport;
import dev.tandem.engine.sync.SetAside;
import dev.tandem.engine.sync.SyncReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the attempts of one {@link DefaultSyncEngine} run did, added up, and the report it ends in. A run
 * is one attempt, or two when the first finds its device id taken ({@link NewDeviceId}): the second's
 * counts add to the first's, so the report says all that moved.
 */
final class RunTally {
    int pushed;
    int pulled;
    int merged;
    int conflicts;
    int skipped;
    /** New device ids this run took: at most one ({@link NewDeviceId#take}). */
    int newIds;
    final List<String> warnings = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    /** Adds one attempt; {@code result} is null for one cut short by {@link dev.tandem.engine.internal.sync.device.DeviceIdTaken}. */
    void add(DbChangelog local, SnapshotBootstrap snapshots, Synchronizer.Result result) {
        pushed += local.pushed;
        pulled += local.pulled + snapshots.pulled;
        merged += local.merged + snapshots.merged;
        conflicts += local.conflicts + snapshots.conflicts;
        skipped += local.skipped;
        if (result != null) {
            warnings.addAll(result.problems());
            notes.addAll(result.notes());
        }
        notes.addAll(local.notes());
        notes.addAll(snapshots.warnings);
    }

    /**
     * The run's report: its counts, the requests and bytes between the storage counter's {@code before} and
     * {@code after} ({@link CountingStorage#snapshot}), the time since {@code startedNanos}, and what the
     * last attempt's compaction did.
     */
    CompactionReport report(long[] before, long[] after, long startedNanos, List<SetAside> setAside,
                            Compaction compacted) {
        SyncReport report = new SyncReport(pushed, pulled, merged, conflicts,
                (int) (after[0] - before[0]), after[1] - before[1], after[2] - before[2],
                skipped, Duration.ofNanos(System.nanoTime() - startedNanos), warnings, notes, setAside);
        return new CompactionReport(report, compacted.snapshotWritten(), compacted.deletedBatches(),
                compacted.deletedSnapshots(), compacted.forgottenDeleted());
    }
}
