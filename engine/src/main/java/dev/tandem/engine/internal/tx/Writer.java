package dev.tandem.engine.internal.tx;

import dev.tandem.engine.MigrationException;
import dev.tandem.engine.StorageException;
import dev.tandem.engine.internal.store.Connections;
import dev.tandem.engine.internal.store.SchemaSnapshot;
import dev.tandem.engine.internal.store.SqlErrors;
import dev.tandem.engine.internal.store.StatementCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteUpdateListener;

/**
 * The single writer and the transaction boundary.
 *
 * <p>Order within {@link #write}: take the write lock; BEGIN IMMEDIATE; run the work, which writes
 * rows and their changelog entries through one {@link WriteSession}; COMMIT; release the lock; then,
 * and only then, hand the session's touched tables and row events to the commit listener. If
 * anything throws before COMMIT returns, the transaction rolls back and nobody is notified. A
 * nested call on the same thread joins the outer transaction.
 */
public final class Writer implements AutoCloseable {

    /** Work inside a write transaction. */
    @FunctionalInterface
    public interface Work<R> {
        R run(WriteSession session) throws SQLException;
    }

    private final Connections connections;
    private final StatementCache statements;
    private final ThreadLocal<WriteSession> current = new ThreadLocal<>();
    private volatile SchemaSnapshot schema;
    /** SQLite's schema cookie when {@link #schema} was read: another program's DDL changes it. */
    private long schemaCookie;
    private volatile WriteSession active;
    private Consumer<Commit> onCommit = c -> { };
    private BooleanSupplier anyoneListening = () -> false;

    /** Records the tables SQLite writes, row by row; off during {@link WriteSession#withoutRowHook}. */
    private final SQLiteUpdateListener rowHook = (type, database, table, rowId) -> {
        WriteSession s = active;
        if (s != null) {
            s.touched(table);
        }
    };

    public Writer(Connections connections, StatementCache statements) throws SQLException {
        this.connections = connections;
        this.statements = statements;
        // Cookie first: DDL by another program in between makes the next check reload, never miss it.
        this.schemaCookie = schemaCookie(statements.connection());
        this.schema = SchemaSnapshot.read(statements.connection());
        statements.connection().unwrap(SQLiteConnection.class).addUpdateListener(rowHook);
    }

    private void rowHook(boolean on) throws SQLException {
        SQLiteConnection c = statements.connection().unwrap(SQLiteConnection.class);
        if (on) {
            c.addUpdateListener(rowHook);
        } else {
            c.removeUpdateListener(rowHook);
        }
    }

    /**
     * Hands each commit to {@code listener}, while {@code anyoneListening} says someone would hear
     * of it: building the commit's table and event sets showed in a single save's cost.
     */
    public void onCommit(Consumer<Commit> listener, BooleanSupplier anyoneListening) {
        this.onCommit = listener;
        this.anyoneListening = anyoneListening;
    }

    public SchemaSnapshot schema() {
        return schema;
    }

    public boolean inTransaction() {
        return current.get() != null;
    }

    /** The session of the transaction this thread is in, or null. */
    public WriteSession currentSession() {
        return current.get();
    }

    public <R> R write(String doing, Work<R> work) {
        WriteSession joined = current.get();
        if (joined != null) {
            try {
                return work.run(joined);
            } catch (SQLException e) {
                throw SqlErrors.wrap(doing, e);
            }
        }
        WriteSession session;
        R result;
        connections.writeLock().lock();
        try {
            try {
                run("BEGIN IMMEDIATE");
            } catch (SQLException e) {
                throw SqlErrors.wrap(doing, e);
            }
            session = new WriteSession(statements, schema, this::rowHook);
            active = session;
            current.set(session);
            try {
                result = work.run(session);
                run("COMMIT");
            } catch (SQLException e) {
                throw rollback(SqlErrors.wrap(doing, e));
            } catch (RuntimeException e) {
                throw rollback(e);
            } catch (Error e) {
                throw rollback(e);
            } finally {
                active = null;
                current.remove();
            }
        } finally {
            connections.writeLock().unlock();
        }
        if (anyoneListening.getAsBoolean()) {
            onCommit.accept(new Commit(normalize(session.touchedTables()), session.events(), session.exactTables(),
                    session.origin()));
        }
        return result;
    }

    /**
     * Runs BEGIN, COMMIT or ROLLBACK through the statement cache: preparing and finalizing them on
     * every transaction was a measurable part of a single save (PERFORMANCE.md, save cost).
     */
    private void run(String control) throws SQLException {
        statements.get(control).execute();
    }

    /** {@link #rollback(Connection, Throwable)} through the cached ROLLBACK. */
    private <T extends Throwable> T rollback(T failure) {
        try {
            run("ROLLBACK");
        } catch (SQLException e) {
            noteRollbackFailure(failure, e);
        }
        return failure;
    }

    /*
     * Transactions are begun and ended with explicit statements on a connection left in JDBC
     * auto-commit mode. sqlite-jdbc's own transaction handling begins lazily on the first statement,
     * and when that BEGIN meets a lock it can leave the work running outside any transaction; an
     * explicit BEGIN IMMEDIATE fails up front, before anything is written.
     */
    public static void begin(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
    }

    public static void commit(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("COMMIT");
        }
    }

    /** Rolls back after {@code failure}; a failing rollback is attached to it, never replaces it. */
    public static <T extends Throwable> T rollback(Connection c, T failure) {
        try (Statement s = c.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            noteRollbackFailure(failure, e);
        }
        return failure;
    }

    private static void noteRollbackFailure(Throwable failure, SQLException e) {
        // SQLite ends the transaction itself after some errors (e.g. a failed BEGIN, SQLITE_FULL).
        if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) {
            failure.addSuppressed(e);
        }
    }

    /** Shadow tables of FTS and other virtual tables count as writes to the virtual table. */
    private Set<String> normalize(Set<String> touched) {
        Set<String> tables = new HashSet<>(touched);
        for (String t : touched) {
            String owner = schema.owningVirtualTable(t);
            if (owner != null) {
                tables.add(owner);
            }
        }
        return tables;
    }

    /**
     * Applies the steps not applied yet, each in its own transaction; returns how many ran.
     *
     * <p>Another process may open the same file at the same moment (the app and a {@code tandem}
     * command on a fresh or older profile). Each step therefore reads the schema version inside its
     * own BEGIN IMMEDIATE, which waits for the other process's step to commit: a step another
     * process applied meanwhile is seen as applied and skipped, never run twice.
     */
    public int migrate(List<String> migrations) {
        if (inTransaction()) {
            throw new IllegalStateException("migrate cannot run inside a transaction");
        }
        int ran = 0;
        connections.writeLock().lock();
        try {
            Connection c = connections.writer();
            int step = version(c);
            checkKnown(step, migrations);
            // Read outside a transaction: a schema that is up to date is not written, so a program
            // that opens a database another process is writing to does not wait for it.
            while (step < migrations.size()) {
                try {
                    begin(c);
                    step = version(c);
                    checkKnown(step, migrations);
                    if (step == migrations.size()) {
                        commit(c);
                        break;
                    }
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate(migrations.get(step));
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO _tandem_meta(key, value) VALUES('schema_version', ?)"
                                    + " ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                        ps.setInt(1, step + 1);
                        ps.executeUpdate();
                    }
                    commit(c);
                    ran++;
                } catch (SQLException e) {
                    throw rollback(c, new MigrationException(step, "Migration step " + (step + 1) + " of "
                            + migrations.size() + " failed and was rolled back: " + e.getMessage(), e));
                } catch (MigrationException e) {
                    throw rollback(c, e);
                }
            }
            // Another process's steps change the schema as much as this one's, also before this
            // program's snapshot of it was taken at open.
            if (schemaCookie(c) != schemaCookie) {
                reloadSchema();
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap("Migrating", e);
        } finally {
            connections.writeLock().unlock();
        }
        return ran;
    }

    private static void checkKnown(int version, List<String> migrations) {
        if (version > migrations.size()) {
            throw new MigrationException(version, "The database is at schema version " + version
                    + " but this program knows only " + migrations.size() + " migrations; it was opened by a newer Tandem", null);
        }
    }

    /** Re-reads the schema after another connection changed it; the caller holds the write lock. */
    public void reloadSchema() throws SQLException {
        statements.clear();
        Connection c = connections.writer();
        schemaCookie = schemaCookie(c);
        schema = SchemaSnapshot.read(c);
    }

    private static long schemaCookie(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA schema_version")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM _tandem_meta WHERE key = 'schema_version'")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    @Override
    public void close() {
        connections.writeLock().lock();
        try {
            statements.close();
        } catch (SQLException e) {
            throw new StorageException("Closing statements failed", e);
        } finally {
            connections.writeLock().unlock();
            connections.close();
        }
    }
}
