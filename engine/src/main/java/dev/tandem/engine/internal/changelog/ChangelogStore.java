package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.Change;
import dev.tandem.engine.FieldChange;
import dev.tandem.engine.StorageException;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.sync.Batch.ChangeData;
import dev.tandem.engine.internal.sync.Batch.FieldData;
import dev.tandem.engine.internal.store.StatementCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Reads and writes the changelog tables (see {@link InternalSchema}). Writes go through the
 * writer's statement cache and must run inside the caller's transaction: a change, its history
 * row and the winners it moves commit together with the row they describe, or not at all.
 */
public final class ChangelogStore {
    /** Bounds the distinct statements {@link #appendLocal} caches and their parameter count. */
    private static final int ROWS_PER_INSERT = 32;
    /** An entity's winner rows: SQLite sorts every TEXT key (a field name) before every BLOB key (a change id). */
    private static final String WINNER_KEYS = "e.key < x''";

    /**
     * An SQL expression, 1 when entity {@code ?1} of table {@code ?2} has any winner (any change
     * ever set an attribute of it), else 0; for a statement that reads the entity's row too.
     */
    public static final String HAS_WINNERS = "EXISTS(SELECT 1 FROM _tandem_entity e WHERE e.tbl = ?2 AND e.entity = ?1"
            + " AND " + WINNER_KEYS + ")";

    /** All winning attributes of one entity, keyed by lower-case field name. */
    public Map<String, Winner> winners(StatementCache sql, String table, String entity) throws SQLException {
        PreparedStatement ps = sql.get("SELECT e.key, e.seq, c.id, c.author, c.fields FROM _tandem_entity e"
                + " JOIN _tandem_change c ON c.seq = e.seq WHERE e.tbl = ? AND e.entity = ? AND " + WINNER_KEYS);
        ps.setString(1, table);
        ps.setString(2, entity);
        Map<String, Winner> winners = new HashMap<>();
        Map<Long, Map<String, FieldData>> decoded = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String field = rs.getString(1);
                long seq = rs.getLong(2);
                byte[] blob = rs.getBytes(5);
                FieldData f = decoded.computeIfAbsent(seq, k -> byLowerCaseName(blob)).get(lower(field));
                if (f == null) {
                    throw new StorageException("The changelog names change " + seq + " the winner of " + table + "/"
                            + entity + "." + field + ", but that change did not set it; the database is damaged");
                }
                winners.put(lower(field), new Winner(field, seq, Uuid7.fromBytes(rs.getBytes(3)),
                        Uuid7.fromBytes(rs.getBytes(4)), f.value(), f.replaces()));
            }
        }
        return winners;
    }

    private static Map<String, FieldData> byLowerCaseName(byte[] blob) {
        Map<String, FieldData> byName = new HashMap<>();
        for (FieldData f : FieldCodec.decode(blob)) {
            byName.put(lower(f.name()), f);
        }
        return byName;
    }

    private static String lower(String field) {
        return field.toLowerCase(Locale.ROOT);
    }

    /**
     * The winning change of each of the entity's attributes, and whether it is deleted: the winner
     * rows and, by rowid, their change's id. A change's attributes are decoded only for
     * {@code _deleted}, whose value is the one a save needs.
     */
    public WinnerIds winnerIds(StatementCache sql, String table, String entity) throws SQLException {
        PreparedStatement ps = sql.get(WINNER_IDS);
        ps.setString(1, table);
        ps.setString(2, entity);
        return winnerIds(ps);
    }

    /**
     * {@link #winnerIds} of just {@code fields} (any case): an edit needs the winners of the fields
     * it changes, and an entity may have many more. {@code deleted} is then only known if
     * {@code _deleted} is among them.
     */
    public WinnerIds winnerIds(StatementCache sql, String table, String entity, Collection<String> fields)
            throws SQLException {
        if (fields.size() >= WINNER_IDS_OF.length) {
            return winnerIds(sql, table, entity);
        }
        PreparedStatement ps = sql.get(WINNER_IDS_OF[fields.size()]);
        ps.setString(1, table);
        ps.setString(2, entity);
        int p = 3;
        for (String f : fields) {
            ps.setString(p++, f);
        }
        return winnerIds(ps);
    }

    private static final String WINNER_IDS = "SELECT e.key, c.id,"
            + " CASE WHEN e.key = '" + Change.DELETED_FIELD + "' COLLATE NOCASE THEN c.fields END"
            + " FROM _tandem_entity e JOIN _tandem_change c ON c.seq = e.seq"
            + " WHERE e.tbl = ? AND e.entity = ? AND " + WINNER_KEYS;
    /** {@link #WINNER_IDS} narrowed to 1 to 7 fields, by count. */
    private static final String[] WINNER_IDS_OF = new String[8];

    static {
        for (int n = 1; n < WINNER_IDS_OF.length; n++) {
            WINNER_IDS_OF[n] = WINNER_IDS + " AND e.key COLLATE NOCASE IN (" + String.join(", ", Collections.nCopies(n, "?")) + ")";
        }
    }

    private static WinnerIds winnerIds(PreparedStatement ps) throws SQLException {
        Map<String, WinnerIds.Id> winners = new HashMap<>();
        boolean deleted = false;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String field = rs.getString(1);
                winners.put(lower(field), new WinnerIds.Id(field, Uuid7.fromBytes(rs.getBytes(2))));
                byte[] blob = rs.getBytes(3);
                if (blob != null) {
                    FieldData f = byLowerCaseName(blob).get(lower(Change.DELETED_FIELD));
                    deleted |= f != null && Long.valueOf(1L).equals(f.value());
                }
            }
        }
        return new WinnerIds(winners, deleted);
    }

    /** For a change of this entity that this device has, the id its write of {@code field} replaced. */
    public UUID replaced(StatementCache sql, String table, String entity, UUID change, String field)
            throws SQLException {
        PreparedStatement ps = sql.get("SELECT c.fields FROM _tandem_entity e JOIN _tandem_change c ON c.seq = e.seq"
                + " WHERE e.tbl = ? AND e.entity = ? AND e.key = ?");
        ps.setString(1, table);
        ps.setString(2, entity);
        ps.setBytes(3, Uuid7.toBytes(change));
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            FieldData f = FieldCodec.find(rs.getBytes(1), field);
            return f == null ? null : f.replaces();
        }
    }

    /**
     * Appends a change authored here, makes it the winner of every field it sets, and returns its
     * seq. {@code winnerFields[i]} is the winner row's spelling of {@code fields[i]} (that of the
     * change it replaces, if any). Two statements: the change row, then one multi-row upsert of the
     * entity's rows (its history row and its winners), which share a page.
     */
    public long appendLocal(StatementCache sql, UUID id, UUID author, String table, String entity, String[] fields,
                            Object[] values, UUID[] replaces, String[] winnerFields) throws SQLException {
        long seq = insertChange(sql, id, author, table, entity, FieldCodec.encode(fields, values, replaces));
        Object[] keys = new Object[fields.length + 1];
        keys[0] = Uuid7.toBytes(id);
        System.arraycopy(winnerFields, 0, keys, 1, fields.length);
        for (int from = 0; from < keys.length; from += ROWS_PER_INSERT) {
            int n = Math.min(ROWS_PER_INSERT, keys.length - from);
            PreparedStatement ps = sql.get(ENTITY_ROWS[n]);
            int p = 1;
            for (int i = from; i < from + n; i++) {
                ps.setString(p++, table);
                ps.setString(p++, entity);
                ps.setObject(p++, keys[i]);
                ps.setLong(p++, seq);
            }
            ps.executeUpdate();
        }
        return seq;
    }

    /** Upserts of 1 to {@link #ROWS_PER_INSERT} entity rows, by row count; built once. */
    private static final String[] ENTITY_ROWS = new String[ROWS_PER_INSERT + 1];

    static {
        for (int n = 1; n <= ROWS_PER_INSERT; n++) {
            ENTITY_ROWS[n] = "INSERT INTO _tandem_entity(tbl, entity, key, seq) VALUES"
                    + String.join(", ", Collections.nCopies(n, "(?, ?, ?, ?)"))
                    + " ON CONFLICT(tbl, entity, key) DO UPDATE SET seq = excluded.seq";
        }
    }

    private static long insertChange(StatementCache sql, UUID id, UUID author, String table, String entity,
                                     byte[] fields) throws SQLException {
        PreparedStatement ps = sql.get("INSERT INTO _tandem_change(id, author, tbl, entity, fields)"
                + " VALUES(?, ?, ?, ?, ?) RETURNING seq");
        ps.setBytes(1, Uuid7.toBytes(id));
        ps.setBytes(2, Uuid7.toBytes(author));
        ps.setString(3, table);
        ps.setString(4, entity);
        ps.setBytes(5, fields);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Appends a change from elsewhere with {@code fields} unless this entity has it already;
     * returns its new seq. Winners are the caller's to move, field by field ({@link #setWinner}).
     */
    public OptionalLong appendIfNew(StatementCache sql, UUID id, UUID author, String table, String entity,
                                    List<FieldData> fields) throws SQLException {
        PreparedStatement has = sql.get("SELECT 1 FROM _tandem_entity WHERE tbl = ? AND entity = ? AND key = ?");
        has.setString(1, table);
        has.setString(2, entity);
        has.setBytes(3, Uuid7.toBytes(id));
        try (ResultSet rs = has.executeQuery()) {
            if (rs.next()) {
                return OptionalLong.empty();
            }
        }
        long seq = insertChange(sql, id, author, table, entity, FieldCodec.encode(fields));
        PreparedStatement ps = sql.get(ENTITY_ROWS[1]);
        ps.setString(1, table);
        ps.setString(2, entity);
        ps.setBytes(3, Uuid7.toBytes(id));
        ps.setLong(4, seq);
        ps.executeUpdate();
        return OptionalLong.of(seq);
    }

    public void setWinner(StatementCache sql, String table, String entity, String field, long seq) throws SQLException {
        PreparedStatement ps = sql.get(ENTITY_ROWS[1]);
        ps.setString(1, table);
        ps.setString(2, entity);
        ps.setString(3, field);
        ps.setLong(4, seq);
        ps.executeUpdate();
    }

    /**
     * The greatest change id in the changelog, which the clock must stay ahead of: the greater of
     * the last change appended and the high-water mark merges leave ({@link #noteHigh}), so it costs
     * two lookups rather than a scan. Why that is the maximum: a local change is appended with an id
     * above every id the clock has seen, and the clock has seen the maximum (it starts from it and
     * observes every merged id); a merge, which appends ids in any order, raises the mark to the
     * maximum before it plus every id it appended, in its own transaction.
     */
    public UUID maxId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT max(coalesce((SELECT value FROM _tandem_meta"
                + " WHERE key = 'clock_high'), x''), coalesce((SELECT id FROM _tandem_change ORDER BY seq DESC LIMIT 1), x''))");
             ResultSet rs = ps.executeQuery()) {
            byte[] b = rs.next() ? rs.getBytes(1) : null;
            return b == null || b.length == 0 ? null : Uuid7.fromBytes(b);
        }
    }

    /** Raises the high-water mark of {@link #maxId} to {@code id}; in the caller's transaction. */
    static void noteHigh(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO _tandem_meta(key, value) VALUES('clock_high', ?)"
                + " ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)")) {
            ps.setBytes(1, Uuid7.toBytes(id));
            ps.executeUpdate();
        }
    }

    /** The changes of one entity, in clock order. */
    public List<Change> history(Connection c, String table, String entity) throws SQLException {
        List<Change> changes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ChangeRows.COLUMNS
                + " FROM _tandem_entity e JOIN _tandem_change c ON c.seq = e.seq"
                + " WHERE e.tbl = ? AND e.entity = ? AND e.key >= x'' ORDER BY e.key")) {
            ps.setString(1, table);
            ps.setString(2, entity);
            try (ResultSet rs = ps.executeQuery()) {
                ChangeRows.read(rs, (seq, author, change) -> changes.add(change(author, change)));
            }
        }
        return changes;
    }

    private static Change change(UUID author, ChangeData c) {
        List<FieldChange> fields = new ArrayList<>(c.fields().size());
        for (FieldData f : c.fields()) {
            fields.add(new FieldChange(f.name(), f.value(), f.replaces() == null ? null : f.replaces().toString()));
        }
        return new Change(c.id().toString(), author.toString(), Instant.ofEpochMilli(Uuid7.millis(c.id())), c.table(),
                c.entity(), fields);
    }
}
