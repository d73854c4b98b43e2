package dev.tandem.engine.internal.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.engine.StorageException;
import dev.tandem.engine.Synchronous;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/**
 * A file database: one dedicated writer connection and a HikariCP pool of readers. WAL mode lets
 * readers run against the last committed snapshot while the writer commits.
 */
public final class FileConnections implements Connections {
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Connection writer;
    private final HikariDataSource readers;

    /** {@code onWriteWait}: told while the writer waits for another process's write ({@link WriteWait}); may be null. */
    public FileConnections(Path file, Synchronous synchronous, int readerCount, Duration busyTimeout,
                           Consumer<Duration> onWriteWait) {
        createPrivately(file);
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        newWithPageMap(file, url, busyTimeout);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(synchronous == Synchronous.EXTRA ? "FULL" : synchronous.name()));
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        config.enforceForeignKeys(true);
        // The engine reads rowids itself when it needs them; without this, sqlite-jdbc runs a hidden
        // SELECT last_insert_rowid() after every INSERT (about a tenth of a tracked save's CPU).
        config.setGetGeneratedKeys(false);
        try {
            writer = UntrustedSchema.apply(config.createConnection(url));
            WriteWait.install(writer, busyTimeout, onWriteWait);
            if (synchronous == Synchronous.EXTRA) {
                try (var s = writer.createStatement()) {
                    s.execute("PRAGMA synchronous=EXTRA");
                }
            }
            // Fail now, with a clear message, if the file is not a database.
            try (var s = writer.createStatement()) {
                s.executeQuery("SELECT count(*) FROM sqlite_schema").close();
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap("Opening database " + file, e);
        }
        SQLiteConfig readerConfig = new SQLiteConfig();
        readerConfig.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        readerConfig.enforceForeignKeys(true);
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("tandem-readers");
        pool.setDataSource(UntrustedSchema.dataSource(readerConfig, url));
        pool.setMaximumPoolSize(readerCount);
        pool.setMinimumIdle(1);
        pool.setConnectionInitSql("PRAGMA query_only=1");
        pool.setConnectionTimeout(Math.max(250, busyTimeout.toMillis()));
        try {
            readers = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            closeQuietly(writer, e);
            throw new StorageException("Opening readers for " + file + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public ReentrantLock writeLock() {
        return writeLock;
    }

    @Override
    public Connection writer() {
        if (!writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("writer used without the write lock");
        }
        return writer;
    }

    @Override
    public <R> R read(SqlFunction<R> work) {
        try (Connection c = readers.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw SqlErrors.wrap("Reading", e);
        }
    }

    @Override
    public void close() {
        readers.close();
        writeLock.lock();
        try {
            writer.close();
        } catch (SQLException e) {
            throw SqlErrors.wrap("Closing the database", e);
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection c, Exception primary) {
        try {
            c.close();
        } catch (SQLException e) {
            primary.addSuppressed(e);
        }
    }

    /**
     * A new, empty file gets SQLite's incremental auto-vacuum, so the pages pruning frees can be
     * returned a step at a time (PageReclaim). It must be chosen before the header is first
     * written, which turning on WAL already does: so on a plain connection, before anything else.
     * Several processes may open a fresh profile at once and all find the file empty; the busy
     * timeout makes the later ones wait for the first to write the header instead of failing, and
     * their pragmas then leave the header it wrote as it is.
     */
    private static void newWithPageMap(Path file, String url, Duration busyTimeout) {
        try {
            if (!Files.exists(file) || Files.size(file) > 0) {
                return;
            }
        } catch (IOException e) {
            return; // the open below reports what is wrong with the file
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        try (Connection c = UntrustedSchema.apply(config.createConnection(url)); var s = c.createStatement()) {
            s.execute("PRAGMA auto_vacuum = INCREMENTAL");
            s.execute("PRAGMA journal_mode = WAL");
        } catch (SQLException e) {
            throw SqlErrors.wrap("Creating database " + file, e);
        }
    }

    /**
     * Creates a new database file readable by its owner only, where the file system has POSIX
     * permissions: todos and notes are private on a shared computer. SQLite gives the -wal and -shm
     * files it creates later the database file's permissions. An existing file is left as it is.
     */
    private static void createPrivately(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (Files.exists(file) || parent == null || !Files.isDirectory(parent)
                || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // Another program created it meanwhile: it is theirs to have set up.
        } catch (IOException e) {
            throw new StorageException("Cannot create the database file " + file + ": " + e.getMessage(), e);
        }
    }
}
