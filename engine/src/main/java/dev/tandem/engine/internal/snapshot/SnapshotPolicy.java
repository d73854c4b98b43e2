package dev.tandem.engine.internal.snapshot;

/**
 * When a sync writes a snapshot by itself (docs/SYNC_FORMAT.md, "Snapshots"): once {@code every}
 * batches lie past the newest snapshot, or once the changes past it reach {@code changes} and a
 * {@link #SIZE_SHARE}th of that snapshot's size.
 *
 * <p>Why both: batches undercount, as 200 batches may hold 200 changes or a million. The volume
 * bounds what a new device replays after the snapshot (about {@code changes}, or a quarter of the
 * snapshot), which is what makes it slow: a snapshot loads in bulk, a batch change by change.
 * Why the share: writing a snapshot reads and uploads the whole state, so a state of S changes is
 * rewritten by volume at most once per S / 4 changes, about four snapshot entries per change.
 *
 * <p>The volume is what this database merged and pushed since the newest snapshot it knows of
 * ({@link dev.tandem.engine.internal.changelog.SyncState#addVolume}), kept locally, so the check
 * costs no request. Another device's newer snapshot is learned only when this one lists them; the
 * volume then keeps the share of it that lies past the newer snapshot, estimated by batches
 * ({@link #volumeAfter}), so devices taking turns do not each write one for the same changes.
 */
public record SnapshotPolicy(int every, int changes) {
    static final int SIZE_SHARE = 4;

    /**
     * Whether a snapshot is due, given the batches and the changes past the newest one known and
     * that snapshot's size in changes (0 when none is known). {@code every} 0 turns the policy
     * off; {@code changes} 0 leaves only the batch count.
     */
    public boolean due(long batches, long volume, long snapshotSize) {
        if (every <= 0) {
            return false;
        }
        return batches >= every || (changes > 0 && volume >= Math.max(changes, snapshotSize / SIZE_SHARE));
    }

    /**
     * The volume left past a newer snapshot: of {@code volume} changes spread over the {@code total
     * - oldCover} batches past the snapshot known before, the share in the {@code total - newCover}
     * batches past the newer one. Batches stand in for where the changes lie; the volume only
     * decides when to write the next snapshot, so an estimate is enough.
     */
    public static long volumeAfter(long volume, long total, long oldCover, long newCover) {
        long before = total - oldCover;
        long after = Math.max(0, total - newCover);
        if (before <= 0 || after >= before) {
            return after > 0 ? volume : 0;
        }
        return (long) (volume * (after / (double) before));
    }
}
