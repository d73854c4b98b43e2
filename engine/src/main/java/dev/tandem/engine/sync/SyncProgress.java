package dev.tandem.engine.sync;

/** Reports the progress of a long sync; called on the syncing thread. */
@FunctionalInterface
public interface SyncProgress {
    SyncProgress NONE = (phase, done, total) -> { };

    /** @param phase "push" or "pull"; {@code total} is -1 when unknown */
    void onProgress(String phase, long done, long total);
}
