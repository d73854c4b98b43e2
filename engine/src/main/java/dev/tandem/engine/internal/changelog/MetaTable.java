package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.internal.store.StatementCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code _tandem_meta} table ({@link InternalSchema}): one value per key, for the small records
 * the engine keeps beside the changelog (sync's per-remote numbers and checkpoints, a shared space's
 * memory, catch-up leftovers). One place reads and writes it, so every record is kept the same way:
 * a value is stored as the type it was given, and a number that only grows is raised inside SQLite.
 */
public final class MetaTable {
    private static final String UPSERT = "INSERT INTO _tandem_meta(key, value) VALUES(?, ?)"
            + " ON CONFLICT(key) DO UPDATE SET value = ";

    private MetaTable() {
    }

    /** The value under {@code key} as text, or null when there is none. */
    public static String text(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM _tandem_meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The value under {@code key} as a number, 0 when there is none. */
    public static long number(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM _tandem_meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }

    /** How a value is read: {@code ResultSet::getString}, {@code ResultSet::getBytes}, … */
    public interface Column<T> {
        T read(ResultSet rs, int column) throws SQLException;
    }

    /**
     * Every value whose key starts with {@code prefix} (and continues with a character before
     * {@code ~}), by the rest of its key.
     */
    public static <T> SortedMap<String, T> startingWith(Connection c, String prefix, Column<T> column)
            throws SQLException {
        SortedMap<String, T> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM _tandem_meta WHERE key > ? AND key < ?")) {
            ps.setString(1, prefix);
            ps.setString(2, prefix + "~");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1).substring(prefix.length()), column.read(rs, 2));
                }
            }
        }
        return out;
    }

    /** Sets {@code key} to the number {@code value}. */
    public static void put(StatementCache sql, String key, long value) throws SQLException {
        upsert(sql, key, value, "excluded.value");
    }

    /** Sets {@code key} to {@code value}, stored as the type it is (text, bytes, a number). */
    public static void put(StatementCache sql, String key, Object value) throws SQLException {
        PreparedStatement ps = sql.get(UPSERT + "excluded.value");
        ps.setString(1, key);
        ps.setObject(2, value);
        ps.executeUpdate();
    }

    /** Raises the number under {@code key} to {@code value}; never lowers it. */
    public static void raise(StatementCache sql, String key, long value) throws SQLException {
        upsert(sql, key, value, "max(value, excluded.value)");
    }

    /** Adds {@code value} to the number under {@code key} (none counts as 0). */
    public static void add(StatementCache sql, String key, long value) throws SQLException {
        upsert(sql, key, value, "value + excluded.value");
    }

    /** Inserts the number {@code value}, or sets the existing one to {@code set} (SQL over value and excluded.value). */
    private static void upsert(StatementCache sql, String key, long value, String set) throws SQLException {
        PreparedStatement ps = sql.get(UPSERT + set);
        ps.setString(1, key);
        ps.setLong(2, value);
        ps.executeUpdate();
    }

    public static void delete(StatementCache sql, String key) throws SQLException {
        PreparedStatement ps = sql.get("DELETE FROM _tandem_meta WHERE key = ?");
        ps.setString(1, key);
        ps.executeUpdate();
    }
}
