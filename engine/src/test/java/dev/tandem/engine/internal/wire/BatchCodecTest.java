package dev.tandem.engine.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.sync.SyncException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

@Tag("unit")
class BatchCodecTest {
    final HybridClock clock = new HybridClock(Clock.systemUTC());
    final UUID device = UUID.randomUUID();

    Batch sample() {
        UUID entity = clock.next();
        UUID first = clock.next();
        List<ChangeData> changes = new ArrayList<>();
        changes.add(new ChangeData(first, "item", entity.toString(), List.of(
                new FieldData("title", "milk", null), new FieldData("done", 0L, null),
                new FieldData("weight", 1.5, null), new FieldData("blob", new byte[] {0, 1, (byte) 255}, null),
                new FieldData("notes", null, null))));
        changes.add(new ChangeData(clock.next(), "list", "inbox", List.of(new FieldData("name", "Inbox", first))));
        return new Batch(device, 7, changes);
    }

    @Test
    void decode_encoded_roundTrips() {
        Batch batch = sample();
        Batch back = BatchCodec.decode(BatchCodec.encode(batch, 42), "k");
        assertEquals(batch.device(), back.device());
        assertEquals(batch.seq(), back.seq());
        assertEquals(batch.changes().size(), back.changes().size());
        ChangeData c = back.changes().get(0);
        assertEquals("milk", c.fields().get(0).value());
        assertEquals(0L, c.fields().get(1).value());
        assertEquals(1.5, c.fields().get(2).value());
        assertArrayEquals(new byte[] {0, 1, (byte) 255}, (byte[]) c.fields().get(3).value());
        assertEquals(null, c.fields().get(4).value());
        assertEquals(batch.changes().get(1), back.changes().get(1));
    }

    @Test
    void decode_everyTruncation_throwsFormatError() {
        byte[] data = BatchCodec.encode(sample(), 1);
        for (int len = 0; len < data.length; len++) {
            byte[] cut = Arrays.copyOf(data, len);
            assertThrows(FormatException.class, () -> BatchCodec.decode(cut, "batches/x/1"));
        }
    }

    @Test
    void decode_everyBitFlip_throwsFormatErrorNamingObject() {
        byte[] data = BatchCodec.encode(sample(), 1);
        for (int i = 0; i < data.length * 8; i += 3) {
            byte[] flipped = data.clone();
            flipped[i / 8] ^= (byte) (1 << (i % 8));
            SyncException e = assertThrows(SyncException.class, () -> BatchCodec.decode(flipped, "batches/x/9"));
            assertTrue(e.getMessage().contains("batches/x/9"), e.getMessage());
        }
    }

    @Test
    void decode_lengthClaimingFourGigabytes_rejectedBeforeAllocating() {
        byte[] data = BatchCodec.encode(sample(), 1);
        ByteBuffer.wrap(data).putInt(8, -1);
        FormatException e = assertThrows(FormatException.class, () -> BatchCodec.decode(data, "big"));
        assertTrue(e.getMessage().contains("states"), e.getMessage());
    }

    @Test
    void decode_hostileTableName_rejected() throws Exception {
        for (String name : List.of("x; DROP TABLE item", "../../etc", "_tandem_change", "sqlite_master", "")) {
            MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
            p.packArrayHeader(6);
            p.packBinaryHeader(16);
            p.writePayload(Uuid7.toBytes(device));
            p.packLong(1).packLong(0);
            p.packArrayHeader(1).packString(name);
            p.packArrayHeader(0);
            p.packArrayHeader(0);
            byte[] object = Frame.wrap(Frame.KIND_BATCH, p.toByteArray());
            FormatException e = assertThrows(FormatException.class, () -> BatchCodec.decode(object, "evil"));
            assertTrue(e.getMessage().contains("evil"), e.getMessage());
        }
    }

    @Test
    void decode_wrongShape_rejected() throws Exception {
        MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
        p.packMapHeader(1).packString("hello").packString("world");
        byte[] object = Frame.wrap(Frame.KIND_BATCH, p.toByteArray());
        assertThrows(FormatException.class, () -> BatchCodec.decode(object, "shape"));
        assertThrows(FormatException.class, () -> BatchCodec.decode(new byte[0], "empty"));
        assertThrows(FormatException.class, () -> BatchCodec.decodeHead(BatchCodec.encode(sample(), 1), "kind"));
    }

    @Test
    void encode_idsThatFollowOneAnother_writtenAsDifferences() {
        // Renames of 200 rows made together: the shape of a bulk edit, each change one 20-byte title.
        List<UUID> inserts = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(clock.nextRandom().toString());
            inserts.add(clock.next());
        }
        List<ChangeData> edits = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            edits.add(new ChangeData(clock.next(), "item", rows.get(i),
                    List.of(new FieldData("title", "abcdefghij".repeat(2), inserts.get(i)))));
        }
        Batch batch = new Batch(device, 1, edits);
        byte[] layout2 = BatchCodec.encode(batch, 0);
        int body2 = Frame.unwrap(layout2, Frame.KIND_BATCH, "k").length;
        int body1 = Frame.unwrap(LegacyBatchEncoder.encode(batch, 0), Frame.KIND_BATCH, "k").length;
        assertEquals(Frame.BATCH_VERSION, Frame.version(layout2));
        // Per change: the change id and the replaced id shrink from 18 bytes to 3, the row id to 12 at most.
        assertTrue(body2 <= body1 - 200 * 36, "layout 2 body " + body2 + " B, layout 1 " + body1 + " B");
        assertEquals(FuzzInputs.canonical(batch), FuzzInputs.canonical(BatchCodec.decode(layout2, "k")));
    }

    @Test
    void decode_everyIdForm_roundTrips() {
        UUID a = clock.next();
        UUID b = clock.next();
        // Ids out of order, a difference that wraps around the low 62 bits, random ids that travel
        // whole, text entities between UUID ones, and replaced ids with nil between them.
        UUID low = new UUID(a.getMostSignificantBits(), 0x8000_0000_0000_0000L);
        UUID high = new UUID(a.getMostSignificantBits() + 1, 0xBFFF_FFFF_FFFF_FFFFL);
        List<ChangeData> changes = List.of(
                new ChangeData(b, "item", a.toString(), List.of(new FieldData("title", "x", null))),
                new ChangeData(a, "item", "inbox", List.of(new FieldData("title", "y", b), new FieldData("done", 1L, null))),
                new ChangeData(high, "list", b.toString(), List.of(new FieldData("name", "z", a))),
                new ChangeData(low, "list", UUID.randomUUID().toString(), List.of(new FieldData("name", null, high))),
                new ChangeData(clock.nextRandom(), "item", "inbox", List.of()),
                new ChangeData(clock.next(), "item", a.toString(), List.of(new FieldData("_deleted", 1L, UUID.randomUUID()))));
        Batch batch = new Batch(device, 3, changes);
        assertEquals(FuzzInputs.canonical(batch), FuzzInputs.canonical(BatchCodec.decode(BatchCodec.encode(batch, 0), "k")));
    }

    /** A layout 2 batch body of one change, whose id, entity and fields the caller writes. */
    byte[] layout2(int version, Body change) throws Exception {
        MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
        p.packArrayHeader(6);
        p.packBinaryHeader(16).writePayload(Uuid7.toBytes(device));
        p.packLong(1).packLong(0);
        p.packArrayHeader(1).packString("item");
        p.packArrayHeader(1).packString("title");
        p.packArrayHeader(1).packArrayHeader(4);
        change.write(p);
        return Frame.wrap(Frame.KIND_BATCH, version, p.toByteArray());
    }

    interface Body {
        void write(MessageBufferPacker p) throws Exception;
    }

    void assertRefused(byte[] object, String expected) {
        FormatException e = assertThrows(FormatException.class, () -> BatchCodec.decode(object, "batches/evil/1"));
        assertTrue(e.getMessage().contains("batches/evil/1") && e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void decode_hostileRelativeIds_refusedNamingTheObject() throws Exception {
        UUID id = clock.next();
        // The first change id written against nothing.
        assertRefused(layout2(2, p -> p.packArrayHeader(2).packLong(1).packLong(1).packInt(0).packString("e")
                .packArrayHeader(0)), "change id written against no earlier id");
        // A relative replaced id before any whole one.
        assertRefused(layout2(2, p -> p.packBinaryHeader(16).writePayload(Uuid7.toBytes(id)).packInt(0).packString("e")
                .packArrayHeader(3).packInt(0).packString("t").packArrayHeader(2).packLong(0).packLong(1)),
                "replaced id written against no earlier id");
        // A relative entity id before any whole one.
        assertRefused(layout2(2, p -> p.packBinaryHeader(16).writePayload(Uuid7.toBytes(id)).packInt(0)
                .packArrayHeader(2).packLong(0).packLong(1).packArrayHeader(0)), "entity id written against no earlier id");
        // Layout 1 has no relative ids at all.
        assertRefused(layout2(1, p -> p.packBinaryHeader(16).writePayload(Uuid7.toBytes(id)).packInt(0)
                .packArrayHeader(2).packLong(0).packLong(1).packArrayHeader(0)), "expected a string");
        assertRefused(layout2(1, p -> p.packArrayHeader(2).packLong(1).packLong(1).packInt(0).packString("e")
                .packArrayHeader(0)), "expected a 16-byte id");
    }

    /** A batch of two changes whose second change id is written as {@code [hi, lo]} against {@code first}. */
    byte[] secondRelative(UUID first, Body hiLo) throws Exception {
        MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
        p.packArrayHeader(6);
        p.packBinaryHeader(16).writePayload(Uuid7.toBytes(device));
        p.packLong(1).packLong(0);
        p.packArrayHeader(1).packString("item");
        p.packArrayHeader(0);
        p.packArrayHeader(2);
        p.packArrayHeader(4).packBinaryHeader(16).writePayload(Uuid7.toBytes(first)).packInt(0).packString("e").packArrayHeader(0);
        p.packArrayHeader(4);
        hiLo.write(p);
        p.packInt(0).packString("e").packArrayHeader(0);
        return Frame.wrap(Frame.KIND_BATCH, 2, p.toByteArray());
    }

    @Test
    void decode_relativeIdsThatResolveBadly_refused() throws Exception {
        UUID first = clock.next();
        assertEquals(2, BatchCodec.decode(secondRelative(first, p -> p.packArrayHeader(2).packLong(1).packLong(1)), "ok")
                .changes().size());
        // The difference turns the version nibble: no longer a UUIDv7.
        assertRefused(secondRelative(first, p -> p.packArrayHeader(2).packLong(0x1000).packLong(0)), "is not a UUIDv7");
        // The variant bits.
        assertRefused(secondRelative(first, p -> p.packArrayHeader(2).packLong(0).packLong(0x4000_0000_0000_0000L)),
                "is not a UUIDv7");
        // Far in the future.
        long years = 1200L * 365 * 24 * 3600 * 1000;
        assertRefused(secondRelative(first, p -> p.packArrayHeader(2).packLong(years << 16).packLong(0)), "after the year 3000");
        // Not a pair of integers.
        assertRefused(secondRelative(first, p -> p.packArrayHeader(3).packLong(1).packLong(1).packLong(1)),
                "expected 2 elements");
        assertRefused(secondRelative(first, p -> p.packArrayHeader(2).packString("1").packLong(1)), "malformed");
        assertRefused(secondRelative(first, p -> p.packArrayHeader(2).packLong(1).packDouble(1.0)), "malformed");
        // An unsigned 64-bit difference past what a signed one holds.
        assertRefused(secondRelative(first, p -> p.packArrayHeader(2).packLong(1)
                .packBigInteger(java.math.BigInteger.ONE.shiftLeft(63))), "malformed");
        assertRefused(secondRelative(first, p -> p.packArrayHeader(2).packLong(1)), "malformed");
    }

    @Test
    void decode_versionPastWhatThisBuildReads_unsupportedNotCorrupt() throws Exception {
        byte[] batch = BatchCodec.encode(sample(), 1);
        byte[] future = Frame.wrap(Frame.KIND_BATCH, Frame.BATCH_VERSION + 1, Frame.unwrap(batch, Frame.KIND_BATCH, "k"));
        assertEquals(SyncException.Reason.UNSUPPORTED_FORMAT,
                assertThrows(SyncException.class, () -> BatchCodec.decode(future, "k")).reason());
        byte[] head = BatchCodec.encodeHead(new Head(device, 1, 0, Map.of()));
        assertEquals(Frame.VERSION, Frame.version(head));
        byte[] futureHead = Frame.wrap(Frame.KIND_HEAD, Frame.VERSION + 1, Frame.unwrap(head, Frame.KIND_HEAD, "h"));
        assertEquals(SyncException.Reason.UNSUPPORTED_FORMAT,
                assertThrows(SyncException.class, () -> BatchCodec.decodeHead(futureHead, "h")).reason());
        // A batch where a head belongs is damage, not a newer format.
        assertEquals(SyncException.Reason.CORRUPT, assertThrows(SyncException.class, () -> BatchCodec.decodeHead(batch, "h"))
                .reason());
    }

    @Test
    void head_roundTrips() {
        Head head = new Head(device, 12, 99, Map.of(UUID.randomUUID(), 3L));
        assertEquals(head, BatchCodec.decodeHead(BatchCodec.encodeHead(head), "h"));
    }
}
