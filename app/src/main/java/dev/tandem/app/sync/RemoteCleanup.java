package dev.tandem.app.sync;

import dev.tandem.app.model.Replica;
import dev.tandem.engine.sync.BlobSweep;
import dev.tandem.engine.sync.SyncEngine;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * "Clean up the remote": the attached files on the remote that nothing names any more (no item, no
 * version, nothing in the Trash), counted first and deleted only when asked, and then only those unused
 * for {@link #GRACE} and seen so by every device ({@link dev.tandem.engine.sync.RemoteBlobs#sweep}).
 * Both ask the remote: call off the JavaFX thread.
 */
public final class RemoteCleanup {
    /** How long a file must have been unused before it may go: a device offline for weeks still finds it. */
    public static final Duration GRACE = Duration.ofDays(30);

    private final Replica db;
    private final Supplier<Optional<SyncEngine>> engine;

    public RemoteCleanup(Replica db, Supplier<Optional<SyncEngine>> engine) {
        this.db = db;
        this.engine = engine;
    }

    /** What would be freed, deleting nothing; empty when sync is off (no remote to look at). */
    public Optional<BlobSweep> preview() {
        return engine.get().map(e -> db.sweep(e.blobs(), GRACE, false));
    }

    /** Deletes what may go now; empty when sync is off. */
    public Optional<BlobSweep> clean() {
        return engine.get().map(e -> db.sweep(e.blobs(), GRACE, true));
    }
}
