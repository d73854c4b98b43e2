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
 * <p>A table as of a time is the current rows of every entity with no change after that time (its
 * state then is its state now), plus the entities changed since, folded from their changes up to
 * that time. So a recent time costs about one scan of the table, and only going far back folds
 * much history. The caller runs it inside one read transaction, so the current rows and the
 * history agree.
 */
public final class PastReader {
    /** Up to this many changed entities are folded one by one through the primary key; more in one scan. */
    private static final int ONE_BY_ONE = 2_000;

    private PastReader() {
    }

    /** Every entity of the table that existed, undeleted, at {@code at}; in id order. */
    public static <T extends Record> List<T> asOf(Connection c, SchemaSnapshot.TableInfo table, RecordType<T> type,
                                                  Instant at) throws SQLException {
        byte[] bound = after(at);
        Set<String> changed = changedSince(c, table.name(), bound);
        TreeMap<String, T> rows = new TreeMap<>();
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
        Map<String, EntityFold> folds = changed.size() <= ONE_BY_ONE
                ? foldEach(c, table.name(), changed, bound) : foldAll(c, table.name(), changed, bound);
        for (Map.Entry<String, EntityFold> e : folds.entrySet()) {
            EntityFold fold = e.getValue();
            if (fold.seen() && !fold.deleted()) {
                rows.put(e.getKey(), build(type, e.getKey(), fold));
            }
        }
        return new ArrayList<>(rows.values());
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

    private static EntityFold fold(Connection c, String table, String id, byte[] bound) throws SQLException {
        EntityFold fold = new EntityFold();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.fields FROM _tandem_entity e"
                + " JOIN _tandem_change c ON c.seq = e.seq"
                + " WHERE e.tbl = ? AND e.entity = ? AND e.key >= x'' AND e.key < ? ORDER BY e.key")) {
            ps.setString(1, table);
            ps.setString(2, id);
            ps.setBytes(3, bound);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fold.apply(FieldCodec.decode(rs.getBytes(1)));
                }
            }
        }
        return fold;
    }

    private static Map<String, EntityFold> foldEach(Connection c, String table, Set<String> ids, byte[] bound)
            throws SQLException {
        Map<String, EntityFold> folds = new HashMap<>();
        for (String id : ids) {
            folds.put(id, fold(c, table, id, bound));
        }
        return folds;
    }

    private static Map<String, EntityFold> foldAll(Connection c, String table, Set<String> ids, byte[] bound)
            throws SQLException {
        Map<String, EntityFold> folds = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.entity, c.fields FROM _tandem_entity e"
                + " JOIN _tandem_change c ON c.seq = e.seq"
                + " WHERE e.tbl = ? AND e.key >= x'' AND e.key < ? ORDER BY e.entity, e.key")) {
            ps.setString(1, table);
            ps.setBytes(2, bound);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    if (ids.contains(id)) {
                        folds.computeIfAbsent(id, k -> new EntityFold()).apply(FieldCodec.decode(rs.getBytes(2)));
                    }
                }
            }
        }
        for (String id : ids) {
            folds.putIfAbsent(id, new EntityFold());
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
