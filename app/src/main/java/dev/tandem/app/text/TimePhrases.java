package dev.tandem.app.text;

import static dev.tandem.app.text.GrammarTable.norm;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A time of day, or a span of time, as quick add reads it wherever it stands. English: "2pm", "14:00",
 * "9:30am", "noon", "half past four", "quarter to three"; spans "9-11am", "2pm-3:30pm", "14:00-15:00",
 * "from 7pm to 9pm". A language's own: its table's times ("14 uhr", "14h30", "halb drei", "midi") and
 * spans made of two of them ("9-10 uhr", "von 9 bis 10 uhr", "9h-10h", "de 9h à 11h"). Each may follow the
 * language's "at" word ("at", "@", "um", "à"). A span gives its start and its length.
 *
 * <p>A bare hour ("9") is a time only where the caller says so ({@link Bare}): after a date, with or
 * without "at" at the end of the text ("tomorrow at 9"), with "at" in the middle ("tomorrow at 9 about
 * the lease"); never alone, so "Meet Sam at 9" and "Buy 2" keep their words. A span's first time may
 * leave its unit to the second ("9-11am", "9-10 Uhr"). Said in words, an hour before 7 is in the
 * afternoon ("half past four" is 16:30, "halb drei" 14:30): no one plans a todo for 2:30 at night in words.
 *
 * <p>"am" or "pm" may stand after a space ("9:41 PM", as a calendar or CLDR writes a time, "9 pm", "9-10 am"), but
 * only right after the number: "PM" alone is a word ("call PM about budget").
 */
final class TimePhrases {
    /** The most words a time or span takes, with its "at" or "from" word ("de 9 h à 11 h"). */
    static final int MAX_WORDS = 7;
    private static final Pattern SPAN = Pattern.compile("(.+?)\\s*[-–]\\s*(.+)");
    private static final Pattern SPACED_AM_PM = Pattern.compile("\\d{1,2}(?::\\d{2})? [ap]m");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\d{1,2}(?::\\d{2})?");
    private static final Pattern SPOKEN = Pattern.compile("(half past|quarter past|quarter to) (\\d{1,2}|[a-z]+)");
    private static final Map<String, Integer> HOURS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12));

    private TimePhrases() {
    }

    /** Whether a bare hour ("9") is a time here. */
    enum Bare { NEVER, WITH_AT, ALWAYS }

    /** A time read: how many words it took, the time, and a span's length in minutes (null for a time alone). */
    record Said(int words, LocalTime time, Integer minutes) {
    }

    /** The longest time or span starting at {@code from}; null for none. */
    static Said at(List<QuickAddWord> ws, int from, Bare bare) {
        for (int n = Math.min(MAX_WORDS, ws.size() - from); n >= 1; n--) {
            Said s = of(ws.subList(from, from + n), bare);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    /** The longest time or span ending at {@code end} and starting at {@code min} or later; null for none. */
    static Said before(List<QuickAddWord> ws, int end, int min, Bare bare) {
        for (int n = Math.min(MAX_WORDS, end - min); n >= 1; n--) {
            Said s = of(ws.subList(end - n, end), bare);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static Said of(List<QuickAddWord> phrase, Bare bare) {
        if (QuickAddWord.anyPlain(phrase)) {
            return null;
        }
        return read(QuickAddWord.join(phrase), bare).map(s -> new Said(phrase.size(), s.time(), s.minutes())).orElse(null);
    }

    /** The time or span the whole phrase says; its {@code words} is 0. */
    static Optional<Said> read(String phrase, Bare bare) {
        String p = norm(phrase);
        boolean at = false;
        for (String w : atWords()) {
            if (p.startsWith(w + " ")) {
                p = p.substring(w.length() + 1);
                at = true;
                break;
            }
        }
        boolean from = false;
        if (!at) {
            for (String w : fromWords()) {
                if (p.startsWith(w + " ")) {
                    p = p.substring(w.length() + 1);
                    from = true;
                    break;
                }
            }
        }
        Optional<Said> span = span(p);
        if (span.isPresent() || from) {
            return span;
        }
        return time(p, bare == Bare.ALWAYS || bare == Bare.WITH_AT && at).map(t -> new Said(0, t, null));
    }

    /** "9-11am", "14:00 - 15:00", "7pm to 9pm", "9 bis 10 uhr", "9h à 11h": the start and the length. */
    private static Optional<Said> span(String p) {
        String[] sides = sides(p);
        if (sides == null) {
            return Optional.empty();
        }
        String left = sides[0];
        String right = sides[1];
        Optional<LocalTime> end = time(right, false);
        if (end.isEmpty()) {
            return Optional.empty();
        }
        String unit = LEADING_NUMBER.matcher(right).replaceFirst("");
        Optional<LocalTime> start = time(left, false).or(() -> time(left + unit, false));
        if (start.isEmpty() && unit.isEmpty()) {
            return Optional.empty();
        }
        if (start.isEmpty() || !end.get().isAfter(start.get())) {
            return Optional.empty();
        }
        long minutes = Duration.between(start.get(), end.get()).toMinutes();
        return Optional.of(new Said(0, start.get(), (int) minutes));
    }

    /** A span's two times as said, split at "-" or a word of "to"; null for no span. */
    private static String[] sides(String p) {
        Matcher m = SPAN.matcher(p);
        if (m.matches()) {
            return new String[] {m.group(1), m.group(2)};
        }
        for (String to : toWords()) {
            int i = p.indexOf(" " + to + " ");
            if (i > 0) {
                return new String[] {p.substring(0, i), p.substring(i + to.length() + 2)};
            }
        }
        return null;
    }

    /** A time alone, in English or the language's words; a bare hour when {@code bare}. */
    static Optional<LocalTime> time(String phrase, boolean bare) {
        String p = norm(phrase);
        Optional<LocalTime> english = clock(p);
        if (english.isPresent()) {
            return english;
        }
        Matcher spoken = SPOKEN.matcher(p);
        if (spoken.matches()) {
            Integer h = spoken.group(2).chars().allMatch(Character::isDigit) ? Integer.valueOf(spoken.group(2))
                    : HOURS.get(spoken.group(2));
            if (h != null && h >= 1 && h <= 12) {
                return Optional.of(switch (spoken.group(1)) {
                    case "half past" -> inWords(h, 30);
                    case "quarter past" -> inWords(h, 15);
                    default -> inWords(h - 1, 45);
                });
            }
        }
        Optional<LocalTime> own = Grammar.current().flatMap(g -> g.time(p));
        if (own.isPresent()) {
            return own;
        }
        if (bare && p.matches("\\d{1,2}") && Integer.parseInt(p) <= 23) {
            return Optional.of(LocalTime.of(Integer.parseInt(p), 0));
        }
        return Optional.empty();
    }

    /**
     * English's clock ({@link TodoDraft#time}: "9am", "9:41pm", "18:00", "noon") in one word, or a number and "am" or
     * "pm" after one space ("9:41 pm"); empty for anything else. {@code p} normalised ({@link GrammarTable#norm}).
     */
    static Optional<LocalTime> clock(String p) {
        return p.indexOf(' ') < 0 || SPACED_AM_PM.matcher(p).matches() ? TodoDraft.time(p) : Optional.empty();
    }

    /**
     * An hour said in words on a 12-hour clock: 0 is 12, an hour before 7 is in the afternoon ("halb drei",
     * "half past two": 14:30), 7 to 12 as said.
     */
    static LocalTime inWords(int hour, int minute) {
        int h = hour == 0 ? 12 : hour;
        return LocalTime.of(h < 7 ? h + 12 : h, minute);
    }

    private static List<String> atWords() {
        List<String> own = Grammar.current().map(g -> g.words("at")).orElse(List.of());
        return own.isEmpty() ? List.of("at", "@") : concat(List.of("at", "@"), own);
    }

    private static List<String> fromWords() {
        return concat(List.of("from"), Grammar.current().map(g -> g.words("rangeFrom")).orElse(List.of()));
    }

    private static List<String> toWords() {
        return concat(List.of("to", "until"), Grammar.current().map(g -> g.words("rangeTo")).orElse(List.of()));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }
}
