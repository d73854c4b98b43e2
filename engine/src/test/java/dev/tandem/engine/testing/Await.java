package dev.tandem.engine.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The tests' one way to wait: poll a condition until it holds or a timeout passes, and fail naming
 * what was awaited and the last value seen. Tests wait on conditions, not on time; the few that must
 * let real time pass (a file time's granularity, a server's rate window, "nothing happens for N ms")
 * say so through {@link #quietFor}. The app's tests use this class too (they see the engine's test jar).
 *
 * <p>Polling starts at 1 ms and doubles up to 50 ms, so a condition met at once costs nothing and a
 * slow one is not queried in a hot loop. A probe's exception is the test's failure, never retried:
 * a condition that throws is a bug to see, not a state to wait out. An interrupt ends the wait with
 * the flag restored.
 */
public final class Await {
    /** How long {@link #until(String, Check)} waits: long enough for a loaded 2-core machine. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final long FIRST_POLL_NANOS = 1_000_000L;
    private static final long MAX_POLL_NANOS = 50_000_000L;

    private Await() {
    }

    /** A condition the test polls; it may throw what the code under test throws. */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }

    /** A value the test polls; it may throw what the code under test throws. */
    @FunctionalInterface
    public interface Probe<T> {
        T read() throws Exception;
    }

    /** Waits up to {@link #DEFAULT_TIMEOUT} until {@code condition} holds; {@code what} names it in the failure. */
    public static void until(String what, Check condition) {
        until(what, DEFAULT_TIMEOUT, condition);
    }

    /** Waits up to {@code timeout} until {@code condition} holds; {@code what} names it in the failure. */
    public static void until(String what, Duration timeout, Check condition) {
        until(what, timeout, condition::holds, Boolean.TRUE::equals);
    }

    /** Waits up to {@link #DEFAULT_TIMEOUT} until {@code value} reads something {@code done} accepts; returns it. */
    public static <T> T until(String what, Probe<T> value, Predicate<? super T> done) {
        return until(what, DEFAULT_TIMEOUT, value, done);
    }

    /**
     * Waits up to {@code timeout} until {@code value} reads something {@code done} accepts, and returns
     * that value; on timeout fails with {@code what} and the last value read.
     */
    public static <T> T until(String what, Duration timeout, Probe<T> value, Predicate<? super T> done) {
        long end = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_POLL_NANOS;
        while (true) {
            T last = read(what, value);
            if (done.test(last)) {
                return last;
            }
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("not within " + timeout + ": " + what + "; last seen: " + last);
            }
            pause(what, Math.min(pause, Math.max(0, end - System.nanoTime())));
            pause = Math.min(pause * 2, MAX_POLL_NANOS);
        }
    }

    /** Waits until {@code value} reads {@code expected} (by equals), failing with both values; for lists and states. */
    public static <T> void equal(String what, Duration timeout, T expected, Probe<T> value) {
        until(what + " to be " + expected, timeout, value, v -> Objects.equals(expected, v));
    }

    /**
     * Lets {@code time} of real time pass, for a test whose meaning needs it: {@code why} says what
     * (a file time must tick, a rate window must close, nothing may happen meanwhile). Never a
     * stand-in for waiting on something to happen: use {@link #until} for that.
     */
    public static void quietFor(Duration time, String why) {
        Objects.requireNonNull(why, "say why real time must pass");
        pause(why, time.toNanos());
    }

    /**
     * Waits until the wall clock has left the current millisecond: an edit made next is then later in
     * clock order than every edit made before (edits are stamped to the millisecond; two within one
     * are ordered by their random bits). A wait on the clock, not a guess at how long it takes.
     */
    public static void pastThisMillisecond() {
        long now = System.currentTimeMillis();
        until("the wall clock to pass " + now + " ms", () -> System.currentTimeMillis() > now);
    }

    private static <T> T read(String what, Probe<T> value) {
        try {
            return value.read();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while awaiting " + what, e);
        } catch (Exception e) {
            throw new AssertionError("awaiting " + what + " threw", e);
        }
    }

    private static void pause(String what, long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while awaiting " + what, e);
        }
    }
}
