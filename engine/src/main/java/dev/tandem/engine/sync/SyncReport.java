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
 * @param skipped   remote objects set aside as corrupt or unreadable (they are read again later)
 * @param warnings  plain-words lines: one per skipped object, naming it; a device whose newer format
 *                  this version cannot read yet; a device whose clock runs far ahead
 */
public record SyncReport(int pushed, int pulled, int merged, int conflicts, int requests,
                         long bytesUp, long bytesDown, int skipped, Duration duration, List<String> warnings) {
    public SyncReport {
        warnings = List.copyOf(warnings);
    }
}
