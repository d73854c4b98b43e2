package dev.tandem.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * How long one read may work before it is stopped with {@link QueryTooCostlyException}: the bound on the cost of
 * a query whose shape comes from outside (a saved filter synced from another device, a search someone typed),
 * where a bound on its size alone lets a short query scan the store many times over.
 *
 * <p>The time is the reading thread's work from the start of the read ({@link #workNanos()}: its CPU time where
 * the JVM measures it, so a read that waits for a core on a busy machine is not charged for the wait; wall time is
 * bounded too, at ten times the budget). Both the statement's own steps and the work SQLite does inside one step
 * (a full-text index merging many words, a sort) are stopped once it is over. A budget says nothing about the
 * rows the read returns: a caller bounds those with {@code LIMIT}.
 *
 * <p>A read may also end before its budget is spent, once its answer is no longer wanted ({@link #stoppedWhen}: a
 * count made stale by a newer commit). It is then stopped with {@link QueryStoppedException}, which is not a
 * verdict on its cost.
 *
 * @param time     at most this long; more than zero and at most an hour
 * @param stopWhen asked on the reading thread before the read and every few thousand of its steps while it runs
 *                 (tens of microseconds of work apart); once it answers true the read is stopped. It must be
 *                 cheap and must not read the database. {@link #NEVER} when none was given.
 */
public record QueryBudget(Duration time, BooleanSupplier stopWhen) {
    /** The stop signal of a budget that only its time ends. */
    public static final BooleanSupplier NEVER = () -> false;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU = cpuTimeMeasured();

    public QueryBudget {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(stopWhen, "stopWhen");
        if (time.isNegative() || time.isZero() || time.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("time: must be more than zero and at most an hour, was " + time);
        }
    }

    /** A budget of {@code time} that only its time ends. */
    public QueryBudget(Duration time) {
        this(time, NEVER);
    }

    /** A budget of {@code millis} milliseconds. */
    public static QueryBudget ofMillis(long millis) {
        return new QueryBudget(Duration.ofMillis(millis));
    }

    /**
     * This budget, its read also stopped (with {@link QueryStoppedException}) once {@code stop} answers true: for
     * a caller whose answer can stop being wanted while the read runs. A budget takes one signal; this one
     * replaces any before.
     */
    public QueryBudget stoppedWhen(BooleanSupplier stop) {
        return new QueryBudget(time, Objects.requireNonNull(stop, "stop"));
    }

    /** Whether a stop signal was given ({@link #stoppedWhen}). */
    public boolean stoppable() {
        return stopWhen != NEVER;
    }

    /**
     * The work the current thread has done, in nanoseconds, as a budget counts it: its CPU time where the JVM
     * measures it, else the wall clock. The difference of two readings is what the thread spent between them; a
     * caller that sizes a budget by timing a query measures it so.
     */
    public static long workNanos() {
        return CPU ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** As {@link #workNanos()}, of the live thread {@code threadId}. */
    public static long workNanos(long threadId) {
        long t = CPU ? THREADS.getThreadCpuTime(threadId) : -1;
        return t >= 0 ? t : System.nanoTime();
    }

    private static boolean cpuTimeMeasured() {
        try {
            return THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled()
                    && THREADS.getCurrentThreadCpuTime() >= 0;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
