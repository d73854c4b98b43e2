package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The token buckets on an injected clock: the default rates as documented, and bounded memory. */
@Tag("unit")
class RateBucketsTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

    @Test
    void take_theTokensDefault_burstOf60ThenTenASecond() {
        RateBuckets b = new RateBuckets(Bearer.TOKEN_BURST, Bearer.TOKEN_PER_SECOND, 10, nanos::get);
        for (int i = 0; i < 60; i++) {
            assertEquals(0, b.take("t"), "try " + i);
        }
        assertEquals(1, b.take("t"));
        assertEquals(0, b.take("other"), "another key has its own bucket");

        nanos.addAndGet(100_000_000L);

        assertEquals(0, b.take("t"));
        assertEquals(1, b.take("t"));
    }

    @Test
    void take_aSlowRate_saysTheWholeSecondsToWait() {
        RateBuckets b = new RateBuckets(1, 0.1, 10, nanos::get);
        b.take("a");

        assertEquals(10, b.take("a"));
        nanos.addAndGet(5_000_000_000L);
        assertEquals(5, b.take("a"));
    }

    @Test
    void take_moreKeysThanKept_theLeastRecentlyUsedForgottenSoMemoryIsBounded() {
        RateBuckets b = new RateBuckets(1, 0.001, 2, nanos::get);
        b.take("a");
        b.take("b");
        b.take("c");

        // "a" was forgotten: it starts full again; "c" is still empty.
        assertEquals(0, b.take("a"));
        assertEquals(1000, b.take("c"));
    }
}
