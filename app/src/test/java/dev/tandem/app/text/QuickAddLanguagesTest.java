package dev.tandem.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Listing;
import dev.tandem.app.model.Recurrence;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Quick add in English, German and French, phrase by phrase as people type them: each line of
 * {@code quickadd-en.txt}, {@code quickadd-de.txt} and {@code quickadd-fr.txt} gives the typed text, the
 * title left and every field set; a field not named must stay empty. Each table holds titles that must keep
 * their words too. English phrases work in every language.
 */
@Tag("unit")
class QuickAddLanguagesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @AfterEach
    void english() {
        Messages.use(Language.ENGLISH);
    }

    @Test
    void parse_englishPhrases_titleAndFieldsAsWritten() throws IOException {
        assertTable(Language.ENGLISH, "quickadd-en.txt");
    }

    @Test
    void parse_germanPhrases_titleAndFieldsAsWritten() throws IOException {
        assertTable(Language.GERMAN, "quickadd-de.txt");
    }

    @Test
    void parse_frenchPhrases_titleAndFieldsAsWritten() throws IOException {
        assertTable(Language.FRENCH, "quickadd-fr.txt");
    }

    @Test
    void parse_germanWordsInEnglish_stayInTheTitle() {
        Messages.use(Language.ENGLISH);
        TodoDraft d = TodoDraft.parse("Zahnarzt morgen um 14 Uhr", TODAY);
        assertEquals("Zahnarzt morgen um 14 Uhr", d.title());
        assertEquals(null, d.due());
    }

    @Test
    void tokens_german_chipsInGerman() {
        Messages.use(Language.GERMAN);
        TodoDraft d = TodoDraft.parse("Zahnarzt morgen um 14 Uhr für 30 Minuten", TODAY);
        List<String> labels = d.tokens().stream().map(QuickAddToken::label).toList();
        assertEquals(List.of("Fällig: Morgen", "Um 14:00", "Dauer 30 Min."), labels);
    }

    @Test
    void parse_longerThanAnyTitle_notReadAndRefused() {
        Messages.use(Language.GERMAN);
        String typed = "jeden Montag und Mittwoch um 14 Uhr ".repeat(60_000);
        TodoDraft d = TodoDraft.parse(typed, TODAY);
        assertEquals(typed, d.title());
        assertEquals(List.of(), d.tokens());
        assertEquals(null, d.repeat());
        QuickAddPlan plan = QuickAddPlan.read(typed, List.of(), Listing.inbox(),
                TODAY.atStartOfDay(ZoneOffset.UTC));
        assertTrue(plan.problem(typed).isPresent());
    }

    @Test
    void read_pageInFrenchProcessInGerman_readsFrench() {
        Messages.use(Language.GERMAN);
        // As the web server reads a request: in its browser's language (Messages.in), not the process's.
        QuickAddPlan plan = Messages.in(Language.FRENCH, () -> QuickAddPlan.read("Dentiste demain à 14h", List.of(),
                Listing.inbox(), TODAY.atTime(10, 0).atZone(ZoneOffset.UTC)));
        assertEquals("Dentiste", plan.title());
        assertEquals(TODAY.plusDays(1), plan.due());
        // The process's own language is read again once the call is over.
        assertEquals(TODAY.plusDays(1), TodoDraft.parse("Zahnarzt morgen", TODAY).due());
        assertEquals(null, TodoDraft.parse("Dentiste demain", TODAY).due());
    }

    /**
     * The empty list's and the quick-add prompt's examples are natural in each language ("Sam morgen anrufen")
     * and quick add reads them so.
     */
    @Test
    void examples_everyLanguage_readAsTomorrowWithTheirTitle() {
        Map<Language, String> titles = Map.of(Language.ENGLISH, "Call Sam", Language.GERMAN, "Sam anrufen",
                Language.FRENCH, "Appeler Sam");
        for (Language l : List.of(Language.ENGLISH, Language.GERMAN, Language.FRENCH)) {
            Messages.use(l);
            String hint = Messages.text("main.empty.allClear");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("[“„«][\\s\\u00a0\\u202f]*(.+?)[\\s\\u00a0\\u202f]*[”“»]").matcher(hint);
            assertTrue(m.find(), hint);
            TodoDraft d = TodoDraft.parse(m.group(1), TODAY);
            assertEquals(titles.get(l), d.title(), l.tag() + ": " + hint);
            assertEquals(TODAY.plusDays(1), d.due(), l.tag() + ": " + hint);
            // The short quick-add prompt's example too, with its priority.
            String prompt = Messages.text("main.quickAdd.prompt.short");
            java.util.regex.Matcher p = java.util.regex.Pattern.compile("[“„«][\\s\\u00a0\\u202f]*(.+?)[\\s\\u00a0\\u202f]*[”“»]").matcher(prompt);
            assertTrue(p.find(), prompt);
            TodoDraft q = TodoDraft.parse(p.group(1), TODAY);
            assertEquals(titles.get(l), q.title(), l.tag() + ": " + prompt);
            assertEquals(TODAY.plusDays(1), q.due(), l.tag() + ": " + prompt);
            assertEquals(2, q.priority(), l.tag() + ": " + prompt);
        }
    }

    @Test
    void describe_everyLanguage_readBackAsTheSameRule() {
        List<Recurrence> rules = List.of(
                Recurrence.every(Recurrence.Freq.DAILY, 1),
                Recurrence.every(Recurrence.Freq.WEEKLY, 2),
                Recurrence.every(Recurrence.Freq.MONTHLY, 3),
                Recurrence.every(Recurrence.Freq.YEARLY, 1),
                Recurrence.weekly(EnumSet.of(DayOfWeek.MONDAY)),
                Recurrence.weekly(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY)),
                Recurrence.weekly(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)),
                Recurrence.monthlyOn(1), Recurrence.monthlyOn(22),
                new Recurrence(Recurrence.Freq.WEEKLY, 2, EnumSet.of(DayOfWeek.MONDAY), 0));
        for (Language l : List.of(Language.ENGLISH, Language.GERMAN, Language.FRENCH)) {
            Messages.use(l);
            for (Recurrence r : rules) {
                String said = r.describe();
                assertEquals(Optional.of(r), RepeatPhrases.parse(said), l.tag() + ": " + said);
            }
        }
        Messages.use(Language.GERMAN);
        assertEquals("jeden Monat am 1.", Recurrence.monthlyOn(1).describe());
        Messages.use(Language.FRENCH);
        assertEquals("tous les mois le 1er", Recurrence.monthlyOn(1).describe());
        assertEquals("chaque lundi", Recurrence.weekly(EnumSet.of(DayOfWeek.MONDAY)).describe());
    }

    private static void assertTable(Language language, String file) throws IOException {
        Messages.use(language);
        List<String> wrong = new ArrayList<>();
        int rows = 0;
        try (InputStream in = QuickAddLanguagesTest.class.getResourceAsStream(file)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                rows++;
                String[] cols = line.split("\\|", -1);
                Map<String, String> expected = new TreeMap<>();
                expected.put("title", cols[1]);
                for (String f : cols[2].trim().split(" ")) {
                    if (!f.isEmpty()) {
                        int eq = f.indexOf('=');
                        expected.put(eq < 0 ? f : f.substring(0, eq), eq < 0 ? "true" : f.substring(eq + 1));
                    }
                }
                Map<String, String> actual = fields(TodoDraft.parse(cols[0], TODAY));
                if (!expected.equals(actual)) {
                    wrong.add(cols[0] + "\n    expected " + expected + "\n    read     " + actual);
                }
            }
        }
        assertTrue(rows >= 100, "at least 100 phrases, had " + rows);
        assertEquals("", String.join("\n", wrong), wrong.size() + " of " + rows + " phrases read wrong");
    }

    private static Map<String, String> fields(TodoDraft d) {
        Map<String, String> m = new TreeMap<>();
        m.put("title", d.title());
        put(m, "due", d.due());
        put(m, "time", d.time());
        put(m, "min", d.minutes());
        put(m, "rule", d.repeat() == null ? null : d.repeat().toRule());
        put(m, "remind", d.remindTime());
        put(m, "start", d.start());
        put(m, "someday", d.someday() ? true : null);
        put(m, "note", d.note() ? true : null);
        put(m, "p", d.priority());
        put(m, "list", d.listName());
        put(m, "tags", d.tags().isEmpty() ? null : String.join(",", d.tags()));
        return m;
    }

    private static void put(Map<String, String> m, String key, Object value) {
        if (value != null) {
            m.put(key, value.toString());
        }
    }
}
