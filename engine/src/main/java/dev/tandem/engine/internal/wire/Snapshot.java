package dev.tandem.engine.internal.wire;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A snapshot: the merged state of the remote as of a vector of per-device cursors (device → last
 * batch included). It holds, per winning attribute, the winning change's id, author, value and,
 * while some live device may not have seen it, the id that change replaced, grouped back into
 * changes, so that merging it gives exactly the winners a full replay of those batches gives
 * (docs/SYNC_FORMAT.md, "Snapshots" and "Part body").
 */
public final class Snapshot {
    private Snapshot() {
    }

    /** The manifest, written last; it names the parts and the cursors the snapshot covers. */
    public record Manifest(String id, UUID writer, long createdAtMillis, Map<UUID, Long> cursors, int parts,
                           long changes) {
        public Manifest {
            cursors = Map.copyOf(cursors);
        }

        /** How many batches of other devices than {@code self} this snapshot covers beyond {@code local}. */
        public long ahead(Map<UUID, Long> local, UUID self) {
            long n = 0;
            for (Map.Entry<UUID, Long> e : cursors.entrySet()) {
                if (!e.getKey().equals(self)) {
                    n += Math.max(0, e.getValue() - local.getOrDefault(e.getKey(), 0L));
                }
            }
            return n;
        }
    }

    /** One part: entries in writer's order. */
    public record Part(String id, int index, List<SnapshotEntry> entries) {
        public Part {
            entries = List.copyOf(entries);
        }
    }
}
