package dev.tandem.app.sync;

import dev.tandem.engine.sync.SyncEngine;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * When {@link SyncService} asks the remote "anything new?": a timer at the {@link Pacing} step for
 * whether a window is focused, and the remote's own watch (a folder's file events) where it has one.
 * Both only start the service's check; what a check then does (sync, or a fresh "checked just now")
 * stays with the service. Used on the service's scheduler thread only, like the rest of its state.
 */
final class RemoteChecks {
    private static final System.Logger LOG = System.getLogger("tandem.sync");

    private final ScheduledExecutorService scheduler;
    /** Whether the service has a remote and is open: no timer runs otherwise. */
    private final BooleanSupplier live;
    private final Runnable check;
    private Pacing pacing = Pacing.REMOTE;
    private boolean focused = true;
    private ScheduledFuture<?> nextCheck;
    private AutoCloseable watch;

    /** {@code check} runs on {@code scheduler} when the timer fires. */
    RemoteChecks(ScheduledExecutorService scheduler, BooleanSupplier live, Runnable check) {
        this.scheduler = scheduler;
        this.live = live;
        this.check = check;
    }

    /**
     * Stops watching the old remote and follows {@code engine} (null: none) at {@code newPacing}:
     * its watch calls {@code onRemoteChange} (from any thread), and the timer starts.
     */
    void follow(SyncEngine engine, Pacing newPacing, Runnable onRemoteChange) {
        stopWatching();
        pacing = newPacing;
        if (engine != null) {
            try {
                watch = engine.watchRemote(onRemoteChange);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.INFO, "cannot watch the remote, checking on a timer: " + SyncService.plainMessage(e));
            }
            schedule();
        }
    }

    /** Sets whether a window is focused; true when focus was just regained (then check at once). */
    boolean setFocused(boolean isFocused) {
        boolean gained = isFocused && !focused;
        focused = isFocused;
        return gained;
    }

    /** The next check after the step for the current focus, replacing any scheduled one. */
    void schedule() {
        if (nextCheck != null) {
            nextCheck.cancel(false);
        }
        if (live.getAsBoolean()) {
            nextCheck = scheduler.schedule(check, pacing.interval(focused).toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** On close: no watch and no timer any more. */
    void stop() {
        stopWatching();
        if (nextCheck != null) {
            nextCheck.cancel(false);
        }
    }

    private void stopWatching() {
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the remote watch failed: " + e);
            }
            watch = null;
        }
    }
}
