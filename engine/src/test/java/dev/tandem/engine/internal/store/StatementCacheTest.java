package dev.tandem.engine.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class StatementCacheTest {
    private Connection c;
    private StatementCache cache;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(a, b)");
        }
        cache = new StatementCache(c);
    }

    @AfterEach
    void close() throws SQLException {
        cache.close();
        c.close();
    }

    @Test
    void get_sameSql_returnsSameStatement() throws SQLException {
        assertSame(cache.get("SELECT ?"), cache.get("SELECT ?"));
    }

    @Test
    void get_again_parametersNotBoundThisTimeAreNull() throws SQLException {
        PreparedStatement insert = cache.get("INSERT INTO t(a, b) VALUES(?, ?)");
        insert.setString(1, "x");
        insert.setString(2, "y");
        insert.executeUpdate();
        insert = cache.get("INSERT INTO t(a, b) VALUES(?, ?)");
        insert.setString(1, "z");
        insert.executeUpdate();
        PreparedStatement read = cache.get("SELECT b FROM t WHERE a = ?");
        read.setString(1, "z");
        try (ResultSet rs = read.executeQuery()) {
            rs.next();
            assertNull(rs.getString(1));
        }
    }

    @Test
    void get_afterStepFailedAndDriverFinalized_preparesAgain() throws SQLException {
        // A ROLLBACK without a transaction fails with SQLITE_ERROR, on which sqlite-jdbc finalizes it.
        assertThrows(SQLException.class, () -> cache.get("ROLLBACK").execute());
        cache.get("BEGIN").execute();
        cache.get("INSERT INTO t(a) VALUES(1)").executeUpdate();
        cache.get("ROLLBACK").execute();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }
}
