package dev.tandem.engine.internal.wire;

import java.util.UUID;

/**
 * The ids that the next ids of a batch are written against, in batch layout 2 (docs/SYNC_FORMAT.md,
 * "Batch body"): the previous change id, the previous entity id written as a UUID, and the previous
 * replaced-change id. Each id travels either as its 16 bytes or as {@code [hi, lo]}, the wrapping
 * differences of its two 64-bit halves from the previous id of the same slot.
 *
 * <p>Why: a batch holds one device's changes in order, and {@code HybridClock} makes the change ids
 * of one session follow one another (the next tick, the next sequence number), so a change id
 * costs two one-byte integers instead of 18 bytes of which 8 are random to deflate. Edits of rows
 * that were made together replace changes that were made together, so the replaced ids follow one
 * another too. A slot holds nothing before its first id: that id is written whole.
 */
final class IdChain {
    /** Bytes of an id written whole: a bin 8 header and 16 bytes. */
    static final int WHOLE = 18;

    UUID change;
    UUID entity;
    UUID replaces;

    /** The hi half of {@code id} written against {@code previous}. */
    static long hi(UUID id, UUID previous) {
        return id.getMostSignificantBits() - previous.getMostSignificantBits();
    }

    static long lo(UUID id, UUID previous) {
        return id.getLeastSignificantBits() - previous.getLeastSignificantBits();
    }

    /** The id that {@code [hi, lo]} names against {@code previous}. */
    static UUID resolve(UUID previous, long hi, long lo) {
        return new UUID(previous.getMostSignificantBits() + hi, previous.getLeastSignificantBits() + lo);
    }

    /** Bytes of {@code [hi, lo]} in MessagePack, as msgpack-java packs each long (the smallest form). */
    static int relativeSize(UUID id, UUID previous) {
        return 1 + intSize(hi(id, previous)) + intSize(lo(id, previous));
    }

    static int intSize(long v) {
        if (v >= -32 && v <= 127) {
            return 1;
        }
        if (v >= -128 && v <= 255) {
            return 2;
        }
        if (v >= -32_768 && v <= 65_535) {
            return 3;
        }
        if (v >= Integer.MIN_VALUE && v <= 0xFFFF_FFFFL) {
            return 5;
        }
        return 9;
    }
}
