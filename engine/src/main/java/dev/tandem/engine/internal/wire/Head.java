package dev.tandem.engine.internal.wire;

import java.util.Map;
import java.util.UUID;

/**
 * A device's head: "my batches 1..seq are all written", plus how far this device had read every
 * other device when it wrote the head (for cleanup, which may only delete what all have read).
 */
public record Head(UUID device, long seq, long writtenAtMillis, Map<UUID, Long> cursors) {
    public Head {
        cursors = Map.copyOf(cursors);
    }

    /** Where head {@code seq} of {@code device} lies on the remote (docs/SYNC_FORMAT.md). */
    public static String key(UUID device, long seq) {
        return String.format("heads/%s/%012d", device, seq);
    }
}
