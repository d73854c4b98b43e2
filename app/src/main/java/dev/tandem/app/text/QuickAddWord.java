package dev.tandem.app.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word of the quick-add text with where it stands ({@code [start, end)} in the typed text) and whether
 * the user marked it plain text ({@link PlainSpan}): a plain word is read as nothing but title.
 *
 * <p>{@code glue} is for punctuation left when a tag is taken out of a word ("@home," leaves ","): it is
 * joined to the word before it ({@link Glue#BEFORE}) or after it ({@link Glue#AFTER}) without a space, as
 * it was typed, and is plain, so nothing reads it as a detail.
 */
record QuickAddWord(String text, int start, int end, boolean plain, Glue glue) {
    private static final Pattern WORD = Pattern.compile("\\S+");
    /** Separators that mean nothing at either end of a title ("Buy milk @home, @errand."). */
    private static final Pattern SEPARATOR = Pattern.compile("[,;:.!?…]+");

    /** How a word joins its neighbours. */
    enum Glue { NONE, BEFORE, AFTER }

    QuickAddWord(String text, int start, int end, boolean plain) {
        this(text, start, end, plain, Glue.NONE);
    }

    /** The words of {@code typed} from offset {@code from}, split on white space as quick add always did. */
    static List<QuickAddWord> split(String typed, int from, Collection<PlainSpan> marks) {
        List<QuickAddWord> words = new ArrayList<>();
        Matcher m = WORD.matcher(typed == null ? "" : typed);
        m.region(Math.min(from, m.regionEnd()), m.regionEnd());
        while (m.find()) {
            int s = m.start();
            int e = m.end();
            words.add(new QuickAddWord(m.group(), s, e, marks.stream().anyMatch(p -> p.overlaps(s, e))));
        }
        return words;
    }

    static List<QuickAddWord> split(String typed) {
        return split(typed, 0, List.of());
    }

    /** The words' texts joined by single spaces; glued punctuation without one, as it was typed. */
    static String join(List<QuickAddWord> words) {
        StringBuilder b = new StringBuilder();
        boolean glueNext = false;
        for (QuickAddWord w : words) {
            if (!b.isEmpty() && w.glue != Glue.BEFORE && !glueNext) {
                b.append(' ');
            }
            b.append(w.text);
            glueNext = w.glue == Glue.AFTER;
        }
        return b.toString();
    }

    /**
     * A title made of the words: as {@link #join}, without the separators a taken-out tag left at either end
     * ("Buy milk @home, @errand." is "Buy milk").
     */
    static String title(List<QuickAddWord> words) {
        List<QuickAddWord> ws = new ArrayList<>(words);
        while (!ws.isEmpty() && ws.get(ws.size() - 1).glue != Glue.NONE && SEPARATOR.matcher(ws.get(ws.size() - 1).text).matches()) {
            ws.remove(ws.size() - 1);
        }
        while (!ws.isEmpty() && ws.get(0).glue != Glue.NONE && SEPARATOR.matcher(ws.get(0).text).matches()) {
            ws.remove(0);
        }
        return join(ws);
    }

    /** Any of the words is plain. */
    static boolean anyPlain(List<QuickAddWord> words) {
        return words.stream().anyMatch(QuickAddWord::plain);
    }

    /** The same word, read as nothing but title, joined to its neighbour as {@code g} says. */
    QuickAddWord glued(Glue g) {
        return new QuickAddWord(text, start, end, true, g);
    }

    /** The word is {@code s}, in any case, and not plain. */
    boolean is(String s) {
        return !plain && text.equalsIgnoreCase(s);
    }
}
