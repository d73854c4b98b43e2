package dev.tandem.app.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

    /** The text starts with {@link #NOTE_PREFIX}, in any case. */
    public static boolean isNote(String text) {
        String t = text == null ? "" : text.stripLeading();
        return t.regionMatches(true, 0, NOTE_PREFIX, 0, NOTE_PREFIX.length());
    }

    /** The text after {@link #NOTE_PREFIX} (stripped); the text itself when it is no note. */
    public static String withoutNotePrefix(String text) {
        return isNote(text) ? text.stripLeading().substring(NOTE_PREFIX.length()).strip() : text;
    }

    /** Whether the word names a list ("#Work"). */
    static boolean isListWord(String w) {
        return w.length() > 1 && w.startsWith("#");
    }

    /** The index of the last "#name" word, the one that picks the list; -1 when there is none. */
    static int lastListWord(List<String> words) {
        for (int i = words.size() - 1; i >= 0; i--) {
            if (isListWord(words.get(i))) {
                return i;
            }
        }
        return -1;
    }

    public static QuickAdd parse(String text, LocalDate today) {
        boolean note = isNote(text);
        String input = text == null ? "" : withoutNotePrefix(text).strip();
        List<String> words = new ArrayList<>(Arrays.asList(input.isEmpty() ? new String[0] : input.split("\\s+")));
        String listName = null;
        int list = lastListWord(words);
        if (list >= 0) {
            listName = words.remove(list).substring(1);
        }
        if (note) {
            return new QuickAdd(String.join(" ", words), null, listName, true);
        }
        LocalDate due = null;
        // Try the longest tail first: up to four words ("due in 3 days").
        for (int n = Math.min(4, words.size() - 1); n >= 1; n--) {
            String tail = String.join(" ", words.subList(words.size() - n, words.size()));
            Optional<LocalDate> d = DatePhrases.parse(tail, today);
            if (d.isPresent()) {
                due = d.get();
                words = new ArrayList<>(words.subList(0, words.size() - n));
                break;
            }
        }
        // A trailing "due"/"on"/"by" left over from "... due fri" is dropped.
        if (due != null && words.size() > 1) {
            String last = words.get(words.size() - 1).toLowerCase(Locale.ROOT);
            if (last.equals("by") || last.equals("on") || last.equals("due")) {
                words.remove(words.size() - 1);
            }
        }
        return new QuickAdd(String.join(" ", words), due, listName);
    }
}
