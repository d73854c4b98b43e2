package dev.tandem.app.text.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.tandem.app.text.diff.DiffLine.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks the words that differ between two versions of one line, so "Book flights to Lisbon" against
 * "Book flights to Porto" highlights only the city. Words, runs of spaces and single punctuation
 * marks are the units compared (Myers, from java-diff-utils).
 */
public final class WordDiff {
    /** Lines longer than this are compared as lines only: word marks would cost more than they tell. */
    static final int MAX_CHARS = 2_000;
    /** Below this share of unchanged characters the lines are simply different, and marking words is noise. */
    private static final double MIN_SHARED = 0.3;
    private static final Pattern TOKEN = Pattern.compile("\\w+|\\s+|[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS);

    /** The two lines' segments, old first; both unmarked when marks would not help. */
    public record Pair(List<Segment> old, List<Segment> neu) {
    }

    private WordDiff() {
    }

    public static Pair of(String old, String neu) {
        List<Segment> plainOld = List.of(new Segment(old, false));
        List<Segment> plainNew = List.of(new Segment(neu, false));
        if (old.length() > MAX_CHARS || neu.length() > MAX_CHARS || old.isEmpty() || neu.isEmpty()) {
            return new Pair(plainOld, plainNew);
        }
        List<String> a = tokens(old);
        List<String> b = tokens(neu);
        Patch<String> patch = DiffUtils.diff(a, b);
        boolean[] changedA = new boolean[a.size()];
        boolean[] changedB = new boolean[b.size()];
        for (AbstractDelta<String> d : patch.getDeltas()) {
            for (int i = 0; i < d.getSource().size(); i++) {
                changedA[d.getSource().getPosition() + i] = true;
            }
            for (int i = 0; i < d.getTarget().size(); i++) {
                changedB[d.getTarget().getPosition() + i] = true;
            }
        }
        int shared = 0;
        for (int i = 0; i < a.size(); i++) {
            if (!changedA[i]) {
                shared += a.get(i).length();
            }
        }
        if (shared < MIN_SHARED * Math.max(old.length(), neu.length())) {
            return new Pair(plainOld, plainNew);
        }
        return new Pair(segments(a, changedA), segments(b, changedB));
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * Joins neighbouring tokens with the same mark. A space between two changed words is marked too,
     * so "to Lisbon (TAP" reads as one highlighted phrase rather than three.
     */
    private static List<Segment> segments(List<String> tokens, boolean[] changed) {
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (!changed[i] && changed[i - 1] && changed[i + 1] && tokens.get(i).isBlank()) {
                changed[i] = true;
            }
        }
        List<Segment> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean runChanged = false;
        for (int i = 0; i < tokens.size(); i++) {
            if (run.length() > 0 && changed[i] != runChanged) {
                out.add(new Segment(run.toString(), runChanged));
                run.setLength(0);
            }
            runChanged = changed[i];
            run.append(tokens.get(i));
        }
        if (run.length() > 0) {
            out.add(new Segment(run.toString(), runChanged));
        }
        return out;
    }
}
