package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.StorageException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The engine's own tables, all prefixed {@code _tandem_}. Created at open, before user migrations.
 *
 * <ul>
 *   <li>{@code _tandem_change}: one row per change, appended. {@code seq} is local arrival order
 *       (the push cursor); {@code id} is the 16-byte UUIDv7 HLC reading and the merge order;
 *       {@code fields} holds the attributes the change set, each with the id of the change it
 *       replaced ({@link FieldCodec}).</li>
 *   <li>{@code _tandem_entity}: everything kept per entity, clustered by (table, entity) so that a
 *       save writes one page of it. The row with key {@code ''} holds the entity's winners
 *       ({@link WinnerMap}): per field, the change whose value it shows. The user tables are a
 *       projection of these winners, of every entity whose {@code _deleted} is not 1. A row with a
 *       BLOB key, the id of a change of this entity, is the entity's history and how a change id is
 *       found (ids are unique per entity). SQLite sorts every TEXT before every BLOB, so
 *       {@code key >= x''} reads just the history.</li>
 *   <li>{@code _tandem_pending}: entities with winning fields the schema cannot hold yet (a remote
 *       device has a newer migration); re-applied after each migration.</li>
 *   <li>{@code _tandem_conflict}: attributes last write wins resolved between concurrent changes.</li>
 *   <li>{@code _tandem_sync_push} and {@code _tandem_sync_cursor}: per remote, how far this
 *       database has pushed, and how far it has read each other device.</li>
 *   <li>{@code _tandem_quarantine}: per remote, batches that could not be read and were set aside,
 *       with when to try them again (docs/SYNC_FORMAT.md, "Unreadable objects").</li>
 *   <li>{@code _tandem_refused}: per remote, changes a shared space's member wrote that were not
 *       merged: outside the space, or waiting for the entity they change (docs/SHARING.md).</li>
 *   <li>{@code _tandem_claim}: idempotency keys outside writers claimed with their writes
 *       ({@link Claims}); local to this device, never synced.</li>
 * </ul>
 */
public final class InternalSchema {
    /** 2: attributes in {@code _tandem_change.fields}; winners and history in {@code _tandem_entity}. */
    public static final int VERSION = 2;

    private static final String META_DDL = "CREATE TABLE IF NOT EXISTS _tandem_meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID";
    static final String CHANGE_DDL = "CREATE TABLE IF NOT EXISTS _tandem_change(seq INTEGER PRIMARY KEY,"
            + " id BLOB NOT NULL, author BLOB NOT NULL, tbl TEXT NOT NULL, entity TEXT NOT NULL, fields BLOB NOT NULL)";
    static final String ENTITY_DDL = "CREATE TABLE IF NOT EXISTS _tandem_entity(tbl TEXT NOT NULL, entity TEXT NOT NULL,"
            + " key NOT NULL, seq INTEGER NOT NULL, winners BLOB, PRIMARY KEY(tbl, entity, key)) WITHOUT ROWID";

    private static final String[] DDL = {
        CHANGE_DDL,
        ENTITY_DDL,
        "CREATE TABLE IF NOT EXISTS _tandem_pending(tbl TEXT NOT NULL, entity TEXT NOT NULL,"
                + " PRIMARY KEY(tbl, entity)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS _tandem_conflict(id INTEGER PRIMARY KEY, kind TEXT NOT NULL,"
                + " tbl TEXT NOT NULL, entity TEXT NOT NULL, field TEXT NOT NULL, winner_seq INTEGER NOT NULL,"
                + " loser_seq INTEGER NOT NULL, detected_at INTEGER NOT NULL,"
                + " seen INTEGER NOT NULL DEFAULT 0, dismissed INTEGER NOT NULL DEFAULT 0, kept_author BLOB,"
                + " UNIQUE(loser_seq, field))",
        "CREATE TABLE IF NOT EXISTS _tandem_sync_push(remote TEXT PRIMARY KEY, batch_seq INTEGER NOT NULL,"
                + " change_seq INTEGER NOT NULL) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS _tandem_sync_cursor(remote TEXT NOT NULL, device BLOB NOT NULL,"
                + " batch_seq INTEGER NOT NULL, PRIMARY KEY(remote, device)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS _tandem_quarantine(remote TEXT NOT NULL, device BLOB NOT NULL,"
                + " batch_seq INTEGER NOT NULL, object_key TEXT NOT NULL, problem TEXT NOT NULL,"
                + " first_seen INTEGER NOT NULL, attempts INTEGER NOT NULL, next_try INTEGER NOT NULL,"
                + " PRIMARY KEY(remote, device, batch_seq)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS _tandem_refused(remote TEXT NOT NULL, change_id BLOB NOT NULL,"
                + " author BLOB NOT NULL, object_key TEXT NOT NULL, tbl TEXT NOT NULL, entity TEXT NOT NULL,"
                + " fields BLOB NOT NULL, problem TEXT NOT NULL, first_seen INTEGER NOT NULL, waits INTEGER NOT NULL,"
                + " PRIMARY KEY(remote, change_id)) WITHOUT ROWID",
        Claims.DDL,
    };

    /**
     * Columns added to a table after this version was first released: table, column, type. Added
     * where missing without a new version, since an older Tandem neither reads nor writes them and
     * so still opens the file.
     */
    private static final String[][] ADDED_COLUMNS = {
        {"_tandem_conflict", "kept_author", "BLOB"},
    };

    /** Every table {@link #install} makes, by name. */
    private static final List<String> TABLES = Stream.concat(Stream.of(META_DDL), Arrays.stream(DDL))
            .map(ddl -> ddl.substring("CREATE TABLE IF NOT EXISTS ".length(), ddl.indexOf('(')))
            .toList();

    private InternalSchema() {
    }

    /**
     * Whether every table is there at this version, so that {@link #install} would write nothing
     * but the version again: read without a write transaction, so that opening a database another
     * process is writing to (a long catch-up) need not wait for it.
     */
    public static boolean installed(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            if (!names.containsAll(TABLES)) {
                return false;
            }
            try (ResultSet rs = s.executeQuery("SELECT value FROM _tandem_meta WHERE key = 'internal_version'")) {
                if (!rs.next() || rs.getLong(1) != VERSION) {
                    return false;
                }
            }
            for (String[] added : ADDED_COLUMNS) {
                if (!hasColumn(s, added[0], added[1])) {
                    return false;
                }
            }
            return true;
        }
    }

    private static boolean hasColumn(Statement s, String table, String column) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                if (column.equalsIgnoreCase(rs.getString("name"))) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Creates the tables, or brings those of an older version up to this one; in the caller's
     * transaction. Returns whether it upgraded, leaving free pages the caller may want to reclaim.
     */
    public static boolean install(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(META_DDL);
            long version;
            try (ResultSet rs = s.executeQuery("SELECT value FROM _tandem_meta WHERE key = 'internal_version'")) {
                version = rs.next() ? rs.getLong(1) : VERSION;
            }
            if (version > VERSION) {
                throw new StorageException("This database was written by a newer Tandem (internal version " + version
                        + ", this one knows " + VERSION + "); update Tandem to open it");
            }
            boolean upgraded = version == 1;
            if (upgraded) {
                ChangelogUpgrade.fromVersion1(c);
            }
            for (String ddl : DDL) {
                s.execute(ddl);
            }
            for (String[] added : ADDED_COLUMNS) {
                if (!hasColumn(s, added[0], added[1])) {
                    s.execute("ALTER TABLE " + added[0] + " ADD COLUMN " + added[1] + " " + added[2]);
                }
            }
            s.execute("INSERT OR REPLACE INTO _tandem_meta(key, value) VALUES('internal_version', " + VERSION + ")");
            return upgraded;
        }
    }
}
