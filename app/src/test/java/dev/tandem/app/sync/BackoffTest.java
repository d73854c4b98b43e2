package dev.tandem.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new Random(7));

    @Test
    void delay_growsExponentiallyWithinJitterBounds() {
        for (int f = 1; f <= 6; f++) {
            long full = 2000L << (f - 1);
            long d = backoff.delay(f, true).toMillis();
            assertTrue(d >= full / 2 && d <= full, "failure " + f + ": " + d);
        }
    }

    @Test
    void delay_manyFailures_isCapped() {
        long d = backoff.delay(40, true).toMillis();
        assertTrue(d <= Duration.ofMinutes(5).toMillis() && d >= Duration.ofMinutes(5).toMillis() / 2);
    }

    @Test
    void delay_notRetryable_waitsAboutTheCap() {
        assertTrue(backoff.delay(1, false).toMillis() >= Duration.ofMinutes(5).toMillis() / 2);
    }

    @Test
    void delay_jitter_spreadsDevices() {
        Backoff a = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new Random(1));
        Backoff b = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new Random(2));
        assertTrue(a.delay(5, true).toMillis() != b.delay(5, true).toMillis());
        assertEquals(0, new Backoff(Duration.ZERO, Duration.ZERO, new Random()).delay(3, true).toMillis());
    }
}
