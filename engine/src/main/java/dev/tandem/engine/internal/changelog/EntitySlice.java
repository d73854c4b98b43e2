package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.internal.store.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The changelog's entities a slice at a time, in (table, entity) order, for the jobs that forget
 * history ({@link HistoryPruning}, and compaction's sweep of deleted entities): each slice is one
 * short transaction, so saves and syncs wait at most one slice, and the next starts after the last
 * entity of the one before.
 */
public final class EntitySlice {
    private EntitySlice() {
    }

    /**
     * Reads up to {@code limit} entities after ({@code afterTable}, {@code afterEntity}) (null, null:
     * from the start), each with {@code columns} (", expression…" over {@code _tandem_entity e}, or
     * "") handed to {@code row} (its table and id are columns 1 and 2, its winners 3, then
     * {@code columns}); returns them as {table, entity}.
     */
    public static List<String[]> read(Connection c, String columns, String afterTable, String afterEntity, int limit,
                                      Rows.Row row) throws SQLException {
        List<String[]> slice = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.tbl, e.entity, e.winners" + columns
                + " FROM _tandem_entity e WHERE e.key = ''" + (afterTable == null ? "" : " AND (e.tbl, e.entity) > (?, ?)")
                + " ORDER BY e.tbl, e.entity LIMIT ?")) {
            int i = 1;
            if (afterTable != null) {
                ps.setString(i++, afterTable);
                ps.setString(i++, afterEntity);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    slice.add(new String[] {rs.getString(1), rs.getString(2)});
                    row.read(rs);
                }
            }
        }
        return slice;
    }

    /**
     * Where the slice after {@code slice} starts, as {table, entity}: its last entity when it was
     * full ({@code limit}), or {null, null} when the walk is done.
     */
    public static String[] next(List<String[]> slice, int limit) {
        return slice.size() == limit ? slice.get(slice.size() - 1) : new String[] {null, null};
    }
}
