package dev.tandem.engine.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import org.sqlite.core.CoreStatement;

/**
 * Prepared statements of the writer connection, kept for its lifetime: preparing is a large part
 * of a tracked save's cost. Only used under the write lock, so no synchronization.
 *
 * <p>A statement handed out again has every parameter NULL, as after {@code clearParameters}, but
 * without calling it: sqlite-jdbc then runs {@code sqlite3_clear_bindings}, which marks a statement
 * whose plan depends on a parameter as expired, so SQLite re-prepared it on every run (about 35 µs
 * for the winners lookup of each save; see PERFORMANCE.md, save cost). sqlite-jdbc binds every parameter from its own
 * array on each execution, so clearing that array alone gives the same NULLs.
 */
public final class StatementCache implements AutoCloseable {
    private static final int MAX = 256;

    private record Cached(PreparedStatement ps, int parameters) {
    }

    private final Connection connection;
    private final Map<String, Cached> statements = new HashMap<>();

    public StatementCache(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }

    public PreparedStatement get(String sql) throws SQLException {
        Cached cached = statements.get(sql);
        if (cached != null && finalizedByDriver(cached.ps())) {
            statements.remove(sql);
            cached.ps().close();
            cached = null;
        }
        if (cached == null) {
            if (statements.size() >= MAX) {
                clear();
            }
            PreparedStatement ps = connection.prepareStatement(sql);
            statements.put(sql, new Cached(ps, ps.getParameterMetaData().getParameterCount()));
            return ps;
        }
        PreparedStatement ps = cached.ps();
        for (int i = 1; i <= cached.parameters(); i++) {
            ps.setNull(i, Types.NULL);
        }
        return ps;
    }

    /**
     * sqlite-jdbc finalizes a statement whose step failed with most errors (any but BUSY, LOCKED,
     * CONSTRAINT and MISUSE: e.g. a ROLLBACK with no transaction, or SQLITE_FULL) without marking
     * it closed; kept, it would fail every later use.
     */
    private static boolean finalizedByDriver(PreparedStatement ps) {
        return ps instanceof CoreStatement cs && cs.pointer != null && cs.pointer.isClosed();
    }

    /** Drops every statement, e.g. after a migration changed the tables they refer to. */
    public void clear() throws SQLException {
        SQLException first = null;
        for (Cached c : statements.values()) {
            try {
                c.ps().close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        statements.clear();
        if (first != null) {
            throw first;
        }
    }

    @Override
    public void close() throws SQLException {
        clear();
    }
}
