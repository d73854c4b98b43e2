package dev.tandem.engine.internal.changelog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The engine's own tables, all prefixed {@code _tandem_}. Created at open, before user migrations.
 *
 * <ul>
 *   <li>{@code _tandem_change}: one row per change. {@code seq} is local arrival order (the push
 *       cursor); {@code id} is the 16-byte UUIDv7 HLC reading, globally unique and the merge order.</li>
 *   <li>{@code _tandem_field}: the attributes a change set, with the id of the change each replaced.</li>
 *   <li>{@code _tandem_winner}: per (table, entity, field) the change that currently wins. The user
 *       tables are a projection of it: of every entity whose {@code _deleted} field is not 1.</li>
 *   <li>{@code _tandem_pending}: entities with winning fields the schema cannot hold yet (a remote
 *       device has a newer migration); re-applied after each migration.</li>
 *   <li>{@code _tandem_conflict}: attributes last write wins resolved between concurrent changes.</li>
 *   <li>{@code _tandem_sync_push} and {@code _tandem_sync_cursor}: per remote, how far this
 *       database has pushed, and how far it has read each other device.</li>
 *   <li>{@code _tandem_quarantine}: per remote, batches that could not be read and were set aside,
 *       with when to try them again (docs/SYNC_FORMAT.md, "Unreadable objects").</li>
 * </ul>
 */
public final class InternalSchema {
    public static final int VERSION = 1;

    private static final String[] DDL = {
        "CREATE TABLE IF NOT EXISTS _tandem_meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS _tandem_change(seq INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE,"
                + " author BLOB NOT NULL, tbl TEXT NOT NULL, entity TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS _tandem_change_entity ON _tandem_change(tbl, entity)",
        "CREATE TABLE IF NOT EXISTS _tandem_field(seq INTEGER NOT NULL, field TEXT NOT NULL, value, prev BLOB,"
                + " PRIMARY KEY(seq, field)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS _tandem_winner(tbl TEXT NOT NULL, entity TEXT NOT NULL, field TEXT NOT NULL,"
                + " seq INTEGER NOT NULL, PRIMARY KEY(tbl, entity, field)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS _tandem_pending(tbl TEXT NOT NULL, entity TEXT NOT NULL,"
                + " PRIMARY KEY(tbl, entity)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS _tandem_conflict(id INTEGER PRIMARY KEY, kind TEXT NOT NULL,"
                + " tbl TEXT NOT NULL, entity TEXT NOT NULL, field TEXT NOT NULL, winner_seq INTEGER NOT NULL,"
                + " loser_seq INTEGER NOT NULL, detected_at INTEGER NOT NULL,"
                + " seen INTEGER NOT NULL DEFAULT 0, dismissed INTEGER NOT NULL DEFAULT 0,"
                + " UNIQUE(loser_seq, field))",
        "CREATE TABLE IF NOT EXISTS _tandem_sync_push(remote TEXT PRIMARY KEY, batch_seq INTEGER NOT NULL,"
                + " change_seq INTEGER NOT NULL) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS _tandem_sync_cursor(remote TEXT NOT NULL, device BLOB NOT NULL,"
                + " batch_seq INTEGER NOT NULL, PRIMARY KEY(remote, device)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS _tandem_quarantine(remote TEXT NOT NULL, device BLOB NOT NULL,"
                + " batch_seq INTEGER NOT NULL, object_key TEXT NOT NULL, problem TEXT NOT NULL,"
                + " first_seen INTEGER NOT NULL, attempts INTEGER NOT NULL, next_try INTEGER NOT NULL,"
                + " PRIMARY KEY(remote, device, batch_seq)) WITHOUT ROWID",
    };

    private InternalSchema() {
    }

    public static void install(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : DDL) {
                s.execute(ddl);
            }
            s.execute("INSERT OR IGNORE INTO _tandem_meta(key, value) VALUES('internal_version', " + VERSION + ")");
        }
    }
}
