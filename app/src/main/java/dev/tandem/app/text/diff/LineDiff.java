package dev.tandem.app.text.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MeyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.tandem.app.text.diff.DiffLine.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The line diff of an old and a new text: the runs of lines both share and the blocks where they
 * differ, as rows for display (with long unchanged runs folded) and as blocks for a merge.
 *
 * <p>java-diff-utils computes it (Myers' algorithm in linear space) on the lines between the
 * common start and end, each line mapped to a number first so comparing two lines is comparing two
 * ints. The comparisons are counted: two long texts with little in common would otherwise keep a
 * thread busy for seconds, so past {@link #BUDGET} the differing middle is shown as one replaced
 * block ({@link #coarse()}), which is still a true account of both texts.
 */
public final class LineDiff {
    /** Unchanged lines shown on each side of a change; the rest of an unchanged run folds. */
    public static final int CONTEXT = 3;
    /** Rows laid out before the rest folds into "… N more lines" (each expand shows this many more). */
    public static final int PAGE = 200;
    static final long BUDGET = 30_000_000L;

    /** Lines both texts share ({@code same}), or a block where they differ (old lines, then new). */
    public record Block(boolean same, List<String> old, List<String> neu) {
        public Block {
            old = List.copyOf(old);
            neu = List.copyOf(neu);
        }
    }

    private final TextLines old;
    private final TextLines neu;
    private final List<Block> blocks;
    private final boolean coarse;

    private LineDiff(TextLines old, TextLines neu, List<Block> blocks, boolean coarse) {
        this.old = old;
        this.neu = neu;
        this.blocks = List.copyOf(blocks);
        this.coarse = coarse;
    }

    public static LineDiff of(String oldText, String newText) {
        return of(oldText, newText, BUDGET);
    }

    static LineDiff of(String oldText, String newText, long budget) {
        TextLines a = TextLines.of(oldText);
        TextLines b = TextLines.of(newText);
        List<String> x = a.lines();
        List<String> y = b.lines();
        int pre = 0;
        while (pre < x.size() && pre < y.size() && x.get(pre).equals(y.get(pre))) {
            pre++;
        }
        int suf = 0;
        while (suf < x.size() - pre && suf < y.size() - pre
                && x.get(x.size() - 1 - suf).equals(y.get(y.size() - 1 - suf))) {
            suf++;
        }
        List<Block> blocks = new ArrayList<>();
        add(blocks, true, x.subList(0, pre), List.of());
        List<String> midX = x.subList(pre, x.size() - suf);
        List<String> midY = y.subList(pre, y.size() - suf);
        boolean coarse = false;
        if (!midX.isEmpty() && !midY.isEmpty()) {
            try {
                middle(blocks, midX, midY, budget);
            } catch (OverBudget e) {
                coarse = true;
                add(blocks, false, midX, midY);
            }
        } else {
            add(blocks, false, midX, midY);
        }
        add(blocks, true, x.subList(x.size() - suf, x.size()), List.of());
        return new LineDiff(a, b, merged(blocks), coarse);
    }

    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super("line diff over its comparison budget", null, false, false);
        }
    }

    private static void middle(List<Block> out, List<String> x, List<String> y, long budget) {
        Map<String, Integer> ids = new HashMap<>();
        List<Integer> a = new ArrayList<>(x.size());
        List<Integer> b = new ArrayList<>(y.size());
        x.forEach(s -> a.add(ids.computeIfAbsent(s, k -> ids.size())));
        y.forEach(s -> b.add(ids.computeIfAbsent(s, k -> ids.size())));
        long[] count = {0};
        BiPredicate<Integer, Integer> equal = (p, q) -> {
            if (++count[0] > budget) {
                throw new OverBudget();
            }
            return p.intValue() == q.intValue();
        };
        Patch<Integer> patch = DiffUtils.diff(a, b, new MeyersDiffWithLinearSpace<>(equal), null, false);
        int i = 0;
        for (AbstractDelta<Integer> d : patch.getDeltas()) {
            int at = d.getSource().getPosition();
            add(out, true, x.subList(i, at), List.of());
            int t = d.getTarget().getPosition();
            add(out, false, x.subList(at, at + d.getSource().size()), y.subList(t, t + d.getTarget().size()));
            i = at + d.getSource().size();
        }
        add(out, true, x.subList(i, x.size()), List.of());
    }

    private static void add(List<Block> out, boolean same, List<String> old, List<String> neu) {
        if (!old.isEmpty() || !neu.isEmpty()) {
            out.add(new Block(same, old, same ? old : neu));
        }
    }

    /** Neighbouring blocks of one kind as one (deltas can touch). */
    private static List<Block> merged(List<Block> in) {
        List<Block> out = new ArrayList<>();
        for (Block b : in) {
            Block last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.same() == b.same()) {
                List<String> o = new ArrayList<>(last.old());
                o.addAll(b.old());
                List<String> n = new ArrayList<>(last.neu());
                n.addAll(b.neu());
                out.set(out.size() - 1, new Block(b.same(), o, n));
            } else {
                out.add(b);
            }
        }
        return out;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public TextLines oldText() {
        return old;
    }

    public TextLines newText() {
        return neu;
    }

    /** True when the differing middle was too costly to diff line by line and shows as one block. */
    public boolean coarse() {
        return coarse;
    }

    /** True when both texts have the same lines (their line breaks may still differ). */
    public boolean sameLines() {
        return blocks.stream().allMatch(Block::same);
    }

    public int removedLines() {
        return blocks.stream().filter(b -> !b.same()).mapToInt(b -> b.old().size()).sum();
    }

    public int addedLines() {
        return blocks.stream().filter(b -> !b.same()).mapToInt(b -> b.neu().size()).sum();
    }

    /** Every row, nothing folded: shared lines, then per differing block its old lines and its new ones. */
    public List<DiffLine> rows() {
        List<DiffLine> out = new ArrayList<>();
        for (Block b : blocks) {
            if (b.same()) {
                b.old().forEach(s -> out.add(DiffLine.of(Kind.SAME, s)));
                continue;
            }
            // Lines at the same place in both sides of a block are paired for word marks.
            int paired = Math.min(b.old().size(), b.neu().size());
            List<DiffLine> added = new ArrayList<>();
            for (int i = 0; i < b.old().size(); i++) {
                if (i < paired) {
                    WordDiff.Pair p = WordDiff.of(b.old().get(i), b.neu().get(i));
                    out.add(new DiffLine(Kind.REMOVED, p.old(), List.of()));
                    added.add(new DiffLine(Kind.ADDED, p.neu(), List.of()));
                } else {
                    out.add(DiffLine.of(Kind.REMOVED, b.old().get(i)));
                }
            }
            for (int i = paired; i < b.neu().size(); i++) {
                added.add(DiffLine.of(Kind.ADDED, b.neu().get(i)));
            }
            out.addAll(added);
        }
        return out;
    }

    /**
     * The rows to lay out: unchanged runs keep {@link #CONTEXT} lines next to each change and fold
     * the rest (a fold of a single line is not worth a click, so such a line just shows); after
     * {@link #PAGE} rows the rest folds as well.
     */
    public List<DiffLine> display() {
        return page(foldUnchanged(rows()));
    }

    static List<DiffLine> foldUnchanged(List<DiffLine> rows) {
        List<DiffLine> out = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            if (rows.get(i).kind() != Kind.SAME) {
                out.add(rows.get(i++));
                continue;
            }
            int end = i;
            while (end < rows.size() && rows.get(end).kind() == Kind.SAME) {
                end++;
            }
            int head = i == 0 ? 0 : CONTEXT;
            int tail = end == rows.size() ? 0 : CONTEXT;
            int hidden = end - i - head - tail;
            if (hidden >= 2) {
                out.addAll(rows.subList(i, i + head));
                out.add(DiffLine.fold(rows.subList(i + head, end - tail)));
                out.addAll(rows.subList(end - tail, end));
            } else {
                out.addAll(rows.subList(i, end));
            }
            i = end;
        }
        return out;
    }

    /** The first {@link #PAGE} rows and, when more follow, one fold holding the rest. */
    public static List<DiffLine> page(List<DiffLine> rows) {
        if (rows.size() <= PAGE + 1) {
            return rows;
        }
        List<DiffLine> out = new ArrayList<>(rows.subList(0, PAGE));
        out.add(DiffLine.fold(rows.subList(PAGE, rows.size())));
        return out;
    }
}
