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

    /**
     * Runs {@code sql} with {@code parameters} bound in order, each as the type it is (text, a
     * number, bytes), and hands each row to {@code row}.
     */
    public static void each(Connection c, String sql, Row row, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }
}
