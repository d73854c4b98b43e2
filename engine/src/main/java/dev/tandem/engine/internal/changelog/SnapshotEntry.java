package dev.tandem.engine.internal.changelog;

import java.util.UUID;

/** A winning change as a snapshot carries it: only the attributes it still wins. */
public record SnapshotEntry(UUID author, ChangeData change) {
}
