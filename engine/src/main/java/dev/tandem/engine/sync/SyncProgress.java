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

    /** The phase of a key rotation that re-encrypts the remote's objects; {@code done} of {@code total} objects. */
    String ROTATE = "rotate";

    /** @param phase "push", "pull", {@link #WAITING} or {@link #ROTATE}; {@code total} is -1 when unknown */
    void onProgress(String phase, long done, long total);
}
