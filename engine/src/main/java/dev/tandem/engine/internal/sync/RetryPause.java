package dev.tandem.engine.internal.sync;

/**
 * What a read retry's back-off waits with ({@link ReadRetry}): the real clock in every engine a
 * person uses. A test whose remote lags by chance, not in time (a fault-injecting storage answers
 * "not there yet" by a random draw per call), passes one that only counts: the retries, their
 * number and their drawn delays stay exactly as they are, only the waiting goes.
 */
@FunctionalInterface
public interface RetryPause {
    /** Sleeps on the real clock. */
    RetryPause REAL = Thread::sleep;

    void pause(long millis) throws InterruptedException;
}
