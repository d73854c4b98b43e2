package dev.tandem.engine.internal.capture;

import dev.tandem.engine.StorageException;
import dev.tandem.engine.internal.changelog.ChangelogStore;
import dev.tandem.engine.internal.mapping.RecordType;
import dev.tandem.engine.internal.store.Affinity;
import dev.tandem.engine.internal.store.SchemaSnapshot;
import dev.tandem.engine.internal.store.SchemaSnapshot.Column;
import dev.tandem.engine.internal.store.SchemaSnapshot.TableInfo;
import dev.tandem.engine.internal.store.SqlValues;
import dev.tandem.engine.internal.store.StatementCache;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How saves of one record class write one table, worked out once instead of on every save: which
 * component fills which column, and the SQL texts (an UPDATE's per set of changed columns). A save
 * is short enough that building SQL strings and looking them up by their text showed in profiles.
 *
 * <p>Invariants:
 * <ul>
 *   <li>A plan belongs to one {@link SchemaSnapshot} snapshot. A migration makes a new snapshot;
 *       the caller must then build a new plan ({@link #isFor}).</li>
 *   <li>Rows are read as {@code SELECT *} or {@code RETURNING *}, which list the same columns in
 *       the same order, generated columns included (the schema lists none of those). Their names
 *       are learned from the first row read, before anything uses {@link #rowNames} or
 *       {@link #toRecord}.</li>
 *   <li>{@code RETURNING *} shows the row as the statement left it, BEFORE triggers included but
 *       not what an AFTER trigger (of any table) later did to it. So with any trigger in the schema,
 *       {@link #returnsFinalRow} is false and the caller must read the row back at the end.</li>
 * </ul>
 */
final class SavePlan<T extends Record> {
    private final RecordType<T> type;
    private final SchemaSnapshot schema;
    private final TableInfo table;
    private final boolean returning;
    /** Per value column (every mapped column but the id): its component, column and error label. */
    private final int[] component;
    private final Column[] columns;
    private final String[] where;
    private final String select;
    private final String probe;
    private final String insert;
    private final Map<Long, String> updates = new HashMap<>();

    /** Learned from the first row read: result column names, the record mapping, value column positions. */
    private String[] rowNames;
    private int[] rowToComponent;
    private int[] rowIndex;
    private int idIndex;
    /** Whether {@code SELECT *} shows columns the schema does not list: generated ones, computed on write. */
    private boolean computedColumns;

    SavePlan(RecordType<T> type, TableInfo table, SchemaSnapshot schema) {
        this.type = type;
        this.schema = schema;
        this.table = table;
        this.returning = !schema.hasTriggers();
        // Several components naming one column: the last one's value is stored, at the first one's place.
        Map<String, Integer> byColumn = new LinkedHashMap<>();
        Map<String, Column> found = new HashMap<>();
        for (int i = 0; i < type.size(); i++) {
            String name = type.name(i);
            if (name.equals("id")) {
                continue;
            }
            Column c = table.column(name).orElse(null);
            if (c != null) {
                byColumn.put(c.name(), i);
                found.put(c.name(), c);
            }
        }
        int n = byColumn.size();
        component = new int[n];
        columns = new Column[n];
        where = new String[n];
        StringBuilder cols = new StringBuilder("\"id\"");
        StringBuilder params = new StringBuilder("?");
        int j = 0;
        for (Map.Entry<String, Integer> e : byColumn.entrySet()) {
            component[j] = e.getValue();
            columns[j] = found.get(e.getKey());
            where[j] = table.name() + "." + type.name(e.getValue());
            cols.append(", ").append(SchemaSnapshot.quote(e.getKey()));
            params.append(", ?");
            j++;
        }
        select = "SELECT * FROM " + table.quoted() + " WHERE \"id\" = ?";
        probe = "SELECT t.*, " + ChangelogStore.WINNERS_OF + " FROM (SELECT 1) LEFT JOIN " + table.quoted()
                + " t ON t.\"id\" = ?1";
        insert = "INSERT INTO " + table.quoted() + "(" + cols + ") VALUES(" + params + ")"
                + (returning ? " RETURNING *" : "");
    }

    boolean isFor(SchemaSnapshot current) {
        return schema == current;
    }

    TableInfo table() {
        return table;
    }

    /** Whether the rows {@link #insert} and {@link #update} return are final (see the class comment). */
    boolean returnsFinalRow() {
        return returning;
    }

    int size() {
        return columns.length;
    }

    String column(int j) {
        return columns[j].name();
    }

    /** The record's value per value column, in normal form with the column's affinity applied. */
    Object[] values(T record) {
        Object[] values = new Object[columns.length];
        for (int j = 0; j < values.length; j++) {
            values[j] = columns[j].affinity().apply(SqlValues.toSql(type.value(record, component[j]), where[j]));
        }
        return values;
    }

    /** The stored row, or null when there is none. */
    Object[] read(StatementCache sql, String id) throws SQLException {
        PreparedStatement ps = sql.get(select);
        ps.setString(1, id);
        return row(ps);
    }

    /**
     * The stored row (null when there is none) and, if {@code winnersRead}, the entity's winners as
     * stored (null when no change has touched it).
     */
    record Probe(Object[] row, byte[] winners, boolean winnersRead) {
    }

    /**
     * {@link #read} and {@link ChangelogStore#WINNERS_OF} in one statement. Until the first row
     * has taught the plan the row's columns, this reads the row alone.
     */
    Probe probe(StatementCache sql, String id) throws SQLException {
        if (rowNames == null) {
            return new Probe(read(sql, id), null, false);
        }
        PreparedStatement ps = sql.get(probe);
        ps.setString(1, id);
        ps.setString(2, table.name());
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("a LEFT JOIN on one row returns one row");
            }
            byte[] winners = rs.getBytes(rowNames.length + 1);
            if (rs.getObject(idIndex + 1) == null) {
                return new Probe(null, winners, true);
            }
            Object[] row = new Object[rowNames.length];
            for (int i = 0; i < row.length; i++) {
                row[i] = SqlValues.normalize(rs.getObject(i + 1));
            }
            return new Probe(row, winners, true);
        }
    }

    /** The stored value of value column {@code j} in {@code row}. */
    Object stored(Object[] row, int j) {
        return row[rowIndex[j]];
    }

    /** Inserts the row; returns it as stored, defaults included (see {@link #returnsFinalRow}). */
    Object[] insert(StatementCache sql, String id, Object[] values) throws SQLException {
        PreparedStatement ps = sql.get(insert);
        ps.setString(1, id);
        for (int j = 0; j < values.length; j++) {
            ps.setObject(j + 2, values[j]);
        }
        if (returning) {
            return row(ps);
        }
        ps.executeUpdate();
        return read(sql, id);
    }

    /**
     * Writes the value columns {@code changed} marks over {@code old}; returns the row (see
     * {@link #returnsFinalRow}). When every new value is one SQLite stores exactly as given
     * ({@link #storedAsGiven}) and no column is computed from others, the row is {@code old} with
     * the new values in place, and the UPDATE returns nothing: reading a row back through
     * RETURNING cost about a third of the statement.
     */
    Object[] update(StatementCache sql, String id, Object[] old, boolean[] changed, Object[] values)
            throws SQLException {
        boolean predicted = returning && !computedColumns;
        for (int j = 0; j < values.length && predicted; j++) {
            predicted = !changed[j] || storedAsGiven(columns[j].affinity(), values[j]);
        }
        PreparedStatement ps = sql.get(updateSql(changed, !predicted && returning));
        int p = 1;
        for (int j = 0; j < values.length; j++) {
            if (changed[j]) {
                ps.setObject(p++, values[j]);
            }
        }
        ps.setString(p, id);
        if (predicted) {
            if (ps.executeUpdate() != 1) {
                return read(sql, id);
            }
            Object[] row = old.clone();
            for (int j = 0; j < values.length; j++) {
                if (changed[j]) {
                    row[rowIndex[j]] = values[j];
                }
            }
            return row;
        }
        if (returning) {
            return row(ps);
        }
        ps.executeUpdate();
        return null;
    }

    /**
     * Whether SQLite stores {@code v} (already in the column's affinity, see {@link #values}) in a
     * column of {@code affinity} as exactly this value and type. Conservative: text in a numeric
     * column, NaN (stored as NULL) and -0.0 are left to RETURNING.
     */
    static boolean storedAsGiven(Affinity affinity, Object v) {
        if (v == null || v instanceof byte[]) {
            return true;
        }
        if (v instanceof Long) {
            return affinity == Affinity.INTEGER || affinity == Affinity.NUMERIC || affinity == Affinity.BLOB;
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) && Double.doubleToRawLongBits(d) != Double.doubleToRawLongBits(-0.0)
                    && (affinity == Affinity.REAL || affinity == Affinity.BLOB || d != Math.rint(d));
        }
        if (v instanceof String) {
            return affinity == Affinity.TEXT || affinity == Affinity.BLOB;
        }
        return false;
    }

    /** Column names of a row, as {@code SELECT *} spells them. */
    String[] rowNames() {
        return rowNames;
    }

    T toRecord(Object[] row) {
        return type.fromRow(row, rowToComponent);
    }

    private String updateSql(boolean[] changed, boolean returningRow) {
        long key = returningRow ? 1L << 63 : 0;
        if (changed.length < 63) {
            for (int j = 0; j < changed.length; j++) {
                key |= changed[j] ? 1L << j : 0;
            }
            String cached = updates.get(key);
            if (cached != null) {
                return cached;
            }
        }
        StringBuilder set = new StringBuilder();
        for (int j = 0; j < changed.length; j++) {
            if (changed[j]) {
                set.append(set.length() == 0 ? "" : ", ").append(SchemaSnapshot.quote(columns[j].name())).append(" = ?");
            }
        }
        String sql = "UPDATE " + table.quoted() + " SET " + set + " WHERE \"id\" = ?" + (returningRow ? " RETURNING *" : "");
        if (changed.length < 63) {
            updates.put(key, sql);
        }
        return sql;
    }

    private Object[] row(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            if (rowNames == null) {
                learn(rs.getMetaData());
            }
            Object[] row = new Object[rowNames.length];
            for (int i = 0; i < row.length; i++) {
                row[i] = SqlValues.normalize(rs.getObject(i + 1));
            }
            return row;
        }
    }

    private void learn(ResultSetMetaData md) throws SQLException {
        String[] names = new String[md.getColumnCount()];
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            names[i] = md.getColumnName(i + 1);
            position.putIfAbsent(names[i].toLowerCase(Locale.ROOT), i);
        }
        int[] index = new int[columns.length];
        List<String> missing = new ArrayList<>();
        for (int j = 0; j < columns.length; j++) {
            Integer at = position.get(columns[j].name().toLowerCase(Locale.ROOT));
            if (at == null) {
                missing.add(columns[j].name());
            }
            index[j] = at == null ? -1 : at;
        }
        if (!missing.isEmpty()) {
            throw new StorageException("Table " + table.name() + " returned no column " + missing
                    + "; the schema changed outside migrate");
        }
        Integer id = position.get("id");
        if (id == null) {
            throw new StorageException("Table " + table.name() + " returned no id column; the schema changed outside migrate");
        }
        idIndex = id;
        computedColumns = names.length != table.columns().size();
        rowToComponent = type.columnMapping(md);
        rowIndex = index;
        rowNames = names;
    }
}
