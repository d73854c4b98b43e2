package dev.tandem.engine.internal;

import dev.tandem.engine.StorageException;
import dev.tandem.engine.internal.changelog.ChangelogStore;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.reactive.Dispatcher;
import dev.tandem.engine.internal.reactive.FileWatch;
import dev.tandem.engine.internal.store.Connections;
import dev.tandem.engine.internal.store.SqlErrors;
import dev.tandem.engine.internal.tx.Writer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Commits made to the same database file by another process, such as {@code tandem add} while the
 * app is open. SQLite tells nobody of them, so a {@link FileWatch} wakes this when the file or its
 * log changes, and {@code PRAGMA data_version} on the writer connection, which changes only when
 * some other connection committed, tells them from our own.
 *
 * <p>On such a commit: the clock observes the newest change id, so our next change orders after
 * theirs; a schema they migrated is re-read; and every subscribed query re-runs, because which
 * rows they wrote is unknown (change listeners hear of them as unknown changes). Started with the
 * first subscription or change listener, so a database nobody subscribes to pays nothing.
 */
final class OtherWriters implements AutoCloseable {
    private final Path file;
    private final Connections connections;
    private final Writer writer;
    private final ChangelogStore log;
    private final HybridClock clock;
    private final Dispatcher dispatcher;
    private final Consumer<Throwable> errors;
    private FileWatch watch;
    private long dataVersion;
    private long schemaVersion;
    private volatile boolean closed;

    OtherWriters(Path file, Connections connections, Writer writer, ChangelogStore log, HybridClock clock,
                 Dispatcher dispatcher, Consumer<Throwable> errors) {
        this.file = file;
        this.connections = connections;
        this.writer = writer;
        this.log = log;
        this.clock = clock;
        this.dispatcher = dispatcher;
        this.errors = errors;
    }

    /** Starts watching, once; a file system that cannot watch leaves other processes' writes unseen. */
    synchronized void start() {
        if (watch != null || closed || file == null) {
            return;
        }
        connections.writeLock().lock();
        try {
            Connection c = connections.writer();
            dataVersion = pragma(c, "data_version");
            schemaVersion = pragma(c, "schema_version");
        } catch (SQLException e) {
            throw SqlErrors.wrap("Reading the data version of " + file, e);
        } finally {
            connections.writeLock().unlock();
        }
        try {
            watch = new FileWatch(file, this::check, errors);
        } catch (IOException e) {
            errors.accept(new StorageException("Cannot watch " + file
                    + " for changes by other programs; they will show after this program's next commit", e));
        }
    }

    void check() {
        if (closed) {
            return;
        }
        boolean changed;
        connections.writeLock().lock();
        try {
            Connection c = connections.writer();
            long version = pragma(c, "data_version");
            changed = version != dataVersion;
            dataVersion = version;
            if (changed) {
                UUID newest = log.maxId(c);
                if (newest != null) {
                    clock.observe(newest);
                }
                long schema = pragma(c, "schema_version");
                if (schema != schemaVersion) {
                    schemaVersion = schema;
                    writer.reloadSchema();
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap("Checking " + file + " for changes by other programs", e);
        } finally {
            connections.writeLock().unlock();
        }
        if (changed) {
            // Which rows they wrote is unknown, and the schema may have changed.
            dispatcher.rerunAll();
        }
    }

    private static long pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (watch != null) {
            watch.close();
        }
    }
}
