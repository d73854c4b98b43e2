package dev.tandem.engine.internal.store;

import dev.tandem.engine.QueryBudget;
import dev.tandem.engine.QueryTooCostlyException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteException;

/**
 * Read work on one connection, stopped once it is over its {@link QueryBudget}.
 *
 * <p>Design: SQLite spends a query's time in two places, so there are two stops. (1) The virtual machine's
 * steps: a progress handler, called every {@value #STEPS} steps (a few microseconds of work), stops the
 * statement once the deadline passed. (2) Work inside one step, which calls no progress handler: FTS5 merging
 * the doclists of many prefixes, a sort. A timer interrupts the connection at the deadline ({@code
 * sqlite3_interrupt}), which FTS5 and the sorter check. Both end the statement with {@code SQLITE_INTERRUPT},
 * read here as {@link QueryTooCostlyException} when the deadline passed, else as the error it is.
 *
 * <p>Invariant: the timer interrupts only while this work runs on the connection. Interrupting is done under
 * the run's own lock, and the work's end takes the same lock to mark it finished before the connection goes
 * back to its pool; so a late timer never stops the next user of a pooled connection (and SQLite clears the
 * flag itself before the next statement once none runs). The handler is cleared in the same place.
 */
public final class BoundedRead {
    /** VM steps between two looks at the clock. */
    static final int STEPS = 1000;

    /** One daemon thread for every database's deadlines: a timer only calls {@code sqlite3_interrupt}. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private BoundedRead() {
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "tandem-query-budget");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    /** Runs {@code work} on {@code c}, stopping it at {@code budget}; the connection stays usable either way. */
    public static <R> R run(Connection c, QueryBudget budget, SqlFunction<R> work) throws SQLException {
        SQLiteConnection physical = c.unwrap(SQLiteConnection.class);
        long deadline = System.nanoTime() + budget.time().toNanos();
        Run run = new Run(physical);
        ProgressHandler.setHandler(physical, STEPS, new ProgressHandler() {
            @Override
            protected int progress() {
                return System.nanoTime() - deadline >= 0 ? 1 : 0;
            }
        });
        ScheduledFuture<?> alarm = TIMER.schedule(run::interrupt, budget.time().toNanos(), TimeUnit.NANOSECONDS);
        try {
            return work.apply(c);
        } catch (SQLException e) {
            if (interrupted(e) && System.nanoTime() - deadline >= 0) {
                throw new QueryTooCostlyException("The query took longer than its budget of "
                        + budget.time().toMillis() + " ms and was stopped", budget);
            }
            throw e;
        } finally {
            run.finish();
            alarm.cancel(false);
            ProgressHandler.clearHandler(physical);
        }
    }

    private static boolean interrupted(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException se && se.getResultCode() != null
                    && (se.getResultCode().code & 0xff) == 9) {
                return true;
            }
            if (t instanceof SQLException s && (s.getErrorCode() & 0xff) == 9) {
                return true;
            }
        }
        return false;
    }

    /** One run's guard: the timer interrupts only while it is not finished. */
    private static final class Run {
        private final SQLiteConnection connection;
        private boolean finished;

        Run(SQLiteConnection connection) {
            this.connection = connection;
        }

        synchronized void interrupt() {
            if (!finished) {
                try {
                    connection.getDatabase().interrupt();
                } catch (SQLException closed) {
                    // The connection is gone: nothing runs on it to stop.
                }
            }
        }

        synchronized void finish() {
            finished = true;
        }
    }
}
