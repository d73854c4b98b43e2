package dev.tandem.engine.internal.merge;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Three-way merge of text at line level: pure functions, no I/O.
 *
 * <p>Each side is diffed against the common ancestor (java-diff-utils' Myers diff) into hunks, each
 * replacing a range of the ancestor's lines. Hunks of different sides that touch different lines
 * are all applied. The result is a function of (ancestor, older side, newer side) only, where
 * "older" is the side with the lower change id, so every device that merges the same pair gets the
 * same text:
 * <ul>
 *   <li>a hunk that replaces n lines by n others is split into one hunk per changed line, and the
 *       same hunk on both sides is applied once, so two devices that made some of the same edits
 *       (as merges of merges do) agree on them;</li>
 *   <li>two pure insertions at the same place are both kept, the older side's first (two devices
 *       that each appended a line keep both lines);</li>
 *   <li>anything else that overlaps, such as two edits of one line or an edit of a line the other
 *       side deleted, is a conflict: {@link #merge} returns empty and the caller falls back to last
 *       write wins.</li>
 * </ul>
 *
 * <p>Lines are split on {@code \n} only, so a {@code \r} stays part of its line and a text ending in a
 * newline has an empty last line: appending after it is an insertion, not an edit of the last line.
 *
 * <p>Cost is bounded so that a pathological note cannot stall a sync: the lines every side shares
 * at both ends are set aside first (linear), and when what remains of a side is longer than
 * {@link #MAX_DIFF_LINES} lines, or any text is over {@link #MAX_CHARS} characters, the merge is
 * not attempted (empty, so last write wins). Myers' diff costs O((N + M) D), so the bound keeps
 * one merge to a few tens of milliseconds.
 */
public final class LineMerge {
    /** Longest text merged, in characters; longer ones fall back to last write wins. */
    public static final int MAX_CHARS = 1 << 20;
    /** Most lines of a side left to diff once the shared lines at both ends are set aside. */
    public static final int MAX_DIFF_LINES = 4_000;

    private LineMerge() {
    }

    /** One side's change: ancestor lines [start, end) become {@code lines}. */
    record Hunk(int start, int end, List<String> lines) {
        boolean insertion() {
            return start == end;
        }
    }

    /**
     * The merged text, or empty when the sides overlap or the texts are over the bounds. A null
     * value counts as the empty text.
     */
    public static Optional<String> merge(String ancestor, String older, String newer) {
        String base = ancestor == null ? "" : ancestor;
        String a = older == null ? "" : older;
        String b = newer == null ? "" : newer;
        if (a.equals(b)) {
            return Optional.of(a);
        }
        if (base.length() > MAX_CHARS || a.length() > MAX_CHARS || b.length() > MAX_CHARS) {
            return Optional.empty();
        }
        if (a.equals(base)) {
            return Optional.of(b);
        }
        if (b.equals(base)) {
            return Optional.of(a);
        }
        List<String> o = lines(base);
        List<String> left = lines(a);
        List<String> right = lines(b);
        Optional<List<Hunk>> ha = hunks(o, left);
        Optional<List<Hunk>> hb = hunks(o, right);
        if (ha.isEmpty() || hb.isEmpty()) {
            return Optional.empty();
        }
        return combine(ha.get(), hb.get()).map(all -> apply(o, all));
    }

    static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    /** The hunks turning {@code base} into {@code side}, sorted by start; empty when over the bound. */
    static Optional<List<Hunk>> hunks(List<String> base, List<String> side) {
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
        if (o.size() > MAX_DIFF_LINES || s.size() > MAX_DIFF_LINES) {
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

    /**
     * Both sides' hunks as one sorted, non-overlapping list, or empty on a conflict. Equal hunks
     * count once; same-place insertions join, older first.
     */
    static Optional<List<Hunk>> combine(List<Hunk> older, List<Hunk> newer) {
        List<Hunk> out = new ArrayList<>(older.size() + newer.size());
        int i = 0;
        int j = 0;
        while (i < older.size() || j < newer.size()) {
            Hunk a = i < older.size() ? older.get(i) : null;
            Hunk b = j < newer.size() ? newer.get(j) : null;
            if (a != null && b != null) {
                if (a.equals(b)) {
                    out.add(a);
                    i++;
                    j++;
                    continue;
                }
                if (a.insertion() && b.insertion() && a.start() == b.start()) {
                    List<String> both = new ArrayList<>(a.lines());
                    both.addAll(b.lines());
                    out.add(new Hunk(a.start(), a.start(), both));
                    i++;
                    j++;
                    continue;
                }
                if (overlap(a, b)) {
                    return Optional.empty();
                }
            }
            Hunk next = b == null || (a != null && before(a, b)) ? a : b;
            if (next == a) {
                i++;
            } else {
                j++;
            }
            if (!out.isEmpty() && overlap(out.get(out.size() - 1), next)) {
                return Optional.empty();
            }
            out.add(next);
        }
        return Optional.of(out);
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

    private static boolean before(Hunk a, Hunk b) {
        return a.start() != b.start() ? a.start() < b.start() : a.end() <= b.end();
    }

    private static String apply(List<String> base, List<Hunk> hunks) {
        List<String> out = new ArrayList<>(base.size());
        int at = 0;
        for (Hunk h : hunks) {
            out.addAll(base.subList(at, h.start()));
            out.addAll(h.lines());
            at = h.end();
        }
        out.addAll(base.subList(at, base.size()));
        return String.join("\n", out);
    }
}
