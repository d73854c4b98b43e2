package dev.tandem.engine.internal.wire;

import dev.tandem.engine.internal.changelog.ChangeData;
import java.util.UUID;

/** A winning change as a snapshot carries it: only the attributes it still wins. */
public record SnapshotEntry(UUID author, ChangeData change) {
}
