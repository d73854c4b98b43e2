package dev.tandem.app.text;

import static dev.tandem.app.text.GrammarTable.norm;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a day a date may carry: "tomorrow morning", "friday evening", "heute Abend", "demain
 * soir", and the words that are a day and its part at once ("tonight", "this evening", "ce soir"). A
 * part is a time: morning 9:00, afternoon 15:00, evening 19:00, night 22:00 (Todoist's morning, evening
 * and night; its afternoon is noon, which here is a time of its own). English is read here; a language's
 * words come from its table ({@code quickadd.partOfDay.*}).
 *
 * <p>A part counts only after a date, never alone: "Morning pages" and "Den Abend genießen" keep their
 * words. A phrase of several words that is a part by itself ("ce soir", "this evening") is also a date
 * (today) and gives its time.
 */
final class DayParts {
    static final LocalTime MORNING = LocalTime.of(9, 0);
    static final LocalTime AFTERNOON = LocalTime.of(15, 0);
    static final LocalTime EVENING = LocalTime.of(19, 0);
    static final LocalTime NIGHT = LocalTime.of(22, 0);
    /** The table's keys and their times, in the order they are tried. */
    static final Map<String, LocalTime> KEYS = keys();
    private static final Map<String, LocalTime> ENGLISH = Map.of(
            "morning", MORNING, "in the morning", MORNING, "afternoon", AFTERNOON, "in the afternoon", AFTERNOON,
            "evening", EVENING, "in the evening", EVENING, "night", NIGHT, "at night", NIGHT);
    /** English words that are today and a part of it at once. */
    private static final Map<String, LocalTime> ENGLISH_TODAY = Map.of(
            "tonight", EVENING, "this morning", MORNING, "this afternoon", AFTERNOON, "this evening", EVENING);

    private DayParts() {
    }

    private static Map<String, LocalTime> keys() {
        Map<String, LocalTime> m = new LinkedHashMap<>();
        m.put("partOfDay.morning", MORNING);
        m.put("partOfDay.afternoon", AFTERNOON);
        m.put("partOfDay.evening", EVENING);
        m.put("partOfDay.night", NIGHT);
        return m;
    }

    /** A date phrase split into the date and the part of the day after it. */
    record Split(String date, LocalTime time) {
    }

    /** The time of a part of the day said alone ("evening", "abends"); empty for anything else. */
    static Optional<LocalTime> part(String phrase) {
        String p = norm(phrase);
        LocalTime english = ENGLISH.get(p);
        if (english != null) {
            return Optional.of(english);
        }
        return Grammar.current().flatMap(g -> g.partOfDay(p));
    }

    /** "tomorrow morning": the date's words and the part's time; empty when the phrase does not end in a part. */
    static Optional<Split> split(String phrase) {
        String p = norm(phrase);
        String[] w = p.split(" ");
        // Parts are one to three words ("in the morning"); the date before them at least one.
        for (int n = Math.min(3, w.length - 1); n >= 1; n--) {
            String tail = String.join(" ", List.of(w).subList(w.length - n, w.length));
            Optional<LocalTime> t = part(tail);
            if (t.isPresent()) {
                return Optional.of(new Split(String.join(" ", List.of(w).subList(0, w.length - n)), t.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * The time a date phrase says besides its day: its part ("friday evening": 19:00), or the part it is
     * ("tonight", "ce soir": 19:00); empty for a date without one ("tomorrow", "morgen").
     */
    static Optional<LocalTime> of(String datePhrase) {
        String p = norm(datePhrase);
        LocalTime today = ENGLISH_TODAY.get(p);
        if (today != null) {
            return Optional.of(today);
        }
        // A language's "ce soir": a part of several words that is also a date.
        if (p.indexOf(' ') > 0) {
            Optional<LocalTime> whole = Grammar.current().flatMap(g -> g.partOfDay(p));
            if (whole.isPresent()) {
                return whole;
            }
        }
        return split(p).map(Split::time);
    }
}
