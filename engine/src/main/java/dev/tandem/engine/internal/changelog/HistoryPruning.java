package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.store.Rows;
import dev.tandem.engine.internal.tx.WriteSession;
import dev.tandem.engine.internal.tx.Writer;
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
 * Keeps the changelog from growing for ever: forgets changes nobody needs any more, a slice of
 * entities per transaction, so saves and syncs wait at most one slice.
 *
 * <p>A change is forgotten only when all of these hold, so what rows show, what the next push sends,
 * the conflicts still listed and recent history all stay:
 * <ol>
 *   <li>it wins no attribute of its entity (the rows are a projection of the winners);</li>
 *   <li>it is not one of this device's changes that no remote has yet ({@code _tandem_sync_push}: after
 *       the lowest push cursor; every own change, if this database never pushed);</li>
 *   <li>no kept conflict names it;</li>
 *   <li>it is older than the window ({@code keepMillis}, by its id's clock reading);</li>
 *   <li>for each attribute it set, at least {@code keepVersions} newer changes of its entity set that
 *       attribute too: the last versions of every field stay whatever their age, for history, "Use
 *       lost value" and the base of a line merge.</li>
 * </ol>
 * Conflicts the user dismissed longer ago than the window are forgotten first, so the changes only
 * they named can go. A change forgotten here may still be named as replaced by a change arriving
 * later; the replace chain then stops early, and at worst a conflict is recorded that a full history
 * would have ruled out, never a different value (the same limit as a bootstrapped device's).
 * Tombstones (deleted entities) stay: they stop an old edit from bringing an entity back.
 */
public final class HistoryPruning {
    /** What one slice did, and where the next starts ({@code null}: the whole changelog is done). */
    public record Slice(long changes, long conflicts, String nextTable, String nextEntity) {
    }

    /** Entities per transaction: a slice takes tens of milliseconds, which a save may wait. */
    static final int SLICE = 2000;
    /** Change rows a catch-up left behind, deleted per transaction. */
    static final int ORPHANS = 20_000;
    /** {@code _tandem_meta} key: change rows up to this seq were left behind by a catch-up ({@code SnapshotRebuild}). */
    public static final String ORPHANS_BELOW = "orphans_below";

    private final UUID self;
    private final long cutoffMillis;
    private final int keepVersions;

    /**
     * Prunes the whole changelog through {@code writer}, one short transaction per slice; returns the
     * changes and the conflicts forgotten.
     */
    public static long[] all(Writer writer, UUID self, long nowMillis, long keepMillis, int keepVersions) {
        HistoryPruning pruning = new HistoryPruning(self, nowMillis, keepMillis, keepVersions);
        long changes = 0;
        while (true) {
            long n = writer.write("Forgetting changes a catch-up left behind", pruning::orphans);
            changes += n;
            if (n < ORPHANS) {
                break;
            }
        }
        long conflicts = 0;
        String[] after = {null, null};
        do {
            Slice slice = writer.write("Forgetting old history", s -> pruning.run(s, after[0], after[1], SLICE));
            changes += slice.changes();
            conflicts += slice.conflicts();
            after[0] = slice.nextTable();
            after[1] = slice.nextEntity();
        } while (after[0] != null);
        return new long[] {changes, conflicts};
    }

    /**
     * Deletes up to {@link #ORPHANS} change rows a catch-up left behind (no history row names them),
     * keeping those a conflict names; returns how many.
     */
    long orphans(WriteSession s) throws SQLException {
        Connection c = s.sql().connection();
        long below = MetaTable.number(c, ORPHANS_BELOW);
        if (below == 0) {
            return 0;
        }
        long deleted;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM _tandem_change WHERE seq IN (SELECT seq FROM"
                + " _tandem_change WHERE seq <= ? AND seq NOT IN (SELECT winner_seq FROM _tandem_conflict UNION"
                + " SELECT loser_seq FROM _tandem_conflict) ORDER BY seq LIMIT ?)" + ChangeRows.NOT_NEWEST)) {
            ps.setLong(1, below);
            ps.setInt(2, ORPHANS);
            deleted = ps.executeUpdate();
        }
        if (deleted < ORPHANS) {
            MetaTable.delete(s.sql(), ORPHANS_BELOW);
        }
        return deleted;
    }

    public HistoryPruning(UUID self, long nowMillis, long keepMillis, int keepVersions) {
        this.self = self;
        this.cutoffMillis = nowMillis - keepMillis;
        this.keepVersions = keepVersions;
    }

    /**
     * Prunes up to {@code entities} entities after ({@code afterTable}, {@code afterEntity}) (null,
     * null: from the start), in the caller's transaction.
     */
    public Slice run(WriteSession s, String afterTable, String afterEntity, int entities) throws SQLException {
        Connection c = s.sql().connection();
        long dismissed = afterTable == null ? forgetDismissedConflicts(c) : 0;
        long unpushedAfter = unpushedAfter(c);
        Set<Long> named = conflictSeqs(c);
        List<byte[]> winners = new ArrayList<>();
        List<Boolean> longer = new ArrayList<>();
        // The history rows are counted inside SQLite (an index range each): only an entity with more
        // than keepVersions of them can lose any, and most have fewer.
        List<String[]> slice = EntitySlice.read(c, ", (SELECT count(*) FROM _tandem_entity h WHERE h.tbl = e.tbl"
                + " AND h.entity = e.entity AND h.key >= x'')", afterTable, afterEntity, entities, rs -> {
                    winners.add(rs.getBytes(3));
                    longer.add(rs.getLong(4) > keepVersions);
                });
        long forgotten = 0;
        for (int e = 0; e < slice.size(); e++) {
            if (!longer.get(e)) {
                continue;
            }
            forgotten += prune(c, slice.get(e)[0], slice.get(e)[1], WinnerMap.decode(winners.get(e)), unpushedAfter, named);
        }
        String[] next = EntitySlice.next(slice, entities);
        return new Slice(forgotten, dismissed, next[0], next[1]);
    }

    /** One entity: walks its history newest first, counting versions per attribute. */
    private long prune(Connection c, String table, String entity, WinnerMap winners, long unpushedAfter, Set<Long> named)
            throws SQLException {
        Set<Long> winning = new HashSet<>();
        winners.byField().values().forEach(w -> winning.add(w.seq()));
        List<Object[]> history = new ArrayList<>(); // key, seq, author, fields
        Rows.each(c, "SELECT e.key, e.seq, c.author, c.fields FROM _tandem_entity e JOIN _tandem_change c"
                + " ON c.seq = e.seq WHERE e.tbl = ? AND e.entity = ? AND e.key >= x'' ORDER BY e.key DESC",
                rs -> history.add(new Object[] {rs.getBytes(1), rs.getLong(2), rs.getBytes(3), rs.getBytes(4)}),
                table, entity);
        if (history.size() <= keepVersions) {
            return 0;
        }
        Map<String, Integer> versions = new HashMap<>();
        List<Object[]> doomed = new ArrayList<>();
        for (Object[] h : history) {
            long seq = (Long) h[1];
            UUID id = Uuid7.fromBytes((byte[]) h[0]);
            boolean own = self.equals(Uuid7.fromBytes((byte[]) h[2]));
            boolean recent = (id.getMostSignificantBits() >>> 16) >= cutoffMillis;
            boolean needed = winning.contains(seq) || named.contains(seq) || (own && seq > unpushedAfter) || recent;
            for (FieldData f : FieldCodec.decode((byte[]) h[3])) {
                int newer = versions.merge(f.name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum) - 1;
                needed |= newer < keepVersions;
            }
            if (!needed) {
                doomed.add(h);
            }
        }
        if (doomed.isEmpty()) {
            return 0;
        }
        try (PreparedStatement row = c.prepareStatement("DELETE FROM _tandem_entity WHERE tbl = ? AND entity = ? AND key = ?");
             PreparedStatement change = c.prepareStatement("DELETE FROM _tandem_change WHERE seq = ?" + ChangeRows.NOT_NEWEST)) {
            for (Object[] h : doomed) {
                row.setString(1, table);
                row.setString(2, entity);
                row.setBytes(3, (byte[]) h[0]);
                row.addBatch();
                change.setLong(1, (Long) h[1]);
                change.addBatch();
            }
            row.executeBatch();
            change.executeBatch();
        }
        return doomed.size();
    }

    /** Own changes after this seq are not on every remote yet; 0 keeps every own change (never pushed). */
    private static long unpushedAfter(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT min(change_seq) FROM _tandem_sync_push");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static Set<Long> conflictSeqs(Connection c) throws SQLException {
        Set<Long> seqs = new HashSet<>();
        Rows.each(c, "SELECT winner_seq, loser_seq FROM _tandem_conflict", rs -> {
            seqs.add(rs.getLong(1));
            seqs.add(rs.getLong(2));
        });
        return seqs;
    }

    private long forgetDismissedConflicts(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM _tandem_conflict WHERE dismissed = 1 AND detected_at < ?")) {
            ps.setLong(1, cutoffMillis);
            return ps.executeUpdate();
        }
    }
}
