package dev.tandem.engine.internal.merge;

import dev.tandem.engine.internal.clock.Uuid7;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * Walks the versions of one attribute backwards, newest first. Versions form a graph: each names
 * the version it replaced, and a merge also the version it folded in. Every parent's id is lower
 * than its child's (change ids are hybrid-logical-clock readings, and a writer's id follows all it
 * has seen), so visiting in descending id order means that when a version is visited, every path
 * into it from the start has already been walked. Both walks stop after {@code limit} versions and
 * answer "not found", which callers treat as the cautious outcome (concurrent; no merge base).
 */
public final class VersionWalk {
    private static final int FROM_A = 1;
    private static final int FROM_B = 2;
    private static final int BOTH = FROM_A | FROM_B;
    private static final int STALE = 4;

    private VersionWalk() {
    }

    /** Whether {@code target} is an ancestor of {@code version}. */
    static boolean reaches(FieldVersion version, UUID target, String field, Ancestry ancestry, int limit) {
        PriorityQueue<UUID> queue = new PriorityQueue<>(Uuid7.ORDER.reversed());
        Map<UUID, Boolean> queued = new HashMap<>();
        offer(queue, queued, version.replaces());
        offer(queue, queued, version.merged());
        for (int steps = 0; !queue.isEmpty() && steps < limit; steps++) {
            UUID at = queue.poll();
            int c = Uuid7.ORDER.compare(at, target);
            if (c == 0) {
                return true;
            }
            if (c < 0) {
                return false;
            }
            offer(queue, queued, ancestry.replaced(at, field));
            offer(queue, queued, ancestry.merged(at, field));
        }
        return false;
    }

    private static void offer(PriorityQueue<UUID> queue, Map<UUID, Boolean> queued, UUID id) {
        if (id != null && queued.putIfAbsent(id, Boolean.TRUE) == null) {
            queue.add(id);
        }
    }

    /**
     * The newest common ancestor of versions {@code a} and {@code b} (either may be the other's
     * ancestor, then it is the answer), or null when none is found within {@code limit} steps, for
     * example because history before a snapshot is not kept here. Both versions must be known to
     * {@code ancestry}. Deterministic: the same graph gives the same answer on every device.
     */
    public static UUID newestCommonAncestor(UUID a, UUID b, String field, Ancestry ancestry, int limit) {
        PriorityQueue<UUID> queue = new PriorityQueue<>(Uuid7.ORDER.reversed());
        Map<UUID, Integer> marks = new HashMap<>();
        mark(queue, marks, a, FROM_A);
        mark(queue, marks, b, FROM_B);
        for (int steps = 0; !queue.isEmpty() && steps < limit; steps++) {
            UUID at = queue.poll();
            int m = marks.get(at);
            if (m == (FROM_A | FROM_B)) {
                return at;
            }
            mark(queue, marks, ancestry.replaced(at, field), m);
            mark(queue, marks, ancestry.merged(at, field), m);
        }
        return null;
    }

    /**
     * The best common ancestors of {@code a} and {@code b}: common ancestors that are not ancestors
     * of another common ancestor, newest first. Usually one; two or more after merges that crossed
     * (each device merged the same pair its own way). Empty when they share no known version; null
     * when the walk needed more than {@code limit} steps.
     *
     * <p>As in git's merge-base: a version reached from both sides is a candidate unless it was
     * reached through another candidate, which the walk records by marking what lies behind a
     * candidate as stale. The walk ends when only stale versions are left to visit.
     */
    public static List<UUID> bestCommonAncestors(UUID a, UUID b, String field, Ancestry ancestry, int limit) {
        PriorityQueue<UUID> queue = new PriorityQueue<>(Uuid7.ORDER.reversed());
        Map<UUID, Integer> marks = new HashMap<>();
        mark(queue, marks, a, FROM_A);
        mark(queue, marks, b, FROM_B);
        List<UUID> best = new ArrayList<>(2);
        for (int steps = 0; !queue.isEmpty(); steps++) {
            if (steps >= limit) {
                return null;
            }
            if (onlyStale(queue, marks)) {
                break;
            }
            UUID at = queue.poll();
            int m = marks.get(at);
            if ((m & BOTH) == BOTH && (m & STALE) == 0) {
                best.add(at);
                m |= STALE;
            }
            mark(queue, marks, ancestry.replaced(at, field), m);
            mark(queue, marks, ancestry.merged(at, field), m);
        }
        return best;
    }

    private static boolean onlyStale(PriorityQueue<UUID> queue, Map<UUID, Integer> marks) {
        for (UUID id : queue) {
            if ((marks.get(id) & STALE) == 0) {
                return false;
            }
        }
        return true;
    }

    private static void mark(PriorityQueue<UUID> queue, Map<UUID, Integer> marks, UUID id, int m) {
        if (id == null) {
            return;
        }
        Integer before = marks.get(id);
        if (before == null) {
            marks.put(id, m);
            queue.add(id);
        } else {
            marks.put(id, before | m);
        }
    }
}
