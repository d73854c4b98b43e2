package dev.tandem.engine.sync;

import java.time.Duration;
import java.util.List;

/**
 * What one sync did.
 *
 * @param pushed    local changes written to the remote
 * @param pulled    remote changes read that this database did not have
 * @param merged    pulled changes that won at least one attribute
 * @param conflicts new conflicts recorded
 * @param requests  requests made to the remote
 * @param bytesUp   bytes written to the remote
 * @param bytesDown bytes read from the remote
 * @param skipped   remote objects newly set aside by this sync as corrupt or unreadable
 * @param warnings  plain-words lines: one per skipped object, naming it; a device whose newer format
 *                  this version cannot read yet; a device whose clock runs far ahead; this device
 *                  taking a new device id because a copy of its profile syncs too
 * @param setAside  every object of this remote that is set aside after this sync, whether this sync
 *                  or an earlier one set it aside: empty only when nothing remains unread
 */
public record SyncReport(int pushed, int pulled, int merged, int conflicts, int requests,
                         long bytesUp, long bytesDown, int skipped, Duration duration, List<String> warnings,
                         List<SetAside> setAside) {
    public SyncReport {
        warnings = List.copyOf(warnings);
        setAside = List.copyOf(setAside);
    }

    /** Whether the sync left something unread or has something to say: devices may not agree yet. */
    public boolean hasProblems() {
        return !setAside.isEmpty() || !warnings.isEmpty();
    }
}
