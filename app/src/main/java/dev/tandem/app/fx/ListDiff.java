package dev.tandem.app.fx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * Brings a list to a new state in place, with row-level operations keyed by id, so that elements
 * that did not change are never removed and re-added: a list view keeps its selection, scroll
 * position and any cell being edited. Pure (no toolkit); {@link LiveList} runs it on the FX thread.
 *
 * <p>The steps: remove elements whose key is gone; find the longest run of survivors that is
 * already in the new order (a longest increasing subsequence) and take the others out, as they
 * moved; then walk the new list, replacing changed elements with {@code set} and inserting new and
 * moved ones at their positions. Keys must be unique in {@code next}; a later duplicate is dropped.
 */
public final class ListDiff {
    private ListDiff() {
    }

    /** What {@link #apply} did, for tests and logging. */
    public record Stats(int removed, int moved, int inserted, int replaced) {
    }

    public static <T> Stats apply(List<T> target, List<? extends T> nextIn, Function<? super T, ?> key) {
        return apply(target, nextIn, key, replacedRow -> { });
    }

    /**
     * As {@link #apply(List, List, Function)}, and hands each element that replaced a changed one
     * (same key, new content) to {@code replaced}, so a listener can follow the rows it shows
     * without scanning the list.
     */
    public static <T> Stats apply(List<T> target, List<? extends T> nextIn, Function<? super T, ?> key,
                                  Consumer<? super T> replaced) {
        List<T> next = dedupe(nextIn, key);
        if (target.isEmpty()) {
            // First load: one change event, not one per row.
            if (!next.isEmpty()) {
                target.addAll(next);
            }
            return new Stats(0, 0, next.size(), 0);
        }
        if (isPrefix(target, next)) {
            // The rest of a result whose first page is shown: one append, no maps.
            int added = next.size() - target.size();
            target.addAll(next.subList(target.size(), next.size()));
            return new Stats(0, 0, added, 0);
        }
        Map<Object, Integer> posInNext = new HashMap<>(next.size() * 2);
        for (int i = 0; i < next.size(); i++) {
            posInNext.put(key.apply(next.get(i)), i);
        }
        // 1. Remove elements whose key is gone, contiguous runs at once (backwards, so indexes stay valid).
        int removed = removeRuns(target, i -> !posInNext.containsKey(key.apply(target.get(i))));
        // 2. Keep the longest run already in order; take out the rest (they moved).
        int[] pos = new int[target.size()];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = posInNext.get(key.apply(target.get(i)));
        }
        boolean[] keep = longestIncreasing(pos);
        int moved = removeRuns(target, i -> !keep[i]);
        // 3. Walk the new order: replace changed elements, insert new and moved ones (runs at once).
        int inserted = 0;
        int replacedCount = 0;
        int i = 0;
        while (i < next.size()) {
            T n = next.get(i);
            if (i < target.size() && Objects.equals(key.apply(target.get(i)), key.apply(n))) {
                if (!Objects.equals(target.get(i), n)) {
                    target.set(i, n);
                    replacedCount++;
                    replaced.accept(n);
                }
                i++;
                continue;
            }
            // A run of rows to insert here: up to the next row that is already in place.
            Object anchor = i < target.size() ? key.apply(target.get(i)) : null;
            int j = i;
            while (j < next.size() && (anchor == null || !Objects.equals(key.apply(next.get(j)), anchor))) {
                j++;
            }
            if (j - i == 1) {
                target.add(i, n);
            } else {
                target.addAll(i, next.subList(i, j));
            }
            inserted += j - i;
            i = j;
        }
        // Nothing should be left over; be safe anyway.
        if (target.size() > next.size()) {
            removed += target.size() - next.size();
            target.subList(next.size(), target.size()).clear();
        }
        return new Stats(removed, moved, inserted - moved, replacedCount);
    }

    /** Whether {@code next} starts with exactly the elements of {@code target} (and is longer). */
    private static <T> boolean isPrefix(List<T> target, List<? extends T> next) {
        if (target.size() >= next.size()) {
            return false;
        }
        for (int i = 0; i < target.size(); i++) {
            if (!Objects.equals(target.get(i), next.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Removes the elements at the indexes {@code drop} accepts, one call per contiguous run. */
    private static <T> int removeRuns(List<T> target, IntPredicate drop) {
        int count = 0;
        int i = target.size() - 1;
        while (i >= 0) {
            if (!drop.test(i)) {
                i--;
                continue;
            }
            int end = i + 1;
            while (i >= 0 && drop.test(i)) {
                i--;
            }
            int start = i + 1;
            if (end - start == 1) {
                target.remove(start);
            } else {
                target.subList(start, end).clear();
            }
            count += end - start;
        }
        return count;
    }

    private static <T> List<T> dedupe(List<? extends T> in, Function<? super T, ?> key) {
        Set<Object> seen = new HashSet<>(in.size() * 2);
        List<T> out = new ArrayList<>(in.size());
        for (T t : in) {
            if (seen.add(key.apply(t))) {
                out.add(t);
            }
        }
        return out;
    }

    /** Marks one longest strictly increasing subsequence of {@code a} (patience sorting, O(n log n)). */
    static boolean[] longestIncreasing(int[] a) {
        int n = a.length;
        boolean[] keep = new boolean[n];
        if (n == 0) {
            return keep;
        }
        int[] tailIdx = new int[n];
        int[] prev = new int[n];
        Arrays.fill(prev, -1);
        int len = 0;
        for (int i = 0; i < n; i++) {
            int lo = 0;
            int hi = len;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[tailIdx[mid]] < a[i]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (lo > 0) {
                prev[i] = tailIdx[lo - 1];
            }
            tailIdx[lo] = i;
            if (lo == len) {
                len++;
            }
        }
        for (int i = tailIdx[len - 1]; i >= 0; i = prev[i]) {
            keep[i] = true;
        }
        return keep;
    }
}
