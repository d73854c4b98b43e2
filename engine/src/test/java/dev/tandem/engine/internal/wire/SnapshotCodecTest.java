package dev.tandem.engine.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.snapshot.SnapshotStore;
import dev.tandem.engine.internal.wire.Snapshot.Manifest;
import dev.tandem.engine.internal.wire.Snapshot.Part;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SnapshotCodecTest {
    final HybridClock clock = new HybridClock(Clock.systemUTC());
    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();
    final String id = SnapshotStore.newId(1_700_000_000_000L, a);

    Part sample(String table) {
        UUID first = clock.next();
        return new Part(id, 1, List.of(
                new SnapshotEntry(a, new ChangeData(first, table, clock.next().toString(), List.of(
                        new FieldData("title", "milk", null), new FieldData("blob", new byte[] {1, 2}, null)))),
                new SnapshotEntry(b, new ChangeData(clock.next(), "list", "inbox", List.of(new FieldData("name", 2.5, first))))));
    }

    @Test
    void decodePart_encoded_roundTrips() {
        Part p = sample("item");
        Part back = SnapshotCodec.decodePart(SnapshotCodec.encodePart(p), "k", id, 1);
        assertEquals(p.entries().size(), back.entries().size());
        assertEquals(b, back.entries().get(1).author());
        assertEquals(p.entries().get(1).change(), back.entries().get(1).change());
        assertArrayEquals((byte[]) p.entries().get(0).change().fields().get(1).value(),
                (byte[]) back.entries().get(0).change().fields().get(1).value());
    }

    @Test
    void decodePart_flippedBit_corrupt() {
        byte[] bytes = SnapshotCodec.encodePart(sample("item"));
        bytes[bytes.length - 3] ^= 4;
        assertThrows(FormatException.class, () -> SnapshotCodec.decodePart(bytes, "k", id, 1));
    }

    @Test
    void decodePart_otherIndexOrSnapshot_rejected() {
        byte[] bytes = SnapshotCodec.encodePart(sample("item"));
        assertThrows(FormatException.class, () -> SnapshotCodec.decodePart(bytes, "k", id, 2));
        assertThrows(FormatException.class, () -> SnapshotCodec.decodePart(bytes, "k",
                SnapshotStore.newId(1L, b), 1));
    }

    @Test
    void decodePart_reservedTableName_rejected() {
        byte[] bytes = SnapshotCodec.encodePart(sample("_tandem_change"));
        FormatException e = assertThrows(FormatException.class, () -> SnapshotCodec.decodePart(bytes, "k", id, 1));
        assertTrue(e.getMessage().contains("does not accept"), e.getMessage());
    }

    @Test
    void decodePart_changeSettingAFieldTwice_rejectedAsABatchIs() {
        Part twice = new Part(id, 1, List.of(new SnapshotEntry(a, new ChangeData(clock.next(), "item", "i1", List.of(
                new FieldData("title", "milk", null), new FieldData("Title", "oat milk", null))))));
        FormatException e = assertThrows(FormatException.class,
                () -> SnapshotCodec.decodePart(SnapshotCodec.encodePart(twice), "k", id, 1));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void decodePart_batchObject_rejectedByKind() {
        byte[] batch = BatchCodec.encode(new Batch(a, 1, List.of()), 0);
        assertThrows(FormatException.class, () -> SnapshotCodec.decodePart(batch, "k", id, 1));
    }

    @Test
    void decodeManifest_encoded_roundTrips() {
        Manifest m = new Manifest(id, a, 5, Map.of(a, 3L, b, 7L), 2, 40_000);
        assertEquals(m, SnapshotCodec.decodeManifest(SnapshotCodec.encodeManifest(m), "k", id));
        assertThrows(FormatException.class, () -> SnapshotCodec.decodeManifest(SnapshotCodec.encodeManifest(m), "k",
                SnapshotStore.newId(2L, b)));
    }
}
