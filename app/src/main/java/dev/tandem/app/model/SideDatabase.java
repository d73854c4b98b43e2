package dev.tandem.app.model;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * A small SQLite file of this device's own beside the profile's database (the CalDAV bridge's state, the
 * subscribed calendars' events): never synced, so it is not the profile's database and holds no changelog.
 */
public final class SideDatabase {
    private SideDatabase() {
    }

    /**
     * A connection to {@code fileName} beside {@code dbFile}, or to a database in memory for a profile in memory.
     * The app and the command line may use the same file at once, so a write may wait for the other's. Every write
     * to a side file is one statement or a short transaction, holding the file for milliseconds: 5 s is ample (the
     * profile's database waits 60 s, as a sync catching up can hold it for seconds). As every Tandem connection, a
     * trigger or view in the file may call no function with side effects.
     */
    public static Connection open(Optional<Path> dbFile, String fileName) throws SQLException {
        String url = dbFile.map(f -> "jdbc:sqlite:" + f.toAbsolutePath().resolveSibling(fileName))
                .orElse("jdbc:sqlite::memory:");
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5_000);
        Connection c = config.createConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA trusted_schema=OFF");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
