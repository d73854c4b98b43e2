package dev.tandem.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Objects;

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
 * @param time at most this long; more than zero and at most an hour
 */
public record QueryBudget(Duration time) {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU = cpuTimeMeasured();

    public QueryBudget {
        Objects.requireNonNull(time, "time");
        if (time.isNegative() || time.isZero() || time.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("time: must be more than zero and at most an hour, was " + time);
        }
    }

    /** A budget of {@code millis} milliseconds. */
    public static QueryBudget ofMillis(long millis) {
        return new QueryBudget(Duration.ofMillis(millis));
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
