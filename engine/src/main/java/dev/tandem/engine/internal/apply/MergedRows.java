package dev.tandem.engine.internal.apply;

import dev.tandem.engine.Change;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.internal.changelog.WinnerMap;
import dev.tandem.engine.internal.store.SchemaSnapshot;
import dev.tandem.engine.internal.store.SchemaSnapshot.Column;
import dev.tandem.engine.internal.store.SchemaSnapshot.TableInfo;
import dev.tandem.engine.internal.tx.WriteSession;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the rows of the entities a merged batch moved ({@link MergeBatch}), after the batch's
 * changelog rows are written. The user tables are a projection of the winners, so two common cases
 * need no read of the row or its winners, and run as one batched statement per table and set of
 * columns:
 * <ul>
 *   <li>the row was there and {@code _deleted} did not move: an UPDATE of the columns whose winners
 *       moved, with the values the batch holds;</li>
 *   <li>there was no row, and every winner is a change of this batch: the upsert
 *       {@link Materializer} writes, with every winning value.</li>
 * </ul>
 * Everything else goes through {@link HeldRows#materializeOrHold}, under a savepoint per row, as a
 * single entity's merge does: a held entity, one whose {@code _deleted} moved or is set, a winner
 * naming a column this schema lacks, an UPDATE that found no row, and any row the table refuses
 * (SQLite undoes the refused statement alone; the row is then written one by one, so it is held).
 */
final class MergedRows {
    private final Materializer materializer;
    private final HeldRows held;

    MergedRows(Materializer materializer, HeldRows held) {
        this.materializer = materializer;
        this.held = held;
    }

    /** One batched statement: its rows' entities, and the values bound per row. */
    private record Group(ChangeEvent.Kind kind, List<String> entities, List<Object[]> values) {
    }

    void write(WriteSession s, MergeBatch batch, Map<String, Set<String>> touched) throws SQLException {
        for (Map.Entry<String, Set<String>> e : touched.entrySet()) {
            TableInfo t = s.schema().syncTarget(e.getKey()).orElse(null);
            if (t == null) {
                for (String entity : e.getValue()) {
                    materializer.setPending(s.sql(), e.getKey(), entity, true);
                }
                continue;
            }
            Map<String, Group> groups = new LinkedHashMap<>();
            Set<String> oneByOne = new TreeSet<>();
            for (String entity : e.getValue()) {
                if (!plan(batch, t, batch.entity(t.name(), entity), groups)) {
                    oneByOne.add(entity);
                }
            }
            for (Map.Entry<String, Group> g : groups.entrySet()) {
                run(s, t, g.getKey(), g.getValue(), oneByOne);
            }
            for (String entity : oneByOne) {
                held.materializeOrHold(s, t, entity);
            }
        }
    }

    /** Adds the entity's row to its group; false when it must be written one by one. */
    private static boolean plan(MergeBatch batch, TableInfo t, MergeBatch.Entity e, Map<String, Group> groups)
            throws SQLException {
        WinnerMap now = e.winners();
        WinnerMap.Entry deleted = now.get(Change.DELETED_FIELD);
        WinnerMap.Entry deletedBefore = e.before.get(Change.DELETED_FIELD);
        if (e.pending || (deleted == null) != (deletedBefore == null)
                || (deleted != null && deleted.seq() != deletedBefore.seq())
                || (deleted != null && Long.valueOf(1L).equals(batch.winner(e, Change.DELETED_FIELD).value()))) {
            return false;
        }
        boolean update = e.rowExisted;
        if (!update && !batch.allWinnersAppended(e)) {
            return false;
        }
        List<Column> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Map.Entry<String, WinnerMap.Entry> w : now.byField().entrySet()) {
            String field = w.getValue().field();
            WinnerMap.Entry was = e.before.get(field);
            if ((update && was != null && was.seq() == w.getValue().seq()) || field.equalsIgnoreCase(Change.DELETED_FIELD)
                    || field.equalsIgnoreCase("id")) {
                continue;
            }
            Column c = t.column(field).orElse(null);
            if (c == null) {
                return false; // the one-by-one path holds it as pending
            }
            columns.add(c);
            values.add(batch.winner(e, field).value());
        }
        if (update && columns.isEmpty()) {
            return false;
        }
        String sql = update ? update(t, columns) : Materializer.upsert(t, columns);
        Group g = groups.computeIfAbsent(sql, k -> new Group(update ? ChangeEvent.Kind.UPDATE : ChangeEvent.Kind.INSERT,
                new ArrayList<>(), new ArrayList<>()));
        Object[] row = new Object[values.size() + 1];
        if (update) {
            values.toArray(row);
            row[values.size()] = e.entity;
        } else {
            row[0] = e.entity;
            for (int i = 0; i < values.size(); i++) {
                row[i + 1] = values.get(i);
            }
        }
        g.entities().add(e.entity);
        g.values().add(row);
        return true;
    }

    private static String update(TableInfo t, List<Column> columns) {
        StringBuilder sql = new StringBuilder("UPDATE ").append(t.quoted()).append(" SET ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(SchemaSnapshot.quote(columns.get(i).name())).append(" = ?");
        }
        return sql.append(" WHERE \"id\" = ?").toString();
    }

    /**
     * Runs one group, row by row on one prepared statement; rows it did not write (no row to
     * update, or refused) go to {@code oneByOne}.
     *
     * <p>No savepoint around the group. A refused row is undone by SQLite itself: a statement that
     * fails a constraint under ABORT, SQLite's default, backs out its own changes (its triggers'
     * too) and leaves the transaction and the rows before it as they were. (A constraint declared
     * ON CONFLICT FAIL would keep what a trigger wrote before it failed; the app's schema declares
     * none, and ROLLBACK ends the transaction either way.) A savepoint held across
     * the group kept every statement's journal (the pages a row's insert and its search-index
     * triggers touch) growing past SQLite's 64 KiB in-memory limit, so it spilled to a temporary
     * file and a new device's first pull of 1,000 todos made about 17,000 writes to it.
     */
    private static void run(WriteSession s, TableInfo t, String sql, Group g, Set<String> oneByOne)
            throws SQLException {
        PreparedStatement ps = s.sql().get(sql);
        for (int r = 0; r < g.values().size(); r++) {
            Object[] row = g.values().get(r);
            for (int i = 0; i < row.length; i++) {
                ps.setObject(i + 1, row[i]);
            }
            int count;
            try {
                count = ps.executeUpdate();
            } catch (SQLException refused) {
                int code = refused.getErrorCode() & 0xFF;
                if (code != HeldRows.CONSTRAINT && code != HeldRows.MISMATCH) {
                    throw refused;
                }
                oneByOne.add(g.entities().get(r));
                continue;
            }
            if (count > 0) {
                s.event(g.kind(), t.name(), g.entities().get(r));
            } else {
                oneByOne.add(g.entities().get(r));
            }
        }
    }
}
