package dev.tandem.engine.internal.capture;

import dev.tandem.engine.Change;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.MappingException;
import dev.tandem.engine.internal.TxSession;
import dev.tandem.engine.internal.changelog.ChangelogStore;
import dev.tandem.engine.internal.changelog.HeldRows;
import dev.tandem.engine.internal.changelog.Materializer;
import dev.tandem.engine.internal.changelog.Winner;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.mapping.RecordType;
import dev.tandem.engine.internal.store.Schema;
import dev.tandem.engine.internal.store.Schema.Column;
import dev.tandem.engine.internal.store.Schema.TableInfo;
import dev.tandem.engine.internal.store.SqlValues;
import dev.tandem.engine.internal.store.StatementCache;
import dev.tandem.engine.internal.sync.SyncLimits;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns local saves, deletes and restores into row writes plus changelog entries, in the caller's
 * transaction. A save diffs the stored row against the record and records one change carrying
 * only the attributes that differ (an insert records every column, defaults included, so other
 * devices build the same row). Each attribute notes the change it replaced, which is how merge
 * later tells a concurrent edit from a sequential one.
 */
public final class ChangeCapture {
    private final ChangelogStore log;
    private final Materializer materializer;
    private final HybridClock clock;
    private final UUID author;
    private final HeldRows held;

    public ChangeCapture(ChangelogStore log, Materializer materializer, HybridClock clock, UUID author) {
        this.log = log;
        this.materializer = materializer;
        this.held = new HeldRows(log, materializer);
        this.clock = clock;
        this.author = author;
    }

    /** Saves the record; returns its id (new if it had none). */
    public <T extends Record> String save(TxSession s, RecordType<T> type, T record) throws SQLException {
        TableInfo table = table(s.schema(), type);
        String id = type.id(record);
        if (id == null || id.isEmpty()) {
            id = clock.next().toString();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < type.size(); i++) {
            String name = type.name(i);
            if (name.equals("id")) {
                continue;
            }
            Column column = table.column(name).orElse(null);
            if (column != null) {
                Object v = SqlValues.toSql(type.value(record, i), table.name() + "." + name);
                values.put(column.name(), column.affinity().apply(v));
            }
        }
        StatementCache sql = s.sql();
        Map<String, Object> old = readRow(sql, table, id, values);
        Map<String, Winner> winners = log.winners(sql, table.name(), id);
        Map<String, Object> changed = new LinkedHashMap<>();
        if (old == null) {
            insert(sql, table, id, values);
            changed.putAll(readRow(sql, table, id, null));
            changed.remove("id");
            Winner deleted = winners.get(Change.DELETED_FIELD);
            if (deleted != null && Long.valueOf(1L).equals(deleted.value())) {
                changed.put(Change.DELETED_FIELD, 0L);
            }
        } else {
            values.forEach((column, v) -> {
                if (!SqlValues.same(old.get(column), v)) {
                    changed.put(column, v);
                }
            });
            if (changed.isEmpty()) {
                return id;
            }
            update(sql, table, id, changed);
        }
        record(s, table, id, changed, winners);
        s.event(old == null ? ChangeEvent.Kind.INSERT : ChangeEvent.Kind.UPDATE, table.name(), id);
        if (old == null) {
            // The row shows now, so the entity is no longer held back (a merge may have held it for
            // a missing parent); it stays pending only for columns this schema lacks.
            materializer.setPending(sql, table.name(), id, winners.values().stream().anyMatch(w ->
                    !w.field().equals(Change.DELETED_FIELD) && !w.field().equalsIgnoreCase("id")
                            && table.column(w.field()).isEmpty()));
            // A new parent row: children a merge held back for want of it can show now.
            held.retryChildrenOf(s, Set.of(table.name()));
        }
        return id;
    }

    /** Deletes the row and records a tombstone; false when there was no row. */
    public boolean delete(TxSession s, RecordType<?> type, String id) throws SQLException {
        TableInfo table = table(s.schema(), type);
        PreparedStatement ps = s.sql().get("DELETE FROM " + table.quoted() + " WHERE \"id\" = ?");
        ps.setString(1, id);
        if (ps.executeUpdate() == 0) {
            return false;
        }
        Map<String, Winner> winners = log.winners(s.sql(), table.name(), id);
        record(s, table, id, Map.of(Change.DELETED_FIELD, 1L), winners);
        s.event(ChangeEvent.Kind.DELETE, table.name(), id);
        return true;
    }

    /** Restores a deleted entity from its winning attributes; false when it was not deleted. */
    public boolean restore(TxSession s, RecordType<?> type, String id) throws SQLException {
        TableInfo table = table(s.schema(), type);
        Map<String, Winner> winners = log.winners(s.sql(), table.name(), id);
        Winner deleted = winners.get(Change.DELETED_FIELD);
        if (deleted == null || !Long.valueOf(1L).equals(deleted.value())) {
            return false;
        }
        record(s, table, id, Map.of(Change.DELETED_FIELD, 0L), winners);
        ChangeEvent.Kind kind = materializer.materialize(s, table, id, log.winners(s.sql(), table.name(), id));
        if (kind != null) {
            s.event(kind, table.name(), id);
        }
        held.retryChildrenOf(s, Set.of(table.name()));
        return true;
    }

    /** Writes one local change that sets {@code fields}, each replacing its current winner. */
    public void record(TxSession s, TableInfo table, String id, Map<String, Object> fields,
                       Map<String, Winner> winners) throws SQLException {
        SyncLimits.checkLocal(table.name(), id, fields);
        StatementCache sql = s.sql();
        // Greater than every value it replaces, even one from a device whose clock ran ahead.
        UUID newest = null;
        for (String field : fields.keySet()) {
            Winner replaced = winners.get(field.toLowerCase(Locale.ROOT));
            if (replaced != null && (newest == null || Uuid7.ORDER.compare(replaced.id(), newest) > 0)) {
                newest = replaced.id();
            }
        }
        long seq = log.append(sql, clock.nextAfter(newest), author, table.name(), id);
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            Winner replaced = winners.get(f.getKey().toLowerCase(Locale.ROOT));
            log.appendField(sql, seq, f.getKey(), f.getValue(), replaced == null ? null : replaced.id());
            log.setWinner(sql, table.name(), id, replaced == null ? f.getKey() : replaced.field(), seq);
        }
    }

    private static TableInfo table(Schema schema, RecordType<?> type) {
        TableInfo table = schema.requireTable(type.table(), " for record " + type.type().getSimpleName());
        Column id = table.column("id").orElse(null);
        if (id == null || !id.primaryKey()) {
            throw new MappingException("Table '" + table.name() + "' needs an 'id' PRIMARY KEY column to store "
                    + type.type().getSimpleName());
        }
        return table;
    }

    /** The stored values of {@code columns} (all columns when null), or null when there is no row. */
    private static Map<String, Object> readRow(StatementCache sql, TableInfo table, String id,
                                               Map<String, Object> columns) throws SQLException {
        StringBuilder select = new StringBuilder("SELECT ");
        if (columns == null) {
            select.append('*');
        } else {
            select.append("\"id\"");
            for (String c : columns.keySet()) {
                select.append(", ").append(Schema.quote(c));
            }
        }
        select.append(" FROM ").append(table.quoted()).append(" WHERE \"id\" = ?");
        PreparedStatement ps = sql.get(select.toString());
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            ResultSetMetaData md = rs.getMetaData();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                row.put(md.getColumnName(i), SqlValues.normalize(rs.getObject(i)));
            }
            return row;
        }
    }

    private static void insert(StatementCache sql, TableInfo table, String id, Map<String, Object> values)
            throws SQLException {
        StringBuilder cols = new StringBuilder("\"id\"");
        StringBuilder params = new StringBuilder("?");
        for (String c : values.keySet()) {
            cols.append(", ").append(Schema.quote(c));
            params.append(", ?");
        }
        PreparedStatement ps = sql.get("INSERT INTO " + table.quoted() + "(" + cols + ") VALUES(" + params + ")");
        ps.setString(1, id);
        int i = 2;
        for (Object v : values.values()) {
            ps.setObject(i++, v);
        }
        ps.executeUpdate();
    }

    private static void update(StatementCache sql, TableInfo table, String id, Map<String, Object> changed)
            throws SQLException {
        StringBuilder set = new StringBuilder();
        for (String c : changed.keySet()) {
            set.append(set.length() == 0 ? "" : ", ").append(Schema.quote(c)).append(" = ?");
        }
        PreparedStatement ps = sql.get("UPDATE " + table.quoted() + " SET " + set + " WHERE \"id\" = ?");
        int i = 1;
        for (Object v : changed.values()) {
            ps.setObject(i++, v);
        }
        ps.setString(i, id);
        ps.executeUpdate();
    }
}
