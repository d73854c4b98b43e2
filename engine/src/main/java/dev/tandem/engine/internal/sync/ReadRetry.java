package dev.tandem.engine.internal.sync;

import dev.tandem.engine.sync.SyncException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Reads again, with exponential backoff and full jitter, an object a store has not served yet: before retry {@code n} it sleeps a uniformly
 * random time in [0, base·2^n), so devices that failed together do not retry together. Used only
 * around idempotent calls (every storage call is: objects are immutable, create-if-absent cannot
 * create twice, deletes and reads repeat harmlessly). Sync itself does not retry whole syncs: the
 * app calls sync again later, and the S3 SDK retries each request with the same kind of backoff.
 */
final class ReadRetry {
    private ReadRetry() {
    }

    /** Calls {@code call} until it returns a value, at most {@code attempts} times, waiting with {@code pause}. */
    static <T> Optional<T> untilPresent(int attempts, long baseMillis, RetryPause pause, Supplier<Optional<T>> call) {
        Optional<T> result = call.get();
        for (int n = 0; result.isEmpty() && n < attempts - 1; n++) {
            sleep(pause, ThreadLocalRandom.current().nextLong(baseMillis << n) + 1);
            result = call.get();
        }
        return result;
    }

    private static void sleep(RetryPause pause, long millis) {
        try {
            pause.pause(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(SyncException.Reason.UNREACHABLE, "Interrupted while waiting to read again", e);
        }
    }
}
