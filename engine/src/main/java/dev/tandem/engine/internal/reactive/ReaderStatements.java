package dev.tandem.engine.internal.reactive;

import dev.tandem.engine.internal.store.StatementCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.WeakHashMap;
import org.sqlite.SQLiteConnection;

/**
 * Prepared statements of subscribed queries, kept per physical reader connection: preparing a
 * query costs about as much as running it over a hundred rows, and a subscription runs the same
 * SQL after every commit. Re-runs use several readers at once: the map is shared under its lock, while a
 * connection's own cache is only used by the one thread holding that connection from the pool. Statements are
 * prepared on the unwrapped connection so the pool's proxy does not close them when the
 * connection goes back to the pool; a connection the pool retires takes its statements with it.
 */
final class ReaderStatements {
    private final Map<SQLiteConnection, StatementCache> caches = new WeakHashMap<>();

    PreparedStatement get(Connection c, String sql) throws SQLException {
        SQLiteConnection physical = c.unwrap(SQLiteConnection.class);
        StatementCache cache;
        synchronized (caches) {
            cache = caches.computeIfAbsent(physical, StatementCache::new);
        }
        // The cache itself re-prepares a statement the driver finalized after a failed step.
        return cache.get(sql);
    }
}
