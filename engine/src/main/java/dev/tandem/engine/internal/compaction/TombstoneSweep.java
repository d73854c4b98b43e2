package dev.tandem.engine.internal.compaction;

import dev.tandem.engine.Change;
import dev.tandem.engine.internal.changelog.ChangeRows;
import dev.tandem.engine.internal.changelog.EntitySlice;
import dev.tandem.engine.internal.changelog.FieldCodec;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.changelog.WinnerMap;
import dev.tandem.engine.internal.store.Rows;
import dev.tandem.engine.internal.tx.WriteSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Forgets deleted entities whole, tombstone and history, once nothing can bring them back: a
 * slice of entities per transaction, so saves and syncs wait at most one slice.
 *
 * <p>A tombstone stops an edit made before the delete was seen from bringing the entity back. The
 * caller proves that no such edit can still arrive ({@code stableSeq}, from the devices' published
 * read cursors: see {@link TombstoneHorizon}); this class only forgets an entity when all hold:
 * <ol>
 *   <li>its winning {@code _deleted} says deleted, and its change is at or below {@code stableSeq}
 *       (every live device has read it, and this database has merged everything they wrote before);</li>
 *   <li>the delete is older than {@code cutoffMillis} by its id's clock reading, so "Undo" of Empty
 *       Trash and a restore still find the entity's last versions for that long;</li>
 *   <li>no conflict names the entity (a "deleted on A after your edit" card can still restore it).</li>
 * </ol>
 * Snapshots taken afterwards no longer carry the entity: a device built from one never sees it,
 * as a device that was there merged the delete.
 */
final class TombstoneSweep {
    /** What one slice did, and where the next starts ({@code null}: the whole changelog is done). */
    record Slice(long entities, long changes, String nextTable, String nextEntity) {
    }

    /** Entities per transaction: a slice takes tens of milliseconds, which a save may wait. */
    static final int SLICE = 2000;

    private final long stableSeq;
    private final long cutoffMillis;

    TombstoneSweep(long stableSeq, long cutoffMillis) {
        this.stableSeq = stableSeq;
        this.cutoffMillis = cutoffMillis;
    }

    /** Sweeps up to {@code limit} entities after ({@code afterTable}, {@code afterEntity}), in the caller's transaction. */
    Slice run(WriteSession s, String afterTable, String afterEntity, int limit) throws SQLException {
        Connection c = s.sql().connection();
        List<Long> deletes = new ArrayList<>();
        List<String[]> slice = EntitySlice.read(c, "", afterTable, afterEntity, limit, rs -> {
            WinnerMap.Entry deleted = WinnerMap.decode(rs.getBytes(3)).get(Change.DELETED_FIELD);
            boolean candidate = deleted != null && deleted.seq() <= stableSeq
                    && (deleted.id().getMostSignificantBits() >>> 16) < cutoffMillis;
            deletes.add(candidate ? deleted.seq() : -1L);
        });
        Set<String> named = conflicted(c);
        long entities = 0;
        long changes = 0;
        try (PreparedStatement value = c.prepareStatement("SELECT fields FROM _tandem_change WHERE seq = ?");
             PreparedStatement history = c.prepareStatement("DELETE FROM _tandem_change WHERE seq IN"
                     + " (SELECT seq FROM _tandem_entity WHERE tbl = ? AND entity = ?)" + ChangeRows.NOT_NEWEST);
             PreparedStatement rows = c.prepareStatement("DELETE FROM _tandem_entity WHERE tbl = ? AND entity = ?")) {
            for (int e = 0; e < slice.size(); e++) {
                String table = slice.get(e)[0];
                String entity = slice.get(e)[1];
                if (deletes.get(e) < 0 || named.contains(table + '\u0000' + entity) || !deleted(value, deletes.get(e))) {
                    continue;
                }
                history.setString(1, table);
                history.setString(2, entity);
                changes += history.executeUpdate();
                rows.setString(1, table);
                rows.setString(2, entity);
                rows.executeUpdate();
                entities++;
            }
        }
        String[] next = EntitySlice.next(slice, limit);
        return new Slice(entities, changes, next[0], next[1]);
    }

    /** Whether the winning {@code _deleted} change says deleted (a restore writes 0). */
    private static boolean deleted(PreparedStatement value, long seq) throws SQLException {
        value.setLong(1, seq);
        try (ResultSet rs = value.executeQuery()) {
            if (!rs.next()) {
                return false;
            }
            FieldData f = FieldCodec.find(rs.getBytes(1), Change.DELETED_FIELD);
            return f != null && Long.valueOf(1L).equals(f.value());
        }
    }

    private static Set<String> conflicted(Connection c) throws SQLException {
        Set<String> named = new HashSet<>();
        Rows.each(c, "SELECT DISTINCT tbl, entity FROM _tandem_conflict",
                rs -> named.add(rs.getString(1) + '\u0000' + rs.getString(2)));
        return named;
    }
}
