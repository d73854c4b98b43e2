package dev.tandem.engine.internal.clock;

import java.util.Comparator;
import java.util.UUID;

/**
 * UUIDv7 layout (RFC 9562 section 5.7) as the engine uses it: 48-bit Unix milliseconds, version 7,
 * a 12-bit counter in {@code rand_a} (the RFC's "fixed-length dedicated counter", method 1), the
 * variant, and 62 bits that tell apart the ids of one tick ({@link HybridClock}: the next number of
 * a randomly seeded sequence for change ids, random for row ids). Big-endian byte order equals time order, so ids sort as BLOBs.
 */
public final class Uuid7 {
    /** Orders ids as unsigned 128-bit numbers: the order of their bytes and of their clocks. */
    public static final Comparator<UUID> ORDER = (a, b) -> {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    static final int MAX_COUNTER = 0xFFF;

    private Uuid7() {
    }

    static UUID of(long millis, int counter, long random) {
        long msb = (millis << 16) | 0x7000L | (counter & MAX_COUNTER);
        long lsb = 0x8000_0000_0000_0000L | (random & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(msb, lsb);
    }

    /**
     * An id at {@code millis} with random low bits, for a change no clock here made: a value written
     * outside Tandem's sync (a CalDAV server), kept so a person can see it lost.
     */
    public static UUID at(long millis) {
        return of(millis, 0, java.util.concurrent.ThreadLocalRandom.current().nextLong());
    }

    public static long millis(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }

    static int counter(UUID id) {
        return (int) (id.getMostSignificantBits() & MAX_COUNTER);
    }

    public static boolean isV7(UUID id) {
        return id.version() == 7 && id.variant() == 2;
    }

    public static byte[] toBytes(UUID id) {
        // Shifts rather than a ByteBuffer: called for every id a bulk load writes, often before the JIT has compiled it.
        byte[] b = new byte[16];
        long msb = id.getMostSignificantBits();
        long lsb = id.getLeastSignificantBits();
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) msb;
            b[8 + i] = (byte) lsb;
            msb >>>= 8;
            lsb >>>= 8;
        }
        return b;
    }

    public static UUID fromBytes(byte[] b) {
        if (b == null || b.length != 16) {
            throw new IllegalArgumentException("a UUID is 16 bytes, got " + (b == null ? "null" : b.length));
        }
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = msb << 8 | (b[i] & 0xFF);
            lsb = lsb << 8 | (b[8 + i] & 0xFF);
        }
        return new UUID(msb, lsb);
    }
}
