package dev.tandem.engine.internal.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncStorage;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SlowStorageTest extends SyncStorageContract {
    @Override
    protected SyncStorage newStorage() {
        return new SlowStorage(new MemoryStorage(), Duration.ofMillis(1), Duration.ofMillis(3), Duration.ofMillis(2));
    }

    @Test
    void get_interrupted_throwsUnreachableAndKeepsInterruptFlag() {
        SyncStorage slow = new SlowStorage(new MemoryStorage(), Duration.ofSeconds(30), Duration.ZERO, Duration.ZERO);
        Thread.currentThread().interrupt();
        try {
            SyncException e = assertThrows(SyncException.class, () -> slow.get("k"));
            assertEquals(SyncException.Reason.UNREACHABLE, e.reason());
            assertTrue(e.getMessage().contains("'k'"), e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted(), "interrupt flag restored");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void createIfAbsent_interrupted_writesNothing() {
        MemoryStorage inner = new MemoryStorage();
        SyncStorage slow = new SlowStorage(inner, Duration.ZERO, Duration.ofSeconds(30), Duration.ZERO);
        Thread.currentThread().interrupt();
        try {
            assertThrows(SyncException.class, () -> slow.createIfAbsent("k", bytes("v")));
        } finally {
            Thread.interrupted();
        }
        assertTrue(inner.get("k").isEmpty());
    }

    @Test
    void calls_payTheirLatency() {
        SyncStorage slow = new SlowStorage(new MemoryStorage(), Duration.ofMillis(40), Duration.ofMillis(80), Duration.ofMillis(60));
        assertTakesAtLeast(80, () -> slow.createIfAbsent("k", bytes("v")));
        assertTakesAtLeast(40, () -> slow.get("k"));
        assertTakesAtLeast(60, () -> slow.list("", null, 10));
        assertTakesAtLeast(80, () -> slow.delete("k"));
    }

    @Test
    void constructor_negativeLatency_isRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new SlowStorage(new MemoryStorage(), Duration.ofMillis(-1), Duration.ZERO, Duration.ZERO));
    }

    @Test
    void describe_isTheDelegates() {
        MemoryStorage inner = new MemoryStorage();
        assertEquals(inner.describe(), new SlowStorage(inner, Duration.ZERO, Duration.ZERO, Duration.ZERO).describe());
    }

    private static void assertTakesAtLeast(long millis, Runnable call) {
        long start = System.nanoTime();
        call.run();
        long took = (System.nanoTime() - start) / 1_000_000;
        assertTrue(took >= millis, "took " + took + " ms, expected at least " + millis);
    }
}
