package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.sync.device.OwnBatchesReplaced;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.PushTally;
import dev.tandem.engine.internal.wire.Batch;
import dev.tandem.engine.sync.SyncException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads back, once, the own batches pushed since the last check, after the remote lists a head
 * covering them: they must hold exactly the changes this database pushed.
 *
 * <p>Why: a server that drops writes while answering that they landed leaves this database
 * believing batches are stored that are not. If a copy of the profile (same device id) then
 * writes those slots, the listing looks exactly as this database expects, and it would never
 * read the copy's changes, a silent divergence. Comparing change ids (not bytes: encrypted
 * batches differ byte for byte) tells the two apart. What was pushed is the tally recorded with
 * each push ({@link PushTally}), not the remote's scope applied again now: an entity may have left
 * the scope since (its list shared, a todo moved), and its change is in the slot all the same.
 *
 * <p>Order: after the own head is checked against the last push and published head (so a listing
 * short of them is reported as a server fault first), before anything is pulled or pushed, so a
 * replaced slot is handled ({@link OwnBatchesReplaced}) before more batches go on top of it. A
 * batch that cannot be read or is gone (set aside as junk, or deleted by cleanup) proves nothing
 * either way: then only foreign changes count as evidence. The check costs one read per own
 * batch, at the sync after its push; an idle sync reads nothing.
 */
final class OwnBatchCheck {
    private OwnBatchCheck() {
    }

    /** Checks the unconfirmed own batches if the remote lists a head of {@code self} covering them. */
    static void run(Changelog local, Changelog remote, UUID self, long listedHead) {
        Changelog.Unconfirmed pending = local.unconfirmed(self);
        if (pending == null || listedHead < pending.toBatch()) {
            return;
        }
        Set<UUID> found = new HashSet<>();
        boolean complete = true;
        for (long seq = pending.fromBatch(); seq <= pending.toBatch(); seq++) {
            Optional<Batch> batch;
            try {
                batch = remote.batch(self, seq);
            } catch (SyncException unreadable) {
                complete = false;
                continue;
            }
            if (batch.isEmpty()) {
                complete = false;
                continue;
            }
            for (ChangeData c : batch.get().changes()) {
                if (!pending.own().contains(c.id())) {
                    throw new OwnBatchesReplaced(self, remote.describe() + " holds in "
                            + RemoteChangelog.batchKey(self, seq) + " change " + c.id()
                            + " that this database did not push there");
                }
                found.add(c.id());
            }
        }
        PushTally read = PushTally.of(found);
        if (complete && read.count() < pending.pushed().count()) {
            throw new OwnBatchesReplaced(self, remote.describe() + " lacks " + (pending.pushed().count() - read.count())
                    + " of the changes this database pushed as batches " + pending.fromBatch() + " to "
                    + pending.toBatch() + " of device " + self);
        }
        if (complete && !read.equals(pending.pushed())) {
            throw new OwnBatchesReplaced(self, remote.describe() + " holds in batches " + pending.fromBatch() + " to "
                    + pending.toBatch() + " of device " + self + " changes of this database other than those it"
                    + " pushed there");
        }
        local.confirm(self, pending);
    }
}
