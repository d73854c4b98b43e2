package dev.tandem.engine.internal.sync;

import dev.tandem.engine.sync.SyncException;
import java.util.List;
import java.util.UUID;

/**
 * What sync does with a remote batch it cannot read. A CORRUPT object (damaged, truncated, not
 * MessagePack of the right shape, names Tandem refuses, fails authentication, a link or special
 * file in a folder) is set aside and sync moves past it; an object of a newer format stops that
 * device until Tandem is updated, since skipping it would only hide its changes; anything else
 * (network, disk, wrong passphrase) fails the sync as before.
 */
final class Unreadable {
    private Unreadable() {
    }

    /**
     * Handles {@code e} from reading {@code device}'s batch {@code seq}: returns true when sync may
     * go on past the batch, false when it must stop reading that device; rethrows what it cannot
     * handle.
     */
    static boolean handle(Changelog local, UUID device, long seq, SyncException e, List<String> problems) {
        if (e.reason() == SyncException.Reason.CORRUPT) {
            local.setAside(device, seq, e.getMessage());
            problems.add("Set aside " + RemoteChangelog.batchKey(device, seq) + ": " + e.getMessage());
            return true;
        }
        if (e.reason() == SyncException.Reason.UNSUPPORTED_FORMAT) {
            problems.add(e.getMessage() + ". " + e.hint());
            return false;
        }
        throw e;
    }
}
