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
 * @param skipped   remote objects set aside as corrupt or unreadable
 * @param warnings  one plain-words line per skipped object, naming it
 */
public record SyncReport(int pushed, int pulled, int merged, int conflicts, int requests,
                         long bytesUp, long bytesDown, int skipped, Duration duration, List<String> warnings) {
    public SyncReport {
        warnings = List.copyOf(warnings);
    }
}
