package dev.tandem.engine.internal.merge;

import dev.tandem.engine.internal.clock.Uuid7;
import java.util.UUID;

/**
 * Per-attribute last-write-wins: pure functions, no I/O.
 *
 * <p>Winner: the version with the greater change id; equal ids (which UUIDv7's 62 random bits make
 * practically impossible) fall back to the greater author. The order is total, so any set of
 * versions has one winner whatever order they arrive in, and applying a version twice changes
 * nothing: merge converges and is idempotent.
 *
 * <p>Concurrency: each version names the version it replaced. Version B has seen version A when
 * A is on B's replace chain. Because change ids are hybrid-logical-clock readings, a chain's ids
 * strictly decrease, so the walk stops as soon as it passes below A's id. Two versions by the same
 * author are never concurrent: a device always sees its own writes. A merge change has a second
 * parent, the version it folded in ({@link TextMergeField}); the walk follows both
 * ({@link VersionWalk}).
 */
public final class LwwMerge {
    /** Longest replace chain walked; beyond it versions count as concurrent (a false positive at worst). */
    static final int MAX_WALK = 10_000;

    private LwwMerge() {
    }

    public static int compare(FieldVersion a, FieldVersion b) {
        int c = Uuid7.ORDER.compare(a.id(), b.id());
        return c != 0 ? c : Uuid7.ORDER.compare(a.author(), b.author());
    }

    public static Decision decide(FieldVersion current, FieldVersion incoming, String field, Ancestry ancestry) {
        if (current == null) {
            return new Decision(true, false);
        }
        if (current.id().equals(incoming.id()) && current.author().equals(incoming.author())) {
            return new Decision(false, false);
        }
        boolean wins = compare(incoming, current) > 0;
        boolean concurrent = !current.author().equals(incoming.author())
                && !hasSeen(incoming, current.id(), field, ancestry)
                && !hasSeen(current, incoming.id(), field, ancestry);
        return new Decision(wins, concurrent);
    }

    /** Whether {@code target} is an ancestor of {@code version}: on its replace chain or behind a merge on it. */
    static boolean hasSeen(FieldVersion version, UUID target, String field, Ancestry ancestry) {
        return VersionWalk.reaches(version, target, field, ancestry, MAX_WALK);
    }
}
