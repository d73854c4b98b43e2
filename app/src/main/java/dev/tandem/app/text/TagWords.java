package dev.tandem.app.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The "@tag" words of a title: "@" and then a letter or digit ("@home", "@2027"), wherever the word stands.
 * Only at a word's start, so "bob@example.com" stays a word. Quick add ({@link TodoDraft}) takes them out
 * of what was typed; an importer takes them out of a title that carries its labels inline (Todoist's CSV
 * writes "Plan the garden @outdoors"), so both read the same words as tags.
 */
public final class TagWords {
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
        if (tags.isEmpty() || words.isEmpty()) {
            return new Split(text == null ? "" : text, List.of());
        }
        return new Split(QuickAddWord.join(words), tags);
    }

    /** Takes the tag words out of {@code words}, adding a token for each, and returns the tags in order. */
    static List<String> take(List<QuickAddWord> words, List<QuickAddToken> tokens) {
        List<String> tags = new ArrayList<>();
        words.removeIf(w -> {
            boolean tag = !w.plain() && isTag(w.text());
            if (tag) {
                tags.add(w.text().substring(1));
                tokens.add(new QuickAddToken(QuickAddToken.Kind.TAG, w.start(), w.end(), w.text()));
            }
            return tag;
        });
        return tags;
    }

    private static boolean isTag(String w) {
        return w.length() > 1 && w.startsWith("@") && Character.isLetterOrDigit(w.codePointAt(1));
    }
}
