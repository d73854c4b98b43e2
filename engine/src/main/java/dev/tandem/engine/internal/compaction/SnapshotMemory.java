package dev.tandem.engine.internal.compaction;

import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.changelog.MetaTable;
import dev.tandem.engine.internal.snapshot.SnapshotPolicy;
import dev.tandem.engine.internal.wire.Snapshot.Manifest;

/**
 * What this database remembers of one remote's snapshots, cleanup and acks, as numbers in {@code
 * _tandem_meta} under {@code name:remote}: the batches the newest known snapshot covers, the volume
 * past it and its size (what {@link SnapshotPolicy} weighs), and the clocks of the weekly checks.
 * Kept locally, so deciding whether anything is due costs no request. Both the bootstrap (which
 * applies snapshots) and {@link Compaction} (which writes them) keep it current.
 */
public final class SnapshotMemory {
    private final SyncPort db;
    private final String remote;

    public SnapshotMemory(SyncPort db, String remote) {
        this.db = db;
        this.remote = remote;
    }

    /**
     * Notes the newest snapshot known; true when it is newer than the one known before. The volume
     * keeps the share of it that lies past the newer snapshot, estimated from the {@code total}
     * batches on the remote ({@link SnapshotPolicy#volumeAfter}); with {@code total} -1 (a snapshot
     * this database applied or wrote itself) nothing lies past it.
     */
    public boolean remember(Manifest m, long total) {
        long cover = m.cursors().values().stream().mapToLong(Long::longValue).sum();
        long before = get("snapshot_cover");
        if (cover <= before) {
            return false;
        }
        set("snapshot_cover", cover);
        set("snapshot_volume", total < 0 ? 0 : SnapshotPolicy.volumeAfter(get("snapshot_volume"), total, before, cover));
        set("snapshot_size", m.changes());
        return true;
    }

    /** The number kept as {@code name} for this remote, 0 when none is. */
    public long get(String name) {
        return db.read(c -> MetaTable.number(c, name + ":" + remote));
    }

    public void set(String name, long value) {
        db.write("Recording " + name, s -> {
            MetaTable.put(s.sql(), name + ":" + remote, value);
            return null;
        });
    }
}
