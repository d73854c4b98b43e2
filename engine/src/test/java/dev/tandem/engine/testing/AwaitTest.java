package dev.tandem.engine.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The tests' wait: it returns once the condition holds, and fails saying what it waited for and what it last saw. */
@Tag("unit")
class AwaitTest {
    @Test
    void until_valueReachedAfterSomePolls_returnsIt() {
        AtomicInteger reads = new AtomicInteger();
        int seen = Await.until("the fifth read", reads::incrementAndGet, n -> n >= 5);
        assertEquals(5, seen);
    }

    @Test
    void until_neverHolds_failsNamingWhatAndTheLastValue() {
        AtomicInteger reads = new AtomicInteger();
        long started = System.nanoTime();
        AssertionError e = assertThrows(AssertionError.class,
                () -> Await.until("a negative count", Duration.ofMillis(200), reads::incrementAndGet, n -> n < 0));
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(200).toNanos(), "it waited the whole timeout");
        assertTrue(e.getMessage().contains("a negative count"), e.getMessage());
        assertTrue(e.getMessage().endsWith("last seen: " + reads.get()), e.getMessage());
    }

    @Test
    void until_probeThrows_failsAtOnceWithTheCause() {
        IOException cause = new IOException("disk gone");
        AssertionError e = assertThrows(AssertionError.class, () -> Await.until("a file", () -> {
            throw cause;
        }));
        assertSame(cause, e.getCause());
        IllegalStateException unchecked = new IllegalStateException("bug");
        assertSame(unchecked, assertThrows(IllegalStateException.class, () -> Await.until("a state", () -> {
            throw unchecked;
        })));
    }

    @Test
    void until_interrupted_failsWithTheFlagRestored() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(AssertionError.class, () -> Await.until("nothing", () -> false));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void equal_otherValue_failsWithBoth() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Await.equal("the word", Duration.ofMillis(50), "yes", () -> "no"));
        assertTrue(e.getMessage().contains("the word to be yes") && e.getMessage().endsWith("last seen: no"),
                e.getMessage());
    }

    @Test
    void pastThisMillisecond_returnsOnlyOnceTheClockMoved() {
        long before = System.currentTimeMillis();
        Await.pastThisMillisecond();
        assertTrue(System.currentTimeMillis() > before);
    }
}
