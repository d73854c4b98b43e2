package dev.tandem.engine.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/** An in-memory database lives in one connection, so reads share the writer and its lock. */
public final class MemoryConnections implements Connections {
    private final ReentrantLock lock = new ReentrantLock();
    private final Connection connection;

    public MemoryConnections() {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        // The engine reads rowids itself when it needs them; without this, sqlite-jdbc runs a hidden
        // SELECT last_insert_rowid() after every INSERT (about a tenth of a tracked save's CPU).
        config.setGetGeneratedKeys(false);
        try {
            connection = UntrustedSchema.apply(config.createConnection("jdbc:sqlite::memory:"));
        } catch (SQLException e) {
            throw SqlErrors.wrap("Opening an in-memory database", e);
        }
    }

    @Override
    public ReentrantLock writeLock() {
        return lock;
    }

    @Override
    public Connection writer() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("writer used without the write lock");
        }
        return connection;
    }

    @Override
    public <R> R read(SqlFunction<R> work) {
        lock.lock();
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw SqlErrors.wrap("Reading", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw SqlErrors.wrap("Closing the database", e);
        } finally {
            lock.unlock();
        }
    }
}
