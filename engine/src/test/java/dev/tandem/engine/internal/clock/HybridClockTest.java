package dev.tandem.engine.internal.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.testing.ManualClock;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

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
    void observe_remoteIdAhead_nextIdIsGreater() {
        ManualClock wall = new ManualClock();
        HybridClock clock = new HybridClock(wall);
        HybridClock other = new HybridClock(new ManualClock(wall.millis.get() + 3_600_000));
        UUID remote = other.next();
        clock.observe(remote);
        UUID local = clock.next();
        assertTrue(Uuid7.ORDER.compare(remote, local) < 0);
        assertEquals(Uuid7.millis(remote), Uuid7.millis(local));
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
        assertTrue(java.util.Arrays.compareUnsigned(Uuid7.toBytes(a), Uuid7.toBytes(b)) < 0);
    }
}
