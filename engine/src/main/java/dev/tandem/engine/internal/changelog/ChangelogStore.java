package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.Change;
import dev.tandem.engine.FieldChange;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.sync.Batch.ChangeData;
import dev.tandem.engine.internal.sync.Batch.FieldData;
import dev.tandem.engine.internal.store.SqlValues;
import dev.tandem.engine.internal.store.StatementCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Reads and writes the changelog tables (see {@link InternalSchema}). Writes go through the
 * writer's statement cache and must run inside the caller's transaction: a change, its fields and
 * the winners it moves commit together with the row they describe, or not at all.
 */
public final class ChangelogStore {
    /** Bounds the distinct statements {@link #appendWinningFields} caches and their parameter count. */
    private static final int ROWS_PER_INSERT = 32;

    /** All winning attributes of one entity, keyed by lower-case field name. */
    public Map<String, Winner> winners(StatementCache sql, String table, String entity) throws SQLException {
        PreparedStatement ps = sql.get("SELECT w.field, w.seq, c.id, c.author, f.value, f.prev FROM _tandem_winner w"
                + " JOIN _tandem_change c ON c.seq = w.seq"
                + " JOIN _tandem_field f ON f.seq = w.seq AND f.field = w.field"
                + " WHERE w.tbl = ? AND w.entity = ?");
        ps.setString(1, table);
        ps.setString(2, entity);
        Map<String, Winner> winners = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String field = rs.getString(1);
                winners.put(field.toLowerCase(java.util.Locale.ROOT), new Winner(field, rs.getLong(2),
                        Uuid7.fromBytes(rs.getBytes(3)), Uuid7.fromBytes(rs.getBytes(4)),
                        SqlValues.normalize(rs.getObject(5)), uuidOrNull(rs.getBytes(6))));
            }
        }
        return winners;
    }

    /**
     * The winning change of each of the entity's attributes, and whether it is deleted: a lookup of
     * the winner's change by rowid, and of a field's value only for {@code _deleted}.
     */
    public WinnerIds winnerIds(StatementCache sql, String table, String entity) throws SQLException {
        PreparedStatement ps = sql.get("SELECT w.field, c.id,"
                + " CASE WHEN w.field = '" + Change.DELETED_FIELD + "' COLLATE NOCASE THEN"
                + " (SELECT typeof(f.value) = 'integer' AND f.value = 1 FROM _tandem_field f"
                + " WHERE f.seq = w.seq AND f.field = w.field) END"
                + " FROM _tandem_winner w JOIN _tandem_change c ON c.seq = w.seq WHERE w.tbl = ? AND w.entity = ?");
        ps.setString(1, table);
        ps.setString(2, entity);
        Map<String, WinnerIds.Id> winners = new HashMap<>();
        boolean deleted = false;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String field = rs.getString(1);
                winners.put(field.toLowerCase(Locale.ROOT), new WinnerIds.Id(field, Uuid7.fromBytes(rs.getBytes(2))));
                deleted |= rs.getInt(3) == 1;
            }
        }
        return new WinnerIds(winners, deleted);
    }

    /** For a change this device has, the id its write of {@code field} replaced. */
    public UUID replaced(StatementCache sql, UUID change, String field) throws SQLException {
        PreparedStatement ps = sql.get("SELECT f.prev FROM _tandem_change c"
                + " JOIN _tandem_field f ON f.seq = c.seq AND f.field = ? WHERE c.id = ?");
        ps.setString(1, field);
        ps.setBytes(2, Uuid7.toBytes(change));
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? uuidOrNull(rs.getBytes(1)) : null;
        }
    }

    /** The local seq of a change, or -1 when the changelog does not have it. */
    public long seqOf(StatementCache sql, UUID change) throws SQLException {
        PreparedStatement ps = sql.get("SELECT seq FROM _tandem_change WHERE id = ?");
        ps.setBytes(1, Uuid7.toBytes(change));
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    static UUID uuidOrNull(byte[] b) {
        return b == null ? null : Uuid7.fromBytes(b);
    }

    /** Appends a change authored here; returns its seq (from the INSERT itself, no second statement). */
    public long append(StatementCache sql, UUID id, UUID author, String table, String entity)
            throws SQLException {
        PreparedStatement ps = sql.get("INSERT INTO _tandem_change(id, author, tbl, entity) VALUES(?, ?, ?, ?) RETURNING seq");
        ps.setBytes(1, Uuid7.toBytes(id));
        ps.setBytes(2, Uuid7.toBytes(author));
        ps.setString(3, table);
        ps.setString(4, entity);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Appends a change from elsewhere unless the changelog has it already; returns its new seq. */
    public OptionalLong appendIfNew(StatementCache sql, UUID id, UUID author, String table, String entity)
            throws SQLException {
        PreparedStatement ps = sql.get("INSERT OR IGNORE INTO _tandem_change(id, author, tbl, entity) VALUES(?, ?, ?, ?)");
        ps.setBytes(1, Uuid7.toBytes(id));
        ps.setBytes(2, Uuid7.toBytes(author));
        ps.setString(3, table);
        ps.setString(4, entity);
        return ps.executeUpdate() == 0 ? OptionalLong.empty() : OptionalLong.of(lastSeq(sql));
    }

    private static long lastSeq(StatementCache sql) throws SQLException {
        try (ResultSet rs = sql.get("SELECT last_insert_rowid()").executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public void appendField(StatementCache sql, long seq, String field, Object value, UUID replaces) throws SQLException {
        PreparedStatement ps = sql.get("INSERT INTO _tandem_field(seq, field, value, prev) VALUES(?, ?, ?, ?)");
        ps.setLong(1, seq);
        ps.setString(2, field);
        ps.setObject(3, value);
        ps.setBytes(4, replaces == null ? null : Uuid7.toBytes(replaces));
        ps.executeUpdate();
    }

    public void setWinner(StatementCache sql, String table, String entity, String field, long seq) throws SQLException {
        PreparedStatement ps = sql.get("INSERT INTO _tandem_winner(tbl, entity, field, seq) VALUES(?, ?, ?, ?)"
                + " ON CONFLICT(tbl, entity, field) DO UPDATE SET seq = excluded.seq");
        ps.setString(1, table);
        ps.setString(2, entity);
        ps.setString(3, field);
        ps.setLong(4, seq);
        ps.executeUpdate();
    }

    /**
     * Appends a change's fields and makes the change their winner, in one multi-row INSERT each:
     * per statement SQLite's fixed cost dominates these tiny rows. {@code winnerFields[i]} is the
     * winner row's spelling of {@code fields[i]} (that of the change it replaces, if any).
     */
    public void appendWinningFields(StatementCache sql, String table, String entity, long seq, String[] fields,
                                    Object[] values, UUID[] replaces, String[] winnerFields) throws SQLException {
        for (int from = 0; from < fields.length; from += ROWS_PER_INSERT) {
            int n = Math.min(ROWS_PER_INSERT, fields.length - from);
            PreparedStatement ps = sql.get(MultiRow.FIELDS.sql(n));
            int p = 1;
            for (int i = from; i < from + n; i++) {
                ps.setLong(p++, seq);
                ps.setString(p++, fields[i]);
                ps.setObject(p++, values[i]);
                ps.setBytes(p++, replaces[i] == null ? null : Uuid7.toBytes(replaces[i]));
            }
            ps.executeUpdate();
            ps = sql.get(MultiRow.WINNERS.sql(n));
            p = 1;
            for (int i = from; i < from + n; i++) {
                ps.setString(p++, table);
                ps.setString(p++, entity);
                ps.setString(p++, winnerFields[i]);
                ps.setLong(p++, seq);
            }
            ps.executeUpdate();
        }
    }

    /** The multi-row INSERTs of {@link #appendWinningFields}, their SQL built once per row count. */
    private enum MultiRow {
        FIELDS("INSERT INTO _tandem_field(seq, field, value, prev) VALUES", ""),
        WINNERS("INSERT INTO _tandem_winner(tbl, entity, field, seq) VALUES",
                " ON CONFLICT(tbl, entity, field) DO UPDATE SET seq = excluded.seq");

        private final String[] byRows = new String[ROWS_PER_INSERT + 1];

        MultiRow(String head, String tail) {
            for (int n = 1; n <= ROWS_PER_INSERT; n++) {
                byRows[n] = head + String.join(", ", Collections.nCopies(n, "(?, ?, ?, ?)")) + tail;
            }
        }

        String sql(int rows) {
            return byRows[rows];
        }
    }

    /** The greatest change id in the changelog, which the clock must stay ahead of. */
    public UUID maxId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT max(id) FROM _tandem_change");
             ResultSet rs = ps.executeQuery()) {
            byte[] b = rs.next() ? rs.getBytes(1) : null;
            return b == null ? null : Uuid7.fromBytes(b);
        }
    }

    /** The changes of one entity, in clock order. */
    public List<Change> history(Connection c, String table, String entity) throws SQLException {
        List<Change> changes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ChangeRows.COLUMNS
                + " FROM _tandem_change c JOIN _tandem_field f ON f.seq = c.seq"
                + " WHERE c.tbl = ? AND c.entity = ? ORDER BY c.id, f.field")) {
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
