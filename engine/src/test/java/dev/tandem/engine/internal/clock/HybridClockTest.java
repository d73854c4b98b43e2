package dev.tandem.engine.internal.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.testing.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class HybridClockTest {
    @Test
    void next_wallClockStepsBack_idsStillIncrease() {
        ManualClock wall = new ManualClock();
        HybridClock clock = new HybridClock(wall);
        UUID previous = clock.next();
        for (int i = 0; i < 10_000; i++) {
            if (i % 1000 == 500) {
                wall.millis.addAndGet(-60_000);
            } else if (i % 7 == 0) {
                wall.millis.incrementAndGet();
            }
            UUID next = clock.next();
            assertTrue(Uuid7.ORDER.compare(previous, next) < 0, previous + " !< " + next);
            assertTrue(Uuid7.isV7(next));
            previous = next;
        }
    }

    @Test
    void next_sameMillisecond_counterOverflowBorrowsNextMillisecond() {
        ManualClock wall = new ManualClock();
        HybridClock clock = new HybridClock(wall);
        UUID first = clock.next();
        UUID last = first;
        for (int i = 0; i < 5000; i++) {
            UUID next = clock.next();
            assertTrue(Uuid7.ORDER.compare(last, next) < 0);
            last = next;
        }
        assertEquals(Uuid7.millis(first) + 1, Uuid7.millis(last));
    }

    @Test
    void observe_remoteIdAheadWithinDrift_nextIdIsGreater() {
        ManualClock wall = new ManualClock();
        HybridClock clock = new HybridClock(wall);
        HybridClock other = new HybridClock(new ManualClock(wall.millis.get() + 5 * 60_000));
        UUID remote = other.next();
        assertTrue(clock.observe(remote));
        UUID local = clock.next();
        assertTrue(Uuid7.ORDER.compare(remote, local) < 0);
        assertEquals(Uuid7.millis(remote), Uuid7.millis(local));
    }

    @Test
    void observe_remoteIdADayAhead_notAdopted() {
        ManualClock wall = new ManualClock();
        HybridClock clock = new HybridClock(wall);
        UUID remote = new HybridClock(new ManualClock(wall.millis.get() + 86_400_000)).next();
        assertFalse(clock.observe(remote));
        UUID local = clock.next();
        assertEquals(wall.millis.get(), Uuid7.millis(local), "the clock stays with its wall clock");
        assertTrue(Uuid7.ORDER.compare(clock.nextAfter(remote), remote) > 0, "but can still outrank it");
    }

    @Test
    void observe_forgedIdAtTheEndOfTime_leavesTheClockUsable() {
        ManualClock wall = new ManualClock();
        HybridClock clock = new HybridClock(wall);
        UUID forged = Uuid7.of((1L << 48) - 1, Uuid7.MAX_COUNTER, -1);
        assertFalse(clock.observe(forged));
        UUID a = clock.next();
        UUID b = clock.next();
        assertTrue(Uuid7.ORDER.compare(a, b) < 0);
        assertEquals(wall.millis.get(), Uuid7.millis(b));
    }

    @Test
    void observe_boundIsConfigurable() {
        ManualClock wall = new ManualClock();
        HybridClock strict = new HybridClock(wall, Duration.ofSeconds(30));
        HybridClock lax = new HybridClock(wall, Duration.ofHours(2));
        UUID hourAhead = new HybridClock(new ManualClock(wall.millis.get() + 3_600_000)).next();
        assertFalse(strict.observe(hourAhead));
        assertTrue(lax.observe(hourAhead));
        assertEquals(600_000, new HybridClock(wall).maxDriftMillis(), "ten minutes unless told otherwise");
    }

    @Test
    void next_wallClockFixedAfterRunningADayAhead_followsItBack() {
        ManualClock wall = new ManualClock(1_700_000_000_000L + 86_400_000);
        HybridClock clock = new HybridClock(wall);
        UUID skewed = clock.next();
        wall.millis.set(1_700_000_000_000L);
        UUID fixed = clock.next();
        assertEquals(1_700_000_000_000L, Uuid7.millis(fixed), "ids follow the fixed clock");
        UUID edit = clock.nextAfter(skewed);
        assertTrue(Uuid7.ORDER.compare(edit, skewed) > 0, "an edit of a value it wrote while ahead still wins");
        assertEquals(Uuid7.millis(skewed), Uuid7.millis(edit));
        assertEquals(1_700_000_000_000L, Uuid7.millis(clock.next()), "and nextAfter does not move the clock");
    }

    @Test
    void nextAfter_floorAtFullCounter_borrowsTheNextMillisecond() {
        HybridClock clock = new HybridClock(new ManualClock());
        UUID floor = Uuid7.of(1_900_000_000_000L, Uuid7.MAX_COUNTER, -1);
        UUID after = clock.nextAfter(floor);
        assertTrue(Uuid7.ORDER.compare(after, floor) > 0);
        assertEquals(1_900_000_000_001L, Uuid7.millis(after));
        assertTrue(Uuid7.isV7(after));
    }

    @Test
    void observe_remoteIdBehind_changesNothing() {
        ManualClock wall = new ManualClock();
        HybridClock clock = new HybridClock(wall);
        UUID mine = clock.next();
        clock.observe(Uuid7.of(Uuid7.millis(mine) - 1000, 5, 0));
        UUID next = clock.next();
        assertTrue(Uuid7.ORDER.compare(mine, next) < 0);
        assertEquals(Uuid7.millis(mine), Uuid7.millis(next));
    }

    @Test
    void bytes_roundTripAndPreserveOrder() {
        HybridClock clock = new HybridClock(Clock.systemUTC());
        UUID a = clock.next();
        UUID b = clock.next();
        assertEquals(a, Uuid7.fromBytes(Uuid7.toBytes(a)));
        assertTrue(Arrays.compareUnsigned(Uuid7.toBytes(a), Uuid7.toBytes(b)) < 0);
    }

    /** The 62 low bits of an id. */
    static long low(UUID id) {
        return id.getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL;
    }

    @Test
    void next_consecutiveChangeIds_lowBitsCountUpByOne() {
        ManualClock wall = new ManualClock();
        HybridClock clock = new HybridClock(wall);
        UUID previous = clock.next();
        for (int i = 0; i < 5000; i++) {
            if (i % 3 == 0) {
                wall.millis.incrementAndGet();
            }
            // Row ids and floors in between take no number from the sequence change ids use.
            clock.nextRandom();
            UUID next = i % 2 == 0 ? clock.next() : clock.nextAfter(previous);
            assertEquals((low(previous) + 1) & 0x3FFF_FFFF_FFFF_FFFFL, low(next), previous + " then " + next);
            assertTrue(Uuid7.isV7(next));
            previous = next;
        }
    }

    @Test
    void next_twoClocksInOneMillisecond_neverTheSameId() {
        ManualClock wall = new ManualClock();
        HybridClock a = new HybridClock(wall);
        HybridClock b = new HybridClock(wall);
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            assertTrue(ids.add(a.next()));
            assertTrue(ids.add(b.next()));
        }
        // Same ticks, so the low bits alone tell the two devices' ids apart: their sequences start far apart.
        long gap = Math.abs(low(a.next()) - low(b.next()));
        assertTrue(gap > 1L << 32, "sequences start " + gap + " apart");
    }

    @Test
    void nextRandom_rowIdsOneAfterAnother_endUnlike() {
        HybridClock clock = new HybridClock(new ManualClock());
        UUID previous = clock.nextRandom();
        Set<String> ends = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            UUID next = clock.nextRandom();
            assertTrue(Uuid7.ORDER.compare(previous, next) < 0);
            assertTrue(Math.abs(low(next) - low(previous)) > 1L << 20, previous + " then " + next);
            ends.add(next.toString().substring(28));
            previous = next;
        }
        assertTrue(ends.size() >= 999, "the last 8 characters tell rows apart: " + ends.size());
    }
}
