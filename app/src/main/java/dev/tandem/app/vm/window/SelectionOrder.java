package dev.tandem.app.vm.window;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** The selected rows of a list in the list's order, from the selection's indices: O(k log k) for k of them. */
public final class SelectionOrder {
    private SelectionOrder() {
    }

    /**
     * The items at {@code selectedIndices} (in any order; null and out-of-range indices are skipped),
     * in ascending index order, i.e. as they appear in {@code items}. Sorts the indices and looks each
     * item up by position: no search of the list and no comparison of items.
     */
    public static <T> List<T> inListOrder(Collection<Integer> selectedIndices, List<T> items) {
        int[] sorted = new int[selectedIndices.size()];
        int n = 0;
        int size = items.size();
        for (Integer i : selectedIndices) {
            if (i != null && i >= 0 && i < size) {
                sorted[n++] = i;
            }
        }
        Arrays.sort(sorted, 0, n);
        List<T> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(items.get(sorted[k]));
        }
        return out;
    }
}
