package dev.tandem.engine.internal.snapshot;

import dev.tandem.engine.Change;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.internal.apply.RemoteApply;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.DeviceIds;
import dev.tandem.engine.internal.changelog.HistoryPruning;
import dev.tandem.engine.internal.changelog.MetaTable;
import dev.tandem.engine.internal.changelog.SyncState;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.snapshot.SnapshotPlan.Placed;
import dev.tandem.engine.internal.snapshot.SnapshotPlan.Plan;
import dev.tandem.engine.internal.store.SchemaSnapshot.TableInfo;
import dev.tandem.engine.internal.tx.WriteSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A device that comes back after a long time catches up from a snapshot instead of merging it into
 * its old state: its state is replaced by the snapshot's, loaded in bulk as on a new device, and its
 * own changes not yet pushed are merged on top, as if they had just arrived from another device.
 *
 * <p><b>When.</b> Only when the snapshot holds everything this database ever got from the remote:
 * its cursor for every device is at least this database's, and its cursor for this device covers
 * every batch this database pushed ({@link #covers}); and only when this database syncs with this
 * one remote (another remote's push state counts local change numbers this would renumber). Then
 * the result equals the normal merge's: the snapshot's winners, and the unpushed changes decided
 * against them by last write wins, with the conflicts of those that lose. The normal merge could
 * not tell which old values a winner had replaced on other devices (the chain of changes between
 * lies in batches cleaned up since), and recorded a conflict for nearly every attribute.
 *
 * <p><b>Order, in the caller's transaction.</b>
 * <ol>
 *   <li>Read the unpushed changes, and the entities the changelog knows. (The user rows the bulk
 *       load compares were read beside the writer meanwhile, before this transaction wrote
 *       anything: {@link RowsBefore}, told of every user-table write below.)</li>
 *   <li>Delete the rows of known entities the snapshot does not hold alive (deleted elsewhere, or
 *       made only by the unpushed changes, which make them again below). Rows no change ever
 *       wrote (seeded by a migration) stay, as on a new device.</li>
 *   <li>Forget the winners, history and pending entities, and bulk-load the snapshot with change
 *       numbers after every existing one. Older change rows stay behind, unreferenced except by
 *       the conflicts recorded before (which keep their values), until history pruning deletes
 *       them ({@link HistoryPruning}).</li>
 *   <li>Mark everything up to the snapshot's last change as pushed, then merge the unpushed changes
 *       again (author: this device), so the next push sends exactly them.</li>
 * </ol>
 * History shows the winning changes, as on a bootstrapped device.
 */
final class SnapshotRebuild {
    private final SyncState state = new SyncState();
    private final RemoteApply apply;

    SnapshotRebuild(RemoteApply apply) {
        this.apply = apply;
    }

    /** Whether the snapshot with {@code cursors} holds everything this database got from and gave to {@code remote}. */
    boolean covers(Connection c, UUID self, String remote, Map<UUID, Long> cursors) throws SQLException {
        // Anything got from or given to another remote (a shared list's space beside the personal
        // remote) is not in this remote's snapshot, and a rebuild would drop it.
        try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT count(*) FROM _tandem_sync_push WHERE remote <> ?)"
                + " + (SELECT count(*) FROM _tandem_sync_cursor WHERE remote <> ?)")) {
            ps.setString(1, remote);
            ps.setString(2, remote);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(1) > 0) {
                    return false;
                }
            }
        }
        if (state.pushed(c, remote).batchSeq() > cursors.getOrDefault(self, 0L)) {
            return false;
        }
        for (Map.Entry<UUID, Long> e : state.cursors(c, remote).entrySet()) {
            if (!e.getKey().equals(self) && e.getValue() > cursors.getOrDefault(e.getKey(), 0L)) {
                return false;
            }
        }
        return true;
    }

    /** Replaces this database's synced state with the snapshot's, then merges its unpushed changes again. */
    SnapshotLocal.Stats run(WriteSession s, UUID self, String remote, Plan plan, long nowMillis,
                            RowsBefore rows, BulkLoad bulk) throws SQLException {
        Connection c = s.sql().connection();
        SyncState.Pushed pushed = state.pushed(c, remote);
        List<ChangeData> unpushed = new ArrayList<>();
        List<ChangeData> keptOut = new ArrayList<>();
        long rotatedAt = rotatedAt(c);
        Set<String> deleted = deletedIn(plan);
        for (SyncState.Local l : state.own(c, self, pushed.changeSeq(), 0, Integer.MAX_VALUE)) {
            unpushed.add(l.change());
            if (l.seq() <= rotatedAt && deleted.contains(l.change().table() + '\0' + l.change().entity())
                    && l.change().fields().stream().noneMatch(f -> f.name().equals(Change.DELETED_FIELD))) {
                keptOut.add(l.change());
            }
        }
        keptOut.addAll(forgottenElsewhere(c, self, pushed.changeSeq(), plan, unpushed));
        unpushed.removeAll(keptOut);
        deleteRowsNotAlive(s, plan, rows);
        long base;
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM _tandem_entity");
            st.execute("DELETE FROM _tandem_pending");
            try (ResultSet rs = st.executeQuery("SELECT coalesce(max(seq), 0) FROM _tandem_change")) {
                base = rs.next() ? rs.getLong(1) : 0;
            }
        }
        if (base > 0) {
            // The older change rows stay until history pruning deletes them (HistoryPruning.orphans):
            // deleting a million rows here would double the catch-up.
            MetaTable.raise(s.sql(), HistoryPruning.ORPHANS_BELOW, base);
        }
        rows.skip(c);
        SnapshotLocal.Stats loaded = bulk.load(s, plan, base, rows);
        SyncState.Pushed upTo = new SyncState.Pushed(pushed.batchSeq(), base + plan.changes.length);
        state.setPushed(s.sql(), remote, upTo);
        // The snapshot read this device's batches, which shows the remote holds them.
        state.setConfirmed(s.sql(), remote, self, upTo);
        int conflicts = 0;
        if (!unpushed.isEmpty()) {
            conflicts = apply.apply(s, self, unpushed, nowMillis, upTo.changeSeq()).conflicts();
        }
        return new SnapshotLocal.Stats(loaded.pulled(), loaded.merged(), conflicts, true, keptOut.size(), 0);
    }

    /**
     * The unpushed changes of entities the remote knew (the changelog holds a change of them that
     * another device made or this one pushed) that the snapshot does not hold at all, alive or as a
     * deleted entity. The snapshot holds everything this database got from the remote, so such an
     * entity was deleted and then forgotten by every live device; a change made here before this
     * device saw the delete (it was away, or retired meanwhile) would bring it back, half made, on
     * the devices that forgot it. Kept out, it stays deleted everywhere, as on a device that still
     * holds the deleted entity, where the change loses to the delete.
     */
    private static List<ChangeData> forgottenElsewhere(Connection c, UUID self, long pushedSeq, Plan plan,
                                                       List<ChangeData> unpushed) throws SQLException {
        Set<String> held = new HashSet<>();
        for (int g = 0; g < plan.entities.length - 1; g++) {
            Placed first = plan.changes[plan.entities[g]];
            held.add(first.table() + '\0' + first.entity());
        }
        List<ChangeData> out = new ArrayList<>();
        Map<String, Boolean> known = new HashMap<>();
        // Through the entity's history rows (keyed by entity), not a scan of the changelog.
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM _tandem_entity e JOIN _tandem_change c"
                + " ON c.seq = e.seq WHERE e.tbl = ? AND e.entity = ? AND e.key <> '' AND (c.author <> ? OR c.seq <= ?)"
                + " LIMIT 1")) {
            byte[] author = Uuid7.toBytes(self);
            for (ChangeData ch : unpushed) {
                String key = ch.table() + '\0' + ch.entity();
                if (held.contains(key)) {
                    continue;
                }
                Boolean k = known.get(key);
                if (k == null) {
                    ps.setString(1, ch.table());
                    ps.setString(2, ch.entity());
                    ps.setBytes(3, author);
                    ps.setLong(4, pushedSeq);
                    try (ResultSet rs = ps.executeQuery()) {
                        k = rs.next();
                    }
                    known.put(key, k);
                }
                if (k) {
                    out.add(ch);
                }
            }
        }
        return out;
    }

    /**
     * The highest change number when this database last took a new device id, or 0. A change made
     * before it was made under an id the others may have retired: they no longer waited for it to
     * see a delete before forgetting the deleted entity ({@link DeviceIds}).
     */
    private static long rotatedAt(Connection c) throws SQLException {
        String at = MetaTable.text(c, DeviceIds.ROTATED_AT);
        return at == null ? 0 : Long.parseLong(at);
    }

    /** The entities the snapshot holds deleted, as {@code table + '\0' + entity}. */
    private static Set<String> deletedIn(Plan plan) {
        Set<String> deleted = new HashSet<>();
        for (int g = 0; g < plan.entities.length - 1; g++) {
            if (plan.deleted(g)) {
                Placed first = plan.changes[plan.entities[g]];
                deleted.add(first.table() + '\0' + first.entity());
            }
        }
        return deleted;
    }

    /** The bulk load of a snapshot with change numbers after {@code base} (see {@link SnapshotLocal}). */
    interface BulkLoad {
        SnapshotLocal.Stats load(WriteSession s, Plan plan, long base, RowsBefore rows) throws SQLException;
    }

    /**
     * Deletes the rows of entities the changelog knows that the snapshot does not hold alive, before
     * the bulk load (whose orphan check then sees children left without a parent).
     */
    private static void deleteRowsNotAlive(WriteSession s, Plan plan, RowsBefore rows) throws SQLException {
        Map<String, Set<String>> alive = new HashMap<>();
        for (int g = 0; g < plan.entities.length - 1; g++) {
            if (plan.wins(g) && !plan.deleted(g)) {
                alive.computeIfAbsent(plan.changes[plan.entities[g]].table(), t -> new HashSet<>())
                        .add(plan.changes[plan.entities[g]].entity());
            }
        }
        Connection c = s.sql().connection();
        Map<String, List<String>> doomed = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT tbl, entity FROM _tandem_entity WHERE key = ''")) {
            while (rs.next()) {
                String table = rs.getString(1);
                String entity = rs.getString(2);
                if (!alive.getOrDefault(table, Set.of()).contains(entity)) {
                    doomed.computeIfAbsent(table, t -> new ArrayList<>()).add(entity);
                }
            }
        }
        for (Map.Entry<String, List<String>> e : doomed.entrySet()) {
            TableInfo table = s.schema().syncTarget(e.getKey()).orElse(null);
            if (table == null) {
                continue; // a table this schema lacks has no rows, only pending entities
            }
            s.withoutRowHook(session -> {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table.quoted() + " WHERE \"id\" = ?")) {
                    for (String id : e.getValue()) {
                        del.setString(1, id);
                        del.addBatch();
                    }
                    int[] counts = del.executeBatch();
                    long direct = 0;
                    for (int i = 0; i < counts.length; i++) {
                        if (counts[i] > 0) {
                            session.event(ChangeEvent.Kind.DELETE, table.name(), e.getValue().get(i));
                            direct += counts[i];
                        }
                    }
                    rows.deleted(table.name(), e.getValue());
                    rows.wrote(c, direct);
                }
                return null;
            });
        }
    }
}
