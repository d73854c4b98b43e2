package dev.tandem.engine.internal.clock;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A hybrid logical clock whose readings are UUIDv7 change ids, with bounded drift.
 *
 * <p>Invariants:
 * <ol>
 *   <li>Every id returned by {@link #next()} is greater (in {@link Uuid7#ORDER}) than every id this
 *       clock returned before, even within one millisecond and even if the wall clock steps back by
 *       up to {@link #maxDriftMillis}. A wall clock that steps back further was wrong before (it
 *       ran ahead and has been fixed), and the clock follows it back.</li>
 *   <li>Every id returned after {@link #observe(UUID)} is greater than the observed id, unless that
 *       id lies more than {@link #maxDriftMillis} ahead of this wall clock. Sync calls observe for
 *       every pulled change, so a later local edit wins over anything this device has seen.</li>
 *   <li>{@link #nextAfter(UUID)} is greater than the given id, always: a local edit takes it with
 *       the ids of the values it replaces, so it wins over them even when they came from a device
 *       whose clock ran ahead (docs/SYNC_FORMAT.md, "Clocks").</li>
 * </ol>
 * The state is the pair (millis, counter) of the greatest id issued or observed. {@code next()}
 * moves millis to the wall clock when the wall clock is ahead, else bumps the 12-bit counter; when
 * the counter overflows it borrows the next millisecond, so the clock runs slightly ahead under a
 * burst of more than 4096 ids per millisecond and catches up when the burst ends.
 *
 * <p>The low 62 bits: a change id's are the next number of a sequence that starts at a random
 * value when the clock is made (a randomly seeded counter, as in RFC 9562's "monotonic random"
 * method, except that it does not restart at each tick), so the change ids of one
 * session follow one another and a batch carries each as a difference of a byte or two
 * (docs/SYNC_FORMAT.md, "Batch body"). They still tell ids apart: within a session no two ever
 * share them, and across sessions and devices the starts are 62 random bits apart. Ids that people
 * read and type ({@link #nextRandom()}, a new row's id) keep 62 fresh random bits, so two rows made
 * one after the other do not end alike.
 *
 * <p>Why the bound: a plain HLC adopts any id it observes, so one device whose clock is a day ahead
 * drags every clock it syncs with a day ahead, for good: its concurrent edits win every conflict
 * until real time catches up, even after its clock is fixed; and a forged id near the end of the
 * 48-bit range would leave no room for later ids at all. Ten minutes is far beyond the drift of
 * any clock that is set at all (NTP keeps them within a second; a clock set by hand is off by
 * minutes at most) and small against the mistakes that matter (an hour, a time zone, a day).
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
    /** How far ahead of the wall clock an observed id may be and still be adopted. */
    public static final Duration DEFAULT_MAX_DRIFT = Duration.ofMinutes(10);
    private static final System.Logger LOG = System.getLogger(HybridClock.class.getName());

    private final Clock wall;
    private final long maxDriftMillis;
    private final SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
    /** The low bits of the next change id; see the class comment. */
    private long sequence = random.nextLong();
    private long millis;
    private int counter;

    public HybridClock(Clock wall) {
        this(wall, DEFAULT_MAX_DRIFT);
    }

    public HybridClock(Clock wall, Duration maxDrift) {
        this.wall = wall;
        this.maxDriftMillis = maxDrift.toMillis();
    }

    public long maxDriftMillis() {
        return maxDriftMillis;
    }

    /** The next change id: the next tick, with the next number of this clock's sequence. */
    public synchronized UUID next() {
        tick();
        return Uuid7.of(millis, counter, sequence++);
    }

    /**
     * The next tick with 62 random low bits: for a new row's id, which people read and type (the
     * command line shows its end), so consecutive rows' ids should not look alike.
     */
    public synchronized UUID nextRandom() {
        tick();
        return Uuid7.of(millis, counter, random.nextLong());
    }

    private void tick() {
        long now = wall.millis();
        if (millis > now + maxDriftMillis) {
            // The clock ran ahead on a wall clock that has since been set right: follow it back,
            // or this device would keep issuing future ids, winning every conflict, until real
            // time catches up. Own values it replaces still lose to its new edits (nextAfter).
            LOG.log(System.Logger.Level.WARNING, "The clock went back by " + (millis - now) / 1000 + " s; following it");
            millis = now;
            counter = 0;
        }
        if (now > millis) {
            millis = now;
            counter = 0;
        } else if (counter < Uuid7.MAX_COUNTER) {
            counter++;
        } else {
            millis++;
            counter = 0;
        }
    }

    /** The wall clock behind this clock, for decisions that need "now", so tests can move it. */
    public long wallMillis() {
        return wall.millis();
    }

    /**
     * Advances the clock past {@code id}, unless {@code id} lies more than the drift bound ahead of
     * the wall clock: then it is not adopted, and {@code false} tells the caller so.
     */
    public synchronized boolean observe(UUID id) {
        long m = Uuid7.millis(id);
        if (m > wall.millis() + maxDriftMillis) {
            return false;
        }
        int c = Uuid7.counter(id);
        if (m > millis || (m == millis && c > counter)) {
            millis = m;
            counter = c;
        }
        return true;
    }

    /**
     * An id greater than {@code floor} and than every id issued before: {@link #next()}, or, when
     * {@code floor} is a future id this clock did not adopt, the next id after it. The clock does
     * not move there, so only the attribute that needs it carries the future time onward.
     */
    public synchronized UUID nextAfter(UUID floor) {
        UUID id = next();
        if (floor == null || Uuid7.ORDER.compare(id, floor) > 0) {
            return id;
        }
        long m = Uuid7.millis(floor);
        int c = Uuid7.counter(floor);
        return c < Uuid7.MAX_COUNTER ? Uuid7.of(m, c + 1, sequence++) : Uuid7.of(m + 1, 0, sequence++);
    }
}
