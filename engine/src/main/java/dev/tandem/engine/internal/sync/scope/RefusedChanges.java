package dev.tandem.engine.internal.sync.scope;

import dev.tandem.engine.internal.apply.RemoteApply;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldCodec;
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
 * Changes a shared space's member wrote that this database did not merge ({@code _tandem_refused}),
 * per remote: those outside the space ({@link ScopeGuard}), kept with why and by whom so every sync
 * names them, and those that wait for the entity they change to arrive, judged again at each sync.
 * Writes run in the caller's transaction.
 */
public final class RefusedChanges {
    /** One change not merged. {@code object}: the remote object it came in. */
    public record Entry(UUID author, String object, ChangeData change, String problem, long firstSeen, boolean waits) {
    }

    static void put(StatementCache sql, String remote, UUID author, String object, ChangeData change, String problem,
                    boolean waits, long nowMillis) throws SQLException {
        PreparedStatement ps = sql.get("INSERT INTO _tandem_refused(remote, change_id, author, object_key, tbl, entity,"
                + " fields, problem, first_seen, waits) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT(remote, change_id) DO UPDATE SET problem = excluded.problem, waits = excluded.waits");
        ps.setString(1, remote);
        ps.setBytes(2, Uuid7.toBytes(change.id()));
        ps.setBytes(3, Uuid7.toBytes(author));
        ps.setString(4, object);
        ps.setString(5, change.table());
        ps.setString(6, change.entity());
        ps.setBytes(7, FieldCodec.encode(change.fields()));
        ps.setString(8, problem);
        ps.setLong(9, nowMillis);
        ps.setInt(10, waits ? 1 : 0);
        ps.executeUpdate();
    }

    static void release(StatementCache sql, String remote, UUID changeId) throws SQLException {
        PreparedStatement ps = sql.get("DELETE FROM _tandem_refused WHERE remote = ? AND change_id = ?");
        ps.setString(1, remote);
        ps.setBytes(2, Uuid7.toBytes(changeId));
        ps.executeUpdate();
    }

    /** Every change of {@code remote} not merged, oldest first; only the waiting ones with {@code waitingOnly}. */
    public static List<Entry> all(Connection c, String remote, boolean waitingOnly) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT author, object_key, change_id, tbl, entity, fields, problem,"
                + " first_seen, waits FROM _tandem_refused WHERE remote = ?" + (waitingOnly ? " AND waits = 1" : "")
                + " ORDER BY first_seen, change_id")) {
            ps.setString(1, remote);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ChangeData change = new ChangeData(Uuid7.fromBytes(rs.getBytes(3)), rs.getString(4), rs.getString(5),
                            FieldCodec.decode(rs.getBytes(6)));
                    out.add(new Entry(Uuid7.fromBytes(rs.getBytes(1)), rs.getString(2), change, rs.getString(7),
                            rs.getLong(8), rs.getInt(9) == 1));
                }
            }
        }
        return out;
    }

    /** The changes as the merge takes them. */
    static List<RemoteApply.Authored> authored(List<Entry> entries) {
        List<RemoteApply.Authored> out = new ArrayList<>(entries.size());
        entries.forEach(e -> out.add(new RemoteApply.Authored(e.author(), e.change())));
        return out;
    }

    private RefusedChanges() {
    }
}
