package dev.tandem.app.vm;

import dev.tandem.app.model.Authors;
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

    /**
     * What happened, in order, and when it was found: "Deleted on Laptop after your edit", "Edited on
     * Phone after it was deleted on this device", "Title changed on two devices".
     */
    public String summary(Instant now) {
        String when = conflict.detectedAt() == null ? "" : " · found " + SyncStatusViewModel.ago(conflict.detectedAt(), now);
        if (conflict.kind() != Conflict.Kind.EDIT_DELETE) {
            return field + " changed on two devices" + when;
        }
        // Change ids are UUIDv7, whose text sorts by time: which came first, the delete or the edit.
        boolean deletedLater = conflict.keptChange() != null && conflict.lostChange() != null
                && conflict.keptChange().compareTo(conflict.lostChange()) > 0;
        String editor = lostDevice.equals(Authors.THIS_DEVICE) ? "your edit" : "the edit on " + lostDevice;
        String deleter = keptDevice.equals(Authors.THIS_DEVICE) ? "this device" : keptDevice;
        return (deletedLater ? "Deleted on " + deleter + " after " + editor
                : (lostDevice.equals(Authors.THIS_DEVICE) ? "Edited here" : "Edited on " + lostDevice)
                + " after it was deleted on " + deleter) + when;
    }

    /** The action that takes the lost side: an edit of a deleted todo is restored, with that edit. */
    public String useLabel() {
        if (conflict.kind() != Conflict.Kind.EDIT_DELETE || "_deleted".equals(conflict.field())) {
            return "Use lost value";
        }
        return lostDevice.equals(Authors.THIS_DEVICE) ? "Restore my version" : "Restore the edited version";
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
