package dev.tandem.app.web;

import static dev.tandem.engine.testing.GoldenOut.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.testing.KeptVectors;
import dev.tandem.app.text.DueDates;
import dev.tandem.app.text.RepeatPhrases;
import dev.tandem.engine.testing.GoldenOut;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors of dates and rules in words, in each language the page speaks, for the page as its own device: its
 * rows say their due day, time and length as the desktop's {@link DueDates} does, its rows and editor show a todo's
 * rule as {@link Recurrence#describe} does, with the words {@link PageWords} sends ({@code dates}), and its editor
 * reads the repeat field as {@link RepeatPhrases#field} does in that language (English too, as on the desktop). The
 * JS core's app/due-labels.js and app/edits.js are the second implementation; test/date-words-golden.test.js
 * replays these. Each language's case holds its words exactly as /messages.json carries them; every rule of a
 * generated set with the desktop's words for it (or none for a rule it does not read); typed phrases (each
 * description read back, and the language's own ways of saying a rule) with the rule the desktop makes of them, or
 * none, and that rule's first day from a fixed today (a todo without a date starts there); and seeded due dates (around today, across the year's end, far off), times and lengths with the row's due
 * label and time label. Written with {@code -Dtandem.writeVectors=true}, else compared.
 */
@Tag("unit")
class DateWordsGoldenTest {
    static final Path VECTORS = Path.of("..", "ui-resources", "src", "main", "js", "tandem-sync", "test", "vectors",
            "date-words.json").toAbsolutePath().normalize();
    private static final Map<Language, List<String>> TYPED = Map.of(
            Language.ENGLISH, List.of("every monday", "weekly", "2 weeks", "every month on the 31st", "every other fri",
                    "daily", "every blursday", "  EVERY   Day ", "every weekday", "every mon, wed and fri",
                    "every 2 weeks on tue, thu", "fortnightly", "yearly", "monday", "every 0 days", "jeden Montag",
                    "tous les jours", "monthly on the 2nd", "every 3 months on the 31st", "yearly on december 24",
                    "every other year on feb 29", "2 years on sep 1", "every year on feb 30", "every week on the 2nd",
                    "every month on foo 12", "every year on jun 15", ""),
            Language.GERMAN, List.of("jeden Tag", "täglich", "jeden 2. Tag", "alle 2 Tage", "jede Woche", "wöchentlich",
                    "jeden Montag", "Montag", "jeden Mo, Mi", "alle 2 Wochen am Di, Do", "jeden Monat am 15.",
                    "monatlich", "jährlich", "jeden Werktag", "2 Wochen", "jeden Blursday", "every monday",
                    "alle 0 Tage", "jeden 3. Monat", "jedes Jahr am 24. Dez", "tous les jours", "jährlich am 24. Dezember",
                    "jeden 2. Monat am 15.", "alle 2 Jahre am 29. Feb.", "alle 2 Monate am 32.", "jedes Jahr am 30. Feb.",
                    "every year on dec 24", "jedes Jahr am 15. März", ""),
            Language.FRENCH, List.of("tous les jours", "chaque jour", "tous les 2 jours", "toutes les semaines",
                    "chaque lundi", "lundi", "toutes les 2 semaines le mar., jeu.", "tous les mois le 1er",
                    "tous les ans", "tous les jours ouvrés", "tous les mois", "every day", "chaque blursday",
                    "tous les 0 jours", "toutes les 3 semaines", "jeden Montag", "chaque année le 1er mai",
                    "un mois sur 2 le 15", "tous les 2 ans le 29 févr.", "tous les ans le 30 févr.",
                    "every 2 months on the 2nd", "tous les ans le 15 août", ""));

    /** The day a rule set in the field starts from when the todo has no date ({@link Recurrence#first}). */
    private static final LocalDate FIRST_FROM = LocalDate.of(2026, 6, 15);

    @Test
    void describeAndField_everyLanguage_asTheVectorsSay() throws IOException {
        List<Object> languages = new ArrayList<>();
        for (Language l : List.of(Language.ENGLISH, Language.GERMAN, Language.FRENCH)) {
            languages.add(language(l));
        }
        String text = GoldenOut.json(obj("languages", languages)) + "\n";
        KeptVectors.writeOrCompare(VECTORS, text, "edits.js");
    }

    @Test
    void field_germanEveryOtherDay_readsADailyRuleOfTwo() {
        assertEquals("FREQ=DAILY;INTERVAL=2", Messages.in(Language.GERMAN,
                () -> RepeatPhrases.field("jeden 2. Tag").map(Recurrence::toRule).orElse(null)));
        assertNull(Messages.in(Language.ENGLISH, () -> RepeatPhrases.field("jeden 2. Tag").orElse(null)),
                "German is read where German is spoken only");
    }

    private static Map<String, Object> language(Language l) {
        List<Object> described = new ArrayList<>();
        Set<String> typed = new LinkedHashSet<>(TYPED.get(l));
        for (String rule : rules()) {
            String words = Messages.in(l, () -> Recurrence.parse(rule).map(Recurrence::describe).orElse(null));
            described.add(obj("rule", rule, "text", words));
            if (words != null) {
                typed.add(words);
            }
        }
        List<Object> read = new ArrayList<>();
        int readBack = 0;
        for (String phrase : typed) {
            Recurrence rule = Messages.in(l, () -> RepeatPhrases.field(phrase).orElse(null));
            read.add(obj("text", phrase, "rule", rule == null ? null : rule.toRule(),
                    "first", rule == null ? null : rule.first(FIRST_FROM).toString()));
            readBack += rule != null ? 1 : 0;
        }
        assertTrue(readBack > typed.size() / 2, l + ": most descriptions read back, " + readBack + " of " + typed.size());
        return obj("lang", l.tag(), "words", PageWords.dateWords(l), "describe", described, "field", read,
                "labels", labels(l));
    }

    /**
     * Seeded rows' due labels ({@link DueDates#format}) and time labels ({@link DueDates#timeAndLength}) as
     * {@link ItemJson} gives them, with two todays: mid-year and the year's last day.
     */
    private static List<Object> labels(Language l) {
        List<Object> out = new ArrayList<>();
        Random r = new Random(20261129L);
        for (LocalDate today : List.of(LocalDate.of(2026, 6, 15), LocalDate.of(2026, 12, 31))) {
            for (int i = 0; i < 120; i++) {
                int spread = r.nextInt(3) == 0 ? 800 : 10;
                LocalDate due = r.nextInt(12) == 0 ? null : today.plusDays(r.nextInt(2 * spread + 1) - spread);
                LocalTime time = r.nextBoolean() ? null : LocalTime.of(r.nextInt(24), r.nextInt(4) * 15 + r.nextInt(2));
                int minutes = r.nextInt(3) == 0 ? 0 : List.of(5, 30, 45, 60, 90, 120, 125, 600, 1440, 10_080).get(r.nextInt(10));
                String label = Messages.in(l, () -> due == null ? "" : DueDates.format(due, time, minutes, today));
                String under = Messages.in(l, () -> DueDates.timeAndLength(due == null ? null : time, minutes));
                out.add(obj("today", today.toString(), "due", due == null ? null : due.toString(),
                        "time", time == null ? null : Item.TIME.format(time), "minutes", minutes == 0 ? null : (long) minutes,
                        "dueLabel", label, "timeLabel", under));
            }
        }
        return out;
    }

    /** Every kind of rule the desktop describes, and some it does not read. */
    private static List<String> rules() {
        List<String> out = new ArrayList<>();
        for (String freq : List.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY")) {
            for (int interval : new int[] {1, 2, 3, 10, Recurrence.MAX_INTERVAL}) {
                out.add(new Recurrence(Recurrence.Freq.valueOf(freq), interval, Set.of(), 0).toRule());
            }
        }
        List<Set<DayOfWeek>> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            days.add(EnumSet.of(d));
        }
        days.add(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY));
        days.add(EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.SATURDAY));
        days.add(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        days.add(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        days.add(EnumSet.allOf(DayOfWeek.class));
        for (Set<DayOfWeek> d : days) {
            for (int interval : new int[] {1, 2}) {
                out.add(new Recurrence(Recurrence.Freq.WEEKLY, interval, d, 0).toRule());
            }
        }
        for (int day : new int[] {1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31}) {
            out.add(new Recurrence(Recurrence.Freq.MONTHLY, day % 2 == 0 ? 2 : 1, Set.of(), day).toRule());
        }
        for (int month = 1; month <= 12; month++) {
            out.add(new Recurrence(Recurrence.Freq.YEARLY, 1, Set.of(), month * 2, month).toRule());
        }
        out.addAll(List.of("FREQ=SOMETIMES", "FREQ=WEEKLY;BYDAY=XX", "", "FREQ=DAILY;INTERVAL=0", "freq=weekly;byday=mo"));
        return out;
    }
}
