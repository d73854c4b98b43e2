package dev.tandem.engine.bench;

import dev.tandem.engine.Db;
import dev.tandem.engine.Synchronous;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldCodec;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.changelog.WinnerMap;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.store.SqlValues;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The floor under {@link MergeBench}'s engine figure for a changelog layout: the rows a merge writes,
 * and nothing else, as a raw {@code executeBatch} per table. For the {@linkplain Layout#CURRENT
 * current} layout these are the engine's own tables; per change: its {@code _tandem_change} row, its
 * history row and its entity's winners row in {@code _tandem_entity}, and the user row (an INSERT of
 * the task, or an UPDATE of the columns that moved); entity rows in key order, as the engine writes
 * them, one transaction per batch. It reads nothing (the engine reads each entity's winners and the
 * changes they name to decide), so the engine can come close to it but not below it. Blobs are the
 * engine's: each change's by {@link FieldCodec}, each winners row by {@link WinnerMap}, so rows and
 * pages are the size the engine's are. The other layouts are leaner ones the engine does not have,
 * timed to show what a change of the on-disk format could gain at most.
 */
final class MergeFloor {
    /** Which rows a change writes; each drops more of what the changelog keeps per change. */
    enum Layout {
        /** As the engine stores changes: change, history, winners and user rows. */
        CURRENT("current", "change, history, winners and user rows (the engine's)"),
        /** No history rows, so no "is this change here already?" and no item history: change, winners and user rows. */
        NO_HISTORY("no-history", "change, winners and user rows (no history)"),
        /** The winners in a column of the user row, no entity table at all: change and user rows. */
        WINNERS_IN_ROW("winners-in-row", "change and user rows, winners in a column of the user row (no history)");

        final String option;
        final String rows;

        Layout(String option, String rows) {
            this.option = option;
            this.rows = rows;
        }

        static Layout of(String option) {
            for (Layout l : values()) {
                if (l.option.equals(option)) {
                    return l;
                }
            }
            throw new IllegalArgumentException("--layouts: no layout named '" + option + "'");
        }
    }

    /** The extra column {@link Layout#WINNERS_IN_ROW} gives the user table. */
    private static final String WINNERS_COLUMN = "_tandem_winners";

    private final List<String> ddl;
    private final UUID author;
    private final Layout layout;

    private MergeFloor(List<String> ddl, UUID author, Layout layout) {
        this.ddl = ddl;
        this.author = author;
        this.layout = layout;
    }

    Layout layout() {
        return layout;
    }

    /** Reads the engine's table definitions from a scratch database {@code Db.open} creates. */
    static MergeFloor of(Path scratch, UUID author, Layout layout) throws Exception {
        SaveLatency.fresh(scratch);
        List<String> ddl = new ArrayList<>();
        try (Db opened = Db.open(scratch)) {
            SyncPort.of(opened).read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_schema"
                        + " WHERE name IN ('_tandem_change', '_tandem_entity') ORDER BY name")) {
                    while (rs.next()) {
                        ddl.add(rs.getString(1));
                    }
                }
                return null;
            });
        } finally {
            SaveLatency.fresh(scratch);
        }
        if (ddl.size() != 2) {
            throw new IllegalStateException("the engine's changelog tables were not found: " + ddl);
        }
        return new MergeFloor(ddl, author, layout);
    }

    /** Times each case in turn on one new file; nanoseconds. */
    long[] run(Path file, List<MergeBench.Case> cases) throws Exception {
        SaveLatency.fresh(file);
        try (Connection c = SaveLatency.rawConnection(file, Synchronous.FULL)) {
            try (Statement s = c.createStatement()) {
                s.execute(Data.TASK_DDL);
                if (layout == Layout.WINNERS_IN_ROW) {
                    s.execute("ALTER TABLE task ADD COLUMN " + WINNERS_COLUMN + " BLOB");
                }
                for (String table : ddl) {
                    s.execute(table);
                }
            }
            c.setAutoCommit(false);
            Writes w = new Writes(c);
            long[] times = new long[cases.size()];
            for (int k = 0; k < cases.size(); k++) {
                long start = System.nanoTime();
                for (List<ChangeData> batch : cases.get(k).batches()) {
                    w.batch(batch, cases.get(k).inserts());
                }
                times[k] = System.nanoTime() - start;
            }
            c.setAutoCommit(true);
            return times;
        } finally {
            SaveLatency.fresh(file);
        }
    }

    /**
     * The user rows of {@code batch}, once per entity and in entity order as the engine writes them:
     * an INSERT of the fields of each change, or an UPDATE of the columns it sets. All changes of a
     * batch here set the same fields. Also the raw baseline of {@link MergeBench}.
     */
    static void userRows(Connection c, List<ChangeData> batch, boolean insert) throws SQLException {
        userRows(c, batch, insert, null);
    }

    /** As above, with each entity's winners blob in {@link #WINNERS_COLUMN} when {@code winners} is given. */
    private static void userRows(Connection c, List<ChangeData> batch, boolean insert, Map<String, byte[]> winners)
            throws SQLException {
        List<String> names = new ArrayList<>();
        for (FieldData f : batch.get(0).fields()) {
            names.add(f.name());
        }
        if (winners != null) {
            names.add(WINNERS_COLUMN);
        }
        TreeMap<String, Object[]> rows = new TreeMap<>();
        for (ChangeData ch : batch) {
            Object[] row = new Object[names.size() + 1];
            row[insert ? 0 : names.size()] = ch.entity();
            for (int k = 0; k < names.size(); k++) {
                row[insert ? k + 1 : k] = k < ch.fields().size() ? SqlValues.normalize(ch.fields().get(k).value())
                        : winners.get(ch.entity());
            }
            rows.put(ch.entity(), row);
        }
        String sql = insert
                ? "INSERT INTO task(id, " + String.join(", ", names) + ") VALUES(?" + ", ?".repeat(names.size()) + ")"
                : "UPDATE task SET " + String.join(" = ?, ", names) + " = ? WHERE id = ?";
        run(c, sql, new ArrayList<>(rows.values()));
    }

    private static void run(Connection c, String sql, List<Object[]> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** One file's writes: seqs and each entity's winners carry over from batch to batch. */
    private final class Writes {
        private final Connection c;
        private final Map<String, WinnerMap> winners = new HashMap<>();
        private long seq;

        Writes(Connection c) {
            this.c = c;
        }

        void batch(List<ChangeData> batch, boolean insert) throws SQLException {
            List<Object[]> changes = new ArrayList<>(batch.size());
            List<Object[]> entityRows = new ArrayList<>(batch.size() * 2);
            Map<String, Object[]> winnersRows = new HashMap<>();
            for (ChangeData ch : batch) {
                long s = ++seq;
                byte[] id = Uuid7.toBytes(ch.id());
                changes.add(new Object[] {s, id, Uuid7.toBytes(author), "task", ch.entity(), FieldCodec.encode(ch.fields())});
                if (layout == Layout.CURRENT) {
                    entityRows.add(new Object[] {"task", ch.entity(), id, s, null});
                }
                WinnerMap w = winners.computeIfAbsent(ch.entity(), k -> WinnerMap.empty().copy());
                for (FieldData f : ch.fields()) {
                    w.put(f.name(), s, ch.id());
                }
                winnersRows.put(ch.entity(), new Object[] {"task", ch.entity(), "", s, null});
            }
            // Each winners row once, with the entity's winners as they end the batch.
            Map<String, byte[]> inRow = layout == Layout.WINNERS_IN_ROW ? new HashMap<>() : null;
            for (Object[] r : winnersRows.values()) {
                r[4] = winners.get((String) r[1]).encode();
                if (inRow != null) {
                    inRow.put((String) r[1], (byte[]) r[4]);
                } else {
                    entityRows.add(r);
                }
            }
            entityRows.sort(Comparator.<Object[], String>comparing(r -> (String) r[1])
                    .thenComparing(r -> r[2] instanceof byte[] b ? b : null, Comparator.nullsFirst(Arrays::compareUnsigned)));
            run(c, "INSERT INTO _tandem_change(seq, id, author, tbl, entity, fields) VALUES(?, ?, ?, ?, ?, ?)", changes);
            if (!entityRows.isEmpty()) {
                run(c, "INSERT INTO _tandem_entity(tbl, entity, key, seq, winners) VALUES(?, ?, ?, ?, ?)"
                        + " ON CONFLICT(tbl, entity, key) DO UPDATE SET seq = excluded.seq, winners = excluded.winners",
                        entityRows);
            }
            userRows(c, batch, insert, inRow);
            c.commit();
        }
    }
}
