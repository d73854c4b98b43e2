package dev.tandem.engine.sync;

/**
 * What {@link SyncEngine#compact} did.
 *
 * @param sync             the sync it ran first (push, pull, and the counts of both)
 * @param snapshotWritten  whether it wrote a new snapshot (none when the newest already covers everything)
 * @param batchesDeleted   remote batches deleted under the cleanup safety rule
 * @param snapshotsDeleted older remote snapshots deleted
 * @param deletedForgotten deleted items forgotten here for good (tombstone and history), as every device
 *                         has seen them deleted and they were deleted long enough ago
 */
public record CompactionReport(SyncReport sync, boolean snapshotWritten, int batchesDeleted, int snapshotsDeleted,
                               long deletedForgotten) {
}
