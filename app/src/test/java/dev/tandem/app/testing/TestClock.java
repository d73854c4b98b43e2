package dev.tandem.app.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;

/**
 * A clock that runs like the real one but that a test can set or move, e.g. across midnight. It
 * keeps running so that records saved one after another still get increasing timestamps. Copies
 * made with {@link #withZone} share the offset, as a store's zoned view of the clock must.
 */
@Tag("unit")
public final class TestClock extends Clock {
    private final AtomicLong offsetNanos;
    private final ZoneId zone;

    public TestClock(ZoneId zone) {
        this(new AtomicLong(), zone);
    }

    private TestClock(AtomicLong offsetNanos, ZoneId zone) {
        this.offsetNanos = offsetNanos;
        this.zone = zone;
    }

    /** From now on the clock reads {@code at}, then runs on. */
    public void set(Instant at) {
        offsetNanos.set(Duration.between(Instant.now(), at).toNanos());
    }

    public void advance(Duration d) {
        offsetNanos.addAndGet(d.toNanos());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new TestClock(offsetNanos, z);
    }

    @Override
    public Instant instant() {
        return Instant.now().plusNanos(offsetNanos.get());
    }
}
