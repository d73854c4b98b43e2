package dev.tandem.engine.internal.clock;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A hybrid logical clock whose readings are UUIDv7 change ids.
 *
 * <p>Invariants:
 * <ol>
 *   <li>Every id returned by {@link #next()} is greater (in {@link Uuid7#ORDER}) than every id this
 *       clock returned before, even within one millisecond and even if the wall clock steps back.</li>
 *   <li>Every id returned after {@link #observe(UUID)} is greater than the observed id. Sync calls
 *       observe for every pulled change before it commits the merge, so a later local edit always
 *       wins over anything this device has seen.</li>
 * </ol>
 * The state is the pair (millis, counter) of the greatest id issued or observed. {@code next()}
 * moves millis to the wall clock when the wall clock is ahead, else bumps the 12-bit counter; when
 * the counter overflows it borrows the next millisecond, so the clock runs slightly ahead under a
 * burst of more than 4096 ids per millisecond and catches up when the burst ends.
 *
 * <p>Why not a UUID library such as uuid-creator: their monotonic v7 generators cannot be told
 * about ids from other devices (invariant 2), which is the point of a hybrid logical clock. The
 * layout itself is small and lives in {@link Uuid7}.
 *
 * <p>Persistence: the clock keeps no file of its own. Every issued id is written to the changelog
 * in the transaction that uses it, and every observed id is merged into the changelog before the
 * merge commits; at open, the engine observes the greatest id in the changelog.
 */
public final class HybridClock {
    private final Clock wall;
    private final SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
    private long millis;
    private int counter;

    public HybridClock(Clock wall) {
        this.wall = wall;
    }

    public synchronized UUID next() {
        long now = wall.millis();
        if (now > millis) {
            millis = now;
            counter = 0;
        } else if (counter < Uuid7.MAX_COUNTER) {
            counter++;
        } else {
            millis++;
            counter = 0;
        }
        return Uuid7.of(millis, counter, random.nextLong());
    }

    /** The wall clock behind this clock, for decisions that need "now", so tests can move it. */
    public long wallMillis() {
        return wall.millis();
    }

    public synchronized void observe(UUID id) {
        long m = Uuid7.millis(id);
        int c = Uuid7.counter(id);
        if (m > millis || (m == millis && c > counter)) {
            millis = m;
            counter = c;
        }
    }
}
