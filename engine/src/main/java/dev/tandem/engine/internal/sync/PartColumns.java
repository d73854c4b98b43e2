package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.changelog.SnapshotEntry;
import dev.tandem.engine.internal.changelog.SyncLimits;
import dev.tandem.engine.internal.clock.Uuid7;
import java.io.IOException;
import java.util.ArrayList;
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
 * each entity once and each change id once, in a table where one session's ids follow one another.
 *
 * <p>Why: after years of use a todo's winners come from about three changes (a title edited here,
 * completed there). Layout 1 writes each change whole: its 16-byte id, then its entity's 16 bytes
 * again, both mostly random to deflate, which was two thirds of a decade's snapshot. Here the ids
 * table is sorted by author and then by id, so the ids of one session (the next tick, the next
 * sequence number) cost a few one-byte differences; each entity is written once, its changes name
 * their id by its place in that table; and like data sits together for deflate to share: the
 * numbers of changes and fields, the field names, each field's values (all titles, then all due
 * dates), the replaced ids.
 *
 * <p>Columns, in order: ids {@code [author, Δmillis, Δlow 16 bits, Δlow 64 bits]…}; entities
 * {@code [table, entity]…}; changes per entity; id references, one per change (an entity's first
 * against the previous entity's first, the others against the one before in the entity); fields
 * per change; field names, one per field; values, one array per name of the part's field table;
 * replaced ids, one per field (nil or 16 bytes).
 *
 * <p>Invariants a reader checks before it builds anything: every count against the bytes left;
 * every id a UUIDv7 dated before the year 3000 and named by exactly one change; every entity with
 * at least one change, every change with at least one field and no field twice; every column
 * exactly as long as the ones before it say. Entries come back grouped by entity, in the order
 * written; the merge does not depend on the order of a snapshot's entries (each attribute has one
 * winner in it).
 */
final class PartColumns {
    /** Elements per id in the ids column: author index, then differences of millis, low 16 bits, low 64 bits. */
    private static final int ID_WIDTH = 4;

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
        byId.sort(Comparator.comparing((SnapshotEntry e) -> authors.get(e.author()))
                .thenComparing(e -> e.change().id(), Uuid7.ORDER));
        Map<SnapshotEntry, Integer> place = new IdentityHashMap<>();
        p.packArrayHeader(byId.size() * ID_WIDTH);
        UUID previous = new UUID(0, 0);
        for (SnapshotEntry e : byId) {
            UUID id = e.change().id();
            place.put(e, place.size());
            p.packInt(authors.get(e.author()));
            p.packLong(Uuid7.millis(id) - Uuid7.millis(previous));
            p.packLong(low16(id) - low16(previous));
            p.packLong(id.getLeastSignificantBits() - previous.getLeastSignificantBits());
            previous = id;
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
        // An entity's first change against the previous entity's first (rows made together were
        // created together), each further one against the one before it in the entity.
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
        List<FieldData> all = new ArrayList<>();
        p.packArrayHeader(entries.size());
        for (List<SnapshotEntry> group : groups.values()) {
            for (SnapshotEntry e : group) {
                p.packInt(e.change().fields().size());
                all.addAll(e.change().fields());
            }
        }
        p.packArrayHeader(all.size());
        List<List<Object>> byName = new ArrayList<>();
        fields.forEach((name, i) -> byName.add(new ArrayList<>()));
        for (FieldData f : all) {
            int i = fields.get(f.name());
            p.packInt(i);
            byName.get(i).add(f.value());
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
        UUID[] authorOf = new UUID[idCount];
        long millis = 0;
        long low = 0;
        long lsb = 0;
        for (int i = 0; i < idCount; i++) {
            authorOf[i] = r.indexed(authors, "author");
            millis += r.u.unpackLong();
            low += r.u.unpackLong();
            lsb += r.u.unpackLong();
            // Checked at every step, so a difference that wraps around lands out of range.
            if (millis < 0 || millis > SyncLimits.MAX_ID_MILLIS || low < 0 || low > 0xFFFF) {
                throw corrupt(r, "change id " + i + " is dated after the year 3000 or out of range");
            }
            ids[i] = new UUID((millis << 16) | low, lsb);
            if (!Uuid7.isV7(ids[i])) {
                throw corrupt(r, "change id " + ids[i] + " is not a UUIDv7");
            }
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
        int[] perChange = new int[idCount];
        long fieldCount = 0;
        expectColumn(r, idCount, "field counts", "changes");
        for (c = 0; c < idCount; c++) {
            long m = r.positiveLong("field count");
            if (m == 0 || m > fieldNames.size()) {
                throw corrupt(r, "change " + ids[changeId[c]] + " claims " + m + " fields");
            }
            perChange[c] = (int) m;
            fieldCount += m;
        }
        r.checkCount(fieldCount);
        int total = (int) fieldCount;
        int[] names = new int[total];
        int[] perName = new int[fieldNames.size()];
        expectColumn(r, total, "field names", "fields");
        for (int f = 0; f < total; f++) {
            names[f] = r.index(fieldNames.size(), "field");
            perName[names[f]]++;
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
                UUID id = ids[changeId[c]];
                List<FieldData> fields = new ArrayList<>(perChange[c]);
                Set<String> set = perChange[c] > 8 ? new HashSet<>() : null;
                for (int n = 0; n < perChange[c]; n++, f++) {
                    String name = fieldNames.get(names[f]);
                    r.notTwice(fields, set, name, id);
                    fields.add(new FieldData(name, values[names[f]][nextOfName[names[f]]++], replaced[f]));
                }
                entries.add(new SnapshotEntry(authorOf[changeId[c]], new ChangeData(id, groupTable[g], groupEntity[g], fields)));
            }
        }
        return entries;
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
