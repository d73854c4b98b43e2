package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.wire.Batch;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncProgress;
import java.util.List;
import java.util.Optional;

/**
 * Reads set-aside batches again when they are due, because some damage heals: a folder sync
 * client may still have been writing the file, or the storage may have served a bad copy. A batch
 * that reads now is merged; merge is per attribute and order-insensitive, so merging it after the
 * device's later batches gives the state merging it in order would have. A batch cleaned up from
 * the remote meanwhile is recovered from a snapshot that covers it.
 */
final class QuarantineRetry {
    private QuarantineRetry() {
    }

    static void run(Changelog local, Changelog remote, SyncHooks hooks, List<String> problems,
                    SyncProgress progress) {
        for (Changelog.Slot slot : local.setAsideDue()) {
            Optional<Batch> batch;
            try {
                batch = remote.batch(slot.device(), slot.seq());
            } catch (SyncException e) {
                if (e.reason() != SyncException.Reason.CORRUPT && e.reason() != SyncException.Reason.UNSUPPORTED_FORMAT) {
                    throw e;
                }
                if (e.reason() == SyncException.Reason.CORRUPT && hooks.missing(slot.device(), slot.seq(), progress) >= slot.seq()) {
                    // Damaged for good, but a snapshot (its author's, at least) covers it and was
                    // just merged: its changes are here now.
                    local.recover(new Batch(slot.device(), slot.seq(), List.of()));
                    continue;
                }
                local.setAside(slot.device(), slot.seq(), e.getMessage());
                problems.add("Still set aside " + RemoteChangelog.batchKey(slot.device(), slot.seq()) + ": "
                        + e.getMessage());
                continue;
            }
            if (batch.isPresent()) {
                local.recover(batch.get());
            } else if (hooks.missing(slot.device(), slot.seq(), progress) >= slot.seq()) {
                // Cleaned up: a snapshot covers it, written by a device that did merge it (a device
                // with batches set aside writes none), so rebuilding from it brings its changes.
                local.recover(new Batch(slot.device(), slot.seq(), List.of()));
            } else {
                local.setAside(slot.device(), slot.seq(), "Object " + RemoteChangelog.batchKey(slot.device(), slot.seq())
                        + " is gone from the remote, and no snapshot covers it yet");
            }
        }
    }
}
