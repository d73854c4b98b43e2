package dev.tandem.app.vm.conflict;

import dev.tandem.app.model.history.Authors;
import dev.tandem.app.vm.shared.SyncStatusViewModel;
import dev.tandem.engine.Conflict;
import dev.tandem.ui.messages.Messages;
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
        String what = what();
        return conflict.detectedAt() == null ? what
                : Messages.text("main.conflicts.found", what, SyncStatusViewModel.ago(conflict.detectedAt(), now));
    }

    private String what() {
        if (conflict.kind() != Conflict.Kind.EDIT_DELETE) {
            return Messages.text("main.conflicts.changedOnTwo", field);
        }
        // Change ids are UUIDv7, whose text sorts by time: which came first, the delete or the edit.
        boolean deletedLater = conflict.keptChange() != null && conflict.lostChange() != null
                && conflict.keptChange().compareTo(conflict.lostChange()) > 0;
        boolean editedHere = lostDevice.equals(Authors.thisDevice());
        boolean deletedHere = keptDevice.equals(Authors.thisDevice());
        // One sentence per case: which device did what reads differently in each language.
        if (deletedLater) {
            return deletedHere
                    ? editedHere ? Messages.text("main.conflicts.deletedHereAfterYourEdit")
                            : Messages.text("main.conflicts.deletedHereAfterEditOn", lostDevice)
                    : editedHere ? Messages.text("main.conflicts.deletedOnAfterYourEdit", keptDevice)
                            : Messages.text("main.conflicts.deletedOnAfterEditOn", keptDevice, lostDevice);
        }
        return editedHere
                ? deletedHere ? Messages.text("main.conflicts.editedHereAfterDeletedHere")
                        : Messages.text("main.conflicts.editedHereAfterDeletedOn", keptDevice)
                : deletedHere ? Messages.text("main.conflicts.editedOnAfterDeletedHere", lostDevice)
                        : Messages.text("main.conflicts.editedOnAfterDeletedOn", lostDevice, keptDevice);
    }

    /** The action that takes the lost side: an edit of a deleted todo is restored, with that edit. */
    public String useLabel() {
        if (conflict.kind() != Conflict.Kind.EDIT_DELETE || "_deleted".equals(conflict.field())) {
            return Messages.text("main.conflicts.useLost");
        }
        return Messages.text(lostDevice.equals(Authors.thisDevice()) ? "main.conflicts.restoreMine"
                : "main.conflicts.restoreEdited");
    }

    /** The lost side's heading: device and, when known, how long ago it was written. */
    public String lostHeading(Instant now) {
        return conflict.lostAt() == null ? Messages.text("main.conflicts.lostHeading", lostDevice)
                : Messages.text("main.conflicts.lostHeadingAgo", lostDevice, SyncStatusViewModel.ago(conflict.lostAt(), now));
    }

    /** True for a text field edited on two devices: its versions show as a diff and can be merged by hand. */
    public boolean isText() {
        return text != null;
    }

    /** The line diff's legend for "−" lines: "2 lines only in the lost version · Pixel 8 · 3 min ago". */
    public String lostLegend(Instant now) {
        return Messages.text("main.conflicts.lostLegend", text == null ? 0 : text.lostOnly(), lostDevice)
                + (conflict.lostAt() == null ? "" : " · " + SyncStatusViewModel.ago(conflict.lostAt(), now));
    }

    /** The line diff's legend for "+" lines: "1 line only in the kept version · This device". */
    public String keptLegend() {
        return Messages.text("main.conflicts.keptLegend", text == null ? 0 : text.keptOnly(), keptDevice);
    }

    public boolean seen() {
        return conflict.seen();
    }
}
