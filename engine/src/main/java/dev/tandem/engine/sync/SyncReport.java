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
 * @param warnings  plain-words lines about what leaves this device without some other device's
 *                  changes: each object set aside or still set aside, naming it; a device whose newer
 *                  format this version cannot read yet
 * @param notes     plain-words lines that need no action: a device whose clock runs far ahead; this
 *                  device taking a new id (a copied profile, or objects the remote lost); a rebuild
 *                  from a snapshot; a snapshot or head that could not be read, so cleanup waited
 * @param setAside  every object of this remote that is set aside after this sync, whether this sync
 *                  or an earlier one set it aside: empty only when nothing remains unread
 */
public record SyncReport(int pushed, int pulled, int merged, int conflicts, int requests,
                         long bytesUp, long bytesDown, int skipped, Duration duration, List<String> warnings,
                         List<String> notes, List<SetAside> setAside) {
    public SyncReport {
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
        setAside = List.copyOf(setAside);
    }

    /**
     * Whether this device read everything the remote offered: nothing is set aside and no device's
     * batches wait for a newer Tandem. When false, devices may not agree yet, and a user should be
     * told ({@link #warnings()} and {@link #setAside()} say what).
     */
    public boolean complete() {
        return setAside.isEmpty() && warnings.isEmpty();
    }
}
