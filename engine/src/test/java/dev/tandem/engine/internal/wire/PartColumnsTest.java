package dev.tandem.engine.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.wire.Snapshot.Part;
import dev.tandem.engine.sync.SyncException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

@Tag("unit")
class PartColumnsTest {
    static final String ID = FuzzInputs.SNAPSHOT_ID;
    final UUID author = UUID.randomUUID();

    /** Entities of a few changes each, from three sessions of two authors, some ids replaced. */
    static List<SnapshotEntry> entries(Random r, int entities) {
        return entries(r, entities, FuzzInputs::value);
    }

    /** Values as people write them: a few words, small numbers. */
    static Object plain(Random r) {
        String[] words = {"milk", "call", "mum", "invoice", "garden", "tyres", "book", "dentist", "friday"};
        return r.nextBoolean() ? (Object) (long) r.nextInt(5) : words[r.nextInt(words.length)] + " " + words[r.nextInt(words.length)];
    }

    static List<SnapshotEntry> entries(Random r, int entities, java.util.function.Function<Random, Object> value) {
        HybridClock[] sessions = {new HybridClock(Clock.systemUTC()), new HybridClock(Clock.systemUTC()),
                new HybridClock(Clock.systemUTC())};
        UUID[] authors = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        String[] names = {"title", "notes", "due", "done", "priority", "blob"};
        List<SnapshotEntry> out = new ArrayList<>();
        for (int e = 0; e < entities; e++) {
            String entity = r.nextInt(5) == 0 ? "row-" + e : sessions[0].next().toString();
            String table = r.nextInt(4) == 0 ? "tag" : "item";
            List<String> left = new ArrayList<>(Arrays.asList(names));
            for (int c = 1 + r.nextInt(4); c > 0 && !left.isEmpty(); c--) {
                List<FieldData> fields = new ArrayList<>();
                for (int f = 1 + r.nextInt(Math.min(3, left.size())); f > 0; f--) {
                    String name = left.remove(r.nextInt(left.size()));
                    fields.add(new FieldData(name, value.apply(r), r.nextInt(5) == 0 ? sessions[1].next() : null));
                }
                int s = r.nextInt(3);
                out.add(new SnapshotEntry(authors[s == 2 ? 1 : 0], new ChangeData(sessions[s].next(), table, entity, fields)));
            }
        }
        return out;
    }

    /** Each entry as text, values typed and blobs in hex, sorted: the same set in any order. */
    static TreeSet<String> canonical(List<SnapshotEntry> entries) {
        TreeSet<String> out = new TreeSet<>();
        for (SnapshotEntry e : entries) {
            StringBuilder s = new StringBuilder(e.author() + " " + e.change().id() + " " + e.change().table() + " "
                    + e.change().entity());
            for (FieldData f : e.change().fields()) {
                Object v = f.value();
                s.append(" | ").append(f.name()).append('=').append(v == null ? "nil" : v.getClass().getSimpleName())
                        .append(':').append(v instanceof byte[] b ? HexFormat.of().formatHex(b) : v)
                        .append(" replaces ").append(f.replaces());
            }
            out.add(s.toString());
        }
        return out;
    }

    @Test
    void read_entitiesOfSeveralChangesAndAuthors_roundTripsEveryField() {
        for (int seed = 0; seed < 20; seed++) {
            List<SnapshotEntry> entries = entries(new Random(seed), 1 + seed * 37);
            Part back = SnapshotCodec.decodePart(SnapshotCodec.encodePart(new Part(ID, 1, entries)), "k", ID, 1);
            assertEquals(canonical(entries), canonical(back.entries()), "seed " + seed);
            assertEquals(entries.size(), back.entries().size());
        }
    }

    @Test
    void read_entries_comeBackGroupedByEntity() {
        List<SnapshotEntry> entries = entries(new Random(7), 200);
        List<SnapshotEntry> back = SnapshotCodec.decodePart(SnapshotCodec.encodePart(new Part(ID, 1, entries)), "k", ID, 1)
                .entries();
        List<String> seen = new ArrayList<>();
        for (SnapshotEntry e : back) {
            String key = e.change().table() + "/" + e.change().entity();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(key)) {
                assertTrue(!seen.contains(key), key + " is split");
                seen.add(key);
            }
        }
    }

    @Test
    void decodePart_layout1_stillRead() {
        List<SnapshotEntry> entries = entries(new Random(3), 300);
        byte[] old = PartLayout1.encode(new Part(ID, 1, entries));
        assertEquals(1, Frame.version(old));
        assertEquals(canonical(entries), canonical(SnapshotCodec.decodePart(old, "k", ID, 1).entries()));
    }

    @Test
    void encodePart_entitiesOfSeveralChanges_wellBelowLayout1() {
        List<SnapshotEntry> entries = entries(new Random(11), 5_000, PartColumnsTest::plain);
        int columns = SnapshotCodec.encodePart(new Part(ID, 1, entries)).length;
        int layout1 = PartLayout1.encode(new Part(ID, 1, entries)).length;
        assertEquals(Frame.PART_VERSION, Frame.version(SnapshotCodec.encodePart(new Part(ID, 1, entries))));
        assertTrue(columns < 0.7 * layout1, columns + " B against layout 1's " + layout1 + " B");
    }

    @Test
    void decodePart_newerLayout_unsupportedNotCorrupt() {
        byte[] body = Frame.unwrap(SnapshotCodec.encodePart(new Part(ID, 1, entries(new Random(1), 3))),
                Frame.KIND_SNAPSHOT_PART, "k");
        SyncException e = assertThrows(SyncException.class, () -> SnapshotCodec.decodePart(
                Frame.wrap(Frame.KIND_SNAPSHOT_PART, Frame.PART_VERSION + 1, body), "k", ID, 1));
        assertEquals(SyncException.Reason.UNSUPPORTED_FORMAT, e.reason());
    }

    // Hand-built bodies: two changes of one entity by one author, then one column spoiled at a time.

    final UUID first = Uuid7.at(1_700_000_000_000L);
    final UUID second = new UUID(first.getMostSignificantBits() + 1, first.getLeastSignificantBits() + 1);

    List<Object> ids() {
        return List.of(0, Uuid7.millis(first), first.getMostSignificantBits() & 0xFFFF, first.getLeastSignificantBits(),
                0, 0, 1, 1);
    }

    static final List<Object> SHAPES = List.of(List.of(0), List.of(1));

    byte[] body(List<Object> ids, List<Object> counts, List<Object> refs, List<Object> shapes, List<Object> shapeOf,
                List<Object> values, List<Object> replaced) throws IOException {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            pack(p, List.of(ID, 1, List.of("item"), List.of("title", "notes"), List.of(Uuid7.toBytes(author)), ids,
                    List.of(0, "e1"), counts, refs, shapes, shapeOf, values, replaced));
            return Frame.wrap(Frame.KIND_SNAPSHOT_PART, 2, p.toByteArray());
        }
    }

    byte[] valid() throws IOException {
        return body(ids(), List.of(2), List.of(0, 1), SHAPES, List.of(0, 1), List.of(List.of("a"), List.of("b")),
                Arrays.asList(null, null));
    }

    static void pack(MessageBufferPacker p, Object o) throws IOException {
        if (o == null) {
            p.packNil();
        } else if (o instanceof Number n) {
            p.packLong(n.longValue());
        } else if (o instanceof String s) {
            p.packString(s);
        } else if (o instanceof byte[] b) {
            p.packBinaryHeader(b.length);
            p.writePayload(b);
        } else {
            List<?> list = (List<?>) o;
            p.packArrayHeader(list.size());
            for (Object x : list) {
                pack(p, x);
            }
        }
    }

    String refused(byte[] object) {
        return assertThrows(FormatException.class, () -> SnapshotCodec.decodePart(object, "k", ID, 1)).getMessage();
    }

    @Test
    void read_handBuiltBody_readsBothChanges() throws IOException {
        List<SnapshotEntry> back = SnapshotCodec.decodePart(valid(), "k", ID, 1).entries();
        assertEquals(List.of(new SnapshotEntry(author, new ChangeData(first, "item", "e1", List.of(new FieldData("title", "a", null)))),
                new SnapshotEntry(author, new ChangeData(second, "item", "e1", List.of(new FieldData("notes", "b", null))))), back);
    }

    @Test
    void read_idNamedTwiceOrByNoChange_corrupt() throws IOException {
        List<Object> values = List.of(List.of("a"), List.of("b"));
        List<Object> nils = Arrays.asList(null, null);
        assertTrue(refused(body(ids(), List.of(2), List.of(0, 0), SHAPES, List.of(0, 1), values, nils))
                .contains("named twice"));
        assertTrue(refused(body(ids(), List.of(1), List.of(0), SHAPES, List.of(0), List.of(List.of("a"), List.of()),
                List.of(1))).contains("named by no change"));
        assertTrue(refused(body(ids(), List.of(2), List.of(0, 2), SHAPES, List.of(0, 1), values, nils))
                .contains("out of range"));
    }

    @Test
    void read_columnLengthsThatDisagree_corrupt() throws IOException {
        List<Object> values = List.of(List.of("a"), List.of("b"));
        List<Object> nils = Arrays.asList(null, null);
        assertTrue(refused(body(ids(), List.of(2), List.of(0, 1), SHAPES, List.of(0), values, nils)).contains("shapes"));
        assertTrue(refused(body(ids(), List.of(2), List.of(0, 1), SHAPES, List.of(0, 2), values, nils))
                .contains("shape index 2"));
        assertTrue(refused(body(ids(), List.of(2), List.of(0, 1), SHAPES, List.of(0, 0), values, nils))
                .contains("values of 'title'"));
        assertTrue(refused(body(ids(), List.of(2), List.of(0, 1), SHAPES, List.of(0, 1), values,
                Arrays.asList((Object) null))).contains("replaced ids"));
        assertTrue(refused(body(ids().subList(0, 7), List.of(2), List.of(0, 1), SHAPES, List.of(0, 1), values, nils))
                .contains("ids column"));
    }

    @Test
    void read_emptyEntityOrShape_corrupt() throws IOException {
        List<Object> values = List.of(List.of("a"), List.of("b"));
        List<Object> nils = Arrays.asList(null, null);
        assertTrue(refused(body(ids(), List.of(0), List.of(0, 1), SHAPES, List.of(0, 1), values, nils))
                .contains("claims 0 changes"));
        assertTrue(refused(body(ids(), List.of(2), List.of(0, 1), List.of(List.of(), List.of(1)), List.of(0, 1), values,
                nils)).contains("shape 0 of 0 fields"));
    }

    @Test
    void read_idsOutOfRangeOrNotV7_corrupt() throws IOException {
        List<Object> year3001 = new ArrayList<>(ids());
        year3001.set(1, 32_600_000_000_000L);
        List<Object> wrapped = new ArrayList<>(ids());
        wrapped.set(5, Long.MAX_VALUE);
        List<Object> v4 = new ArrayList<>(ids());
        v4.set(2, (first.getMostSignificantBits() & 0xFFFF) - 0x3000);
        for (List<Object> ids : List.of(year3001, wrapped, v4)) {
            String message = refused(body(ids, List.of(2), List.of(0, 1), SHAPES, List.of(0, 1),
                    List.of(List.of("a"), List.of("b")), Arrays.asList(null, null)));
            assertTrue(message.contains("year 3000") || message.contains("UUIDv7"), message);
        }
    }

    @Test
    void read_fieldTwiceInOneShape_corrupt() throws IOException {
        assertTrue(refused(body(ids(), List.of(2), List.of(0, 1), List.of(List.of(0, 0), List.of(1)), List.of(0, 1),
                List.of(List.of("a", "c"), List.of("b")), Arrays.asList(null, null, null))).contains("twice"));
    }
}
