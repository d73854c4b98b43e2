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

    /**
     * The phase while a device far behind (new, or back after a long time) catches up from the
     * remote's newest snapshot instead of its batches: once with {@code done} 0 and {@code total} the
     * changes the snapshot holds as it starts reading it, once with {@code done} equal to
     * {@code total} when they are in. It is the long part of such a sync; the pull that follows
     * reports as usual.
     */
    String SNAPSHOT = "snapshot";

    /**
     * @param phase "push", "pull", {@link #WAITING}, {@link #ROTATE} or {@link #SNAPSHOT}; {@code total}
     *              is -1 when unknown
     */
    void onProgress(String phase, long done, long total);
}
