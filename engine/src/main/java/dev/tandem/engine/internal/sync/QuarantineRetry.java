package dev.tandem.engine.internal.sync;

import dev.tandem.engine.sync.SyncException;
import java.util.List;
import java.util.Optional;

/**
 * Reads set-aside batches again when they are due, because some damage heals: a folder sync
 * client may still have been writing the file, or the storage may have served a bad copy. A batch
 * that reads now is merged; merge is per attribute and order-insensitive, so merging it after the
 * device's later batches gives the state merging it in order would have.
 */
final class QuarantineRetry {
    private QuarantineRetry() {
    }

    static void run(Changelog local, Changelog remote, List<String> problems) {
        for (Changelog.Slot slot : local.setAsideDue()) {
            Optional<Batch> batch;
            try {
                batch = remote.batch(slot.device(), slot.seq());
            } catch (SyncException e) {
                if (e.reason() != SyncException.Reason.CORRUPT && e.reason() != SyncException.Reason.UNSUPPORTED_FORMAT) {
                    throw e;
                }
                local.setAside(slot.device(), slot.seq(), e.getMessage());
                problems.add("Still set aside " + RemoteChangelog.batchKey(slot.device(), slot.seq()) + ": "
                        + e.getMessage());
                continue;
            }
            if (batch.isPresent()) {
                local.recover(batch.get());
            } else {
                local.setAside(slot.device(), slot.seq(), "Object " + RemoteChangelog.batchKey(slot.device(), slot.seq())
                        + " is gone from the remote");
            }
        }
    }
}
