package dev.tandem.engine.internal.snapshot;

import dev.tandem.engine.Change;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.snapshot.SnapshotPlan.Plan;
import dev.tandem.engine.internal.snapshot.SnapshotPlan.Target;
import dev.tandem.engine.internal.store.BulkInsert;
import dev.tandem.engine.internal.store.SchemaSnapshot;
import dev.tandem.engine.internal.store.SchemaSnapshot.Column;
import dev.tandem.engine.internal.store.SchemaSnapshot.TableInfo;
import dev.tandem.engine.internal.store.SqlValues;
import dev.tandem.engine.internal.tx.WriteSession;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The user rows of a snapshot's bulk load ({@link SnapshotLocal}): each live entity's row written
 * from its winners by multi-row INSERTs per set of columns, names from the schema only. On a
 * database that has rows already (a device back after a long time, {@link SnapshotRebuild}), a row
 * is written only where its values differ, and then only the columns that do; the rows compared
 * were read beside the writer where they may be ({@link RowsBefore}), else here.
 */
final class SnapshotRows {
    private SnapshotRows() {
    }

    /** Rows per INSERT into a user table: its triggers (an FTS index's) do per-statement work. */
    private static final int USER_ROWS = 4096;

    /**
     * Writes the row of every entity that is not deleted, and marks pending the entities of tables
     * this schema lacks (or that are virtual) and those with fields it has no column for. Column
     * names come from the schema only. A row that exists already (e.g. seeded by a migration) is
     * updated, as a merge would. The row events go to the session only once every row is written:
     * when this schema refuses one, the caller rolls the bulk path back and merges instead, and
     * events of rows that were never written must not reach listeners.
     */
    static void write(WriteSession s, Plan plan, RowsBefore before) throws SQLException {
        Connection c = s.sql().connection();
        List<ChangeEvent> events = new ArrayList<>();
        try (BulkInsert pending = new BulkInsert(c, "INSERT OR IGNORE INTO _tandem_pending(tbl, entity)", 2, "")) {
            int[] entities = plan.entities;
            int from = 0;
            while (from < entities.length - 1) {
                String table = plan.changes[entities[from]].table();
                int to = from + 1;
                while (to < entities.length - 1 && plan.changes[entities[to]].table().equals(table)) {
                    to++;
                }
                Target target = plan.targets.get(table);
                if (target == null) {
                    for (int g = from; g < to; g++) {
                        if (plan.wins(g)) {
                            pending.add(table, plan.changes[entities[g]].entity());
                        }
                    }
                    before.skip(c); // the engine's own table only
                } else {
                    long pendingBefore = pending.changed();
                    long direct = rows(s, plan, target, from, to, pending, events, before);
                    before.wrote(c, direct + pending.changed() - pendingBefore);
                }
                from = to;
            }
            pending.finish();
        }
        for (ChangeEvent e : events) {
            s.event(e.kind(), e.table(), e.id());
        }
    }

    /**
     * An entity's row to write: the columns to set, their values in column order, whether it has
     * fields this schema has no column for, and whether the row is there already.
     */
    private record Row(String entity, BitSet columns, Object[] values, boolean unknown, boolean update) {
    }

    /**
     * The rows of entities {@code from} (inclusive) to {@code to} of {@code plan}, all of one table;
     * worked out on a helper thread from the plan and the rows read before ({@link WorkedAhead}).
     * Returns the rows its statements changed directly.
     */
    private static long rows(WriteSession s, Plan plan, Target target, int from, int to, BulkInsert pending,
                             List<ChangeEvent> events, RowsBefore before) throws SQLException {
        Connection c = s.sql().connection();
        TableInfo table = target.table;
        Map<String, Object[]> read = before.take(table.name());
        Map<String, Object[]> existing = read != null ? read : existingRows(c, table);
        Map<BitSet, BulkInsert> inserts = new HashMap<>();
        try {
            WorkedAhead.<Row>run("tandem-snapshot-user-rows", out -> make(plan, target, from, to, existing, out), row -> {
                if (row.unknown) {
                    pending.add(table.name(), row.entity);
                }
                if (row.columns == null) {
                    return; // nothing to write: an unchanged row
                }
                BulkInsert insert = inserts.get(row.columns);
                if (insert == null) {
                    insert = upsert(c, target, row.columns, existing != null);
                    inserts.put(row.columns, insert);
                }
                insert.put(row.entity);
                for (Object v : row.values) {
                    insert.put(v);
                }
                events.add(new ChangeEvent(row.update ? ChangeEvent.Kind.UPDATE : ChangeEvent.Kind.INSERT,
                        table.name(), row.entity));
            });
            long direct = 0;
            for (BulkInsert insert : inserts.values()) {
                insert.finish();
                direct += insert.changed();
            }
            return direct;
        } finally {
            closeAll(inserts.values());
        }
    }

    /** On the helper: the rows of entities {@code from} to {@code to}, in order. */
    private static void make(Plan plan, Target target, int from, int to, Map<String, Object[]> existing,
                             WorkedAhead.Out<Row> out) {
        Object[] values = new Object[target.columns.size()];
        BitSet present = new BitSet(values.length);
        for (int g = from; g < to; g++) {
            present.clear();
            boolean any = false;
            boolean deleted = false;
            boolean unknown = false;
            String entity = plan.changes[plan.entities[g]].entity();
            for (int i = plan.entities[g]; i < plan.entities[g + 1]; i++) {
                for (FieldData f : plan.changes[i].entry().change().fields()) {
                    if (SnapshotLocal.skippedInSnapshot(f)) {
                        continue;
                    }
                    any = true;
                    if (f.name().equals(Change.DELETED_FIELD)) {
                        deleted = Long.valueOf(1L).equals(f.value());
                        continue;
                    }
                    int column = target.column(f.name());
                    if (column < 0) {
                        unknown = true;
                    } else {
                        present.set(column);
                        values[column] = f.value();
                    }
                }
            }
            if (deleted || !any) {
                continue; // a tombstone, or an entity without attributes (a row only projects winners)
            }
            Object[] row = existing == null ? null : existing.get(entity);
            if (row != null) {
                // Only the columns whose value differs: the row's indexes and triggers (an FTS
                // index's) then do work only for what changed, and an unchanged row none.
                for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
                    if (SqlValues.same(row[i], SqlValues.normalize(values[i]))) {
                        present.clear(i);
                        values[i] = null;
                    }
                }
            }
            if (row != null && present.isEmpty()) {
                if (unknown) {
                    out.put(new Row(entity, null, null, true, true));
                }
                continue;
            }
            Object[] set = new Object[present.cardinality()];
            int n = 0;
            for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
                set[n++] = values[i];
                values[i] = null;
            }
            out.put(new Row(entity, (BitSet) present.clone(), set, unknown, row != null));
        }
    }

    /**
     * The rows already in the table, by id, each with its values in the order of its columns (a
     * {@link Target}'s); null when it is empty (the usual case on a new device).
     */
    static Map<String, Object[]> existingRows(Connection c, TableInfo table) throws SQLException {
        Map<String, Object[]> rows = null;
        StringBuilder select = new StringBuilder("SELECT \"id\"");
        for (Column column : table.columns().values()) {
            select.append(", ").append(SchemaSnapshot.quote(column.name()));
        }
        select.append(" FROM ").append(table.quoted());
        int n = table.columns().size();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(select.toString())) {
            while (rs.next()) {
                if (rows == null) {
                    rows = new HashMap<>();
                }
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = SqlValues.normalize(rs.getObject(i + 2));
                }
                rows.put(rs.getString(1), row);
            }
        }
        return rows;
    }

    /** Rows for the columns in {@code columns}: an INSERT, or an upsert where rows may exist already. */
    private static BulkInsert upsert(Connection c, Target target, BitSet columns, boolean upsert) {
        StringBuilder head = new StringBuilder("INSERT INTO ").append(target.table.quoted()).append("(\"id\"");
        StringBuilder update = new StringBuilder();
        for (int i = columns.nextSetBit(0); i >= 0; i = columns.nextSetBit(i + 1)) {
            String q = SchemaSnapshot.quote(target.columns.get(i).name());
            head.append(", ").append(q);
            update.append(update.length() == 0 ? "" : ", ").append(q).append(" = excluded.").append(q);
        }
        head.append(')');
        String tail = !upsert ? "" : " ON CONFLICT(\"id\") DO " + (columns.isEmpty() ? "NOTHING" : "UPDATE SET " + update);
        return new BulkInsert(c, head.toString(), columns.cardinality() + 1, tail, USER_ROWS);
    }

    private static void closeAll(Iterable<BulkInsert> inserts) throws SQLException {
        SQLException first = null;
        for (BulkInsert b : inserts) {
            try {
                b.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
