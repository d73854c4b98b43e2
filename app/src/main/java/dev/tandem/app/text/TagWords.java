package dev.tandem.app.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "@tag" words of a title: "@" and then a letter or digit ("@home", "@2027"), wherever the word stands.
 * Only at a word's start (after an opening bracket or quote at most), so "bob@example.com" stays a word. Quick add ({@link TodoDraft}) takes them out
 * of what was typed; an importer takes them out of a title that carries its labels inline (Todoist's CSV
 * writes "Plan the garden @outdoors"), so both read the same words as tags.
 */
public final class TagWords {
    /**
     * A tag word: opening brackets or quotes, "@", a letter or digit and what follows it, then the closing
     * punctuation the name does not keep.
     */
    private static final Pattern TAG = Pattern.compile(
            "([(\\[{\"“‘'«]*)@([\\p{L}\\p{N}]\\S*?)([)\\]}\"”’'»,.;:!?…]*)");
    /** Brackets that go with the tag they hold alone. */
    private static final Set<String> PAIRS = Set.of("()", "[]", "{}");

    private TagWords() {
    }

    /** A title with its tag words taken out, and the tags in the order they stood. */
    public record Split(String title, List<String> tags) {
        public Split {
            tags = List.copyOf(tags);
        }
    }

    /**
     * The tags of {@code text} and the words left, joined by single spaces as quick add joins them. Text that
     * holds no tags, or nothing but tags ("@SUM(A1:A9)" from a spreadsheet), is kept as it is, without tags:
     * a todo needs a title, and what was written is better than none.
     */
    public static Split split(String text) {
        List<QuickAddWord> words = QuickAddWord.split(text);
        List<String> tags = take(words, new ArrayList<>());
        if (tags.isEmpty() || words.stream().allMatch(QuickAddWord::plain)) {
            return new Split(text == null ? "" : text, List.of());
        }
        return new Split(QuickAddWord.title(words), tags);
    }

    /**
     * Takes the tag words out of {@code words}, adding a token for each, and returns the tags in order. A tag
     * never takes the punctuation around it ("@errand)", "@home,", "(@phone)"): that stays in the title, joined
     * to its neighbour as typed, and a bracket pair around a tag alone goes with it.
     */
    static List<String> take(List<QuickAddWord> words, List<QuickAddToken> tokens) {
        List<String> tags = new ArrayList<>();
        List<QuickAddWord> out = new ArrayList<>(words.size());
        for (QuickAddWord w : words) {
            Matcher m = w.plain() ? null : TAG.matcher(w.text());
            if (m == null || !m.matches()) {
                out.add(w);
                continue;
            }
            String lead = m.group(1);
            String trail = m.group(3);
            int at = w.start() + lead.length();
            tags.add(m.group(2));
            tokens.add(new QuickAddToken(QuickAddToken.Kind.TAG, at, at + 1 + m.group(2).length(), "@" + m.group(2)));
            if (PAIRS.contains(lead + trail)) {
                continue;
            }
            if (!lead.isEmpty()) {
                out.add(new QuickAddWord(lead, w.start(), at, true, QuickAddWord.Glue.AFTER));
            }
            if (!trail.isEmpty()) {
                out.add(new QuickAddWord(trail, w.end() - trail.length(), w.end(), true, QuickAddWord.Glue.BEFORE));
            }
        }
        words.clear();
        words.addAll(out);
        return tags;
    }
}
