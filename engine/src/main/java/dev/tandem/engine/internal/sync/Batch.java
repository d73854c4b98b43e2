package dev.tandem.engine.internal.sync;

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

    /** One change as it travels: author is the batch's device. */
    public record ChangeData(UUID id, String table, String entity, List<FieldData> fields) {
        public ChangeData {
            fields = List.copyOf(fields);
        }
    }

    /** One attribute: name, value (null, Long, Double, String or byte[]) and the id it replaced. */
    public record FieldData(String name, Object value, UUID replaces) {
    }
}
