package dev.tandem.app.vm;

import dev.tandem.engine.Conflict;
import java.time.Instant;

/**
 * A conflict as the conflicts view shows it: the item's title and readable values and devices, and
 * for a text field (a title, notes, a list's name) what differs between the two versions.
 *
 * @param text the kept and lost text compared, or null when the field is not text or an entity was deleted
 */
public record ConflictRow(Conflict conflict, String itemTitle, String field, String kept, String keptDevice,
                          String lost, String lostDevice, TextConflict text) {
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

    /** True for a text field edited on two devices: its versions show as a diff and can be merged by hand. */
    public boolean isText() {
        return text != null;
    }

    /** The line diff's legend for "−" lines: "2 lines only in the lost version · Pixel 8 · 3 min ago". */
    public String lostLegend(Instant now) {
        return lines(text == null ? 0 : text.lostOnly()) + " only in the lost version · " + lostDevice
                + (conflict.lostAt() == null ? "" : " · " + SyncStatusViewModel.ago(conflict.lostAt(), now));
    }

    /** The line diff's legend for "+" lines: "1 line only in the kept version · This device". */
    public String keptLegend() {
        return lines(text == null ? 0 : text.keptOnly()) + " only in the kept version · " + keptDevice;
    }

    private static String lines(int n) {
        return n == 1 ? "1 line" : n + " lines";
    }

    public boolean seen() {
        return conflict.seen();
    }
}
