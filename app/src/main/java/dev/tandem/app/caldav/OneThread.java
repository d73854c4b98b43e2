package dev.tandem.app.caldav;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread a {@link CalDavService} does everything on: tasks, timers, and calls whose result
 * a caller waits for, one at a time, so they need no locks. Once closing, tasks are dropped, no
 * timer starts, and calls fail; a task running then finishes.
 */
final class OneThread {
    private static final System.Logger LOG = System.getLogger("tandem.caldav");
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final ScheduledThreadPoolExecutor scheduler;
    private volatile Thread thread;
    private volatile boolean closed;

    OneThread(String name) {
        ScheduledThreadPoolExecutor exec = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
        // On close, pending timers are dropped; a running task finishes.
        exec.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        exec.setRemoveOnCancelPolicy(true);
        this.scheduler = exec;
    }

    /** Whether the caller runs on this thread. */
    boolean isCurrent() {
        return Thread.currentThread() == thread;
    }

    boolean closed() {
        return closed;
    }

    /** Runs {@code r} on the thread soon; nothing once closing. */
    void submit(Runnable r) {
        if (!closed) {
            execute(r);
        }
    }

    /** {@code work} after {@code delay}; null once closing, when no timer may start any more. */
    ScheduledFuture<?> later(Runnable work, Duration delay) {
        if (closed) {
            return null;
        }
        try {
            return scheduler.schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "CalDAV service closed meanwhile: no timer");
            return null;
        }
    }

    /** {@code work}'s result, or what it threw, once it ran on the thread; fails once closed. */
    <T> CompletableFuture<T> call(Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            scheduler.execute(() -> {
                try {
                    f.complete(work.call());
                } catch (Exception e) {
                    f.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(new IllegalStateException("The CalDAV service is closed", e));
        }
        return f;
    }

    /** Runs {@code last} after what is running now, drops the timers, and waits a while for the thread to end. */
    void close(Runnable last) {
        closed = true; // before the last task: a task running now starts no timer
        execute(last);
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "the CalDAV sync still runs after " + CLOSE_WAIT_SECONDS
                        + " s; leaving it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void execute(Runnable r) {
        try {
            scheduler.execute(r);
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "CalDAV service closed meanwhile");
        }
    }
}
