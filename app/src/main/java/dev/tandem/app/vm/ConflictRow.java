package dev.tandem.app.vm;

import dev.tandem.engine.Conflict;
import java.time.Instant;

/** A conflict as the conflicts view shows it: the item's title and readable values and devices. */
public record ConflictRow(Conflict conflict, String itemTitle, String field, String kept, String keptDevice,
                          String lost, String lostDevice) {
    public long id() {
        return conflict.id();
    }

    /** "Edited on one device, deleted on another" or "Title changed on two devices", and when it was found. */
    public String summary(Instant now) {
        String when = conflict.detectedAt() == null ? "" : " · found " + SyncStatusViewModel.ago(conflict.detectedAt(), now);
        return (conflict.kind() == Conflict.Kind.EDIT_DELETE ? "Edited on one device, deleted on another"
                : field + " changed on two devices") + when;
    }

    /** The lost side's heading: device and, when known, how long ago it was written. */
    public String lostHeading(Instant now) {
        return "LOST · " + lostDevice + (conflict.lostAt() == null ? "" : " · " + SyncStatusViewModel.ago(conflict.lostAt(), now));
    }

    public boolean seen() {
        return conflict.seen();
    }
}
