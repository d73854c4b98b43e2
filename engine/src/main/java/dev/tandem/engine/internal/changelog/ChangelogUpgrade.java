package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.store.BulkInsert;
import dev.tandem.engine.internal.store.SqlValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings the changelog of internal version 1 to version 2, inside the open transaction, keeping
 * every change, its seq (the push cursor and conflicts refer to seqs), its attributes and the
 * winners. Version 1 kept a row per attribute in {@code _tandem_field}, a row per winning
 * attribute in {@code _tandem_winner} and two indexes on {@code _tandem_change}.
 *
 * <p>Order: the old change table is renamed out of the way first, so the new one can take its
 * name; the old tables are dropped last, after everything was copied. A failure anywhere rolls the
 * whole open back and leaves the file at version 1.
 */
final class ChangelogUpgrade {
    private ChangelogUpgrade() {
    }

    static void fromVersion1(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE _tandem_change RENAME TO _tandem_change_v1");
            s.execute(InternalSchema.CHANGE_DDL);
            s.execute(InternalSchema.ENTITY_DDL);
            s.execute("INSERT INTO _tandem_entity(tbl, entity, key, seq) SELECT tbl, entity, id, seq FROM _tandem_change_v1");
            copyWinners(c);
            copyChanges(c);
            try (ResultSet rs = s.executeQuery("SELECT max(id) FROM _tandem_change_v1")) {
                byte[] max = rs.next() ? rs.getBytes(1) : null;
                if (max != null) {
                    ChangelogStore.noteHigh(c, Uuid7.fromBytes(max));
                }
            }
            s.execute("DROP TABLE _tandem_field");
            s.execute("DROP TABLE _tandem_winner");
            s.execute("DROP TABLE _tandem_change_v1");
        }
    }

    /** Each entity's winner rows packed into its one winners row. */
    private static void copyWinners(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT w.tbl, w.entity, w.field, w.seq, c.id FROM _tandem_winner w"
                + " JOIN _tandem_change_v1 c ON c.seq = w.seq ORDER BY w.tbl, w.entity");
             ResultSet rs = ps.executeQuery();
             BulkInsert out = new BulkInsert(c, "INSERT INTO _tandem_entity(tbl, entity, key, seq, winners)", 5, "")) {
            String table = null;
            String entity = null;
            WinnerMap winners = null;
            long last = 0;
            while (rs.next()) {
                if (!rs.getString(1).equals(table) || !rs.getString(2).equals(entity)) {
                    if (winners != null) {
                        out.add(table, entity, "", last, winners.encode());
                    }
                    table = rs.getString(1);
                    entity = rs.getString(2);
                    winners = WinnerMap.empty().copy();
                    last = 0;
                }
                long seq = rs.getLong(4);
                winners.put(rs.getString(3), seq, Uuid7.fromBytes(rs.getBytes(5)));
                last = Math.max(last, seq);
            }
            if (winners != null) {
                out.add(table, entity, "", last, winners.encode());
            }
            out.finish();
        }
    }

    /** Every change with its attributes packed into one blob, in seq order. */
    private static void copyChanges(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT c.seq, c.id, c.author, c.tbl, c.entity,"
                + " f.field, f.value, f.prev FROM _tandem_change_v1 c LEFT JOIN _tandem_field f ON f.seq = c.seq"
                + " ORDER BY c.seq, f.field");
             ResultSet rs = ps.executeQuery();
             BulkInsert out = new BulkInsert(c, "INSERT INTO _tandem_change(seq, id, author, tbl, entity, fields)", 6, "")) {
            long current = -1;
            Object[] change = null;
            List<FieldData> fields = new ArrayList<>();
            while (rs.next()) {
                long seq = rs.getLong(1);
                if (seq != current) {
                    if (change != null) {
                        add(out, change, fields);
                    }
                    current = seq;
                    change = new Object[] {seq, rs.getBytes(2), rs.getBytes(3), rs.getString(4), rs.getString(5)};
                    fields = new ArrayList<>();
                }
                String field = rs.getString(6);
                if (field != null) { // a change whose every attribute was skipped at merge has no rows
                    byte[] prev = rs.getBytes(8);
                    fields.add(new FieldData(field, SqlValues.normalize(rs.getObject(7)),
                            prev == null ? null : Uuid7.fromBytes(prev)));
                }
            }
            if (change != null) {
                add(out, change, fields);
            }
            out.finish();
        }
    }

    private static void add(BulkInsert out, Object[] change, List<FieldData> fields) throws SQLException {
        out.add(change[0], change[1], change[2], change[3], change[4], FieldCodec.encode(fields));
    }
}
