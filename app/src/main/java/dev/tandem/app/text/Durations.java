package dev.tandem.app.text;

import dev.tandem.ui.messages.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A todo's length as people type and read it: "30 min", "30m", "1h", "1 hour", "1.5 hours", "1h30",
 * "90 minutes", a bare "45" (minutes); shown as "30 min", "1 h", "1 h 30 min". Quick add, the CLI's
 * {@code --for} and the editor's Length field read it alike. Pure.
 */
public final class Durations {
    /** The longest length taken: a week; more is no todo's length. */
    public static final int MAX_MINUTES = 7 * 24 * 60;

    private static final Pattern HOURS_MINUTES = Pattern.compile(
            "(\\d{1,3}(?:[.,]\\d{1,2})?)\\s*(h|hr|hrs|hour|hours)(?:\\s*(\\d{1,2})\\s*(m|min|mins|minute|minutes)?)?");
    private static final Pattern MINUTES = Pattern.compile("(\\d{1,5})\\s*(m|min|mins|minute|minutes)?");

    private Durations() {
    }

    /** The minutes {@code text} says (1 to a week), in English or the language's units; empty for anything else. */
    public static Optional<Integer> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<Integer> english = english(text);
        return english.isPresent() ? english : Grammar.current().flatMap(g -> g.minutes(text));
    }

    private static Optional<Integer> english(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher h = HOURS_MINUTES.matcher(t);
        long minutes;
        if (h.matches()) {
            double hours = Double.parseDouble(h.group(1).replace(',', '.'));
            int extra = h.group(3) == null ? 0 : Integer.parseInt(h.group(3));
            if (extra > 59) {
                return Optional.empty();
            }
            minutes = Math.round(hours * 60) + extra;
        } else {
            Matcher m = MINUTES.matcher(t);
            if (!m.matches()) {
                return Optional.empty();
            }
            minutes = Long.parseLong(m.group(1));
        }
        return minutes < 1 || minutes > MAX_MINUTES ? Optional.empty() : Optional.of((int) minutes);
    }

    /**
     * How many quick-add words before {@code end} make a length ("for 30 min", "for 1h"): "for", then one or
     * two words with a unit, with a word left before them for the title; 0 for none.
     */
    static int phraseBefore(List<QuickAddWord> words, int end) {
        for (int n = 3; n >= 2; n--) {
            if (end - n < 1) {
                continue;
            }
            List<QuickAddWord> phrase = words.subList(end - n, end);
            String amount = QuickAddWord.join(phrase.subList(1, n));
            boolean forWord = phrase.get(0).is("for") || Grammar.current().map(g -> g.is("for", phrase.get(0))).orElse(false);
            if (forWord && !QuickAddWord.anyPlain(phrase) && amount.chars().anyMatch(Character::isLetter)
                    && parse(amount).isPresent()) {
                return n;
            }
        }
        return 0;
    }

    /** "30 min", "1 h", "1 h 30 min". */
    public static String format(int minutes) {
        int h = minutes / 60;
        int m = minutes % 60;
        if (h == 0) {
            return Messages.text("text.length.minutes", m);
        }
        return m == 0 ? Messages.text("text.length.hours", h)
                : Messages.text("text.length.hoursMinutes", h, m);
    }
}
