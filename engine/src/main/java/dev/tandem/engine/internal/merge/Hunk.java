package dev.tandem.engine.internal.merge;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One side's change in a {@link LineMerge}: ancestor lines [start, end) become {@code lines}; how a
 * side's diff against the ancestor is cut into them, how two of them are ordered and when they
 * overlap, and a side's hunks applied to the ancestor.
 */
record Hunk(int start, int end, List<String> lines) {
    boolean insertion() {
        return start == end;
    }

    /**
     * The hunks turning {@code base} into {@code side}, sorted by start; empty when what is left to
     * diff is over {@link LineMerge#MAX_DIFF_LINES}.
     */
    static Optional<List<Hunk>> diff(List<String> base, List<String> side) {
        int prefix = 0;
        int max = Math.min(base.size(), side.size());
        while (prefix < max && base.get(prefix).equals(side.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && base.get(base.size() - 1 - suffix).equals(side.get(side.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> o = base.subList(prefix, base.size() - suffix);
        List<String> s = side.subList(prefix, side.size() - suffix);
        if (o.size() > LineMerge.MAX_DIFF_LINES || s.size() > LineMerge.MAX_DIFF_LINES) {
            return Optional.empty();
        }
        List<Hunk> hunks = new ArrayList<>();
        if (o.isEmpty() || s.isEmpty()) {
            if (!o.isEmpty() || !s.isEmpty()) {
                hunks.add(new Hunk(prefix, prefix + o.size(), List.copyOf(s)));
            }
            return Optional.of(hunks);
        }
        for (AbstractDelta<String> d : DiffUtils.diff(o, s).getDeltas()) {
            int start = prefix + d.getSource().getPosition();
            List<String> from = d.getSource().getLines();
            List<String> to = d.getTarget().getLines();
            if (from.size() == to.size()) {
                // n lines for n: one hunk per changed line, so that a side that changed two
                // neighbouring lines still agrees with a side that made only one of those changes.
                for (int k = 0; k < from.size(); k++) {
                    if (!from.get(k).equals(to.get(k))) {
                        hunks.add(new Hunk(start + k, start + k + 1, List.of(to.get(k))));
                    }
                }
            } else {
                hunks.add(new Hunk(start, start + from.size(), List.copyOf(to)));
            }
        }
        hunks.sort(Comparator.comparingInt(Hunk::start).thenComparingInt(Hunk::end));
        return Optional.of(hunks);
    }

    static int order(Hunk a, Hunk b) {
        return a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(a.end(), b.end());
    }

    /** Whether two hunks of different sides touch the same ancestor lines (or place). */
    static boolean overlap(Hunk a, Hunk b) {
        if (a.insertion() && b.insertion()) {
            return a.start() == b.start();
        }
        if (a.insertion()) {
            return b.start() < a.start() && a.start() < b.end();
        }
        if (b.insertion()) {
            return a.start() < b.start() && b.start() < a.end();
        }
        return a.start() < b.end() && b.start() < a.end();
    }

    static boolean before(Hunk a, Hunk b) {
        return a.start() != b.start() ? a.start() < b.start() : a.end() <= b.end();
    }

    static List<String> apply(List<String> base, List<Hunk> hunks) {
        List<String> out = new ArrayList<>(base.size());
        int at = 0;
        for (Hunk h : hunks) {
            out.addAll(base.subList(at, h.start()));
            out.addAll(h.lines());
            at = h.end();
        }
        out.addAll(base.subList(at, base.size()));
        return out;
    }
}
