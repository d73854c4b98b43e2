package dev.tandem.engine.internal.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.changelog.SyncLimits;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.sync.SyncException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.CRC32C;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * Inputs for fuzzing the decoders, each from a {@link Random} so a failure reproduces from its
 * seed: valid objects, valid objects with their body mutated and the frame's checksum made right
 * again (so the MessagePack parser, not the checksum, meets the damage), token soups of MessagePack
 * headers that claim huge sizes, and raw junk.
 */
final class FuzzInputs {
    static final String KEY = "batches/fuzz/000000000001";
    private static final HybridClock CLOCK = new HybridClock(Clock.systemUTC());
    private static final String[] NAMES = {"item", "list", "title", "notes", "_deleted", "id", "x", "A_b9"};
    /** MessagePack headers that claim ~4 G elements or bytes, with nothing behind them. */
    static final byte[][] HUGE_CLAIMS = {
        {(byte) 0xdd, -1, -1, -1, -1}, {(byte) 0xdf, -1, -1, -1, -1}, {(byte) 0xdb, -1, -1, -1, -1},
        {(byte) 0xc6, -1, -1, -1, -1}, {(byte) 0xc9, -1, -1, -1, -1, 1}, {(byte) 0xdc, -1, -1},
        {(byte) 0xcf, -1, -1, -1, -1, -1, -1, -1, -1}, {(byte) 0xc6, 0x7f, -1, -1, -1}, {(byte) 0xdd, 0x7f, -1, -1, -1},
    };

    private FuzzInputs() {
    }

    static final String SNAPSHOT_ID = "1700000000000-00000000-0000-4000-8000-000000000000";

    /** A valid snapshot part or manifest. */
    static byte[] validSnapshotObject(Random r) {
        if (r.nextBoolean()) {
            return SnapshotCodec.encodeManifest(new Snapshot.Manifest(SNAPSHOT_ID, UUID.randomUUID(), r.nextLong(),
                    Map.of(UUID.randomUUID(), (long) r.nextInt(100)), 1 + r.nextInt(5), r.nextInt(1000)));
        }
        List<SnapshotEntry> entries = new ArrayList<>();
        for (ChangeData c : batch(r).changes()) {
            entries.add(new SnapshotEntry(UUID.randomUUID(), c));
        }
        return SnapshotCodec.encodePart(new Snapshot.Part(SNAPSHOT_ID, 1, entries));
    }

    /** Any of the kinds below; {@code head} says which decoder the object is meant for. */
    static byte[] any(Random r, boolean head) {
        return switch (r.nextInt(5)) {
            case 0 -> junk(r);
            case 1 -> wrapAnyVersion(r, head, tokenSoup(r));
            case 2 -> mutate(r, head ? validHead(r) : validBatch(r), 1 + r.nextInt(4));
            case 3 -> mutateFrame(r, head ? validHead(r) : validBatch(r));
            default -> wrapAnyVersion(r, head, junk(r));
        };
    }

    /** {@code body} in a head or batch frame, at any version the decoder reads. */
    static byte[] wrapAnyVersion(Random r, boolean head, byte[] body) {
        byte kind = head ? Frame.KIND_HEAD : Frame.KIND_BATCH;
        return Frame.wrap(kind, 1 + r.nextInt(Frame.maxVersion(kind)), body);
    }

    /** {@code body} framed like {@code valid}: its kind and version. */
    static byte[] rewrap(byte[] valid, byte[] body) {
        return Frame.wrap(valid[6], Frame.version(valid), body);
    }

    static byte[] junk(Random r) {
        byte[] b = new byte[r.nextInt(600)];
        r.nextBytes(b);
        return b;
    }

    static Batch batch(Random r) {
        List<ChangeData> changes = new ArrayList<>();
        for (int i = r.nextInt(5); i > 0; i--) {
            List<FieldData> fields = new ArrayList<>();
            int n = r.nextInt(4);
            for (int j = 0; j < n; j++) {
                fields.add(new FieldData(NAMES[2 + j], value(r), r.nextBoolean() ? null : id(r)));
            }
            String entity = switch (r.nextInt(3)) {
                case 0 -> id(r).toString();
                case 1 -> UUID.randomUUID().toString();
                default -> "e" + r.nextInt(1000);
            };
            changes.add(new ChangeData(id(r), NAMES[r.nextInt(2)], entity, fields));
        }
        return new Batch(UUID.randomUUID(), 1 + r.nextInt(1000), changes);
    }

    /** A UUIDv7: mostly the next change id (written as a difference in layout 2), else a random one. */
    static UUID id(Random r) {
        return r.nextInt(4) == 0 ? CLOCK.nextRandom() : CLOCK.next();
    }

    /** Everything a batch holds, as text (values typed, blobs in hex), for comparing two. */
    static String canonical(Batch b) {
        StringBuilder s = new StringBuilder(b.device() + "/" + b.seq() + "\n");
        for (ChangeData c : b.changes()) {
            s.append(c.id()).append(' ').append(c.table()).append(' ').append(c.entity());
            for (FieldData f : c.fields()) {
                Object v = f.value();
                s.append(" | ").append(f.name()).append('=').append(v == null ? "nil" : v.getClass().getSimpleName())
                        .append(':').append(v instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : v)
                        .append(" replaces ").append(f.replaces());
            }
            s.append('\n');
        }
        return s.toString();
    }

    static Object value(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> null;
            case 1 -> r.nextLong();
            case 2 -> r.nextDouble();
            case 3 -> "v".repeat(r.nextInt(40));
            case 4 -> {
                byte[] b = new byte[r.nextInt(40)];
                r.nextBytes(b);
                yield b;
            }
            default -> (long) r.nextInt(2);
        };
    }

    /** A batch as this version writes it (layout 2), or now and then as versions before it did (layout 1). */
    static byte[] validBatch(Random r) {
        Batch b = batch(r);
        return r.nextInt(4) == 0 ? LegacyBatchEncoder.encode(b, r.nextLong()) : BatchCodec.encode(b, r.nextLong());
    }

    static byte[] validHead(Random r) {
        Map<UUID, Long> cursors = new HashMap<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            cursors.put(UUID.randomUUID(), (long) r.nextInt(100));
        }
        return BatchCodec.encodeHead(new Head(UUID.randomUUID(), 1 + r.nextInt(100), r.nextLong(), cursors));
    }

    /** The object's body damaged {@code times} times, re-framed with a right checksum. */
    static byte[] mutate(Random r, byte[] valid, int times) {
        byte kind = valid[6];
        byte[] body = Frame.unwrap(valid, kind, KEY);
        for (int i = 0; i < times; i++) {
            body = mutateOnce(r, body);
        }
        return rewrap(valid, body);
    }

    static byte[] mutateOnce(Random r, byte[] b) {
        if (b.length == 0) {
            return new byte[] {(byte) r.nextInt()};
        }
        int at = r.nextInt(b.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (r.nextInt(6)) {
            case 0 -> {
                byte[] c = b.clone();
                c[at] ^= (byte) (1 << r.nextInt(8));
                return c;
            }
            case 1 -> {
                byte[] c = b.clone();
                c[at] = (byte) r.nextInt();
                return c;
            }
            case 2 -> {
                out.write(b, 0, at);
                out.write(r.nextInt());
                out.write(b, at, b.length - at);
            }
            case 3 -> {
                out.write(b, 0, at);
                out.write(b, at + 1, b.length - at - 1);
            }
            case 4 -> {
                byte[] claim = HUGE_CLAIMS[r.nextInt(HUGE_CLAIMS.length)];
                out.write(b, 0, at);
                out.write(claim, 0, claim.length);
                out.write(b, Math.min(b.length, at + 1), b.length - Math.min(b.length, at + 1));
            }
            default -> out.write(b, 0, at);
        }
        return out.toByteArray();
    }

    /** Header bytes changed (version, flags, kind, reserved, length) with the checksum made right. */
    static byte[] mutateFrame(Random r, byte[] valid) {
        byte[] b = valid.clone();
        int at = 4 + r.nextInt(8);
        b[at] = (byte) (r.nextBoolean() ? r.nextInt() : b[at] ^ (1 << r.nextInt(8)));
        CRC32C crc = new CRC32C();
        crc.update(b, 0, 12);
        crc.update(b, Frame.HEADER, b.length - Frame.HEADER);
        ByteBuffer.wrap(b).putInt(12, (int) crc.getValue());
        return b;
    }

    /** A stream of MessagePack tokens, mostly shaped like a batch or head, with wild sizes. */
    static byte[] tokenSoup(Random r) {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packArrayHeader(r.nextInt(8) == 0 ? r.nextInt(10) : 6);
            for (int i = 1 + r.nextInt(40); i > 0; i--) {
                switch (r.nextInt(13)) {
                    case 0 -> p.packArrayHeader(r.nextInt(5) == 0 ? Integer.MAX_VALUE : r.nextInt(8));
                    case 1 -> p.packMapHeader(r.nextInt(5) == 0 ? Integer.MAX_VALUE : r.nextInt(4));
                    case 2 -> p.packString(NAMES[r.nextInt(NAMES.length)]);
                    case 3 -> p.packBinaryHeader(16).writePayload(Uuid7.toBytes(r.nextBoolean() ? CLOCK.next() : UUID.randomUUID()));
                    case 4 -> p.packLong(r.nextInt(8) == 0 ? r.nextLong() : r.nextInt(8) - 1);
                    case 5 -> p.packDouble(r.nextDouble());
                    case 6 -> p.packNil();
                    case 7 -> p.packBoolean(r.nextBoolean());
                    case 8 -> p.packExtensionTypeHeader((byte) r.nextInt(), r.nextInt(3)).writePayload(new byte[0]);
                    case 9 -> p.writePayload(HUGE_CLAIMS[r.nextInt(HUGE_CLAIMS.length)]);
                    case 10 -> p.packRawStringHeader(r.nextInt(4) == 0 ? Integer.MAX_VALUE : r.nextInt(20));
                    // An id written against the previous one (layout 2), sometimes with a wild difference.
                    case 11 -> p.packArrayHeader(2).packLong(r.nextInt(3) == 0 ? r.nextLong() : r.nextInt(300) - 100)
                            .packLong(r.nextInt(3) == 0 ? r.nextLong() : r.nextInt(300) - 100);
                    default -> p.packBigInteger(BigInteger.ONE.shiftLeft(62 + r.nextInt(2)));
                }
            }
            return p.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Decodes {@code object} with the batch or head decoder: it must either succeed with output
     * that respects every limit, or fail with the engine's own format error naming the object.
     */
    static void decodeSafely(byte[] object, boolean head) {
        decodeSafely(object, head ? 1 : 0);
    }

    /** As above, for decoder 0 batch, 1 head, 2 snapshot part, 3 snapshot manifest. */
    static void decodeSafely(byte[] object, int decoder) {
        try {
            switch (decoder) {
                case 0 -> checkOutput(BatchCodec.decode(object, KEY));
                case 1 -> BatchCodec.decodeHead(object, KEY);
                case 2 -> SnapshotCodec.decodePart(object, KEY, SNAPSHOT_ID, 1).entries()
                        .forEach(e -> checkOutput(new Batch(e.author(), 1, List.of(e.change()))));
                default -> SnapshotCodec.decodeManifest(object, KEY, SNAPSHOT_ID);
            }
        } catch (SyncException e) {
            assertTrue(e.reason() == SyncException.Reason.CORRUPT || e.reason() == SyncException.Reason.UNSUPPORTED_FORMAT,
                    "reason " + e.reason() + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(KEY), "names the object: " + e.getMessage());
        } catch (Throwable t) {
            fail("decoder threw " + t + " for " + HexFormat.of().formatHex(object, 0, Math.min(object.length, 200)), t);
        }
    }

    private static void checkOutput(Batch b) {
        for (ChangeData c : b.changes()) {
            assertTrue(Uuid7.isV7(c.id()));
            assertTrue(SyncLimits.tableNameOk(c.table()), c.table());
            assertTrue(SyncLimits.entityOk(c.entity()), c.entity());
            for (FieldData f : c.fields()) {
                assertTrue(SyncLimits.fieldNameOk(f.name()), f.name());
                Object v = f.value();
                assertTrue(v == null || v instanceof Long || v instanceof Double || v instanceof String || v instanceof byte[],
                        String.valueOf(v));
            }
        }
    }
}
