package dev.tandem.engine.internal.snapshot;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.ChangeRows;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.changelog.SyncState;
import dev.tandem.engine.internal.changelog.WinnerMap;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.wire.SnapshotEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reading this database's winners for a snapshot (merging one is {@link SnapshotLocal}).
 *
 * <p>Reading happens in one read transaction, together with the cursors and the push state, so the
 * snapshot is exactly the merged state as of those cursors. It refuses (returns null) while own
 * changes are unpushed: they would be in the state but in no batch the cursors name.
 *
 * <p><b>Replaced ids.</b> A winner keeps the id of the version it replaced only while some live
 * device may not have seen it ({@link SyncState#seenByAll}). The id serves one purpose: telling a
 * later arrival that this version already saw it (no conflict). Every version a winner every live
 * device has merged could have replaced was merged by them too, so it arrives nowhere as news. The
 * ids are the bulk of an old snapshot (16 bytes each that deflate cannot shrink), and leaving them
 * out never changes a value: last write wins on the change ids, which stay. At worst a version
 * that arrives late anyway (a batch a synced folder delivered out of order, a change re-authored
 * by a retired device) is recorded as a conflict that the full chain would have ruled out, as
 * after history pruning.
 */
public final class SnapshotCapture {
    /** The merged state as of {@code cursors}: one entry per winning change, with the fields it still wins. */
    public record Capture(Map<UUID, Long> cursors, List<SnapshotEntry> entries) {
    }

    private final SyncState state = new SyncState();

    /**
     * Stops the cursors before other devices' set-aside batches (unreadable, see QuarantineStore):
     * the cursors pass them but their changes are not in this state, so a snapshot claiming them
     * would let cleanup delete them and hand new devices a state without them. Claiming less than
     * the state holds is safe: a device bootstrapping from it reads those batches again, and merging
     * a change it already has does nothing. So a device with something set aside still snapshots
     * its own batches, which is how a batch damaged for everyone else heals.
     */
    private static void stopBeforeSetAside(Connection c, UUID self, String remote, Map<UUID, Long> cursors)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT device, min(batch_seq) FROM _tandem_quarantine"
                + " WHERE remote = ? AND device <> ? GROUP BY device")) {
            ps.setString(1, remote);
            ps.setBytes(2, Uuid7.toBytes(self));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cursors.merge(Uuid7.fromBytes(rs.getBytes(1)), rs.getLong(2) - 1, Math::min);
                }
            }
        }
    }

    /** Inside one read transaction: the winners and cursors, or null while own changes are unpushed. */
    public Capture read(Connection c, UUID self, String remote) throws SQLException {
        SyncState.Pushed pushed = state.pushed(c, remote);
        if (state.countOwn(c, self, pushed.changeSeq()) > 0) {
            return null;
        }
        Map<UUID, Long> cursors = new HashMap<>(state.cursors(c, remote));
        cursors.put(self, pushed.batchSeq());
        stopBeforeSetAside(c, self, remote, cursors);
        long seenByAll = state.seenByAll(c, remote);
        List<SnapshotEntry> entries = new ArrayList<>();
        // Each winning change with the fields it still wins, in seq order.
        Map<Long, Set<String>> won = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT winners FROM _tandem_entity WHERE key = ''");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                for (Map.Entry<String, WinnerMap.Entry> w : WinnerMap.decode(rs.getBytes(1)).byField().entrySet()) {
                    won.computeIfAbsent(w.getValue().seq(), k -> new HashSet<>()).add(w.getKey());
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ChangeRows.COLUMNS + " FROM _tandem_change c ORDER BY c.seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Set<String> fields = won.get(rs.getLong(1));
                if (fields != null) {
                    entries.add(entry(rs, fields, rs.getLong(1) <= seenByAll));
                }
            }
        }
        return new Capture(cursors, entries);
    }

    /**
     * The change at {@code rs} ({@link ChangeRows#COLUMNS}) with just the fields it still wins
     * ({@code won}, lower case); without the ids they replaced when every live device has seen it.
     */
    private static SnapshotEntry entry(ResultSet rs, Set<String> won, boolean seenByAll) throws SQLException {
        ChangeData c = ChangeRows.change(rs);
        List<FieldData> fields = new ArrayList<>();
        for (FieldData f : c.fields()) {
            if (won.contains(f.name().toLowerCase(Locale.ROOT))) {
                fields.add(seenByAll && f.replaces() != null ? new FieldData(f.name(), f.value(), null) : f);
            }
        }
        return new SnapshotEntry(ChangeRows.author(rs), new ChangeData(c.id(), c.table(), c.entity(), fields));
    }
}
