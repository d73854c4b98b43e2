package dev.tandem.engine.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;
import org.sqlite.BusyHandler;

/**
 * How the writer connection waits while another process holds the database's write lock: SQLite's
 * busy handler, with the busy timeout, and a report about once a second to whoever asked
 * ({@code Db.Builder.onWriteWait}).
 *
 * <p>Another process's write can last seconds: a sync that catches up on a million edits writes a
 * few hundred thousand rows in one transaction (docs/PERFORMANCE.md, "A device back from
 * holiday"). A save meanwhile waits for it rather than fails, and a command line can say why it is
 * quiet. The waits grow as SQLite's own do (1 ms to 100 ms), so a short lock costs little and a
 * long one few wake-ups.
 *
 * <p>Runs on the thread whose statement waits, inside SQLite's call: the writer is used by one
 * thread at a time (the write lock), so the state of one wait needs no guarding. An interrupt ends
 * the wait with SQLITE_BUSY, the interrupt flag restored.
 */
final class WriteWait extends BusyHandler {
    private static final System.Logger LOG = System.getLogger(WriteWait.class.getName());
    private static final int[] DELAYS_MS = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
    private static final long REPORT_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    private final long timeoutNanos;
    private final Consumer<Duration> listener;
    private long startedAt;
    private long reportedAt;

    private WriteWait(Duration timeout, Consumer<Duration> listener) {
        this.timeoutNanos = timeout.toNanos();
        this.listener = listener;
    }

    /** Puts the handler on {@code c}, replacing the plain busy timeout; {@code listener} may be null. */
    static void install(Connection c, Duration timeout, Consumer<Duration> listener) throws SQLException {
        BusyHandler.setHandler(c, new WriteWait(timeout, listener));
    }

    /** {@code calls}: how often SQLite called before in this wait, 0 at its start. 1 to try again, 0 to give up. */
    @Override
    protected int callback(int calls) {
        long now = System.nanoTime();
        if (calls == 0) {
            startedAt = now;
            reportedAt = now;
        }
        long waited = now - startedAt;
        long left = timeoutNanos - waited;
        if (left <= 0) {
            return 0;
        }
        if (listener != null && now - reportedAt >= REPORT_EVERY_NANOS) {
            reportedAt = now;
            report(Duration.ofNanos(waited));
        }
        long delayNanos = Math.min(left, DELAYS_MS[Math.min(calls, DELAYS_MS.length - 1)] * 1_000_000L);
        try {
            Thread.sleep(delayNanos / 1_000_000L, (int) (delayNanos % 1_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        return 1;
    }

    /** A listener that fails must not end the wait, which a save depends on: it is logged instead. */
    private void report(Duration waited) {
        try {
            listener.accept(waited);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "A write-wait listener failed", e);
        }
    }
}
