package dev.tandem.app.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The sync service's one thread and its next run. Everything the service does runs on this thread,
 * so there is at most one sync at a time and its state needs no locks; of the runs asked for, only
 * the earliest stays planned, so a burst of requests costs one sync.
 */
final class SyncTimer {
    private final ScheduledThreadPoolExecutor scheduler;
    private final Clock clock;
    private final Runnable run;
    // Timer-thread state.
    private ScheduledFuture<?> next;
    private Instant nextAt;

    /** {@code run}: what a planned run does, on this timer's thread. */
    SyncTimer(Clock clock, Runnable run) {
        this.clock = clock;
        this.run = run;
        scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tandem-sync");
            t.setDaemon(true);
            return t;
        });
        // On close, pending timers are dropped; a running sync finishes.
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /** The thread, for other timers that must run on it too. */
    ScheduledExecutorService executor() {
        return scheduler;
    }

    /** Runs {@code r} on the thread soon; dropped once the timer is shut down. */
    void submit(Runnable r) {
        try {
            scheduler.execute(r);
        } catch (RejectedExecutionException e) {
            // shut down meanwhile
        }
    }

    /** Plans the run at {@code at}, unless one is planned at or before it. Returns whether it planned anew. */
    boolean planAt(Instant at) {
        if (next != null && !next.isDone() && nextAt != null && !at.isBefore(nextAt)) {
            return false;
        }
        cancel();
        nextAt = at;
        long ms = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        next = scheduler.schedule(this::started, ms, TimeUnit.MILLISECONDS);
        return true;
    }

    private void started() {
        next = null;
        nextAt = null;
        run.run();
    }

    /** When the planned run starts, null if none is planned. */
    Instant nextAt() {
        return nextAt;
    }

    void cancel() {
        if (next != null) {
            next.cancel(false);
            next = null;
            nextAt = null;
        }
    }

    /** Drops what is planned, lets a running task finish (up to 10 s) and ends the thread. */
    void shutdown() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
