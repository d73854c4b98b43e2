package dev.tandem.engine.sync;

/** Reports the progress of a long sync; called on the syncing thread. */
@FunctionalInterface
public interface SyncProgress {
    SyncProgress NONE = (phase, done, total) -> { };

    /**
     * The phase while another sync of the same database (another process on the profile, such as
     * the app and {@code tandem sync}) runs and this one waits for it; {@code done} is the
     * milliseconds waited so far, reported about once a second.
     */
    String WAITING = "wait";

    /**
     * The phases of a key rotation: first once with {@code done} 0 and {@code total} -1 as soon as the
     * new keyring is written (from then on only the new passphrase opens the remote, so a caller
     * that keeps the passphrase saves it now), then {@code done} of {@code total} objects re-encrypted.
     */
    String ROTATE = "rotate";

    /** @param phase "push", "pull", {@link #WAITING} or {@link #ROTATE}; {@code total} is -1 when unknown */
    void onProgress(String phase, long done, long total);
}
