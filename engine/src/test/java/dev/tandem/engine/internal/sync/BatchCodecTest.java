package dev.tandem.engine.internal.sync;

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
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

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
    void head_roundTrips() {
        Head head = new Head(device, 12, 99, Map.of(UUID.randomUUID(), 3L));
        assertEquals(head, BatchCodec.decodeHead(BatchCodec.encodeHead(head), "h"));
    }
}
