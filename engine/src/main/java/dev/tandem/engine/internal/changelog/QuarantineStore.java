package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.store.StatementCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Remote batches this database could not read and set aside ({@code _tandem_quarantine}), per
 * remote. A set-aside batch is tried again with exponential backoff (one minute, doubling, at most
 * a day), because some damage heals: a folder sync client may still be writing the file, or a
 * device may re-upload. Writes run in the caller's transaction.
 */
public final class QuarantineStore {
    /** One set-aside batch. */
    public record Entry(UUID device, long seq, String key, String problem, long firstSeen, int attempts) {
    }

    static final long FIRST_RETRY_MILLIS = 60_000;
    static final long MAX_RETRY_MILLIS = 24 * 3_600_000L;

    /** Sets the batch aside, or, if it is already, counts another failed read and backs off further. */
    public void setAside(StatementCache sql, String remote, UUID device, long seq, String key, String problem,
                         long nowMillis) throws SQLException {
        PreparedStatement ps = sql.get("INSERT INTO _tandem_quarantine(remote, device, batch_seq, object_key, problem,"
                + " first_seen, attempts, next_try) VALUES(?, ?, ?, ?, ?, ?, 1, ?)"
                + " ON CONFLICT(remote, device, batch_seq) DO UPDATE SET problem = excluded.problem,"
                + " attempts = attempts + 1, next_try = ? + min(?, ? << min(attempts, 20))");
        ps.setString(1, remote);
        ps.setBytes(2, Uuid7.toBytes(device));
        ps.setLong(3, seq);
        ps.setString(4, key);
        ps.setString(5, problem);
        ps.setLong(6, nowMillis);
        ps.setLong(7, nowMillis + FIRST_RETRY_MILLIS);
        ps.setLong(8, nowMillis);
        ps.setLong(9, MAX_RETRY_MILLIS);
        ps.setLong(10, FIRST_RETRY_MILLIS);
        ps.executeUpdate();
    }

    /** Ends the quarantine of a batch that has now been read and merged. */
    public void release(StatementCache sql, String remote, UUID device, long seq) throws SQLException {
        PreparedStatement ps = sql.get("DELETE FROM _tandem_quarantine WHERE remote = ? AND device = ? AND batch_seq = ?");
        ps.setString(1, remote);
        ps.setBytes(2, Uuid7.toBytes(device));
        ps.setLong(3, seq);
        ps.executeUpdate();
    }

    /** Set-aside batches due for another try at {@code nowMillis}, oldest first, at most {@code limit}. */
    public List<Entry> due(Connection c, String remote, long nowMillis, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " AND next_try <= ? ORDER BY first_seen, device,"
                + " batch_seq LIMIT ?")) {
            ps.setString(1, remote);
            ps.setLong(2, nowMillis);
            ps.setInt(3, limit);
            return entries(ps);
        }
    }

    /** Every set-aside batch of this remote, oldest first. */
    public List<Entry> all(Connection c, String remote) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY first_seen, device, batch_seq")) {
            ps.setString(1, remote);
            return entries(ps);
        }
    }

    private static final String SELECT = "SELECT device, batch_seq, object_key, problem, first_seen, attempts"
            + " FROM _tandem_quarantine WHERE remote = ?";

    private static List<Entry> entries(PreparedStatement ps) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entries.add(new Entry(Uuid7.fromBytes(rs.getBytes(1)), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getInt(6)));
            }
        }
        return entries;
    }
}
