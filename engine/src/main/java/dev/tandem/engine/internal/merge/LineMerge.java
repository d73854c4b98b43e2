package dev.tandem.engine.internal.merge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 *   <li>two pure insertions at the same place are both kept, in the order of their text, not of
 *       the sides' age: devices merge concurrent versions in different pairs (each meets them in
 *       its own order), and an order by age differed between those pairs, so devices wrote
 *       different merges and passed new ones back and forth for several syncs;</li>
 *   <li>a merge that would hold a non-blank line more often than either side is refused
 *       ({@link #doubles});</li>
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
        Optional<List<Hunk>> ha = Hunk.diff(o, left);
        Optional<List<Hunk>> hb = Hunk.diff(o, right);
        if (ha.isEmpty() || hb.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<Hunk>> all = combine(o, ha.get(), hb.get());
        if (all.isEmpty()) {
            return Optional.empty();
        }
        List<String> merged = Hunk.apply(o, all.get());
        return doubles(merged, left, right) ? Optional.empty() : Optional.of(String.join("\n", merged));
    }

    /**
     * Whether two texts hold the same lines, each as often, in any order. Merges of the same edits
     * made in different pairs can differ only so, when three or more devices inserted at one place
     * (block order is by text, but a block from an earlier merge is compared whole); such versions
     * are settled by last write wins rather than merged again, which would write yet another
     * arrangement on each device.
     */
    public static boolean sameLines(String a, String b) {
        if (a == null || b == null || a.length() != b.length()) {
            return a == null ? b == null : a.equals(b);
        }
        List<String> x = new ArrayList<>(lines(a));
        List<String> y = new ArrayList<>(lines(b));
        x.sort(null);
        y.sort(null);
        return x.equals(y);
    }

    /**
     * Whether the merge holds a non-blank line more often than either side does. Both sides adding
     * the same line is what a merge of merges looks like when the common version found is older than
     * what the two really share (merges crossed); taking both would show the line twice, so the
     * caller falls back to last write wins. Two devices that type the same new line independently
     * get a conflict rather than a doubled line.
     */
    static boolean doubles(List<String> merged, List<String> left, List<String> right) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : merged) {
            if (!line.isBlank()) {
                counts.merge(line, 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > 1 && e.getValue() > Math.max(count(left, e.getKey()), count(right, e.getKey()))) {
                return true;
            }
        }
        return false;
    }

    private static int count(List<String> lines, String line) {
        int n = 0;
        for (String l : lines) {
            n += l.equals(line) ? 1 : 0;
        }
        return n;
    }

    static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    /**
     * Both sides' hunks as one sorted, non-overlapping list, or empty on a conflict. Hunks are
     * grouped into clusters that overlap or touch; a cluster with one side's hunks takes them, one
     * with both sides' is settled by {@link #resolve}.
     */
    static Optional<List<Hunk>> combine(List<String> base, List<Hunk> older, List<Hunk> newer) {
        List<Hunk> out = new ArrayList<>(older.size() + newer.size());
        int i = 0;
        int j = 0;
        while (i < older.size() || j < newer.size()) {
            boolean takeOlder = j >= newer.size() || (i < older.size() && Hunk.before(older.get(i), newer.get(j)));
            Hunk first = takeOlder ? older.get(i) : newer.get(j);
            int end = first.end();
            int i0 = i;
            int j0 = j;
            if (takeOlder) {
                i++;
            } else {
                j++;
            }
            boolean grew = true;
            while (grew) {
                grew = false;
                if (i < older.size() && older.get(i).start() <= end) {
                    end = Math.max(end, older.get(i++).end());
                    grew = true;
                }
                if (j < newer.size() && newer.get(j).start() <= end) {
                    end = Math.max(end, newer.get(j++).end());
                    grew = true;
                }
            }
            List<Hunk> a = older.subList(i0, i);
            List<Hunk> b = newer.subList(j0, j);
            if (a.isEmpty() || b.isEmpty()) {
                out.addAll(a.isEmpty() ? b : a);
                continue;
            }
            Optional<List<Hunk>> settled = resolve(base, first.start(), end, a, b);
            if (settled.isEmpty()) {
                return Optional.empty();
            }
            out.addAll(settled.get());
        }
        return Optional.of(out);
    }

    /**
     * One cluster [from, to) of the ancestor that both sides changed: the hunks that stand for it,
     * or empty on a conflict. In order:
     * <ol>
     *   <li>both sides turned it into the same lines: take them;</li>
     *   <li>the hunks are compatible (equal ones, or not overlapping, and no new line comes from
     *       both): apply all, two insertions at one place ordered by their text;</li>
     *   <li>otherwise, set aside the lines both sides' versions start and end with (a merge of
     *       merges shares some edits) and decide the rest: if one side left it as the ancestor had
     *       it, take the other's, else it is a conflict.</li>
     * </ol>
     */
    static Optional<List<Hunk>> resolve(List<String> base, int from, int to, List<Hunk> older, List<Hunk> newer) {
        List<String> o = base.subList(from, to);
        List<String> a = region(base, from, to, older);
        List<String> b = region(base, from, to, newer);
        if (a.equals(b)) {
            return Optional.of(List.of(new Hunk(from, to, a)));
        }
        Optional<List<Hunk>> both = compatible(older, newer);
        if (both.isPresent()) {
            return both;
        }
        int prefix = 0;
        int max = Math.min(a.size(), b.size());
        while (prefix < max && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        int basePrefix = 0;
        while (basePrefix < Math.min(prefix, o.size()) && o.get(basePrefix).equals(a.get(basePrefix))) {
            basePrefix++;
        }
        int baseSuffix = 0;
        while (baseSuffix < Math.min(suffix, o.size() - basePrefix)
                && o.get(o.size() - 1 - baseSuffix).equals(a.get(a.size() - 1 - baseSuffix))) {
            baseSuffix++;
        }
        List<String> midO = o.subList(basePrefix, o.size() - baseSuffix);
        List<String> midA = a.subList(prefix, a.size() - suffix);
        List<String> midB = b.subList(prefix, b.size() - suffix);
        List<String> mid;
        if (midA.equals(midO)) {
            mid = midB;
        } else if (midB.equals(midO)) {
            mid = midA;
        } else {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>(a.subList(0, prefix));
        lines.addAll(mid);
        lines.addAll(a.subList(a.size() - suffix, a.size()));
        return Optional.of(List.of(new Hunk(from, to, lines)));
    }

    /** Ancestor lines [from, to) with one side's hunks (all inside the range) applied. */
    private static List<String> region(List<String> base, int from, int to, List<Hunk> hunks) {
        List<String> out = new ArrayList<>();
        int at = from;
        for (Hunk h : hunks) {
            out.addAll(base.subList(at, h.start()));
            out.addAll(h.lines());
            at = h.end();
        }
        out.addAll(base.subList(at, to));
        return out;
    }

    /**
     * Both sides' hunks of one cluster merged, when equal hunks aside they do not overlap and add
     * no line in common (a line both added in different places would be doubled); else empty.
     */
    private static Optional<List<Hunk>> compatible(List<Hunk> older, List<Hunk> newer) {
        List<Hunk> restA = new ArrayList<>(older);
        List<Hunk> restB = new ArrayList<>(newer);
        List<Hunk> shared = new ArrayList<>();
        for (Hunk h : older) {
            if (restB.remove(h)) {
                restA.remove(h);
                shared.add(h);
            }
        }
        Set<String> added = new HashSet<>();
        for (Hunk h : restA) {
            added.addAll(h.lines());
        }
        for (Hunk h : restB) {
            for (String line : h.lines()) {
                if (added.contains(line)) {
                    return Optional.empty();
                }
            }
        }
        List<Hunk> out = new ArrayList<>(shared);
        for (Hunk a : restA) {
            for (Hunk b : restB) {
                if (Hunk.overlap(a, b) && !(a.insertion() && b.insertion())) {
                    return Optional.empty();
                }
            }
        }
        List<Hunk> merged = new ArrayList<>();
        for (Hunk a : restA) {
            Hunk joined = a;
            for (Iterator<Hunk> it = restB.iterator(); it.hasNext(); ) {
                Hunk b = it.next();
                if (a.insertion() && b.insertion() && a.start() == b.start()) {
                    boolean aFirst = String.join("\n", a.lines()).compareTo(String.join("\n", b.lines())) <= 0;
                    List<String> both = new ArrayList<>(aFirst ? a.lines() : b.lines());
                    both.addAll(aFirst ? b.lines() : a.lines());
                    joined = new Hunk(a.start(), a.start(), both);
                    it.remove();
                }
            }
            merged.add(joined);
        }
        merged.addAll(restB);
        out.addAll(merged);
        out.sort(Hunk::order);
        for (int k = 1; k < out.size(); k++) {
            if (out.get(k).start() < out.get(k - 1).end()
                    || (out.get(k).insertion() && out.get(k - 1).insertion() && out.get(k).start() == out.get(k - 1).start())) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }
}
