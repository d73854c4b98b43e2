package dev.tandem.engine.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * Every connection the engine opens treats the schema of the file it opens as untrusted: {@code
 * PRAGMA trusted_schema=OFF}, so a trigger, view, generated column or default stored in a file
 * (a backup someone edited, a profile copied from elsewhere) cannot call a function with side
 * effects or a virtual table; only functions SQLite marks innocuous run there. sqlite-jdbc offers
 * no {@code sqlite3_db_config}, so SQLite's defensive mode ({@code SQLITE_DBCONFIG_DEFENSIVE})
 * cannot be set from here; what it would refuse ({@code PRAGMA writable_schema} writes) is SQL
 * text, and no SQL text from outside ever reaches a connection (values are bound). Restores never
 * keep a file's schema at all ({@code internal.backup.CleanCopy}).
 */
public final class UntrustedSchema {
    private UntrustedSchema() {
    }

    /**
     * Sets the pragma on {@code c} and checks that it took (an older SQLite without it must not
     * pass silently); on failure {@code c} is closed.
     */
    public static <C extends Connection> C apply(C c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA trusted_schema=OFF");
            try (ResultSet rs = s.executeQuery("PRAGMA trusted_schema")) {
                if (!rs.next() || rs.getInt(1) != 0) {
                    throw new SQLException("This SQLite cannot be told to distrust a file's schema (trusted_schema)");
                }
            }
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        return c;
    }

    /** A data source (for the readers' pool) whose every connection is {@link #apply applied}. */
    public static SQLiteDataSource dataSource(SQLiteConfig config, String url) {
        SQLiteDataSource ds = new SQLiteDataSource(config) {
            @Override
            public SQLiteConnection getConnection(String user, String password) throws SQLException {
                return apply(super.getConnection(user, password));
            }
        };
        ds.setUrl(url);
        return ds;
    }
}
