package dev.tandem.app.sync;

import dev.tandem.app.model.Replica;
import dev.tandem.engine.sync.SetAside;
import dev.tandem.engine.sync.SyncEngine;
import java.util.List;

/**
 * What {@link SyncService}'s status shows that is read from this database rather than learned from a sync: the
 * changes waiting to push and the objects set aside from the remote. Apart from the service because these are
 * cheap local reads (on its scheduler thread, never the FX thread) that must never fail a sync nor make the
 * status bar flicker: a read that fails keeps the last answer and is logged.
 */
final class LocalSyncState {
    private static final System.Logger LOG = System.getLogger("tandem.sync");

    private final Replica db;

    LocalSyncState(Replica db) {
        this.db = db;
    }

    /**
     * What the remote lacks, as the engine counts it; with sync off ({@code engine} null) nothing is waiting for
     * any remote. A failed read answers {@code was}: the status bar should not flicker over a failed local read.
     */
    long pending(SyncEngine engine, long was) {
        if (engine == null) {
            return 0;
        }
        try {
            return db.pendingChanges(engine);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot count changes waiting to push: "
                    + SyncService.plainMessage(e));
            return was;
        }
    }

    /**
     * What this database set aside from the remote, read at start so a warning that was showing when the app
     * closed shows again before the first sync, and after a failed sync. A failed read answers {@code was}.
     */
    List<SetAside> setAside(SyncEngine engine, List<SetAside> was) {
        if (engine == null) {
            return List.of();
        }
        try {
            return db.setAside(engine);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the set-aside objects: " + SyncService.plainMessage(e));
            return was;
        }
    }
}
