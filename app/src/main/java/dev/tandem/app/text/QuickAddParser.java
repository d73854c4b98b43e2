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
 * called name. If nothing but a date is left, the date stays in the title.
 */
public final class QuickAddParser {
    private QuickAddParser() {
    }

    public static QuickAdd parse(String text, LocalDate today) {
        String input = text == null ? "" : text.strip();
        List<String> words = new ArrayList<>(Arrays.asList(input.isEmpty() ? new String[0] : input.split("\\s+")));
        String listName = null;
        for (int i = words.size() - 1; i >= 0; i--) {
            String w = words.get(i);
            if (w.length() > 1 && w.startsWith("#")) {
                if (listName == null) {
                    listName = w.substring(1);
                }
                words.remove(i);
            }
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
