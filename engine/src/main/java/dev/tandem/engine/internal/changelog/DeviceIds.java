package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.store.Rows;
import dev.tandem.engine.internal.store.StatementCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A database's device id, and taking a new one when another installation turns out to write under
 * the same id: a copied data folder, a restored backup or VM snapshot (docs/SYNC_FORMAT.md,
 * "Copied profiles").
 *
 * <p>Invariants a new id keeps, all in one transaction:
 * <ul>
 *   <li>Everything this installation pushed under the old id stays pushed: for each remote, the
 *       old id becomes another device whose batches up to this installation's own push are read,
 *       so the batches the other installation wrote after them are pulled like any device's.</li>
 *   <li>Nothing unpushed is lost: own changes after the least pushed change of any remote are
 *       re-authored to the new id, so they travel in the new id's batches. Nobody has seen them
 *       under the old id, except where a remote already holds them, and pulling those again is a
 *       no-op (changes are kept by id).</li>
 *   <li>Another program that still has the database open with the old id in memory (the app while
 *       {@code tandem sync} runs) catches up before its next sync: changes it made under the old id
 *       after {@value #ROTATED_AT} are re-authored then ({@link #adopt}).</li>
 * </ul>
 */
public final class DeviceIds {
    static final String DEVICE_ID = "device_id";
    /** The highest change seq when the id last changed; later changes by the old id are stale. */
    public static final String ROTATED_AT = "device_id_rotated_at";
    static final String PREVIOUS = "previous_device_ids";

    private DeviceIds() {
    }

    /** The id the database holds now (another program may have changed it). */
    public static UUID current(Connection c) throws SQLException {
        return UUID.fromString(meta(c, DEVICE_ID));
    }

    /**
     * Gives the database a new device id in the caller's transaction and returns it. With
     * {@code repushAll}, every own change is pushed again under it, not only the unpushed ones: the
     * remote lost batches of the old id.
     */
    public static UUID rotate(StatementCache sql, UUID old, boolean repushAll) throws SQLException {
        Connection c = sql.connection();
        UUID fresh = UUID.randomUUID();
        SyncState state = new SyncState();
        long leastPushed = Long.MAX_VALUE;
        for (String remote : remotes(c)) {
            SyncState.Pushed p = state.pushed(c, remote);
            long cursor = state.cursors(c, remote).getOrDefault(old, 0L);
            state.setCursor(sql, remote, old, Math.max(cursor, p.batchSeq()));
            long keep = repushAll ? 0 : p.changeSeq();
            state.setPushed(sql, remote, new SyncState.Pushed(0, keep));
            leastPushed = Math.min(leastPushed, keep);
        }
        long maxSeq = maxSeq(c);
        reauthor(sql, old, fresh, leastPushed == Long.MAX_VALUE ? 0 : leastPushed);
        String previous = metaOrNull(c, PREVIOUS);
        setMeta(sql, PREVIOUS, previous == null ? old.toString() : previous + "," + old);
        setMeta(sql, ROTATED_AT, Long.toString(maxSeq));
        setMeta(sql, DEVICE_ID, fresh.toString());
        return fresh;
    }

    /**
     * Brings this program up to an id another program gave the database: changes this program
     * saved under {@code stale} since then are re-authored, so its next sync pushes them.
     */
    public static void adopt(StatementCache sql, UUID stale, UUID current) throws SQLException {
        String at = metaOrNull(sql.connection(), ROTATED_AT);
        reauthor(sql, stale, current, at == null ? 0 : Long.parseLong(at));
    }

    /** Ids this database used before its current one, oldest first. */
    public static List<UUID> previous(Connection c) throws SQLException {
        String v = metaOrNull(c, PREVIOUS);
        List<UUID> ids = new ArrayList<>();
        if (v != null) {
            for (String s : v.split(",")) {
                ids.add(UUID.fromString(s));
            }
        }
        return ids;
    }

    private static void reauthor(StatementCache sql, UUID from, UUID to, long afterSeq) throws SQLException {
        PreparedStatement ps = sql.get("UPDATE _tandem_change SET author = ? WHERE seq > ? AND author = ?");
        ps.setBytes(1, Uuid7.toBytes(to));
        ps.setLong(2, afterSeq);
        ps.setBytes(3, Uuid7.toBytes(from));
        ps.executeUpdate();
    }

    private static List<String> remotes(Connection c) throws SQLException {
        List<String> remotes = new ArrayList<>();
        Rows.each(c, "SELECT remote FROM _tandem_sync_push", rs -> remotes.add(rs.getString(1)));
        return remotes;
    }

    private static long maxSeq(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(seq), 0) FROM _tandem_change");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String meta(Connection c, String key) throws SQLException {
        String v = metaOrNull(c, key);
        if (v == null) {
            throw new SQLException("_tandem_meta has no " + key);
        }
        return v;
    }

    private static String metaOrNull(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM _tandem_meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void setMeta(StatementCache sql, String key, String value) throws SQLException {
        PreparedStatement ps = sql.get("INSERT OR REPLACE INTO _tandem_meta(key, value) VALUES(?, ?)");
        ps.setString(1, key);
        ps.setString(2, value);
        ps.executeUpdate();
    }
}
