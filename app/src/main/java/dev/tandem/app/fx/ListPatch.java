package dev.tandem.app.fx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies a patch to a list kept in a known order: the rows with the changed keys go, and the rows
 * that still belong come back at their places. Pure (no toolkit); {@link LiveList} runs it on the
 * FX thread.
 *
 * <p>A row whose new content still sorts between its neighbours is replaced in place with
 * {@code set}, so a list view keeps its selection and any cell being edited; others are removed
 * and inserted by binary search. A few keys cost a scan each; past {@value #SCAN_LIMIT} the new
 * list is built and sorted once and applied as a diff ({@link ListDiff}). The list must already be
 * in {@code order}, as the query that filled it sorted it.
 */
final class ListPatch {
    static final int SCAN_LIMIT = 16;

    private ListPatch() {
    }

    static <T> ListDiff.Stats apply(List<T> target, Set<?> changed, List<T> rows, Comparator<? super T> order,
                                    Function<? super T, ?> key, Consumer<? super T> replaced) {
        if (changed.size() > SCAN_LIMIT) {
            List<T> next = new ArrayList<>(target.size() + rows.size());
            for (T t : target) {
                if (!changed.contains(key.apply(t))) {
                    next.add(t);
                }
            }
            next.addAll(rows);
            next.sort(order);
            return ListDiff.apply(target, next, key, replaced);
        }
        Map<Object, T> incoming = new HashMap<>();
        for (T row : rows) {
            incoming.put(key.apply(row), row);
        }
        int removed = 0;
        int moved = 0;
        int inserted = 0;
        int replacedCount = 0;
        for (Object k : changed) {
            int at = indexOf(target, k, key);
            T row = incoming.get(k);
            if (at >= 0 && row != null && fits(target, at, row, order)) {
                if (!row.equals(target.get(at))) {
                    target.set(at, row);
                    replaced.accept(row);
                    replacedCount++;
                }
                continue;
            }
            if (at >= 0) {
                target.remove(at);
                if (row == null) {
                    removed++;
                    continue;
                }
                moved++;
            } else if (row == null) {
                continue;
            } else {
                inserted++;
            }
            target.add(insertionPoint(target, row, order), row);
        }
        return new ListDiff.Stats(removed, moved, inserted, replacedCount);
    }

    private static <T> int indexOf(List<T> list, Object k, Function<? super T, ?> key) {
        for (int i = 0; i < list.size(); i++) {
            if (k.equals(key.apply(list.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static <T> boolean fits(List<T> list, int at, T row, Comparator<? super T> order) {
        return (at == 0 || order.compare(list.get(at - 1), row) <= 0)
                && (at == list.size() - 1 || order.compare(row, list.get(at + 1)) <= 0);
    }

    /** The first index whose row sorts after {@code row}. */
    private static <T> int insertionPoint(List<T> list, T row, Comparator<? super T> order) {
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (order.compare(list.get(mid), row) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
