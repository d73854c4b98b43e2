package dev.tandem.engine.internal.wire;

import static dev.tandem.engine.testing.GoldenOut.obj;
import static dev.tandem.engine.testing.GoldenOut.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.testing.GoldenOut;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors of the sync format's objects for the JavaScript core (GoldenOut): batches of both
 * layouts with every kind of value and id, a head, an ack, a retirement, snapshot parts of both
 * layouts and a manifest, from fixed ids and clocks. Each is read back here too, so a vector that
 * the engine itself would not read never reaches the JS tests.
 */
@Tag("unit")
class WireGoldenTest {
    static final UUID DEVICE = UUID.fromString("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");
    static final UUID OTHER = UUID.fromString("0190a1b2-c3d4-7e5f-9111-222233334444");
    static final UUID THIRD = UUID.fromString("01880000-0000-7000-8000-000000000003");
    static final String ITEM = "0190a1b2-c3d4-7aaa-bccc-ddddeeeeffff";
    static final String ITEM2 = "0190a1b2-c3d5-7aaa-bccc-ddddeeeef000";
    private final GoldenOut out = new GoldenOut("wire");

    /** A UUIDv7 at {@code millis} with {@code counter} and low bits {@code low}. */
    static UUID id(long millis, int counter, long low) {
        return new UUID((millis << 16) | 0x7000L | counter, 0x8000_0000_0000_0000L | (low & 0x3FFF_FFFF_FFFF_FFFFL));
    }

    static FieldData f(String name, Object value, UUID replaces) {
        return new FieldData(name, value, replaces);
    }

    /** Every storage class and msgpack form a value can take, ids whole and against the previous one. */
    static List<ChangeData> everyType() {
        long t = 1_732_000_000_000L;
        UUID a = id(t, 0, 0x1234_5678_9abc_def0L);
        UUID b = id(t, 1, 0x1234_5678_9abc_def1L);
        UUID c = id(t + 5, 0, 0x1234_5678_9abc_def2L);
        UUID d = id(t + 70_000, 3, 0x0fff_0000_0000_0000L);
        UUID old = id(t - 86_400_000L, 9, 0x2222_3333_4444_5555L);
        List<ChangeData> changes = new ArrayList<>();
        changes.add(new ChangeData(a, "items", ITEM, List.of(
                f("title", "Buy milk", null),
                f("notes", "Käse 🧀\nline 2\r\n\ttabbed \"quoted\" \\", null),
                f("due", "2026-11-30", null),
                f("done", 0L, null),
                f("priority", 1L, null),
                f("big", Long.MAX_VALUE, null),
                f("small", Long.MIN_VALUE, null),
                f("minus33", -33L, null),
                f("minus129", -129L, null),
                f("minus40000", -40_000L, null),
                f("minus3e9", -3_000_000_000L, null),
                f("u8", 200L, null),
                f("u16", 65_535L, null),
                f("u32", 4_294_967_295L, null),
                f("u64", 4_294_967_296L, null),
                f("rank", 0.5, null),
                f("negzero", -0.0, null),
                f("nan", Double.NaN, null),
                f("inf", Double.NEGATIVE_INFINITY, null),
                f("whole", 3.0, null),
                f("empty", "", null),
                f("blob", new byte[] {0, 1, 2, (byte) 0xff}, null),
                f("nothing", null, null))));
        changes.add(new ChangeData(b, "items", ITEM, List.of(
                f("title", "Buy oat milk", a),
                f("done", 1L, a),
                f("_deleted", 1L, null))));
        changes.add(new ChangeData(c, "items", ITEM2, List.of(
                f("title", "x".repeat(40), old),
                f("notes", "n".repeat(300), b),
                f("blob", new byte[300], null),
                f("_merged_notes", Uuid7.toBytes(b), null))));
        changes.add(new ChangeData(d, "settings", "settings:theme", List.of(f("value", "dark", null))));
        changes.add(new ChangeData(id(t + 70_001, 0, 7), "settings", "0190A1B2-C3D4-7AAA-BCCC-DDDDEEEEFFFF",
                List.of(f("value", "t".repeat(70_000), null), f("bytes", new byte[70_000], d))));
        changes.add(new ChangeData(id(t + 70_002, 0, 8), "lists", "tandem-list-1", List.of()));
        return changes;
    }

    static Object change(ChangeData c) {
        List<Object> fields = new ArrayList<>();
        for (FieldData f : c.fields()) {
            fields.add(obj("name", f.name(), "value", value(f.value()), "replaces", f.replaces()));
        }
        return obj("id", c.id(), "table", c.table(), "entity", c.entity(), "fields", fields);
    }

    static Object batch(Batch b, long created) {
        List<Object> changes = new ArrayList<>();
        b.changes().forEach(c -> changes.add(change(c)));
        return obj("kind", "batch", "device", b.device(), "seq", b.seq(), "createdAtMillis", created, "changes", changes);
    }

    /** Equal content (values compared as JSON, so bytes by value), without printing megabytes on failure. */
    static void assertSame(Object expected, Object actual) {
        String a = GoldenOut.json(expected);
        String b = GoldenOut.json(actual);
        assertEquals(a.length(), b.length(), "length of the JSON form");
        assertEquals(a.hashCode(), b.hashCode(), "the JSON form");
    }

    static Object cursors(Map<UUID, Long> cursors) {
        List<Object> list = new ArrayList<>();
        cursors.forEach((d, s) -> list.add(obj("device", d, "seq", s)));
        return list;
    }

    @Test
    void write_batches_readBack() {
        long created = 1_732_000_123_456L;
        Batch b = new Batch(DEVICE, 7, everyType());
        byte[] bytes = BatchCodec.encode(b, created);
        assertSame(batch(b, created), batch(BatchCodec.decode(bytes, "batches/x/7"), created));
        out.write("batch-every-type", bytes, batch(b, created));

        Batch v1 = new Batch(OTHER, 1, everyType().subList(0, 4));
        byte[] legacy = LegacyBatchEncoder.encode(v1, created);
        assertSame(batch(v1, created), batch(BatchCodec.decode(legacy, "batches/x/1"), created));
        out.write("batch-layout-1", legacy, batch(v1, created));

        Batch small = new Batch(DEVICE, 1, List.of(new ChangeData(id(1_732_000_000_000L, 0, 1), "items", "a",
                List.of(f("title", "A", null)))));
        byte[] plain = BatchCodec.encode(small, 5);
        assertEquals(0, plain[5], "a small batch is stored uncompressed");
        out.write("batch-small", plain, batch(small, 5));
    }

    @Test
    void write_headAckAndRetirement_readBack() {
        Map<UUID, Long> cursors = new LinkedHashMap<>();
        cursors.put(OTHER, 12L);
        cursors.put(THIRD, 300_000L);
        Head head = new Head(DEVICE, 42, 1_732_000_999_000L, cursors);
        byte[] bytes = BatchCodec.encodeHead(head);
        assertEquals(head, BatchCodec.decodeHead(bytes, Head.key(DEVICE, 42)));
        out.write("head", bytes, obj("kind", "head", "device", DEVICE, "seq", 42L, "writtenAtMillis",
                head.writtenAtMillis(), "cursors", cursors(head.cursors())));

        Head ack = new Head(OTHER, 0, 1_732_001_000_000L, Map.of(DEVICE, 42L));
        byte[] ackBytes = BatchCodec.encodeHead(ack);
        out.write("ack", ackBytes, obj("kind", "head", "device", OTHER, "seq", 0L, "writtenAtMillis",
                ack.writtenAtMillis(), "cursors", cursors(ack.cursors())));

        Retirement r = new Retirement(THIRD, 17, 1_732_002_000_000L, DEVICE, Retirement.UNSEEN);
        byte[] rBytes = r.encode();
        assertEquals(r, Retirement.decode(rBytes, Retirement.key(THIRD)));
        out.write("retirement", rBytes, obj("kind", "retirement", "key", Retirement.key(THIRD), "device", THIRD,
                "lastHead", 17L, "retiredAtMillis", r.retiredAtMillis(), "by", DEVICE, "reason", r.reason()));
    }

    /** Entries of two authors over three entities, shapes repeated, ids out of time order in the list. */
    static List<SnapshotEntry> entries() {
        long t = 1_731_000_000_000L;
        List<SnapshotEntry> e = new ArrayList<>();
        UUID a1 = id(t, 0, 100);
        UUID a2 = id(t + 1, 0, 101);
        UUID b1 = id(t + 2, 0, 0x3fff_ffff_ffff_fff0L);
        UUID b2 = id(t + 2, 1, 0x3fff_ffff_ffff_fff1L);
        UUID a3 = id(t + 50_000, 4095, 102);
        e.add(new SnapshotEntry(DEVICE, new ChangeData(a1, "items", ITEM, List.of(f("title", "Milk", null),
                f("listId", "l1", null), f("createdAt", 1_731_000_000_000L, null)))));
        e.add(new SnapshotEntry(OTHER, new ChangeData(b2, "items", ITEM, List.of(f("done", 1L, b1)))));
        e.add(new SnapshotEntry(DEVICE, new ChangeData(a2, "items", ITEM2, List.of(f("title", "Bread", null),
                f("listId", "l1", null), f("createdAt", 1_731_000_000_001L, null)))));
        e.add(new SnapshotEntry(OTHER, new ChangeData(b1, "items", ITEM2, List.of(f("rank", 0.25, a2),
                f("notes", null, null)))));
        e.add(new SnapshotEntry(DEVICE, new ChangeData(a3, "lists", "l1", List.of(f("name", "Groceries", null),
                f("_deleted", 0L, null), f("icon", new byte[] {9, 8}, null)))));
        return e;
    }

    static Object part(Snapshot.Part p) {
        List<Object> list = new ArrayList<>();
        for (SnapshotEntry e : p.entries()) {
            list.add(obj("author", e.author(), "change", change(e.change())));
        }
        return obj("kind", "part", "id", p.id(), "index", (long) p.index(), "entries", list);
    }

    @Test
    void write_snapshotPartsAndManifest_readBack() {
        String sid = "1732000000000-" + DEVICE;
        Snapshot.Part part = new Snapshot.Part(sid, 1, entries());
        byte[] v2 = SnapshotCodec.encodePart(part);
        Snapshot.Part back = SnapshotCodec.decodePart(v2, "p", sid, 1);
        assertEquals(part.entries().size(), back.entries().size());
        // Layout 2 returns entries grouped by entity, in the order written: that order is the vector.
        out.write("part-layout-2", v2, part(back));

        Snapshot.Part second = new Snapshot.Part(sid, 2, entries().subList(4, 5));
        byte[] v1 = PartLayout1.encode(second);
        assertSame(part(second), part(SnapshotCodec.decodePart(v1, "p", sid, 2)));
        out.write("part-layout-1", v1, part(second));

        Map<UUID, Long> cursors = new LinkedHashMap<>();
        cursors.put(DEVICE, 7L);
        cursors.put(OTHER, 3L);
        Snapshot.Manifest m = new Snapshot.Manifest(sid, DEVICE, 1_732_000_000_500L, cursors, 2, 6);
        byte[] mb = SnapshotCodec.encodeManifest(m);
        assertEquals(m, SnapshotCodec.decodeManifest(mb, "m", sid));
        out.write("manifest", mb, obj("kind", "manifest", "id", sid, "writer", DEVICE, "createdAtMillis",
                m.createdAtMillis(), "cursors", cursors(m.cursors()), "parts", 2L, "changes", 6L));
    }
}
