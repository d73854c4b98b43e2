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
 *                 database at start, then after each sync, failed or not, so it lasts until they read
 * @param newDeviceId the device id this database took in the last successful sync because another
 *                 installation (a copied profile) syncs under its old one; null when it kept its id
 */
public record SyncStatus(State state, String remote, Instant lastSuccess, long pendingChanges, String phase,
                         double progress, String error, String hint, SyncException.Reason reason,
                         SyncReport lastReport, Instant nextAttempt, int failures, List<SetAside> unread,
                         String newDeviceId) {

    public enum State { OFF, IDLE, SYNCING, ERROR }

    public SyncStatus {
        unread = unread == null ? List.of() : List.copyOf(unread);
    }

    /** A status whose last sync kept the device id. */
    public SyncStatus(State state, String remote, Instant lastSuccess, long pendingChanges, String phase,
                      double progress, String error, String hint, SyncException.Reason reason,
                      SyncReport lastReport, Instant nextAttempt, int failures, List<SetAside> unread) {
        this(state, remote, lastSuccess, pendingChanges, phase, progress, error, hint, reason, lastReport,
                nextAttempt, failures, unread, null);
    }

    public static SyncStatus off() {
        return new SyncStatus(State.OFF, "", null, 0, null, -1, null, null, null, null, null, 0, List.of());
    }
}
