package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.store.Rows;
import dev.tandem.engine.internal.store.StatementCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Per-remote sync progress kept in the database, so a restart resumes where it stopped and one
 * engine can sync many databases: how far this device has pushed (its last batch number and the
 * last local change seq in it) and how far it has read every other device (a batch number).
 */
public final class SyncState {
    /** {@code _tandem_meta} key prefix of the last head published per remote: "device seq". */
    private static final String PUBLISHED = "published_head ";
    /**
     * {@code _tandem_meta} key prefix of the own push last seen on the remote as this database pushed
     * it, per remote: "device batchSeq changeSeq" ({@code OwnBatchCheck}).
     */
    private static final String CONFIRMED = "confirmed_push ";
    /**
     * {@code _tandem_meta} key prefix of the changes moved per remote since the newest snapshot this
     * database knows of ({@link #addVolume}); {@code Compaction} reads and resets it.
     */
    public static final String VOLUME = "snapshot_volume:";
    /**
     * {@code _tandem_meta} key prefix of the newest change seq every live device of a remote has
     * merged ({@link #seenByAll}).
     */
    private static final String SEEN_BY_ALL = "seen_by_all:";
    /** {@code _tandem_meta} key prefix of batches found missing: "remote device seq" = first millis. */
    private static final String MISSING = "missing_batch ";
    /** Push progress: batches 1..batchSeq are stored remotely and hold every own change up to changeSeq. */
    public record Pushed(long batchSeq, long changeSeq) {
    }

    /** An own change ready to push, with its local seq. */
    public record Local(long seq, ChangeData change) {
    }

    public Pushed pushed(Connection c, String remote) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT batch_seq, change_seq FROM _tandem_sync_push WHERE remote = ?")) {
            ps.setString(1, remote);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Pushed(rs.getLong(1), rs.getLong(2)) : new Pushed(0, 0);
            }
        }
    }

    /**
     * The remotes other than {@code remote} this database pushed at least {@code batchSeq} batches
     * to: where a remote that lists that many batches of this device's may have been copied from.
     */
    public List<String> pushedElsewhere(Connection c, String remote, long batchSeq) throws SQLException {
        List<String> out = new ArrayList<>();
        Rows.each(c, "SELECT remote FROM _tandem_sync_push WHERE remote <> ? AND batch_seq >= ? ORDER BY remote",
                rs -> out.add(rs.getString(1)), remote, batchSeq);
        return out;
    }

    public void setPushed(StatementCache sql, String remote, Pushed pushed) throws SQLException {
        PreparedStatement ps = sql.get("INSERT INTO _tandem_sync_push(remote, batch_seq, change_seq) VALUES(?, ?, ?)"
                + " ON CONFLICT(remote) DO UPDATE SET batch_seq = excluded.batch_seq, change_seq = excluded.change_seq");
        ps.setString(1, remote);
        ps.setLong(2, pushed.batchSeq());
        ps.setLong(3, pushed.changeSeq());
        ps.executeUpdate();
    }

    /**
     * The last head {@code device} published to {@code remote}, as recorded after the write: the
     * remote must list at least this head from then on. 0 when none was recorded for that id.
     */
    public long publishedHead(Connection c, String remote, UUID device) throws SQLException {
        String value = MetaTable.text(c, PUBLISHED + remote);
        if (value == null) {
            return 0;
        }
        String[] v = value.split(" ");
        return v[0].equals(device.toString()) ? Long.parseLong(v[1]) : 0;
    }

    public void setPublishedHead(StatementCache sql, String remote, UUID device, long seq) throws SQLException {
        MetaTable.put(sql, PUBLISHED + remote, device + " " + seq);
    }

    /**
     * The own push {@code device} last confirmed on {@code remote}: batches 1..batchSeq were read back
     * holding exactly the own changes up to changeSeq. Null when none is recorded for this id.
     */
    public Pushed confirmed(Connection c, String remote, UUID device) throws SQLException {
        String value = MetaTable.text(c, CONFIRMED + remote);
        if (value == null) {
            return null;
        }
        String[] v = value.split(" ");
        return v[0].equals(device.toString()) ? new Pushed(Long.parseLong(v[1]), Long.parseLong(v[2])) : null;
    }

    /** Records {@code confirmed}; the pushes after it are tallied from nothing ({@link PushTally}). */
    public void setConfirmed(StatementCache sql, String remote, UUID device, Pushed confirmed) throws SQLException {
        MetaTable.put(sql, CONFIRMED + remote, device + " " + confirmed.batchSeq() + " " + confirmed.changeSeq());
        PushTally.write(sql, remote, device, PushTally.NONE);
    }

    /**
     * The newest local change seq that every live device of {@code remote} has merged, as the last
     * cleanup found it (the tombstone horizon's stable checkpoint); 0 when none was found. A change
     * at or below it can no longer meet a version it replaced as news anywhere, which is what lets a
     * snapshot leave out those replaced ids ({@code SnapshotCapture}). Change numbers only grow, and
     * a rebuild numbers the snapshot's changes after every existing one, so it stays a lower bound.
     */
    public long seenByAll(Connection c, String remote) throws SQLException {
        return MetaTable.number(c, SEEN_BY_ALL + remote);
    }

    /** Raises {@link #seenByAll} to {@code seq}; never lowers it. */
    public void raiseSeenByAll(StatementCache sql, String remote, long seq) throws SQLException {
        MetaTable.raise(sql, SEEN_BY_ALL + remote, seq);
    }

    /**
     * Adds {@code changes} to the changes this database merged from or pushed to {@code remote} since
     * the newest snapshot it knows of: the volume the snapshot policy weighs (see {@code Compaction});
     * in the transaction that merges or records the push, so the count survives a crash with it.
     */
    public void addVolume(StatementCache sql, String remote, long changes) throws SQLException {
        MetaTable.add(sql, VOLUME + remote, changes);
    }

    /** Ids of the own changes with a local seq in {@code (afterSeq, upToSeq]}. */
    public Set<UUID> ownIds(Connection c, UUID author, long afterSeq, long upToSeq) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM _tandem_change WHERE seq > ? AND seq <= ? AND author = ?")) {
            ps.setLong(1, afterSeq);
            ps.setLong(2, upToSeq);
            ps.setBytes(3, Uuid7.toBytes(author));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(Uuid7.fromBytes(rs.getBytes(1)));
                }
            }
        }
        return ids;
    }

    /**
     * Since when {@code device}'s batch {@code seq} has been found missing although its head lists
     * it, first recording {@code nowMillis} as that time; {@link #foundAgain} forgets it.
     */
    public long missingSince(StatementCache sql, String remote, UUID device, long seq, long nowMillis) throws SQLException {
        PreparedStatement insert = sql.get("INSERT OR IGNORE INTO _tandem_meta(key, value) VALUES(?, ?)");
        insert.setString(1, MISSING + remote + " " + device + " " + seq);
        insert.setLong(2, nowMillis);
        insert.executeUpdate();
        PreparedStatement read = sql.get("SELECT value FROM _tandem_meta WHERE key = ?");
        read.setString(1, MISSING + remote + " " + device + " " + seq);
        try (ResultSet rs = read.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Forgets that any batch of {@code device} was missing. */
    public void foundAgain(StatementCache sql, String remote, UUID device) throws SQLException {
        PreparedStatement ps = sql.get("DELETE FROM _tandem_meta WHERE key >= ? AND key < ?");
        ps.setString(1, MISSING + remote + " " + device + " ");
        ps.setString(2, MISSING + remote + " " + device + "!");
        ps.executeUpdate();
    }

    public Map<UUID, Long> cursors(Connection c, String remote) throws SQLException {
        Map<UUID, Long> cursors = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT device, batch_seq FROM _tandem_sync_cursor WHERE remote = ?")) {
            ps.setString(1, remote);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cursors.put(Uuid7.fromBytes(rs.getBytes(1)), rs.getLong(2));
                }
            }
        }
        return cursors;
    }

    public void setCursor(StatementCache sql, String remote, UUID device, long batchSeq) throws SQLException {
        PreparedStatement ps = sql.get("INSERT INTO _tandem_sync_cursor(remote, device, batch_seq) VALUES(?, ?, ?)"
                + " ON CONFLICT(remote, device) DO UPDATE SET batch_seq = excluded.batch_seq");
        ps.setString(1, remote);
        ps.setBytes(2, Uuid7.toBytes(device));
        ps.setLong(3, batchSeq);
        ps.executeUpdate();
    }

    /** How many own changes come after {@code afterSeq}. */
    public long countOwn(Connection c, UUID author, long afterSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM _tandem_change WHERE seq > ? AND author = ?")) {
            ps.setLong(1, afterSeq);
            ps.setBytes(2, Uuid7.toBytes(author));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * How many of the own changes after {@code afterSeq} (at most {@code limit}) fit in
     * {@code budget} bytes of batch, counting each change's values and a bound of its framing; at
     * least one, however large, when there is any. Sizes come from SQLite's record headers
     * ({@code octet_length} does not read a value's content), so measuring costs no big reads.
     */
    public int ownFitting(Connection c, UUID author, long afterSeq, int limit, long budget) throws SQLException {
        // A batch writes a field as its index (at most 5 bytes), value and replaced id; the blob as
        // its name (at least 2 bytes), value and replaced id. So a field takes at most 3 bytes more
        // in a batch, and at least 4 in the blob: twice the blob bounds the fields.
        try (PreparedStatement ps = c.prepareStatement("SELECT 24 + octet_length(c.entity) + 2 * octet_length(c.fields)"
                + " FROM _tandem_change c WHERE c.seq > ? AND c.author = ? ORDER BY c.seq LIMIT ?")) {
            ps.setLong(1, afterSeq);
            ps.setBytes(2, Uuid7.toBytes(author));
            ps.setInt(3, limit);
            int n = 0;
            long bytes = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bytes += rs.getLong(1);
                    if (n > 0 && bytes > budget) {
                        break;
                    }
                    n++;
                }
            }
            return n;
        }
    }

    /** Own changes after {@code afterSeq}, skipping {@code offset}, at most {@code limit}, in seq order. */
    public List<Local> own(Connection c, UUID author, long afterSeq, long offset, int limit) throws SQLException {
        List<Local> changes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ChangeRows.COLUMNS
                + " FROM _tandem_change c WHERE c.seq > ? AND c.author = ? ORDER BY c.seq LIMIT ? OFFSET ?")) {
            ps.setLong(1, afterSeq);
            ps.setBytes(2, Uuid7.toBytes(author));
            ps.setInt(3, limit);
            ps.setLong(4, offset);
            try (ResultSet rs = ps.executeQuery()) {
                ChangeRows.read(rs, (seq, by, change) -> changes.add(new Local(seq, change)));
            }
        }
        return changes;
    }
}
