package dev.tandem.engine.internal.wire;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.changelog.SyncLimits;
import dev.tandem.engine.internal.clock.Uuid7;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.msgpack.core.MessageBufferPacker;

/**
 * Snapshot part layout 2 (docs/SYNC_FORMAT.md, "Part body"): a part's changes as eight columns,
 * each entity once and each change id once, in a table where one device's ids follow one another.
 *
 * <p>Why: after years of use a todo's winners come from about three changes (a title edited here,
 * completed there). Layout 1 writes each change whole: its 16-byte id, then its entity's 16 bytes
 * again, both mostly random to deflate, which was two thirds of a decade's snapshot. Here the ids
 * table is in time order and each id is written against the one before it (its millis) and against
 * its author's previous one (the rest: one session's ids count up), a few one-byte integers; each
 * entity is written once, its changes name their id by its place in that table, and since rows are
 * created in time order too, an entity's first change is mostly a step past the previous entity's;
 * each change names its fields by a shape, one of the few distinct field lists of the part; and
 * like data sits together for deflate: the counts, the shapes, each field's values (all titles, then
 * all due dates), the replaced ids.
 *
 * <p>Columns, in order: ids {@code [author, Δmillis, Δlow 16 bits, Δlow 64 bits]…}; entities
 * {@code [table, entity]…}; changes per entity; id references, one per change (an entity's first
 * against the previous entity's first, the others against the one before in the entity); shapes
 * {@code [[field index…]…]}; each change's shape; values, one array per name of the part's field
 * table; replaced ids, one per field of every change (nil or 16 bytes).
 *
 * <p>Invariants a reader checks before it builds anything: every count against the bytes left;
 * every id a UUIDv7 dated before the year 3000 and named by exactly one change; every entity with
 * at least one change, every shape with at least one field and none twice; every column exactly as
 * long as the ones before it say. Entries come back grouped by entity, in the order written; the
 * merge does not depend on the order of a snapshot's entries (each attribute has one winner in it).
 */
final class PartColumns {
    /** Elements per id in the ids column: author index, then differences of millis, low 16 bits, low 64 bits. */
    private static final int ID_WIDTH = 4;
    private static final UUID ZERO = new UUID(0, 0);

    private PartColumns() {
    }

    /** Writes the eight columns of {@code entries} (after the part's name tables). */
    static void write(MessageBufferPacker p, List<SnapshotEntry> entries, Map<String, Integer> tables,
                      Map<String, Integer> fields, Map<UUID, Integer> authors) throws IOException {
        Map<String, List<SnapshotEntry>> groups = new LinkedHashMap<>();
        for (SnapshotEntry e : entries) {
            groups.computeIfAbsent(e.change().table() + '\0' + e.change().entity(), k -> new ArrayList<>()).add(e);
        }
        // Identity, not id: a part that somehow holds one id twice still round-trips, and the
        // merge meets the duplicate as it did in layout 1 (SnapshotPlan leaves the bulk path).
        List<SnapshotEntry> byId = new ArrayList<>(entries);
        byId.sort(Comparator.comparing((SnapshotEntry e) -> e.change().id(), Uuid7.ORDER));
        Map<SnapshotEntry, Integer> place = new IdentityHashMap<>();
        UUID[] previousOf = new UUID[authors.size()];
        Arrays.fill(previousOf, ZERO);
        p.packArrayHeader(byId.size() * ID_WIDTH);
        UUID previous = ZERO;
        for (SnapshotEntry e : byId) {
            UUID id = e.change().id();
            int author = authors.get(e.author());
            place.put(e, place.size());
            p.packInt(author);
            p.packLong(Uuid7.millis(id) - Uuid7.millis(previous));
            p.packLong(low16(id) - low16(previousOf[author]));
            p.packLong(id.getLeastSignificantBits() - previousOf[author].getLeastSignificantBits());
            previous = id;
            previousOf[author] = id;
        }
        p.packArrayHeader(groups.size() * 2);
        for (List<SnapshotEntry> group : groups.values()) {
            ChangeData first = group.get(0).change();
            p.packInt(tables.get(first.table()));
            BodyWriter.entity(p, first.entity(), null);
        }
        p.packArrayHeader(groups.size());
        for (List<SnapshotEntry> group : groups.values()) {
            p.packInt(group.size());
        }
        p.packArrayHeader(entries.size());
        int previousFirst = 0;
        for (List<SnapshotEntry> group : groups.values()) {
            int previousPlace = previousFirst;
            for (SnapshotEntry e : group) {
                int at = place.get(e);
                p.packInt(at - previousPlace);
                previousPlace = at;
            }
            previousFirst = place.get(group.get(0));
        }
        Map<List<Integer>, Integer> shapes = new LinkedHashMap<>();
        List<Integer> shapeOf = new ArrayList<>(entries.size());
        List<FieldData> all = new ArrayList<>();
        for (List<SnapshotEntry> group : groups.values()) {
            for (SnapshotEntry e : group) {
                List<Integer> shape = new ArrayList<>(e.change().fields().size());
                for (FieldData f : e.change().fields()) {
                    shape.add(fields.get(f.name()));
                }
                shapeOf.add(shapes.computeIfAbsent(shape, k -> shapes.size()));
                all.addAll(e.change().fields());
            }
        }
        p.packArrayHeader(shapes.size());
        for (List<Integer> shape : shapes.keySet()) {
            p.packArrayHeader(shape.size());
            for (int i : shape) {
                p.packInt(i);
            }
        }
        p.packArrayHeader(shapeOf.size());
        for (int shape : shapeOf) {
            p.packInt(shape);
        }
        List<List<Object>> byName = new ArrayList<>();
        fields.forEach((name, i) -> byName.add(new ArrayList<>()));
        for (FieldData f : all) {
            byName.get(fields.get(f.name())).add(f.value());
        }
        p.packArrayHeader(byName.size());
        for (List<Object> values : byName) {
            p.packArrayHeader(values.size());
            for (Object v : values) {
                BodyWriter.value(p, v);
            }
        }
        p.packArrayHeader(all.size());
        for (FieldData f : all) {
            if (f.replaces() == null) {
                p.packNil();
            } else {
                BodyWriter.uuid(p, f.replaces());
            }
        }
    }

    /** Reads the eight columns back into entries, grouped by entity. */
    static List<SnapshotEntry> read(BoundedReader r, List<String> tables, List<String> fieldNames, List<UUID> authors)
            throws IOException {
        int idElements = r.arrayHeader();
        if (idElements % ID_WIDTH != 0) {
            throw corrupt(r, "an ids column of " + idElements + " elements");
        }
        int idCount = idElements / ID_WIDTH;
        UUID[] ids = new UUID[idCount];
        int[] authorOf = new int[idCount];
        UUID[] previousOf = new UUID[authors.size()];
        Arrays.fill(previousOf, ZERO);
        long millis = 0;
        for (int i = 0; i < idCount; i++) {
            int author = r.index(authors.size(), "author");
            authorOf[i] = author;
            millis += r.u.unpackLong();
            long low = (previousOf[author].getMostSignificantBits() & 0xFFFF) + r.u.unpackLong();
            long lsb = previousOf[author].getLeastSignificantBits() + r.u.unpackLong();
            // Checked at every step, so a difference that wraps around lands out of range.
            if (millis < 0 || millis > SyncLimits.MAX_ID_MILLIS || low < 0 || low > 0xFFFF) {
                throw corrupt(r, "change id " + i + " is dated after the year 3000 or out of range");
            }
            ids[i] = new UUID((millis << 16) | low, lsb);
            if (!Uuid7.isV7(ids[i])) {
                throw corrupt(r, "change id " + ids[i] + " is not a UUIDv7");
            }
            previousOf[author] = ids[i];
        }
        int groupElements = r.arrayHeader();
        if (groupElements % 2 != 0) {
            throw corrupt(r, "an entities column of " + groupElements + " elements");
        }
        int groupCount = groupElements / 2;
        String[] groupTable = new String[groupCount];
        String[] groupEntity = new String[groupCount];
        for (int g = 0; g < groupCount; g++) {
            groupTable[g] = r.indexed(tables, "table");
            groupEntity[g] = r.entity(null);
        }
        int[] perGroup = new int[groupCount];
        expectColumn(r, groupCount, "change counts", "entities");
        int c = 0;
        for (int g = 0; g < groupCount; g++) {
            long k = r.positiveLong("change count");
            if (k == 0 || k > idCount - c) {
                throw corrupt(r, "entity " + g + " claims " + k + " changes");
            }
            perGroup[g] = (int) k;
            c += (int) k;
        }
        if (c != idCount) {
            throw corrupt(r, (idCount - c) + " ids are named by no change");
        }
        int[] changeId = new int[idCount];
        BitSet named = new BitSet(idCount);
        expectColumn(r, idCount, "id references", "changes");
        long previousFirst = 0;
        c = 0;
        for (int g = 0; g < groupCount; g++) {
            long place = previousFirst;
            for (int j = 0; j < perGroup[g]; j++, c++) {
                place += r.u.unpackLong();
                if (place < 0 || place >= idCount || named.get((int) place)) {
                    throw corrupt(r, "a change names id " + place + ", which is out of range or named twice");
                }
                named.set((int) place);
                changeId[c] = (int) place;
            }
            previousFirst = changeId[c - perGroup[g]];
        }
        List<int[]> shapes = shapes(r, fieldNames);
        int[] shapeOf = new int[idCount];
        int[] perName = new int[fieldNames.size()];
        long fieldCount = 0;
        expectColumn(r, idCount, "shapes", "changes");
        for (c = 0; c < idCount; c++) {
            shapeOf[c] = r.index(shapes.size(), "shape");
            fieldCount += shapes.get(shapeOf[c]).length;
        }
        r.checkCount(fieldCount);
        for (c = 0; c < idCount; c++) {
            for (int n : shapes.get(shapeOf[c])) {
                perName[n]++;
            }
        }
        Object[][] values = new Object[fieldNames.size()][];
        expectColumn(r, fieldNames.size(), "values", "field names");
        for (int n = 0; n < values.length; n++) {
            expectColumn(r, perName[n], "values of '" + fieldNames.get(n) + "'", "uses of it");
            values[n] = new Object[perName[n]];
            for (int v = 0; v < perName[n]; v++) {
                values[n][v] = r.value();
            }
        }
        int total = (int) fieldCount;
        UUID[] replaced = new UUID[total];
        expectColumn(r, total, "replaced ids", "fields");
        for (int f = 0; f < total; f++) {
            replaced[f] = r.u.tryUnpackNil() ? null : r.uuid();
        }
        int[] nextOfName = new int[fieldNames.size()];
        List<SnapshotEntry> entries = new ArrayList<>(idCount);
        int f = 0;
        c = 0;
        for (int g = 0; g < groupCount; g++) {
            for (int j = 0; j < perGroup[g]; j++, c++) {
                int[] shape = shapes.get(shapeOf[c]);
                List<FieldData> fields = new ArrayList<>(shape.length);
                for (int n : shape) {
                    fields.add(new FieldData(fieldNames.get(n), values[n][nextOfName[n]++], replaced[f++]));
                }
                UUID id = ids[changeId[c]];
                entries.add(new SnapshotEntry(authors.get(authorOf[changeId[c]]),
                        new ChangeData(id, groupTable[g], groupEntity[g], fields)));
            }
        }
        return entries;
    }

    /** The shapes column: distinct field lists, each of at least one field and none twice. */
    private static List<int[]> shapes(BoundedReader r, List<String> fieldNames) throws IOException {
        int count = r.arrayHeader();
        List<int[]> shapes = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            int size = r.arrayHeader();
            if (size == 0 || size > fieldNames.size()) {
                throw corrupt(r, "shape " + s + " of " + size + " fields");
            }
            List<FieldData> seen = new ArrayList<>(size);
            Set<String> set = size > 8 ? new HashSet<>() : null;
            int[] shape = new int[size];
            for (int i = 0; i < size; i++) {
                shape[i] = r.index(fieldNames.size(), "field");
                String name = fieldNames.get(shape[i]);
                r.notTwice(seen, set, name, null);
                seen.add(new FieldData(name, null, null));
            }
            shapes.add(shape);
        }
        return shapes;
    }

    private static long low16(UUID id) {
        return id.getMostSignificantBits() & 0xFFFF;
    }

    private static void expectColumn(BoundedReader r, int length, String what, String per) throws IOException {
        int actual = r.arrayHeader();
        if (actual != length) {
            throw corrupt(r, "a column of " + what + " of " + actual + " elements for " + length + " " + per);
        }
    }

    private static FormatException corrupt(BoundedReader r, String what) {
        return new FormatException("Object " + r.key + ": " + what);
    }
}
