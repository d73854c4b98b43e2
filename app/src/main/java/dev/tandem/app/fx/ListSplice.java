package dev.tandem.app.fx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One change to a list whose producer knows what it last handed over: at {@code from}, {@code removed} rows
 * go and {@code rows} come in their place. A producer that compares its new result with its last one (off
 * the UI thread) hands over only what changed, so applying it costs the change, not the list: no key of
 * the other rows is looked at. Several splices of one change apply in order, each to the list the one
 * before it left.
 */
public record ListSplice<T>(int from, int removed, List<T> rows) {
    public ListSplice {
        if (from < 0 || removed < 0) {
            throw new IllegalArgumentException("a splice at " + from + " removing " + removed);
        }
        rows = List.copyOf(rows);
    }

    /**
     * Applies {@code splices} in order, so a list view keeps every row outside them as it was: in a
     * {@link RowList} the rows that take the places of as many removed ones as one replacement, then the
     * removal or insertion of the rest; in another list a removal and an insertion. A row that comes back
     * with the key of one the same splices took out is no new row: it counts as moved, and as replaced
     * (handed to {@code replaced}) when its content changed.
     */
    static <T> ListDiff.Stats apply(List<T> target, List<ListSplice<T>> splices, Function<? super T, ?> key,
                                    Consumer<? super T> replaced) {
        Map<Object, T> out = new HashMap<>();
        int removed = 0;
        int inserted = 0;
        for (ListSplice<T> s : splices) {
            if (s.from() + s.removed() > target.size()) {
                throw new IllegalStateException("a splice at " + s.from() + " removing " + s.removed()
                        + " from a list of " + target.size() + ": it was computed against other rows");
            }
            for (T t : target.subList(s.from(), s.from() + s.removed())) {
                out.put(key.apply(t), t);
            }
            removed += s.removed();
            inserted += s.rows().size();
            // As many rows as go and come are replaced in place (one change: a list view redraws only those
            // cells); the rest goes or comes after them.
            int same = target instanceof RowList<T> ? Math.min(s.removed(), s.rows().size()) : 0;
            if (same > 0) {
                ((RowList<T>) target).replace(s.from(), s.rows().subList(0, same));
            }
            int at = s.from() + same;
            if (s.removed() > same) {
                target.subList(at, s.from() + s.removed()).clear();
            }
            if (s.rows().size() > same) {
                target.addAll(at, s.rows().subList(same, s.rows().size()));
            }
        }
        int moved = 0;
        int replacedCount = 0;
        if (!out.isEmpty()) {
            for (ListSplice<T> s : splices) {
                for (T row : s.rows()) {
                    T was = out.remove(key.apply(row));
                    if (was == null) {
                        continue;
                    }
                    if (Objects.equals(was, row)) {
                        moved++;
                    } else {
                        replacedCount++;
                        replaced.accept(row);
                    }
                }
            }
        }
        return new ListDiff.Stats(removed - moved - replacedCount, moved, inserted - moved - replacedCount,
                replacedCount);
    }
}
