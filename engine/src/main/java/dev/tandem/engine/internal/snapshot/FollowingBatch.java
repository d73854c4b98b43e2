package dev.tandem.engine.internal.snapshot;

import dev.tandem.engine.internal.changelog.ChangeData;
import java.util.List;
import java.util.UUID;

/**
 * Another device's batch past a snapshot's cursor for it, read before the snapshot is applied so
 * that the bulk load can take it in ({@link SnapshotFold}).
 */
public record FollowingBatch(UUID device, long seq, List<ChangeData> changes) {
    public FollowingBatch {
        changes = List.copyOf(changes);
    }
}
