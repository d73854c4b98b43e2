package dev.tandem.engine.internal.store;

import java.sql.Connection;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine's connections: one writer, used only while holding {@link #writeLock()}, and readers
 * that never wait on a commit (WAL snapshot isolation). An in-memory database has one connection
 * for both, so there reads take the write lock too.
 */
public interface Connections extends AutoCloseable {
    ReentrantLock writeLock();

    /** The writer connection; the caller must hold {@link #writeLock()}. */
    Connection writer();

    /** Runs read-only work on a reader connection. */
    <R> R read(SqlFunction<R> work);

    /**
     * {@link #read}, in one read transaction: every statement of {@code work} sees the same commit, where a reader
     * otherwise takes a fresh snapshot per statement, and SQLite takes its locks and checks the WAL once.
     */
    default <R> R readOneSnapshot(SqlFunction<R> work) {
        return read(c -> {
            c.setAutoCommit(false);
            try {
                return work.apply(c);
            } finally {
                try {
                    c.rollback();
                } finally {
                    c.setAutoCommit(true);
                }
            }
        });
    }

    @Override
    void close();
}
