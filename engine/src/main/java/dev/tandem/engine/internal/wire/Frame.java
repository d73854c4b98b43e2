package dev.tandem.engine.internal.wire;

import dev.tandem.engine.sync.SyncException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The envelope of every remote object (see docs/SYNC_FORMAT.md):
 * <pre>
 *   magic "TNDM" (4) | version (1) | flags (1) | kind (1) | reserved (1)
 *   | body length (4, big-endian) | CRC32C (4) | body
 * </pre>
 * The CRC32C covers the first 12 header bytes and the body as stored, so any flipped bit fails it.
 * Flag bit 0 means the body is deflated. The version is per kind: batches are at layout 2 (ids as
 * differences, {@link IdChain}) and snapshot parts at layout 2 (columns, {@link PartColumns}), and both still
 * read layout 1; every other kind is at 1. A version past
 * what this build reads is {@code UNSUPPORTED_FORMAT} ("update Tandem"), never corrupt. Readers check magic, version, the stated length against
 * the real one and against {@link #MAX_OBJECT}, the checksum, and inflate into a buffer capped at
 * {@link #MAX_INFLATED}, before any byte of the body is parsed.
 */
public final class Frame {
    /** The version of every kind but batches. */
    public static final int VERSION = 1;
    /** The batch layout written; 1 is still read. */
    public static final int BATCH_VERSION = 2;
    /** The snapshot part layout written (columns, {@link PartColumns}); 1 is still read. */
    public static final int PART_VERSION = 2;
    public static final int HEADER = 16;
    public static final int MAX_OBJECT = 64 << 20;
    /** Largest body after inflating: writers cut batches far below it (SyncLimits), and a reader
     * never holds more than this of a deflate bomb before refusing it. */
    public static final int MAX_INFLATED = 64 << 20;
    public static final byte KIND_BATCH = 1;
    public static final byte KIND_HEAD = 2;
    /** A part of a snapshot (docs/SYNC_FORMAT.md, "Snapshots"). */
    public static final byte KIND_SNAPSHOT_PART = 3;
    /** A snapshot's manifest, written last: a snapshot without one does not exist. */
    public static final byte KIND_SNAPSHOT_MANIFEST = 4;
    /** A device retired from the remote (docs/SYNC_FORMAT.md, "Retired devices"). */
    public static final byte KIND_RETIREMENT = 5;
    private static final byte[] MAGIC = {'T', 'N', 'D', 'M'};
    private static final int FLAG_DEFLATE = 1;

    private Frame() {
    }

    /** {@code body} framed at version {@link #VERSION}. */
    public static byte[] wrap(byte kind, byte[] body) {
        return wrap(kind, VERSION, body);
    }

    public static byte[] wrap(byte kind, int version, byte[] body) {
        Deflater deflater = new Deflater(6);
        byte[] stored;
        try {
            deflater.setInput(body);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 3));
            byte[] buf = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            stored = out.toByteArray();
        } finally {
            deflater.end();
        }
        boolean deflated = stored.length < body.length;
        if (!deflated) {
            stored = body;
        }
        ByteBuffer out = ByteBuffer.allocate(HEADER + stored.length).put(MAGIC).put((byte) version)
                .put((byte) (deflated ? FLAG_DEFLATE : 0)).put(kind).put((byte) 0).putInt(stored.length);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, 12);
        crc.update(stored);
        out.putInt((int) crc.getValue()).put(stored);
        return out.array();
    }

    /** The body of a valid object of {@code kind}; {@code key} names the object in errors. */
    public static byte[] unwrap(byte[] object, byte kind, String key) {
        if (object.length < HEADER) {
            throw new FormatException("Object " + key + " is truncated (" + object.length + " bytes)");
        }
        if (object.length > MAX_OBJECT) {
            throw new FormatException("Object " + key + " is too large (" + object.length + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(object);
        for (byte m : MAGIC) {
            if (in.get() != m) {
                throw new FormatException("Object " + key + " is not a Tandem object (bad magic)");
            }
        }
        int version = in.get() & 0xFF;
        int flags = in.get() & 0xFF;
        byte actualKind = in.get();
        // A version past every kind's is a newer Tandem's object whatever its kind says; past this
        // kind's only, it is one when the kind matches (else the kind check below names it).
        if (version > (actualKind == kind ? maxVersion(kind) : Math.max(BATCH_VERSION, PART_VERSION))) {
            throw new SyncException(SyncException.Reason.UNSUPPORTED_FORMAT, "Object " + key
                    + " has format version " + version + "; this Tandem reads up to " + maxVersion(kind));
        }
        if (in.get() != 0) {
            throw new FormatException("Object " + key + " has a non-zero reserved byte");
        }
        if (actualKind != kind) {
            throw new FormatException("Object " + key + " is of kind " + actualKind + ", expected " + kind);
        }
        long length = Integer.toUnsignedLong(in.getInt());
        int checksum = in.getInt();
        if (length != object.length - HEADER) {
            throw new FormatException("Object " + key + " states " + length + " body bytes but has "
                    + (object.length - HEADER) + " (truncated or padded)");
        }
        if (crc(object, (int) length) != checksum) {
            throw new FormatException("Object " + key + " fails its checksum (damaged in storage or transit)");
        }
        if ((flags & ~FLAG_DEFLATE) != 0) {
            throw new FormatException("Object " + key + " has unknown flags " + flags);
        }
        return (flags & FLAG_DEFLATE) != 0 ? inflate(object, HEADER, (int) length, key)
                : Arrays.copyOfRange(object, HEADER, object.length);
    }

    /** The highest version of {@code kind} this build reads (and writes). */
    public static int maxVersion(byte kind) {
        return kind == KIND_BATCH ? BATCH_VERSION : kind == KIND_SNAPSHOT_PART ? PART_VERSION : VERSION;
    }

    /** The version of an object {@link #unwrap} accepted. */
    public static int version(byte[] object) {
        return object[4] & 0xFF;
    }

    /** CRC32C of header bytes 0..11 and the body that follows the header. */
    private static int crc(byte[] object, int bodyLength) {
        CRC32C crc = new CRC32C();
        crc.update(object, 0, 12);
        crc.update(object, HEADER, bodyLength);
        return (int) crc.getValue();
    }

    /**
     * Inflates in two passes: the first only counts (into a small scratch buffer) and refuses a body
     * beyond {@link #MAX_INFLATED}, the second fills an array of exactly that size. So a deflate
     * bomb costs a little CPU and no memory, and a real body costs its size once, not a growing
     * buffer's doublings and final copy.
     */
    private static byte[] inflate(byte[] data, int offset, int length, String key) {
        int size = (int) inflate(data, offset, length, key, new byte[64 * 1024], true);
        byte[] out = new byte[size];
        inflate(data, offset, length, key, out, false);
        return out;
    }

    /** Inflates into {@code out} (counting only, overwriting it, when {@code scratch}); returns the size. */
    private static long inflate(byte[] data, int offset, int length, String key, byte[] out, boolean scratch) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data, offset, length);
            long total = 0;
            while (!inflater.finished()) {
                int at = scratch ? 0 : (int) total;
                int n = inflater.inflate(out, at, out.length - at);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new FormatException("Object " + key + " has a truncated compressed body");
                }
                if (n == 0 && !scratch && at == out.length) {
                    throw new FormatException("Object " + key + " inflated differently the second time");
                }
                total += n;
                if (total > MAX_INFLATED) {
                    throw new FormatException("Object " + key + " inflates beyond " + MAX_INFLATED + " bytes");
                }
            }
            if (inflater.getRemaining() > 0) {
                // Bytes after the end of the deflate stream: not something Frame.wrap writes.
                throw new FormatException("Object " + key + " has " + inflater.getRemaining()
                        + " bytes after its compressed body");
            }
            return total;
        } catch (DataFormatException e) {
            throw new FormatException("Object " + key + " has a corrupt compressed body", e);
        } finally {
            inflater.end();
        }
    }
}
