package dev.tandem.app.sync;

import dev.tandem.app.model.Replica;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.ChangeListener;
import dev.tandem.engine.Subscription;
import dev.tandem.engine.sync.SetAside;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncProgress;
import dev.tandem.engine.sync.SyncReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Syncs one database in the background: half a second after local edits stop (debounced), and as
 * long after another process's commit left changes to push (the command line, the agent), when a
 * cheap check says another device pushed (every {@link Pacing} step, faster while a window is
 * focused, at once when focus returns or a watched folder changes), every interval in full (which
 * also reads devices that write no change marker), and on "Sync now". All syncs run on one scheduler thread, so there is at most one at
 * a time and the UI thread never waits. After a failure the next try backs off exponentially with
 * jitter; errors a retry cannot fix wait the longest. Listeners get a {@link SyncStatus} on the
 * scheduler thread after every change of state.
 *
 * <p>The changes waiting to push come from the engine ({@link SyncEngine#pendingChanges}), read on
 * the scheduler thread after local edits and after every sync: the database knows what the remote
 * holds, so the count survives restarts and counts every writer, not only this process's edits.
 *
 * <p>Local edits are heard from the engine ({@link ChangeEvent.Origin#LOCAL} commits), not from the
 * classes that write: any write path (a store, an importer, "Use lost value") starts a sync without
 * having to remember to, and the commits of this service's own merges, being {@code SYNC}, do not
 * start the next one.
 */
public final class SyncService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("tandem.sync");

    private final Replica db;
    private final Clock clock;
    private final SyncTimer timer;
    private final Backoff backoff;
    private final SyncListeners listeners = new SyncListeners();
    private final SyncNotices notices = new SyncNotices();
    private final RemoteChecks checks;
    private final LocalSyncState localState;
    private final Subscription localCommits;
    /** Set while a recount for local edits is queued, so a burst of edits costs one count query. */
    private final AtomicBoolean editQueued = new AtomicBoolean();

    // Scheduler-thread state.
    private volatile SyncEngine engine;
    private String remote = "";
    private Duration interval = Duration.ofSeconds(SyncSettings.DEFAULT_INTERVAL);
    private Duration debounce = Duration.ofMillis(500);
    private Instant backoffUntil;
    /**
     * The run under way (or next) was asked for by "Sync now", and when the automatic retry was planned
     * before it (null if none): a manual try that fails leaves the backoff as it was, so pressing the
     * button while offline never pushes the automatic retry later.
     */
    private boolean manual;
    private Instant plannedBeforeManual;
    private int failures;
    private long pending;
    private Instant lastSuccess;
    private SyncReport lastReport;
    private List<SetAside> unread = List.of();
    private String newDeviceId;
    /** The last failure's message since the last success, so a retry failing the same way is not news. */
    private String lastFailure;
    /** What the network did in the last failed sync, for the status bar's words. */
    private SyncException.Diagnosis diagnosis = SyncException.Diagnosis.NONE;
    private volatile SyncStatus status = SyncStatus.off();
    /** Set on the scheduler thread, read by the remote checks' and callers' threads too. */
    private volatile boolean closed;

    public SyncService(Replica db, Clock clock, Random random) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.localState = new LocalSyncState(db);
        this.backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), random);
        this.timer = new SyncTimer(clock, this::runSync);
        this.checks = new RemoteChecks(timer.executor(), () -> engine != null && !closed, this::runCheck);
        // Last: the dispatch thread may call localChange at once, which needs the scheduler above.
        this.localCommits = db.onCommit(ChangeEvent.Origin.LOCAL, new ChangeListener() {
            @Override
            public void onCommit(List<ChangeEvent> events) {
                localChange();
            }

            @Override
            public void onUnknownChanges() {
                otherProcessChange();
            }
        });
    }

    public SyncStatus status() {
        return status;
    }

    /** The current remote's engine, empty with sync off: for reads on demand, such as the device list. */
    public Optional<SyncEngine> engine() {
        return Optional.ofNullable(engine);
    }

    /** Requests the current remote's engine has made so far (0 with sync off): for cost measurements. */
    public long requestsSoFar() {
        SyncEngine e = engine;
        return e == null ? 0 : e.requestsSoFar();
    }

    /** Called on the sync thread after every change. */
    public void addListener(Consumer<SyncStatus> listener) {
        listeners.addStatus(listener);
    }

    /** Called on the sync thread when a sync fails with a new error (not on every retry of the same one). */
    public void addFailureListener(Consumer<SyncStatus> listener) {
        listeners.addFailure(listener);
    }

    /**
     * Called on the sync thread with what deserves a notification ({@link SyncNotices}): never for
     * being offline or a busy server, and once per problem that needs the user.
     */
    public void addNoticeListener(Consumer<SyncNotices.Notice> listener) {
        listeners.addNotice(listener);
    }

    /**
     * Switches to a new remote (null: sync off) and interval, and syncs soon. The old engine is
     * closed once any running sync finished.
     */
    public void configure(SyncEngine newEngine, Duration newInterval) {
        configure(newEngine, newInterval, Pacing.REMOTE);
    }

    /** As above, asking the remote for news at {@code newPacing}. */
    public void configure(SyncEngine newEngine, Duration newInterval, Pacing newPacing) {
        submit(() -> {
            if (engine != null && engine != newEngine) {
                engine.close();
            }
            engine = newEngine;
            checks.follow(engine, newPacing, () -> submit(this::runCheck));
            remote = newEngine == null ? "" : newEngine.describe();
            interval = newInterval;
            failures = 0;
            backoffUntil = null;
            timer.cancel();
            recount();
            lastReport = null;
            newDeviceId = null;
            unread = localState.setAside(engine, unread);
            if (engine == null) {
                publish(SyncStatus.State.OFF, null, -1, null, null, null);
            } else {
                publish(SyncStatus.State.IDLE, null, -1, null, null, null);
                scheduleIn(Duration.ZERO, true);
            }
        });
    }

    public void setDebounce(Duration d) {
        submit(() -> debounce = d);
    }

    /**
     * Whether someone is looking at a window of this profile: checks for news run every few seconds
     * then, and rarely otherwise; regaining focus checks at once.
     */
    public void setFocused(boolean isFocused) {
        submit(() -> {
            if (checks.setFocused(isFocused)) {
                runCheck();
            } else {
                checks.schedule();
            }
        });
    }

    /**
     * One cheap check: a sync at once when another device pushed, else a fresh "checked just now".
     * A check that fails starts a full sync at once, which says what is wrong (unless one already
     * did); one that works again after the remote could not be reached, or its folder was not
     * there, syncs at once, not after the backoff.
     */
    private void runCheck() {
        if (engine == null || closed) {
            return;
        }
        SyncStatus.State state = status.state();
        try {
            boolean changed = engine.remoteChanged();
            // Reachable again (the network, or a drive that was not connected): sync now, not after the backoff.
            boolean back = state == SyncStatus.State.ERROR && (status.reason() == SyncException.Reason.UNREACHABLE
                    || status.diagnosis() == SyncException.Diagnosis.FOLDER_MISSING);
            if (changed || back) {
                scheduleIn(Duration.ZERO, back);
            } else if (state == SyncStatus.State.IDLE) {
                lastSuccess = clock.instant();
                republish();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "change check failed: " + plainMessage(e));
            if (state == SyncStatus.State.IDLE) {
                scheduleIn(Duration.ZERO, false);
            }
        }
        checks.schedule();
    }

    /**
     * A local edit was committed: recount what waits to push and sync after the debounce delay.
     * The engine calls it for every local commit; tests call it to stand in for one.
     */
    void localChange() {
        if (!editQueued.compareAndSet(false, true)) {
            return;
        }
        submit(() -> {
            // Cleared before counting: an edit committed from here on queues another recount.
            editQueued.set(false);
            recount();
            if (engine != null) {
                scheduleIn(debounce, false);
            }
            republish();
        });
    }

    /**
     * Another process committed to this profile (the command line, the agent's "Done", the quick-add
     * window): which rows is unknown, so recount what waits to push, and when that grew, push it
     * after the same delay as an edit made here. A commit that left nothing new to push (another
     * process's sync) starts nothing. Tests call it to stand in for one.
     */
    void otherProcessChange() {
        submit(() -> {
            long before = pending;
            recount();
            if (engine != null && pending > before) {
                scheduleIn(debounce, false);
            }
            republish();
        });
    }

    /** Asks the engine what the remote lacks; with sync off nothing is waiting for any remote. */
    private void recount() {
        pending = localState.pending(engine, pending);
    }

    /** Syncs as soon as possible, ignoring any backoff. */
    public void syncNow() {
        submit(() -> {
            if (!manual) {
                plannedBeforeManual = failures > 0 ? timer.nextAt() : null;
            }
            manual = true;
            backoffUntil = null;
            if (engine != null) {
                scheduleIn(Duration.ZERO, true);
            }
        });
    }

    private void submit(Runnable r) {
        if (!closed) {
            timer.submit(r);
        }
    }

    private void scheduleIn(Duration delay, boolean force) {
        scheduleAt(clock.instant().plus(delay), force);
    }

    /** Plans a sync at {@code when}, or when the backoff ends if that is later, unless {@code force}. */
    private void scheduleAt(Instant when, boolean force) {
        Instant at = !force && backoffUntil != null && when.isBefore(backoffUntil) ? backoffUntil : when;
        if (timer.planAt(at)) {
            republish();
        }
    }

    private void runSync() {
        boolean byHand = manual;
        Instant planned = plannedBeforeManual;
        manual = false;
        plannedBeforeManual = null;
        if (engine == null || closed) {
            return;
        }
        publish(SyncStatus.State.SYNCING, "starting", -1, null, null, null);
        SyncProgress progress = (phase, done, total) ->
                publish(SyncStatus.State.SYNCING, phase, total > 0 ? Math.min(1.0, (double) done / total) : -1, null, null, null);
        try {
            // Compared around the sync: the engine gives the database a new id when it finds that a
            // copy of this profile syncs under the old one, and the user should hear of it once.
            String idBefore = db.deviceId();
            SyncReport report = db.sync(engine, progress);
            lastReport = report;
            unread = report.setAside();
            String idAfter = db.deviceId();
            newDeviceId = idAfter.equals(idBefore) ? null : idAfter;
            lastSuccess = clock.instant();
            failures = 0;
            backoffUntil = null;
            lastFailure = null;
            notices.succeeded();
            recount();
            publish(SyncStatus.State.IDLE, null, -1, null, null, null);
            notices.unread(unread).ifPresent(listeners::announce);
            // No debounce for a count left over: edits committed during this sync queued a
            // localChange behind it that schedules their push, and re-syncing on the count alone
            // would loop every few seconds on changes a sync cannot push.
            scheduleIn(interval, false);
        } catch (RuntimeException e) {
            // A try by hand that fails says why at once, but counts for nothing: the automatic retry
            // stays where it was planned (or, with none planned, comes after the first step).
            if (!byHand || failures == 0) {
                failures++;
            }
            SyncException.Reason reason = e instanceof SyncException se ? se.reason() : null;
            diagnosis = e instanceof SyncException se ? se.diagnosis() : SyncException.Diagnosis.NONE;
            boolean retryable = SyncWords.retryHelps(reason, diagnosis);
            Instant now = clock.instant();
            Instant retryAt = byHand && planned != null && planned.isAfter(now) ? planned
                    : now.plus(backoff.delay(failures, retryable));
            Duration delay = Duration.between(now, retryAt);
            backoffUntil = retryAt;
            String message = plainMessage(e);
            String hint = SyncWords.hint(reason, diagnosis);
            recount();
            // A sync can set objects aside before it fails; the warning about them must not wait for a success.
            unread = localState.setAside(engine, unread);
            LOG.log(System.Logger.Level.WARNING, "sync failed (" + (reason == null ? e.getClass().getSimpleName() : reason)
                    + "), next try in " + delay.toSeconds() + " s: " + message);
            // Schedule first, so the ERROR status already carries the next attempt's time.
            scheduleAt(retryAt, true);
            publish(SyncStatus.State.ERROR, null, -1, message, hint, reason);
            if (!message.equals(lastFailure)) {
                lastFailure = message;
                listeners.failed(status);
            }
            notices.failed(reason, diagnosis, message, hint).ifPresent(listeners::announce);
            notices.unread(unread).ifPresent(listeners::announce);
        }
    }

    static String plainMessage(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        return m.length() > 300 ? m.substring(0, 297) + "..." : m;
    }

    private void republish() {
        SyncStatus s = status;
        publish(s.state(), s.phase(), s.progress(), s.error(), s.hint(), s.reason());
    }

    private void publish(SyncStatus.State state, String phase, double progress, String error, String hint,
                         SyncException.Reason reason) {
        SyncStatus s = new SyncStatus(state, remote, lastSuccess, pending, phase, progress, error, hint, reason,
                lastReport, timer.nextAt(), failures, unread, newDeviceId,
                state == SyncStatus.State.ERROR ? diagnosis : SyncException.Diagnosis.NONE);
        status = s;
        listeners.published(s);
    }

    @Override
    public void close() {
        localCommits.close();
        submit(() -> {
            timer.cancel();
            checks.stop();
            closed = true;
            if (engine != null) {
                engine.close();
                engine = null;
            }
        });
        timer.shutdown();
    }
}
