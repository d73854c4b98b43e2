package dev.tandem.engine.internal.apply;

import dev.tandem.engine.Change;
import dev.tandem.engine.Conflict;
import dev.tandem.engine.MergeRule;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.ChangelogStore;
import dev.tandem.engine.internal.changelog.ConflictStore;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.changelog.Winner;
import dev.tandem.engine.internal.changelog.WinnerMap;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.merge.Ancestry;
import dev.tandem.engine.internal.merge.Decision;
import dev.tandem.engine.internal.merge.FieldVersion;
import dev.tandem.engine.internal.merge.LwwMerge;
import dev.tandem.engine.internal.merge.TextMergeField;
import dev.tandem.engine.internal.store.SchemaSnapshot;
import dev.tandem.engine.internal.store.SchemaSnapshot.TableInfo;
import dev.tandem.engine.internal.store.SqlValues;
import dev.tandem.engine.internal.store.StatementCache;
import dev.tandem.engine.internal.tx.WriteSession;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Merges changes from another device into this database, inside the caller's transaction.
 *
 * <p>Order of work, and why:
 * <ol>
 *   <li>Foreign keys are deferred to commit, and changes are applied parents-first (by the schema's
 *       foreign-key depth) and then in clock order, so a child that arrives with its parent holds.</li>
 *   <li>Each change goes into the changelog unless it is there already (idempotence), and the clock
 *       observes its id, so every later local edit wins over it (an id from a clock running far
 *       ahead is merged but not adopted; local edits of what it wrote still win, by
 *       {@link HybridClock#nextAfter}).</li>
 *   <li>Each attribute is decided by {@link LwwMerge}: its winner moves only when the
 *       incoming version wins; a concurrent loser with a different value becomes a conflict,
 *       unless the attribute is mergeable text and the two versions merge line by line, or settles
 *       by a rule ({@link ValueMerges}): then, when last write wins did not keep the settled value,
 *       a merge change of this device follows the incoming change and wins ({@link MergeChanges}).</li>
 *   <li>Rows of entities whose winners moved are re-materialized from their winners. Names come
 *       from the {@link SchemaSnapshot}; a table or column this schema lacks keeps the entity pending, and
 *       only user tables with an id key are ever written ({@link SchemaSnapshot#syncTarget}).</li>
 *   <li>Rows the table refuses (a parent deleted elsewhere or not yet arrived, a NOT NULL or CHECK
 *       the values break) are held back as pending rather than failing the whole merge, which
 *       would stop the device's sync at this batch for good ({@link HeldRows}).</li>
 * </ol>
 * The batch is read and written set-wise: what the decisions need is read up front
 * ({@link MergeBatch}), they are taken in memory, and changes, winners and rows are written in
 * batched statements ({@link MergedRows}); the outcome is the same as merging change by change.
 */
public final class RemoteApply {
    /**
     * What one merge did. {@code aheadMillis}: how far the furthest pulled change id lies ahead of
     * this wall clock, when beyond the clock's drift bound (the author's clock runs ahead), else 0;
     * {@code aheadAuthor}: the device that wrote that change, or null.
     */
    public record Stats(int pulled, int merged, int conflicts, long aheadMillis, UUID aheadAuthor) {
    }

    /** A pulled change and the device that wrote it. */
    public record Authored(UUID author, ChangeData change) {
    }

    private final ChangelogStore log;
    private final ConflictStore conflicts;
    private final HybridClock clock;
    private final HeldRows held;
    private final TextMerges textMerges;
    private final ValueMerges valueMerges;
    private final MergedRows rows;

    public RemoteApply(ChangelogStore log, Materializer materializer, ConflictStore conflicts, HybridClock clock,
                       TextMerges textMerges, ValueMerges valueMerges) {
        this.log = log;
        this.textMerges = textMerges;
        this.valueMerges = valueMerges;
        this.held = new HeldRows(log, materializer);
        this.rows = new MergedRows(materializer, held);
        this.conflicts = conflicts;
        this.clock = clock;
    }

    public Stats apply(WriteSession s, UUID author, List<ChangeData> incoming, long nowMillis) throws SQLException {
        return apply(s, author, incoming, nowMillis, Long.MAX_VALUE);
    }

    /**
     * As {@link #apply(WriteSession, UUID, List, long)}, knowing that this device's own changes after
     * local seq {@code unpushedAfter} are not on the remote the batch came from: nobody can have seen
     * them, so a delete in the batch did not see them either, whatever the clock order says.
     */
    public Stats apply(WriteSession s, UUID author, List<ChangeData> incoming, long nowMillis, long unpushedAfter)
            throws SQLException {
        List<Authored> authored = new ArrayList<>(incoming.size());
        for (ChangeData c : incoming) {
            authored.add(new Authored(author, c));
        }
        return applyAll(s, authored, nowMillis, unpushedAfter);
    }

    /**
     * As {@link #apply(WriteSession, UUID, List, long, long)}, for the changes of several batches,
     * possibly of several devices, merged as one: each entity is read once and its row written once,
     * however many of the batches touch it. The changes go in clock order across the batches, which
     * puts every change after each change its device had seen when it was made.
     */
    public Stats applyAll(WriteSession s, List<Authored> incoming, long nowMillis, long unpushedAfter)
            throws SQLException {
        StatementCache sql = s.sql();
        SchemaSnapshot schema = s.schema();
        try (var st = sql.connection().createStatement()) {
            st.execute("PRAGMA defer_foreign_keys = ON");
        }
        List<Authored> sorted = new ArrayList<>(incoming);
        Map<String, Integer> depths = new HashMap<>(); // per table, not per comparison
        sorted.sort(Comparator.<Authored>comparingInt(a -> depths.computeIfAbsent(a.change().table(),
                t -> depth(schema, t, 0))).thenComparing(a -> a.change().id(), Uuid7.ORDER));
        List<ChangeData> ordered = new ArrayList<>(sorted.size());
        for (Authored a : sorted) {
            ordered.add(a.change());
        }
        String[] tables = new String[ordered.size()];
        Map<String, String> rowTables = new LinkedHashMap<>();
        for (int i = 0; i < tables.length; i++) {
            String name = ordered.get(i).table();
            tables[i] = schema.table(name).map(TableInfo::name).orElse(name);
            schema.syncTarget(tables[i]).ifPresent(t -> rowTables.putIfAbsent(t.name(), t.quoted()));
        }
        MergeBatch batch = MergeBatch.load(sql, ordered, tables, rowTables);
        Map<String, Set<String>> touched = new LinkedHashMap<>();
        int pulled = 0;
        int merged = 0;
        int conflictCount = 0;
        long ahead = 0;
        UUID aheadAuthor = null;
        UUID high = log.maxId(sql.connection()); // before any append: see ChangelogStore.maxId
        for (int i = 0; i < tables.length; i++) {
            ChangeData c = ordered.get(i);
            UUID author = sorted.get(i).author();
            String table = tables[i];
            MergeBatch.Entity e = batch.entity(table, c.entity());
            if (batch.has(e, c.id())) {
                continue;
            }
            List<FieldData> fields = new ArrayList<>(c.fields().size());
            for (FieldData f : c.fields()) {
                if (!skipped(f)) {
                    fields.add(f);
                }
            }
            long seq = batch.append(e, c.id(), author, fields);
            pulled++;
            high = high == null || Uuid7.ORDER.compare(c.id(), high) > 0 ? c.id() : high;
            if (!clock.observe(c.id())) {
                // Merged all the same (every device must order changes alike), but the clock does
                // not follow a device that runs far ahead; see HybridClock.
                long by = Uuid7.millis(c.id()) - clock.wallMillis();
                if (by > ahead) {
                    ahead = by;
                    aheadAuthor = author;
                }
            }
            Ancestry ancestry = batch.ancestry(log, e);
            WinnerMap before = e.winners();
            WinnerMap next = null;
            List<MergeChanges.Pending> settled = null;
            for (FieldData f : fields) {
                if (TextMergeField.isHidden(f.name())) {
                    continue;
                }
                Winner cur = batch.winner(e, before, f.name());
                FieldVersion current = cur == null ? null
                        : new FieldVersion(cur.id(), cur.author(), cur.replaces(), cur.merged());
                FieldVersion in = new FieldVersion(c.id(), author, f.replaces(), MergeChanges.mergedIn(fields, f.name()));
                Decision d = LwwMerge.decide(current, in, f.name(), ancestry);
                if (d.incomingWins()) {
                    next = next != null ? next : before.copy();
                    next.put(f.name(), seq, c.id());
                }
                if (d.concurrent() && !SqlValues.same(cur.value(), f.value())) {
                    MergeChanges.Pending m = null;
                    MergeRule rule = valueMerges.rule(table, f.name());
                    if (rule != null) {
                        m = MergeChanges.byRule(rule, f, c.id(), cur, d.incomingWins());
                    } else if (textMerges.mergeable(table, f.name())) {
                        batch.flush(); // the merge base is read from the changelog
                        m = MergeChanges.lines(textMerges, sql, table, c.entity(), f, c.id(), cur, d.incomingWins(),
                                ancestry);
                    }
                    if (m != null && m.changes()) {
                        settled = settled != null ? settled : new ArrayList<>(1);
                        settled.add(m);
                    } else if (m == null) {
                        boolean recorded = conflicts.record(s, kindOf(f.name()), table, c.entity(), f.name(),
                                d.incomingWins() ? seq : cur.seq(), d.incomingWins() ? cur.seq() : seq, nowMillis);
                        conflictCount += recorded ? 1 : 0;
                    }
                }
            }
            conflictCount += editDeleteConflicts(s, batch, e, before, c, author, seq, nowMillis, unpushedAfter);
            if (next != null) {
                e.moveTo(next, seq);
            }
            boolean moved = next != null;
            if (settled != null) {
                MergeChanges.write(batch, clock, textMerges.self(), e, settled);
                moved = true;
            }
            if (moved) {
                merged++;
                touched.computeIfAbsent(table, k -> new TreeSet<>()).add(c.entity());
            }
        }
        batch.flush();
        if (pulled > 0) {
            ChangelogStore.noteHigh(sql.connection(), high);
        }
        rows.write(s, batch, touched);
        if (!touched.isEmpty()) {
            held.retryChildrenOf(s, touched.keySet());
            held.holdOrphans(s);
        }
        return new Stats(pulled, merged, conflictCount, ahead, aheadAuthor);
    }

    private static Conflict.Kind kindOf(String field) {
        return field.equals(Change.DELETED_FIELD) ? Conflict.Kind.EDIT_DELETE : Conflict.Kind.EDIT_EDIT;
    }

    /**
     * An edit and a delete by different devices, where the delete did not see the edit: the entity
     * stays deleted (the tombstone is its own attribute and the edit did not touch it), and the hidden
     * edit is recorded so a person can bring it back. "Did not see" is known in two cases: the edit
     * is later in clock order than the delete, or the edit is this device's own and not pushed yet
     * (edited offline, then another device deleted and emptied the Trash). An earlier edit that was
     * pushed may or may not have been seen; it is not reported, as a delete made after reading it is
     * what the other person meant. The same holds the other way round: this device's own changes
     * merged again after {@code unpushedAfter} (a rebuild from a snapshot, {@code SnapshotRebuild})
     * were never pushed, so a delete already merged did not see them, whatever the clock order says.
     */
    private int editDeleteConflicts(WriteSession s, MergeBatch batch, MergeBatch.Entity e, WinnerMap before,
                                    ChangeData c, UUID author, long seq, long nowMillis, long unpushedAfter)
            throws SQLException {
        String table = e.table;
        int count = 0;
        boolean incomingDeletes = c.fields().stream().anyMatch(f -> f.name().equals(Change.DELETED_FIELD)
                && Long.valueOf(1L).equals(f.value()));
        if (incomingDeletes) {
            for (Winner w : batch.winners(e, before).values()) {
                boolean unseen = Uuid7.ORDER.compare(w.id(), c.id()) > 0
                        || (w.seq() > unpushedAfter && w.author().equals(textMerges.self()));
                if (!w.field().equals(Change.DELETED_FIELD) && !w.author().equals(author) && unseen
                        && !TextMergeField.isHidden(w.field())) {
                    count += conflicts.record(s, Conflict.Kind.EDIT_DELETE, table, c.entity(), w.field(), seq,
                            w.seq(), nowMillis) ? 1 : 0;
                }
            }
            return count;
        }
        Winner deleted = before.get(Change.DELETED_FIELD) == null ? null
                : batch.winner(e, before, Change.DELETED_FIELD);
        boolean unseenOwn = author.equals(textMerges.self()) && seq > unpushedAfter;
        if (deleted != null && Long.valueOf(1L).equals(deleted.value()) && !deleted.author().equals(author)
                && (Uuid7.ORDER.compare(c.id(), deleted.id()) > 0 || unseenOwn)
                && c.fields().stream().noneMatch(f -> f.name().equals(Change.DELETED_FIELD))) {
            for (FieldData f : c.fields()) {
                if (TextMergeField.isHidden(f.name())) {
                    continue;
                }
                count += conflicts.record(s, Conflict.Kind.EDIT_DELETE, table, c.entity(), f.name(), deleted.seq(),
                        seq, nowMillis) ? 1 : 0;
            }
        }
        return count;
    }

    /** Removes rows whose parent is missing, keeping them pending, so the merge can commit. */
    public void holdOrphans(WriteSession s) throws SQLException {
        held.holdOrphans(s);
    }

    /** An attribute no merge records: the id, or a {@code _deleted} that is neither 0 nor 1. */
    public static boolean skipped(FieldData f) {
        return f.name().equalsIgnoreCase("id") || (f.name().equals(Change.DELETED_FIELD)
                && !(Long.valueOf(0L).equals(f.value()) || Long.valueOf(1L).equals(f.value())));
    }

    /** Foreign-key depth: 0 for a table without parents; unknown tables and cycles stop at 8. */
    static int depth(SchemaSnapshot schema, String table, int level) {
        TableInfo t = schema.table(table).orElse(null);
        if (t == null || level >= 8) {
            return level;
        }
        int max = level;
        for (String parent : t.parents()) {
            if (!parent.equalsIgnoreCase(table)) {
                max = Math.max(max, depth(schema, parent, level + 1));
            }
        }
        return max;
    }
}
