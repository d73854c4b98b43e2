package dev.tandem.engine.internal.backup;

import dev.tandem.engine.BackupException;
import dev.tandem.engine.BackupException.Reason;
import dev.tandem.engine.internal.store.SchemaSnapshot;
import dev.tandem.engine.internal.store.UntrustedSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * A database file copied as of one commit, and the check of a copy. The copy runs on a connection
 * of its own inside one read transaction: the row counts and the pages come from the same
 * snapshot, and since the file is in WAL mode, writers (the app's, a CLI's) commit meanwhile
 * without waiting. The backup API copies every page in one step ({@code -1}): in smaller steps, a
 * commit by another connection between two steps would restart it, over and over under steady
 * writes.
 */
final class OnlineCopy {
    /** What a copy must match: the schema version and the rows of each table. */
    record Contents(int schemaVersion, Map<String, Long> rows) {
    }

    private static final int BUSY_MILLIS = 60_000;

    private OnlineCopy() {
    }

    /** Copies {@code source} into the new file {@code copy}; returns what the copy must hold. */
    static Contents copy(Path source, Path copy) {
        try (Connection c = connect(source)) {
            c.setAutoCommit(false);
            try {
                Contents contents = contents(c);
                // One step for every page (-1): see the class comment. Sleep and retry counts only
                // matter when the source is locked, which WAL readers never are.
                int rc = ((SQLiteConnection) c).getDatabase().backup("main", copy.toAbsolutePath().toString(), null,
                        100, 10, -1);
                if (rc != 0 && rc != 101) { // SQLITE_OK, SQLITE_DONE
                    throw new BackupException(Reason.IO, "Copying " + source + " failed (SQLite error " + rc + ")");
                }
                return contents;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new BackupException(Reason.IO, "Copying " + source + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Opens {@code copy}, checks it (SQLite's integrity check, then {@code expected}, when given) and
     * leaves it a single file: rollback journal, so it opens anywhere without a -wal beside it.
     * Returns what it holds.
     */
    static Contents check(Path copy, Contents expected, String what) {
        try (Connection c = connect(copy)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=DELETE");
                List<String> problems = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                    while (rs.next() && problems.size() < 5) {
                        problems.add(rs.getString(1));
                    }
                }
                if (!problems.equals(List.of("ok"))) {
                    throw new BackupException(Reason.DAMAGED, what + " is damaged: " + String.join("; ", problems));
                }
            }
            Contents found = contents(c);
            if (expected != null && !expected.equals(found)) {
                throw new BackupException(Reason.DAMAGED, what + " does not hold what was copied: expected "
                        + expected + ", read back " + found);
            }
            return found;
        } catch (SQLException e) {
            Reason r = e.getMessage() != null && e.getMessage().contains("NOTADB") ? Reason.NOT_A_BACKUP : Reason.DAMAGED;
            throw new BackupException(r, what + " cannot be read as a database: " + e.getMessage(), e);
        }
    }

    private static Contents contents(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        int version = 0;
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (tables.contains("_tandem_meta")) {
                try (ResultSet rs = s.executeQuery("SELECT value FROM _tandem_meta WHERE key = 'schema_version'")) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
            }
            Map<String, Long> rows = new TreeMap<>();
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + SchemaSnapshot.quote(t))) {
                    rs.next();
                    rows.put(t, rs.getLong(1));
                }
            }
            return new Contents(version, rows);
        }
    }

    static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_MILLIS);
        return UntrustedSchema.apply(config.createConnection("jdbc:sqlite:" + file.toAbsolutePath()));
    }
}
