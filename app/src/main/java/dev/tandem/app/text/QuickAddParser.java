package dev.tandem.app.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits what was typed into the quick-add field into a title, a due date and a list. A date phrase
 * (see {@link DatePhrases}) counts only at the end of the text, so "Call Monday Ltd about invoice"
 * keeps its title; the longest phrase wins ("next fri" over "fri"). A word "#name" picks the list
 * called name; with several, the last one does and the others stay in the title as typed ("#L1 #L2":
 * list L2, title "#L1"), so no word vanishes. If nothing but a date is left, the date stays in the title.
 *
 * <p>Text that starts with "note:" (any case) is a plain note: the rest is its title, "#name" still picks
 * the list, and no date is read, since a note is never due ("note: ideas for tomorrow" keeps its words).
 */
public final class QuickAddParser {
    /** What starts a note in quick add and {@code tandem add}. */
    public static final String NOTE_PREFIX = "note:";

    private QuickAddParser() {
    }

    /** The text starts with {@link #NOTE_PREFIX} or the language's own ("notiz:"), in any case. */
    public static boolean isNote(String text) {
        return notePrefixLength(text) > 0;
    }

    /** The length of the note prefix the text starts with; 0 for none. */
    static int notePrefixLength(String text) {
        String t = text == null ? "" : text.stripLeading();
        if (t.regionMatches(true, 0, NOTE_PREFIX, 0, NOTE_PREFIX.length())) {
            return NOTE_PREFIX.length();
        }
        return Math.max(0, Grammar.current().map(g -> g.notePrefix(t)).orElse(0));
    }

    /** The text after the note prefix (stripped); the text itself when it is no note. */
    public static String withoutNotePrefix(String text) {
        return isNote(text) ? text.stripLeading().substring(notePrefixLength(text)).strip() : text;
    }

    /** Whether the word names a list ("#Work"); a plain word names none. */
    static boolean isListWord(QuickAddWord w) {
        return !w.plain() && w.text().length() > 1 && w.text().startsWith("#");
    }

    /** The index of the last "#name" word, the one that picks the list; -1 when there is none. */
    static int lastListWord(List<QuickAddWord> words) {
        for (int i = words.size() - 1; i >= 0; i--) {
            if (isListWord(words.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Where the note prefix starts in {@code text}; -1 when the text is no note. */
    static int notePrefixAt(String text) {
        if (!isNote(text)) {
            return -1;
        }
        int i = 0;
        while (Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    public static QuickAdd parse(String text, LocalDate today) {
        int prefix = notePrefixAt(text);
        List<QuickAddWord> words = QuickAddWord.split(text, prefix < 0 ? 0 : prefix + notePrefixLength(text), List.of());
        return parse(words, prefix >= 0, today, new ArrayList<>());
    }

    /**
     * The base parse of words (without the note prefix): the list word and, for a todo, the trailing date
     * phrase come out; each adds its token to {@code tokens}. Plain words are read as nothing, and plain
     * words at the very end are passed over when looking for the date ("Buy milk tomorrow p2", "p2" plain:
     * due tomorrow, title "Buy milk p2").
     */
    static QuickAdd parse(List<QuickAddWord> words, boolean note, LocalDate today, List<QuickAddToken> tokens) {
        words = new ArrayList<>(words);
        String listName = null;
        int list = lastListWord(words);
        if (list >= 0) {
            QuickAddWord w = words.remove(list);
            listName = w.text().substring(1);
            tokens.add(new QuickAddToken(QuickAddToken.Kind.LIST, w.start(), w.end(), w.text()));
        }
        if (note) {
            return new QuickAdd(QuickAddWord.title(words), null, listName, true);
        }
        int last = words.size();
        while (last > 0 && words.get(last - 1).plain()) {
            last--;
        }
        LocalDate due = null;
        // Try the longest tail first: up to four words ("due in 3 days"), with a word left for the title.
        for (int n = Math.min(4, Math.min(last, words.size() - 1)); n >= 1; n--) {
            List<QuickAddWord> tail = words.subList(last - n, last);
            if (QuickAddWord.anyPlain(tail)) {
                continue;
            }
            Optional<LocalDate> d = DatePhrases.parse(QuickAddWord.join(tail), today);
            if (d.isPresent()) {
                due = d.get();
                int from = tail.get(0).start();
                int to = tail.get(n - 1).end();
                tail.clear();
                // A "due"/"on"/"by" left over from "... due fri" is dropped.
                int before = last - n - 1;
                if (before >= 0 && words.size() > 1) {
                    QuickAddWord c = words.get(before);
                    if (c.is("by") || c.is("on") || c.is("due")
                            || Grammar.current().map(g -> g.is("dateConnectors", c)).orElse(false)) {
                        words.remove(before);
                        from = c.start();
                    }
                }
                tokens.add(new QuickAddToken(QuickAddToken.Kind.DATE, from, to, DueDates.format(due, today)));
                break;
            }
        }
        return new QuickAdd(QuickAddWord.title(words), due, listName);
    }
}
