package dev.tandem.engine.sync;

import java.time.Duration;

/**
 * What a key rotation did.
 *
 * @param recoveryKey       the new recovery key to write down (the old one no longer opens the
 *                          remote), or null when this run resumed a rotation started earlier
 * @param reencrypted       objects rewritten under the new key
 * @param bytesWritten      their size on the remote
 * @param alreadyCurrent    objects that were already under the new key (written since, or by an
 *                          earlier, interrupted run)
 * @param took              the whole rotation, compaction included
 * @param unreadable        objects no key of the remote opens (junk someone wrote, or damage), each
 *                          with why: left as they are, as they stay unreadable under any key
 */
public record RotationReport(String recoveryKey, int reencrypted, long bytesWritten, int alreadyCurrent, Duration took,
                             java.util.List<String> unreadable) {
    public RotationReport {
        unreadable = java.util.List.copyOf(unreadable);
    }
}
