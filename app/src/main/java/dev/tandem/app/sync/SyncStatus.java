package dev.tandem.app.sync;

import dev.tandem.engine.sync.SetAside;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncReport;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot of the sync service, for the status bar.
 *
 * @param pendingChanges local changes the remote does not hold yet; 0 while sync is off
 * @param progress 0..1 during a sync whose size is known, else -1
 * @param error    the last error in plain words while the last sync failed, else null
 * @param hint     what to do about it
 * @param unread   remote objects this device set aside because it could not read them: from the
 *                 database at start, then from each sync's report, so it lasts until they read
 */
public record SyncStatus(State state, String remote, Instant lastSuccess, long pendingChanges, String phase,
                         double progress, String error, String hint, SyncException.Reason reason,
                         SyncReport lastReport, Instant nextAttempt, int failures, List<SetAside> unread) {

    public enum State { OFF, IDLE, SYNCING, ERROR }

    public SyncStatus {
        unread = unread == null ? List.of() : List.copyOf(unread);
    }

    public static SyncStatus off() {
        return new SyncStatus(State.OFF, "", null, 0, null, -1, null, null, null, null, null, 0, List.of());
    }
}
