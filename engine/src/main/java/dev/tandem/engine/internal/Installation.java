package dev.tandem.engine.internal;

import dev.tandem.engine.StorageException;
import dev.tandem.engine.internal.changelog.InternalSchema;
import dev.tandem.engine.internal.tx.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What opening a database does first, on the writer connection under the write lock: installs or
 * upgrades Tandem's own tables and makes the device id, once, or reads both as they are.
 */
final class Installation {
    private Installation() {
    }

    /** The database's device id, installing the internal schema first when it is missing or old. */
    static UUID deviceId(Connection c, Path file, Consumer<Throwable> errors) throws SQLException {
        // A database set up already is opened without a write, so that opening never waits for
        // another process's write (a catch-up holds the file for seconds).
        String known = InternalSchema.installed(c) ? recorded(c) : null;
        if (known != null) {
            return UUID.fromString(known);
        }
        boolean upgraded;
        UUID id;
        Writer.begin(c);
        try {
            upgraded = InternalSchema.install(c);
            id = UUID.fromString(meta(c, "device_id", UUID.randomUUID().toString()));
            Writer.commit(c);
        } catch (SQLException e) {
            throw Writer.rollback(c, e);
        } catch (RuntimeException e) {
            throw Writer.rollback(c, e);
        }
        if (upgraded) {
            reclaimPages(c, file, errors);
        }
        return id;
    }

    /**
     * After an upgrade rewrote the changelog, gives the old tables' pages back to the file system
     * (a one-time rewrite of the file). If another program has the file open, that cannot happen
     * now; nothing is lost, as SQLite reuses free pages for new data, so it is only reported.
     */
    private static void reclaimPages(Connection c, Path file, Consumer<Throwable> errors) {
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM");
        } catch (SQLException e) {
            errors.accept(new StorageException("Upgraded the changelog of " + file + ", but could not return the"
                    + " space it freed to the file system (" + e.getMessage() + "); SQLite reuses it for new data", e));
        }
    }

    /** The device id recorded, or null when there is none yet. */
    private static String recorded(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM _tandem_meta WHERE key = 'device_id'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String meta(Connection c, String key, String initial) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO _tandem_meta(key, value) VALUES(?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, initial);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM _tandem_meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
