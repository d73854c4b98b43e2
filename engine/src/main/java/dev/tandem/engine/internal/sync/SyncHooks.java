package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.wire.Batch;
import dev.tandem.engine.sync.SyncProgress;
import java.util.Map;
import java.util.UUID;

/**
 * Points where {@link Synchronizer} lets snapshots in (see {@link SnapshotBootstrap}), so the sync order
 * itself stays in one place and an idle sync still costs one listing.
 */
interface SyncHooks {
    SyncHooks NONE = new SyncHooks() {
    };

    /**
     * After the heads are listed and before pulling: may bring the local changelog up to a snapshot,
     * saying so to {@code progress} ({@link SyncProgress#SNAPSHOT}).
     */
    default void beforePull(Map<UUID, Long> remoteHeads, Map<UUID, Long> localHeads, SyncProgress progress) {
    }

    /**
     * Batch {@code seq} of {@code device} is missing although its head is past it. Returns the
     * local cursor for that device after rebuilding from a snapshot that covers it, or -1 when
     * nothing covers it (the batch is simply not visible yet).
     */
    default long missing(UUID device, long seq, SyncProgress progress) {
        return -1;
    }

    /** Before {@code batch}, an own batch, is written: what it names must be on the remote first. */
    default void beforePush(Batch batch) {
    }

    /** After the push and the head; {@code headPublished} when this sync wrote a new head. */
    default void afterSync(Map<UUID, Long> remoteHeads, boolean headPublished) {
    }
}
