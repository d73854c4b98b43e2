package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.merge.Ancestry;
import dev.tandem.engine.internal.merge.LineMerge;
import dev.tandem.engine.internal.merge.TextMergeField;
import dev.tandem.engine.internal.merge.VersionWalk;
import dev.tandem.engine.internal.store.StatementCache;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Line-level merging of the text attributes a database marks as mergeable ({@code Db.Builder#mergeText}).
 *
 * <p>When {@link RemoteApply} finds two concurrent versions of such an attribute with different
 * values, it asks here for their merge: the newest version both descend from is found in the local
 * changelog ({@link VersionWalk}), and the two texts are merged three ways against its value
 * ({@link LineMerge}), the side with the lower change id as the older. If they merge cleanly, the
 * merge is written as a change of this device ({@link #mergeChange}) that replaces the version last
 * write wins picked and names the other in a hidden attribute ({@link TextMergeField}). That change
 * syncs like any edit: every device that merges the pair writes the same text, and last write wins
 * between those equal merges changes nothing, so convergence rests on last write wins as before. A
 * device that cannot merge (the common version predates its snapshot, or the texts overlap) keeps
 * last write wins and a conflict, and takes the merge when another device's arrives.
 */
public final class TextMerges {
    /** Versions walked looking for the common one; beyond it, no merge (last write wins). */
    static final int MAX_WALK = 2_000;

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
        UUID base = VersionWalk.newestCommonAncestor(a, b, field, ancestry, MAX_WALK);
        if (base == null) {
            return Optional.empty();
        }
        FieldData ancestor = log.field(sql, table, entity, base, field);
        if (ancestor == null || !text(ancestor.value())) {
            return Optional.empty();
        }
        boolean aOlder = Uuid7.ORDER.compare(a, b) < 0;
        return LineMerge.merge((String) ancestor.value(), (String) (aOlder ? valueA : valueB),
                (String) (aOlder ? valueB : valueA));
    }

    private static boolean text(Object value) {
        return value == null || value instanceof String;
    }
}
