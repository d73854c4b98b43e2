package dev.tandem.engine.internal.store;

import dev.tandem.engine.QueryBudget;
import dev.tandem.engine.QueryStoppedException;
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
 * steps: a progress handler, called every {@value #STEPS} steps (some tens of microseconds of work), stops the
 * statement once the budget is spent. (2) Work inside one step, which calls no progress handler: FTS5 merging
 * the doclists of many prefixes, a sort. A timer interrupts the connection once the budget is spent ({@code
 * sqlite3_interrupt}), which FTS5 and the sorter check. Both end the statement with {@code SQLITE_INTERRUPT},
 * read here as {@link QueryTooCostlyException} when the budget was spent, else as the error it is.
 *
 * <p>The budget's stop signal ({@link QueryBudget#stoppedWhen}: the caller no longer wants the answer) is asked
 * before the work starts and by the same progress handler, which then ends the statement the same way and
 * remembers why, so the read ends with {@link QueryStoppedException}, never as too costly. It is not asked
 * inside one step: such a read ends at its next step or at its budget. The timer is the budget's alone.
 *
 * <p>What is counted is the reading thread's CPU time where the JVM measures it (else wall time): a read that
 * waits for a core on a busy machine, or for a collection, has not worked meanwhile, and an honest query must
 * not be called too costly because of it. Time spent waiting for the disk uses no CPU, so wall time is bounded
 * too, at {@value #WALL_FACTOR} times the budget. The timer fires when the budget has passed on the wall clock,
 * and again for what is left while the thread has used less CPU than that.
 *
 * <p>Invariant: the timer interrupts only while this work runs on the connection. Interrupting is done under
 * the run's own lock, and the work's end takes the same lock to mark it finished before the connection goes
 * back to its pool; so a late timer never stops the next user of a pooled connection (and SQLite clears the
 * flag itself before the next statement once none runs). The handler is cleared in the same place.
 */
public final class BoundedRead {
    /** VM steps between two looks at the clock. */
    static final int STEPS = 4000;
    /** Wall time a read may take, in budgets, however little CPU it used (waiting for the disk). */
    static final int WALL_FACTOR = 10;

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
        if (budget.stopWhen().getAsBoolean()) {
            throw stopped();
        }
        SQLiteConnection physical = c.unwrap(SQLiteConnection.class);
        long allowed = budget.time().toNanos();
        Run run = new Run(physical, Thread.currentThread().getId(), allowed);
        ProgressHandler.setHandler(physical, STEPS, new ProgressHandler() {
            @Override
            protected int progress() {
                if (run.spent()) {
                    return 1;
                }
                if (budget.stopWhen().getAsBoolean()) {
                    run.stopped = true;
                    return 1;
                }
                return 0;
            }
        });
        run.arm(allowed);
        try {
            return work.apply(c);
        } catch (SQLException e) {
            if (interrupted(e) && run.stopped) {
                throw stopped();
            }
            if (interrupted(e) && run.spent()) {
                boolean worked = run.workSpent();
                throw new QueryTooCostlyException(worked
                        ? "The query took longer than its budget of " + budget.time().toMillis() + " ms and was stopped"
                        : "The query waited past " + WALL_FACTOR + " times its budget of " + budget.time().toMillis()
                                + " ms (a busy machine or disk) and was stopped", budget, worked);
            }
            throw e;
        } finally {
            run.finish();
            ProgressHandler.clearHandler(physical);
        }
    }

    private static QueryStoppedException stopped() {
        return new QueryStoppedException("The query was stopped: its answer was no longer wanted");
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

    /** One run: what it may spend, what it spent, and the guard that lets the timer interrupt only while it runs. */
    private static final class Run {
        private final SQLiteConnection connection;
        private final long threadId;
        private final long allowed;
        private final long startWork;
        private final long startWall;
        private boolean finished;
        private ScheduledFuture<?> alarm;
        /** Set by the progress handler, on the reading thread, when the stop signal ended the statement. */
        boolean stopped;

        Run(SQLiteConnection connection, long threadId, long allowed) {
            this.connection = connection;
            this.threadId = threadId;
            this.allowed = allowed;
            this.startWork = QueryBudget.workNanos();
            this.startWall = System.nanoTime();
        }

        /** On the reading thread: whether the budget is spent. */
        boolean spent() {
            return workSpent() || System.nanoTime() - startWall >= allowed * WALL_FACTOR;
        }

        /** On the reading thread: whether it did its budget's work (not only waited past the wall bound). */
        boolean workSpent() {
            return QueryBudget.workNanos() - startWork >= allowed;
        }

        synchronized void arm(long inNanos) {
            if (!finished) {
                alarm = TIMER.schedule(this::fire, Math.max(inNanos, 100_000), TimeUnit.NANOSECONDS);
            }
        }

        /** On the timer: interrupts when the reading thread spent its budget, else looks again for what is left. */
        private synchronized void fire() {
            if (finished) {
                return;
            }
            long wall = System.nanoTime() - startWall;
            long used = QueryBudget.workNanos(threadId) - startWork;
            if (used < allowed && wall < allowed * WALL_FACTOR) {
                arm(Math.min(allowed - used, allowed * WALL_FACTOR - wall));
                return;
            }
            try {
                connection.getDatabase().interrupt();
            } catch (SQLException closed) {
                // The connection is gone: nothing runs on it to stop.
            }
        }

        synchronized void finish() {
            finished = true;
            if (alarm != null) {
                alarm.cancel(false);
            }
        }
    }
}
