package dev.tandem.engine.internal.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * SQLite values in normal form ({@link SqlValues}) as MessagePack: nil, integer, float, string and
 * binary, one for one, so a value reads back with the storage class it was written with. Used by
 * the sync format's writer and by the changelog's attribute blobs. Reading here trusts its input;
 * what comes from a remote is read with limits by the sync format's own reader.
 */
public final class PackedValues {
    /**
     * A packer per thread, reused: a new one allocates and zeroes an 8 KiB buffer, which showed in
     * save profiles. One that grew for a large value is dropped rather than kept.
     */
    private static final ThreadLocal<MessageBufferPacker> PACKER = ThreadLocal.withInitial(() ->
            MessagePack.DEFAULT_PACKER_CONFIG.withBufferSize(512).newBufferPacker());
    private static final int KEEP_BYTES = 64 << 10;

    /** What to write into a fresh body. */
    @FunctionalInterface
    public interface Body {
        void write(MessagePacker p) throws IOException;
    }

    private PackedValues() {
    }

    /** The bytes {@code body} writes, through this thread's reused packer. */
    public static byte[] encode(Body body) {
        MessageBufferPacker p = PACKER.get();
        p.clear();
        try {
            body.write(p);
            byte[] bytes = p.toByteArray();
            if (bytes.length > KEEP_BYTES) {
                PACKER.remove();
            }
            return bytes;
        } catch (IOException e) {
            PACKER.remove();
            throw new IllegalStateException("encoding to memory cannot fail", e);
        } catch (RuntimeException e) {
            PACKER.remove(); // it may hold half a body
            throw e;
        }
    }

    public static void pack(MessagePacker p, Object v) throws IOException {
        if (v == null) {
            p.packNil();
        } else if (v instanceof Long l) {
            p.packLong(l);
        } else if (v instanceof Double d) {
            p.packDouble(d);
        } else if (v instanceof String s) {
            p.packString(s);
        } else if (v instanceof byte[] b) {
            p.packBinaryHeader(b.length);
            p.writePayload(b);
        } else {
            throw new IllegalArgumentException("not a normal-form SQLite value: " + v.getClass());
        }
    }

    /**
     * A string, decoded straight from its UTF-8 bytes (malformed bytes become U+FFFD, as with
     * {@link MessageUnpacker#unpackString}). {@code unpackString} resets a decoder and its buffer on
     * each unpacker's first string, which was a tenth of a merge's CPU where every blob is a new
     * unpacker.
     */
    public static String unpackString(MessageUnpacker u) throws IOException {
        int length = u.unpackRawStringHeader();
        return length == 0 ? "" : new String(u.readPayload(length), StandardCharsets.UTF_8);
    }

    public static Object unpack(MessageUnpacker u) throws IOException {
        switch (u.getNextFormat().getValueType()) {
            case NIL:
                u.unpackNil();
                return null;
            case INTEGER:
                return u.unpackLong();
            case FLOAT:
                return u.unpackDouble();
            case STRING:
                return unpackString(u);
            case BINARY:
                return u.readPayload(u.unpackBinaryHeader());
            default:
                throw new IOException("unexpected " + u.getNextFormat() + " as a value");
        }
    }
}
