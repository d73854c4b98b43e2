package dev.tandem.engine.internal.snapshot;

import dev.tandem.engine.StorageException;
import dev.tandem.engine.internal.store.Connections;
import dev.tandem.engine.internal.store.SchemaSnapshot;
import dev.tandem.engine.internal.store.SchemaSnapshot.TableInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The user rows a device back after a long time holds, read beside its writer: on a reader
 * connection, on a helper thread, while the writer lays the snapshot out ({@link SnapshotLocal}).
 * The rebuild compares each row the snapshot writes with the row there ({@link SnapshotRows});
 * reading 100,000 of them on the writer took a tenth of the catch-up.
 *
 * <p><b>Invariants.</b>
 * <ul>
 *   <li>The read starts after the writer's BEGIN IMMEDIATE and before its first write. No other
 *       connection can commit while the writer holds the lock, so the reader's snapshot is the
 *       state the writer's transaction starts from.</li>
 *   <li>A table's rows stay true while this transaction changes no row of it but those the caller
 *       names ({@link #deleted}). After each of its user-table writes the caller says how many rows
 *       its statements changed directly ({@link #wrote}); SQLite's {@code total_changes()} also
 *       counts what triggers and foreign key actions did, so a difference means they changed rows
 *       somewhere, and from then on every table is read again on the writer, as without this class.
 *       After writes to the engine's own tables the caller calls {@link #skip}: with no trigger on
 *       them (checked at the start), they change no user row.</li>
 *   <li>Only a file database has a reader beside its writer. An in-memory one, a schema with TEMP
 *       tables (which the reader does not see) named as a user table, or triggers on the engine's tables get {@link #NONE}:
 *       the rows are read on the writer.</li>
 *   <li>A read beside that fails (no reader free within the pool's timeout, an I/O error) is
 *       logged, and the writer reads the rows itself: it costs time, never the catch-up.</li>
 * </ul>
 */
final class RowsBefore {
    private static final System.Logger LOG = System.getLogger(RowsBefore.class.getName());
    /** No rows read beside: every table is read on the writer. */
    static final RowsBefore NONE = new RowsBefore(null, 0);

    private final FutureTask<Map<String, Map<String, Object[]>>> read;
    private Map<String, Map<String, Object[]>> rows;
    private boolean valid;
    /** {@code total_changes()} on the writer after the last write accounted for. */
    private long changes;

    private RowsBefore(FutureTask<Map<String, Map<String, Object[]>>> read, long changes) {
        this.read = read;
        this.valid = read != null;
        this.changes = changes;
    }

    /**
     * Starts reading every sync target's rows through {@code beside}'s readers (null: an in-memory
     * database), in the writer's transaction before its first write.
     */
    static RowsBefore start(Connections beside, SchemaSnapshot schema, Connection writer) throws SQLException {
        if (beside == null || schema.triggersOnTablesStartingWith("_tandem")) {
            return NONE;
        }
        List<TableInfo> tables = schema.userTables().stream().flatMap(t -> schema.syncTarget(t).stream()).toList();
        if (shadowed(writer, tables)) {
            return NONE;
        }
        FutureTask<Map<String, Map<String, Object[]>>> task = new FutureTask<>(() -> beside.read(c -> {
            Map<String, Map<String, Object[]>> all = new HashMap<>();
            for (TableInfo t : tables) {
                Map<String, Object[]> r = SnapshotRows.existingRows(c, t);
                all.put(t.name(), r == null ? Map.of() : r);
            }
            return all;
        }));
        Thread helper = new Thread(task, "tandem-rows-before");
        helper.setDaemon(true);
        helper.start();
        return new RowsBefore(task, totalChanges(writer));
    }

    /**
     * The rows {@code table} held when the transaction started, less those since deleted, by id in
     * the order of its columns; null when they must be read on the writer. Empty: no rows. The map
     * is the caller's to keep.
     */
    Map<String, Object[]> take(String table) {
        Map<String, Map<String, Object[]>> all = all();
        Map<String, Object[]> r = all == null ? null : all.get(table);
        return r == null || r.isEmpty() ? null : r;
    }

    /** The caller deleted these rows of {@code table} (directly; {@link #wrote} checks for more). */
    void deleted(String table, List<String> ids) {
        Map<String, Map<String, Object[]>> all = all();
        Map<String, Object[]> r = all == null ? null : all.get(table);
        if (r != null && !r.isEmpty()) {
            ids.forEach(r::remove);
        }
    }

    /** The caller's statements changed {@code direct} rows since the last call: anything more stops the use. */
    void wrote(Connection writer, long direct) throws SQLException {
        if (!valid) {
            return;
        }
        long now = totalChanges(writer);
        if (now - changes != direct) {
            valid = false;
        }
        changes = now;
    }

    /** The caller wrote only to the engine's own tables since the last call. */
    void skip(Connection writer) throws SQLException {
        if (valid) {
            changes = totalChanges(writer);
        }
    }

    /** The rows read beside, waiting for them; null once they may not be used. */
    private Map<String, Map<String, Object[]>> all() {
        if (valid && rows == null) {
            try {
                rows = read.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("Interrupted while reading the rows before a catch-up", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                // No reader to be had (the pool busy past its timeout) or a failed read: the writer
                // reads the rows itself, as it does without this class. Nothing is lost but time.
                LOG.log(System.Logger.Level.WARNING, "Reading the rows beside the writer failed; the writer reads"
                        + " them itself", e.getCause());
                valid = false;
            }
        }
        return valid ? rows : null;
    }

    private static long totalChanges(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT total_changes()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Whether a TEMP table on the writer (which a reader does not see) has a sync target's name. */
    private static boolean shadowed(Connection c, List<TableInfo> tables) throws SQLException {
        Set<String> names = new HashSet<>();
        tables.forEach(t -> names.add(t.name().toLowerCase(Locale.ROOT)));
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_temp_schema WHERE type = 'table'")) {
            while (rs.next()) {
                if (names.contains(rs.getString(1).toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }
}
