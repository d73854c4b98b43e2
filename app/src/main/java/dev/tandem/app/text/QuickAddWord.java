package dev.tandem.app.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word of the quick-add text with where it stands ({@code [start, end)} in the typed text) and whether
 * the user marked it plain text ({@link PlainSpan}): a plain word is read as nothing but title.
 */
record QuickAddWord(String text, int start, int end, boolean plain) {
    private static final Pattern WORD = Pattern.compile("\\S+");

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

    /** The words' texts joined by single spaces. */
    static String join(List<QuickAddWord> words) {
        StringBuilder b = new StringBuilder();
        for (QuickAddWord w : words) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(w.text);
        }
        return b.toString();
    }

    /** Any of the words is plain. */
    static boolean anyPlain(List<QuickAddWord> words) {
        return words.stream().anyMatch(QuickAddWord::plain);
    }

    /** The word is {@code s}, in any case, and not plain. */
    boolean is(String s) {
        return !plain && text.equalsIgnoreCase(s);
    }
}
