package dev.tandem.app.sync;

import java.time.Duration;
import java.util.Random;

/**
 * Delay before the next try after {@code failures} failed syncs in a row: exponential from
 * {@code base}, capped, with "equal jitter" (half fixed, half random), so devices that failed
 * together do not retry together. Errors a retry cannot fix wait the cap.
 */
public final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final Random random;

    public Backoff(Duration base, Duration cap, Random random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    public Duration delay(int failures, boolean retryable) {
        long capMs = cap.toMillis();
        long ms;
        if (!retryable) {
            ms = capMs;
        } else {
            int exp = Math.min(Math.max(failures - 1, 0), 30);
            ms = Math.min(capMs, base.toMillis() << exp);
        }
        long half = ms / 2;
        return Duration.ofMillis(half + (half > 0 ? (long) (random.nextDouble() * (ms - half)) : 0));
    }
}
