package dev.tandem.engine.internal.wire;

import dev.tandem.engine.internal.changelog.ChangeData;
import java.util.List;
import java.util.UUID;

/**
 * Batch {@code seq} of one device's changes: the unit sync moves. A device's batches are numbered
 * 1, 2, 3… with no gaps, each holds only changes that device authored, and once stored a batch is
 * never rewritten.
 */
public record Batch(UUID device, long seq, List<ChangeData> changes) {
    public Batch {
        changes = List.copyOf(changes);
    }
}
