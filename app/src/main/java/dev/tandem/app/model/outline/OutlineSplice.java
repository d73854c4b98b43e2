package dev.tandem.app.model.outline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two outlines as the sink last got it and as it is now: at {@code from}, {@code removed}
 * lines go and {@code lines} come in their place. {@link #between} finds the lines that stayed equal at both
 * ends, so a move, a fold or an edit in a list of 10,000 todos hands over a few lines, not 10,000.
 */
public record OutlineSplice(int from, int removed, List<Outline.Line> lines) {
    /**
     * Below this many lines touched a single splice is fine; above it, a run that stayed equal in the middle
     * (the lines a move jumped over) is looked for and left out.
     */
    static final int SPLIT_ABOVE = 64;

    /** A run in the middle shorter than this is not worth a second splice. */
    static final int MIN_RUN = 16;

    public OutlineSplice {
        lines = List.copyOf(lines);
    }

    /**
     * The splices that turn {@code before} into {@code after}, to apply in order (each to what the one before
     * it left); none when they are equal. Two lines are the same when they are equal (same todo or section,
     * depth and counts), which implies the same key. One splice covers what lies between the equal ends;
     * when that is long, the longest run that stayed equal inside it (the lines a moved todo jumped over, found
     * by key) is kept out, and the two sides of it are a splice each.
     */
    public static List<OutlineSplice> between(List<Outline.Line> before, List<Outline.Line> after) {
        int nb = before.size();
        int na = after.size();
        int p = 0;
        while (p < nb && p < na && before.get(p).equals(after.get(p))) {
            p++;
        }
        int s = 0;
        while (s < nb - p && s < na - p && before.get(nb - 1 - s).equals(after.get(na - 1 - s))) {
            s++;
        }
        int m = nb - p - s;
        int k = na - p - s;
        if (m == 0 && k == 0) {
            return List.of();
        }
        if (m + k > SPLIT_ABOVE && m > 0 && k > 0) {
            List<OutlineSplice> split = aroundRun(before.subList(p, nb - s), after.subList(p, na - s), p);
            if (split != null) {
                return split;
            }
        }
        return List.of(new OutlineSplice(p, m, after.subList(p, na - s)));
    }

    /**
     * The longest run of lines equal in both at one offset (a diagonal), and the splices on each side of it,
     * with {@code at} the index both middles start at; null when no run is long enough.
     */
    private static List<OutlineSplice> aroundRun(List<Outline.Line> old, List<Outline.Line> now, int at) {
        Map<String, Integer> oldAt = new HashMap<>(Math.max(16, old.size() * 4 / 3 + 1));
        for (int j = 0; j < old.size(); j++) {
            oldAt.put(old.get(j).key(), j);
        }
        int bestLen = 0;
        int bestI = -1;
        int bestJ = -1;
        int runLen = 0;
        int runI = -1;
        int runJ = -1;
        for (int i = 0; i < now.size(); i++) {
            Integer j = oldAt.get(now.get(i).key());
            boolean same = j != null && old.get(j).equals(now.get(i));
            if (same && runLen > 0 && j == runJ + runLen && i == runI + runLen) {
                runLen++;
            } else if (same) {
                runI = i;
                runJ = j;
                runLen = 1;
            } else {
                runLen = 0;
            }
            if (runLen > bestLen) {
                bestLen = runLen;
                bestI = runI;
                bestJ = runJ;
            }
        }
        if (bestLen < MIN_RUN) {
            return null;
        }
        List<OutlineSplice> out = new ArrayList<>(2);
        if (bestJ > 0 || bestI > 0) {
            out.add(new OutlineSplice(at, bestJ, now.subList(0, bestI)));
        }
        int afterRun = bestI + bestLen;
        int oldLeft = old.size() - bestJ - bestLen;
        if (oldLeft > 0 || afterRun < now.size()) {
            out.add(new OutlineSplice(at + afterRun, oldLeft, now.subList(afterRun, now.size())));
        }
        return out;
    }
}
