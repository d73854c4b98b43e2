package dev.tandem.engine.internal.history;

import dev.tandem.engine.internal.changelog.FieldCodec;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.mapping.RecordType;
import dev.tandem.engine.internal.store.SchemaSnapshot;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads entities as they were, from the changelog's per-entity history ({@code _tandem_entity} rows
 * whose key is a change id, in clock order since UUIDv7 bytes sort by time).
 *
 * <p>A table as of a recent time is the current rows of every entity with no change after that time
 * (its state then is its state now), plus the entities changed since, folded from their changes up
 * to that time, each through the primary key. When most of the table changed since, the whole table
 * is folded from its history in one scan instead. The caller runs it inside one read transaction, so the current rows and the
 * history agree.
 */
public final class PastReader {
    /**
     * Changed entities up to this share of the table's rows are folded one by one through the
     * primary key (a seek each); more, in one scan of the table's history.
     */
    private static final double ONE_BY_ONE_SHARE = 0.25;

    private PastReader() {
    }

    /** Every entity of the table that existed, undeleted, at {@code at}; in id order. */
    public static <T extends Record> List<T> asOf(Connection c, SchemaSnapshot.TableInfo table, RecordType<T> type,
                                                  Instant at) throws SQLException {
        byte[] bound = after(at);
        Set<String> changed = changedSince(c, table.name(), bound);
        TreeMap<String, T> rows = new TreeMap<>();
        Map<String, EntityFold> folds;
        if (changed.size() <= ONE_BY_ONE_SHARE * Math.max(1, count(c, table))) {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table.quoted());
                 ResultSet rs = ps.executeQuery()) {
                int[] mapping = type.columnMapping(rs.getMetaData());
                while (rs.next()) {
                    T row = type.read(rs, mapping);
                    String id = type.id(row);
                    if (!changed.contains(id)) {
                        rows.put(id, row);
                    }
                }
            }
            folds = foldEach(c, table.name(), changed, bound);
        } else {
            // Most of the table changed since: fold it all from history, which for an entity unchanged
            // since gives its row as it is now (the changes that win are never pruned).
            folds = foldAll(c, table.name(), bound);
        }
        for (Map.Entry<String, EntityFold> e : folds.entrySet()) {
            EntityFold fold = e.getValue();
            if (fold.seen() && !fold.deleted()) {
                rows.put(e.getKey(), build(type, e.getKey(), fold));
            }
        }
        return new ArrayList<>(rows.values());
    }

    private static long count(Connection c, SchemaSnapshot.TableInfo table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table.quoted());
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** One entity as it stood at {@code at}: empty when not made yet or deleted then. */
    public static <T extends Record> Optional<T> asOf(Connection c, SchemaSnapshot.TableInfo table, RecordType<T> type,
                                                      String id, Instant at) throws SQLException {
        EntityFold fold = fold(c, table.name(), id, after(at));
        return fold.seen() && !fold.deleted() ? Optional.of(build(type, id, fold)) : Optional.empty();
    }

    /** The entity right after its change {@code changeId}, deleted or not; empty before its first change. */
    public static <T extends Record> Optional<T> version(Connection c, SchemaSnapshot.TableInfo table,
                                                         RecordType<T> type, String id, UUID changeId)
            throws SQLException {
        byte[] bytes = Uuid7.toBytes(changeId);
        // Just past the change: the same bytes and one more, which sorts after them and before any longer id.
        byte[] bound = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        EntityFold fold = fold(c, table.name(), id, bound);
        return fold.seen() ? Optional.of(build(type, id, fold)) : Optional.empty();
    }

    /**
     * The first key no change made at or before {@code at} reaches: the 48-bit millisecond prefix of
     * the next millisecond. Every id of a later millisecond starts with it or more, and a longer key
     * with the same prefix sorts after it.
     */
    static byte[] after(Instant at) {
        long next = at.toEpochMilli() + 1;
        byte[] b = ByteBuffer.allocate(8).putLong(next << 16).array();
        return java.util.Arrays.copyOf(b, 6);
    }

    private static Set<String> changedSince(Connection c, String table, byte[] bound) throws SQLException {
        Set<String> changed = new HashSet<>();
        // Winner rows have text keys, which sort before every blob, so only history rows match.
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT entity FROM _tandem_entity WHERE tbl = ? AND key >= ?")) {
            ps.setString(1, table);
            ps.setBytes(2, bound);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changed.add(rs.getString(1));
                }
            }
        }
        return changed;
    }

    private static final String ONE_ENTITY = "SELECT c.fields FROM _tandem_entity e"
            + " JOIN _tandem_change c ON c.seq = e.seq"
            + " WHERE e.tbl = ? AND e.entity = ? AND e.key >= x'' AND e.key < ? ORDER BY e.key";

    private static EntityFold fold(Connection c, String table, String id, byte[] bound) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ONE_ENTITY)) {
            return fold(ps, table, id, bound);
        }
    }

    private static EntityFold fold(PreparedStatement ps, String table, String id, byte[] bound) throws SQLException {
        EntityFold fold = new EntityFold();
        ps.setString(1, table);
        ps.setString(2, id);
        ps.setBytes(3, bound);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                fold.apply(FieldCodec.decode(rs.getBytes(1)));
            }
        }
        return fold;
    }

    private static Map<String, EntityFold> foldEach(Connection c, String table, Set<String> ids, byte[] bound)
            throws SQLException {
        Map<String, EntityFold> folds = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(ONE_ENTITY)) {
            for (String id : ids) {
                folds.put(id, fold(ps, table, id, bound));
            }
        }
        return folds;
    }

    private static Map<String, EntityFold> foldAll(Connection c, String table, byte[] bound) throws SQLException {
        Map<String, EntityFold> folds = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.entity, c.fields FROM _tandem_entity e"
                + " JOIN _tandem_change c ON c.seq = e.seq"
                + " WHERE e.tbl = ? AND e.key >= x'' AND e.key < ? ORDER BY e.entity, e.key")) {
            ps.setString(1, table);
            ps.setBytes(2, bound);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    folds.computeIfAbsent(rs.getString(1), k -> new EntityFold()).apply(FieldCodec.decode(rs.getBytes(2)));
                }
            }
        }
        return folds;
    }

    /** The record of the folded attributes; attributes the record has no component for are left out. */
    private static <T extends Record> T build(RecordType<T> type, String id, EntityFold fold) {
        Map<String, Object> fields = fold.fields();
        Object[] row = new Object[fields.size() + 1];
        int[] mapping = new int[row.length];
        int col = 0;
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            row[col] = f.getValue();
            mapping[col++] = component(type, f.getKey());
        }
        row[col] = id;
        mapping[col] = component(type, "id");
        return type.fromRow(row, mapping);
    }

    private static int component(RecordType<?> type, String column) {
        Integer i = type.indexOf(column.toLowerCase(java.util.Locale.ROOT));
        if (i == null) {
            i = type.indexOf(SchemaSnapshot.loose(column));
        }
        return i == null ? -1 : i;
    }
}
