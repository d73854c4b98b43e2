package dev.tandem.engine.internal.snapshot;

import dev.tandem.engine.internal.apply.RemoteApply;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.ChangelogStore;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.changelog.SyncState;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.merge.TextMergeField;
import dev.tandem.engine.internal.snapshot.SnapshotPlan.Placed;
import dev.tandem.engine.internal.snapshot.SnapshotPlan.Plan;
import dev.tandem.engine.internal.store.Connections;
import dev.tandem.engine.internal.tx.WriteSession;
import dev.tandem.engine.internal.wire.SnapshotEntry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Merging a snapshot into this database (reading one is {@link SnapshotCapture}).
 *
 * <p>Merging has two paths with the same result: the same rows, changelog, winners, pending entities
 * and row events ({@code SnapshotLocalTest} compares them). An empty changelog (a new device) takes
 * the bulk path: a snapshot holds exactly one winner per attribute, so there is nothing to decide,
 * and the changes, their history and winner rows ({@link SnapshotChangeRows}), then each entity's
 * row ({@link SnapshotRows}) are written with multi-row INSERTs in key order, column names from the
 * schema only (see {@link #fast}). The batches past the snapshot that follow it without a decision
 * are folded in first ({@link SnapshotFold}). A database the snapshot holds everything of (a device
 * back after a long time) replaces its state by the same bulk load and merges its unpushed changes
 * on top ({@link SnapshotRebuild}). Otherwise, or if the
 * snapshot is not as a writer makes it (see {@link Plan}), the entries go through
 * {@link RemoteApply} like any pulled batch, so unpushed local edits survive and last write wins
 * holds. Either way the cursors move to the snapshot's in the same transaction.
 */
public final class SnapshotLocal {
    /**
     * What applying did; {@code keptOut}: changes of this device's not kept ({@link SnapshotRebuild});
     * {@code folded}: how many of the following batches the bulk load took in ({@link SnapshotFold}).
     */
    public record Stats(int pulled, int merged, int conflicts, boolean fast, int keptOut, int folded) {
        /** With {@code batches} folded in, whose changes the bulk load took as {@code loaded} of its {@code pulled}. */
        Stats withFolded(int batches, int pulled, int loaded) {
            // Every change folded in or folded away won its attributes when it came, as in a pull.
            return new Stats(pulled, merged + pulled - loaded, conflicts, fast, keptOut, batches);
        }
    }

    private final RemoteApply apply;
    private final HybridClock clock;
    private final SyncState state = new SyncState();
    private final SnapshotRebuild rebuild;
    private final Connections beside;

    /** {@code beside}: the connections of a file database, whose readers a catch-up uses ({@link RowsBefore}); else null. */
    public SnapshotLocal(RemoteApply apply, HybridClock clock, Connections beside) {
        this.apply = apply;
        this.clock = clock;
        this.rebuild = new SnapshotRebuild(apply);
        this.beside = beside;
    }

    /** Merges a snapshot of a remote that holds every entity; see the method below. */
    public Stats apply(WriteSession s, UUID self, String remote, Map<UUID, Long> cursors, List<SnapshotEntry> entries,
                       long nowMillis) throws SQLException {
        return apply(s, self, remote, cursors, entries, nowMillis, true, List.of());
    }

    /**
     * Merges the snapshot and moves this database's cursors up to {@code cursors}; in the caller's
     * transaction. {@code whole}: the remote takes every entity (no scope). Only then may the snapshot
     * replace this database's state ({@link SnapshotRebuild}): a scoped remote's snapshot lacks what
     * lies outside its scope, which a rebuild would delete. {@code following}: other devices' batches
     * past {@code cursors}, in the pull's causal order; when the snapshot is loaded in bulk, those
     * that may be are folded into it ({@link SnapshotFold}) and their cursors moved, as a pull does
     * ({@link Stats#folded} says how many: the caller merges the rest normally).
     */
    public Stats apply(WriteSession s, UUID self, String remote, Map<UUID, Long> cursors, List<SnapshotEntry> entries,
                       long nowMillis, boolean whole, List<FollowingBatch> following) throws SQLException {
        long t0 = System.nanoTime();
        boolean empty = empty(s.sql().connection());
        boolean replace = !empty && whole && rebuild.covers(s.sql().connection(), self, remote, cursors);
        // Before anything is written, and read while the snapshot is laid out below.
        RowsBefore rows = replace ? RowsBefore.start(beside, s.schema(), s.sql().connection()) : RowsBefore.NONE;
        SnapshotFold.Result fold = SnapshotFold.Result.none(entries);
        Plan plan = null;
        if (empty || replace) {
            fold = whole ? SnapshotFold.fold(entries, following, clock) : fold;
            plan = Plan.of(s.schema(), fold.entries());
            if (plan == null && fold.batches() > 0) {
                fold = SnapshotFold.Result.none(entries); // as a writer would not make it: without the batches
                plan = Plan.of(s.schema(), entries);
            }
        }
        if (plan != null && Boolean.getBoolean("tandem.debugSnapshots")) {
            System.err.printf("fast: plan %d ms, %d batches folded%n", (System.nanoTime() - t0) / 1_000_000,
                    fold.batches());
        }
        Plan bulk = plan;
        Stats stats = plan == null ? slow(s, entries, nowMillis)
                : bulkOrSlow(s, entries, nowMillis, empty ? session -> fast(session, bulk, 0, RowsBefore.NONE)
                        : session -> rebuild.run(session, self, remote, bulk, nowMillis, rows, this::fast));
        if (stats.fast() && fold.batches() > 0) {
            stats = stats.withFolded(fold.batches(), entries.size() + fold.changes(), bulk.changes.length);
        }
        Map<UUID, Long> local = state.cursors(s.sql().connection(), remote);
        for (Map.Entry<UUID, Long> e : cursors.entrySet()) {
            if (!e.getKey().equals(self) && e.getValue() > local.getOrDefault(e.getKey(), 0L)) {
                state.setCursor(s.sql(), remote, e.getKey(), e.getValue());
            }
        }
        for (FollowingBatch b : following.subList(0, stats.folded())) {
            // As the pull records a batch it merged (DbChangelog.moveCursor).
            state.setCursor(s.sql(), remote, b.device(), b.seq());
            state.addVolume(s.sql(), remote, b.changes().size());
            state.foundAgain(s.sql(), remote, b.device());
        }
        return stats;
    }

    /**
     * Whether applying a snapshot with {@code cursors} now finds only real clashes: on an empty
     * changelog or by replacing this database's synced state (both in bulk, see
     * {@link SnapshotRebuild#covers}), or on a database that never pulled from or pushed to
     * {@code remote}, which holds no version of its own that the snapshot's winners followed
     * through batches it never read. Otherwise the normal merge cannot walk replace chains through
     * the batches the snapshot stands for, and records a conflict for nearly every attribute edited
     * elsewhere meanwhile; a sync that still has those batches replays them instead.
     */
    public boolean appliesCleanly(Connection c, UUID self, String remote, Map<UUID, Long> cursors)
            throws SQLException {
        return empty(c) || rebuild.covers(c, self, remote, cursors)
                || state.cursors(c, remote).isEmpty() && state.pushed(c, remote).batchSeq() == 0;
    }

    private static boolean empty(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT EXISTS(SELECT 1 FROM _tandem_change)")) {
            return rs.next() && rs.getInt(1) == 0;
        }
    }

    /**
     * The bulk path inside a savepoint: when this schema refuses a row the writer's accepted (a NOT
     * NULL or CHECK the writer's schema lacks), the bulk statements are undone and the snapshot goes
     * through the normal merge, which holds such rows instead of failing the whole bootstrap.
     */
    private Stats bulkOrSlow(WriteSession s, List<SnapshotEntry> entries, long nowMillis, Bulk bulk) throws SQLException {
        try (Statement st = s.sql().connection().createStatement()) {
            st.execute("SAVEPOINT snapshot_bulk");
        }
        try {
            Stats stats = bulk.run(s);
            try (Statement st = s.sql().connection().createStatement()) {
                st.execute("RELEASE snapshot_bulk");
            }
            return stats;
        } catch (SQLException e) {
            if (e.getErrorCode() != 19) { // SQLITE_CONSTRAINT: anything else is a real failure
                throw e;
            }
            try (Statement st = s.sql().connection().createStatement()) {
                st.execute("ROLLBACK TO snapshot_bulk");
                st.execute("RELEASE snapshot_bulk");
            }
            return slow(s, entries, nowMillis);
        }
    }

    /** A bulk path: the new device's, or the returning device's ({@link SnapshotRebuild}). */
    private interface Bulk {
        Stats run(WriteSession s) throws SQLException;
    }

    private Stats slow(WriteSession s, List<SnapshotEntry> entries, long nowMillis) throws SQLException {
        Map<UUID, List<ChangeData>> byAuthor = new LinkedHashMap<>();
        for (SnapshotEntry e : entries) {
            byAuthor.computeIfAbsent(e.author(), k -> new ArrayList<>()).add(e.change());
        }
        int pulled = 0;
        int merged = 0;
        int conflicts = 0;
        for (Map.Entry<UUID, List<ChangeData>> e : byAuthor.entrySet()) {
            RemoteApply.Stats st = apply.apply(s, e.getKey(), e.getValue(), nowMillis);
            pulled += st.pulled();
            merged += st.merged();
            conflicts += st.conflicts();
        }
        return new Stats(pulled, merged, conflicts, false, 0, 0);
    }

    /**
     * What the bulk path ignores: {@link RemoteApply#skipped} attributes, and a merge's hidden attribute, which
     * a snapshot (winners only) never holds; one in a snapshot is not the engine's.
     */
    static boolean skippedInSnapshot(FieldData f) {
        return RemoteApply.skipped(f) || TextMergeField.isHidden(f.name());
    }

    /**
     * The empty-changelog path: a few hundred multi-row INSERTs instead of one statement per row.
     * Changes go in seq order, each with its entity rows. Each table's rows are written by multi-row
     * INSERTs per set of columns (columns an entity has no winner for keep their defaults), so
     * triggers such as an FTS index's run inside a few statements rather than one per row. The
     * update hook is off meanwhile, so every table counts as written (see
     * {@link WriteSession#withoutRowHook}); row events are recorded as usual, one per entity.
     */
    private Stats fast(WriteSession s, Plan plan, long base, RowsBefore rows) throws SQLException {
        return s.withoutRowHook(session -> bulk(session, plan, base, rows));
    }

    /**
     * {@code base}: the change number the snapshot's changes follow (0 on an empty changelog);
     * {@code rows}: the user rows read beside, if any.
     */
    private Stats bulk(WriteSession s, Plan plan, long base, RowsBefore rows) throws SQLException {
        long t0 = System.nanoTime();
        Connection c = s.sql().connection();
        try (var st = c.createStatement()) {
            st.execute("PRAGMA defer_foreign_keys = ON");
        }
        SnapshotChangeRows.write(c, plan, base);
        if (plan.maxId != null) {
            clock.observe(plan.maxId);
            ChangelogStore.noteHigh(c, plan.maxId);
        }
        rows.skip(c);
        long tInserted = System.nanoTime();
        SnapshotRows.write(s, plan, rows);
        long tRows = System.nanoTime();
        apply.holdOrphans(s);
        if (Boolean.getBoolean("tandem.debugSnapshots")) {
            System.err.printf("fast: changelog %d ms, rows %d ms, fk %d ms%n", (tInserted - t0) / 1_000_000,
                    (tRows - tInserted) / 1_000_000, (System.nanoTime() - tRows) / 1_000_000);
        }
        int merged = 0; // as the normal merge counts: changes that won an attribute
        Placed[] changes = plan.changes;
        for (Placed p : changes) {
            merged += p.wins() ? 1 : 0;
        }
        return new Stats(changes.length, merged, 0, true, 0, 0);
    }
}
