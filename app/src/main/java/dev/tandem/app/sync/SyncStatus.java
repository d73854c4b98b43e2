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
 * @param diagnosis what the network did when it caused the last failure (a log-in page, a proxy, …)
 */
public record SyncStatus(State state, String remote, Instant lastSuccess, long pendingChanges, String phase,
                         double progress, String error, String hint, SyncException.Reason reason,
                         SyncReport lastReport, Instant nextAttempt, int failures, List<SetAside> unread,
                         String newDeviceId, SyncException.Diagnosis diagnosis) {

    public enum State { OFF, IDLE, SYNCING, ERROR }

    public SyncStatus {
        unread = unread == null ? List.of() : List.copyOf(unread);
        diagnosis = diagnosis == null ? SyncException.Diagnosis.NONE : diagnosis;
    }

    /** A status without a network diagnosis. */
    public SyncStatus(State state, String remote, Instant lastSuccess, long pendingChanges, String phase,
                      double progress, String error, String hint, SyncException.Reason reason,
                      SyncReport lastReport, Instant nextAttempt, int failures, List<SetAside> unread,
                      String newDeviceId) {
        this(state, remote, lastSuccess, pendingChanges, phase, progress, error, hint, reason, lastReport,
                nextAttempt, failures, unread, newDeviceId, SyncException.Diagnosis.NONE);
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
