package dev.tandem.engine.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A query's rows handed on one at a time, for the many small reads of the internal tables. */
public final class Rows {
    /** Reads the row the result set stands on. */
    public interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private Rows() {
    }

    /** Runs {@code sql}, which takes no parameters, and hands each row to {@code row}. */
    public static void each(Connection c, String sql, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }
}
