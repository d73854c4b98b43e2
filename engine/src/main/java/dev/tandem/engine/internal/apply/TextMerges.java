package dev.tandem.engine.internal.apply;

import dev.tandem.engine.internal.changelog.ChangelogStore;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.merge.Ancestry;
import dev.tandem.engine.internal.merge.LineMerge;
import dev.tandem.engine.internal.merge.VersionWalk;
import dev.tandem.engine.internal.store.StatementCache;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Line-level merging of the text attributes a database marks as mergeable ({@code Db.Builder#mergeText}).
 *
 * <p>When {@link RemoteApply} finds two concurrent versions of such an attribute with different
 * values, it asks here for their merge: the version both descend from is found in the local
 * changelog ({@link VersionWalk#bestCommonAncestors}), and the two texts are merged three ways
 * against its value ({@link LineMerge}), the side with the lower change id as the older. If they merge cleanly, the
 * merge is written as a change of this device ({@link #mergeChange}) that replaces the version last
 * write wins picked and names the other in a hidden attribute ({@link dev.tandem.engine.internal.merge.TextMergeField}). That change
 * syncs like any edit: every device that merges the pair writes the same text, and last write wins
 * between those equal merges changes nothing, so convergence rests on last write wins as before. A
 * device that cannot merge (the common version predates its snapshot, or the texts overlap) keeps
 * last write wins and a conflict, and takes the merge when another device's arrives.
 */
public final class TextMerges {
    /** Versions walked looking for the common one; beyond it, no merge (last write wins). */
    static final int MAX_WALK = 2_000;
    /** How deep crossed merges are unwound for a common base; beyond it, no merge. */
    static final int MAX_DEPTH = 3;
    private static final Object NOT_TEXT = new Object();

    private final ChangelogStore log;
    private final Set<String> mergeable;
    private final Supplier<UUID> self;

    /** {@code tableColumns}: "table.column" names, compared ignoring case; {@code self}: this device's id now. */
    public TextMerges(ChangelogStore log, Set<String> tableColumns, Supplier<UUID> self) {
        this.log = log;
        this.self = self;
        Set<String> lower = new HashSet<>();
        for (String tc : tableColumns) {
            lower.add(tc.toLowerCase(Locale.ROOT));
        }
        this.mergeable = Set.copyOf(lower);
    }

    boolean mergeable(String table, String field) {
        return !mergeable.isEmpty() && mergeable.contains((table + "." + field).toLowerCase(Locale.ROOT));
    }

    UUID self() {
        return self.get();
    }

    /**
     * The clean merge of two concurrent versions {@code a} and {@code b} of one text attribute, or
     * empty: not text, no common version here, overlapping edits, or over {@link LineMerge}'s bounds.
     */
    Optional<String> merge(StatementCache sql, String table, String entity, String field, UUID a, Object valueA,
                           UUID b, Object valueB, Ancestry ancestry) throws SQLException {
        if (!text(valueA) || !text(valueB)) {
            return Optional.empty();
        }
        Optional<String> base = base(sql, table, entity, field, a, b, ancestry, 0);
        if (base.isEmpty()) {
            return Optional.empty();
        }
        return mergeOrdered(base.get(), a, valueA, b, valueB);
    }

    private static Optional<String> mergeOrdered(String base, UUID a, Object valueA, UUID b, Object valueB) {
        boolean aOlder = Uuid7.ORDER.compare(a, b) < 0;
        return LineMerge.merge(base, (String) (aOlder ? valueA : valueB), (String) (aOlder ? valueB : valueA));
    }

    /**
     * The text {@code a} and {@code b} both started from: the value of their best common ancestor,
     * or, when merges crossed and there are two, the merge of those two against their own (git's
     * recursive strategy), so that what both sides already share is not counted as a change of
     * either. Empty when there is none here, more than two, or they do not merge cleanly.
     */
    private Optional<String> base(StatementCache sql, String table, String entity, String field, UUID a, UUID b,
                                  Ancestry ancestry, int depth) throws SQLException {
        List<UUID> best = VersionWalk.bestCommonAncestors(a, b, field, ancestry, MAX_WALK);
        if (best == null || best.isEmpty() || best.size() > 2) {
            return Optional.empty();
        }
        Object first = value(sql, table, entity, best.get(0), field);
        if (first == NOT_TEXT) {
            return Optional.empty();
        }
        if (best.size() == 1) {
            return Optional.of(first == null ? "" : (String) first);
        }
        Object second = value(sql, table, entity, best.get(1), field);
        if (second == NOT_TEXT || depth >= MAX_DEPTH) {
            return Optional.empty();
        }
        Optional<String> below = base(sql, table, entity, field, best.get(0), best.get(1), ancestry, depth + 1);
        return below.isEmpty() ? below : mergeOrdered(below.get(), best.get(0), first, best.get(1), second);
    }

    /** The text version {@code change} wrote to {@code field} (null for none), or {@link #NOT_TEXT}. */
    private Object value(StatementCache sql, String table, String entity, UUID change, String field)
            throws SQLException {
        FieldData f = log.field(sql, table, entity, change, field);
        return f == null || !text(f.value()) ? NOT_TEXT : f.value();
    }

    private static boolean text(Object value) {
        return value == null || value instanceof String;
    }
}
