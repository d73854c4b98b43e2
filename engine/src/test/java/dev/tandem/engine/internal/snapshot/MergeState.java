package dev.tandem.engine.internal.snapshot;

import dev.tandem.engine.Db;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.changelog.WinnerMap;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * Everything a merge writes, as text that compares: rows with each value's storage class, the
 * changelog, winners by change id, history, pending entities and conflicts, free of local seq
 * numbers and rowids. The tests that hold two merge paths to each other compare these.
 */
public final class MergeState {
    private MergeState() {
    }

    /** Each entity's winners, by change id rather than local seq. */
    public static String winners(Connection c) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (var ps = c.prepareStatement("SELECT tbl, entity, winners FROM _tandem_entity WHERE key = '' ORDER BY 1, 2");
             var rs = ps.executeQuery()) {
            while (rs.next()) {
                for (WinnerMap.Entry w : WinnerMap.decode(rs.getBytes(3)).byField().values()) {
                    out.append(rs.getString(1)).append('|').append(rs.getString(2)).append('|').append(w.field())
                            .append('|').append(w.id()).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Everything a merge writes, independent of local seq numbers and rowids. */
    public static String state(Db db) {
        return SyncPort.of(db).read(c -> {
            StringBuilder out = new StringBuilder();
            for (String table : List.of("list", "item", "tag")) {
                out.append(table).append(":\n").append(dump(c, "SELECT * FROM " + table + " ORDER BY id"));
            }
            out.append("changes:\n").append(dump(c, "SELECT hex(id), hex(author), tbl, entity FROM _tandem_change ORDER BY id"));
            out.append("fields:\n").append(dump(c, "SELECT hex(id), hex(fields) FROM _tandem_change ORDER BY 1"));
            out.append("winners:\n").append(winners(c));
            out.append("history:\n").append(dump(c, "SELECT e.tbl, e.entity, hex(e.key), hex(c.id) FROM _tandem_entity e"
                    + " JOIN _tandem_change c ON c.seq = e.seq WHERE e.key >= x'' ORDER BY 1, 2, 3"));
            out.append("pending:\n").append(dump(c, "SELECT tbl, entity FROM _tandem_pending ORDER BY 1, 2"));
            out.append("conflicts:\n").append(dump(c, "SELECT count(*) FROM _tandem_conflict"));
            out.append("fts:\n").append(dump(c, "SELECT i.id FROM item_fts JOIN item i ON i.rowid = item_fts.rowid"
                    + " WHERE item_fts MATCH 'first OR colour OR blob OR edited' ORDER BY i.id"));
            return out.toString();
        });
    }

    /** Rows with each value's storage class, so 2.5 and '2.5' differ. */
    public static String dump(Connection c, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    out.append(i == 1 ? "  " : " | ").append(v instanceof byte[] ? "blob " + Arrays.toString((byte[]) v)
                            : v == null ? "null" : v + " (" + v.getClass().getSimpleName() + ")");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
