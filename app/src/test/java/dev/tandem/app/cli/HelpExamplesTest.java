package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick-add examples {@code tandem help} gives for add are in the help's own language, in its quotes, and
 * {@code tandem add} in that language reads each one as the example promises: its date, time, length, repeat,
 * priority, list, tag and reminder.
 */
@Tag("unit")
class HelpExamplesTest {
    /** Thursday 26 November 2026, 10:00. */
    private static final Clock THURSDAY = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    /** What the first example promises, after its title: every Monday, p2, a list, a tag, a reminder at 9. */
    private static final List<String> WEEKLY = List.of("\"due\":\"2026-11-30\"", "\"priority\":2",
            "\"repeat\":\"FREQ=WEEKLY;BYDAY=MO\"", "\"remindAt\":\"2026-11-30T09:00:00Z\"");
    /** What the second promises: tomorrow at 14:00 for 30 minutes. */
    private static final List<String> TOMORROW = List.of("\"due\":\"2026-11-27\",\"dueTime\":\"14:00\",\"durationMinutes\":30");

    @TempDir
    Path tmp;

    @Test
    void help_langDe_examplesGermanInGermanQuotesAndQuickAddReadsThem() {
        List<String> examples = examples("de", "„(.+?)“");
        assertEquals(List.of("Blumen gießen jeden Montag p2 @haus #Garten erinnern 9 Uhr",
                "Bank morgen um 14 Uhr anrufen für 30 Minuten"), examples.subList(0, 2));
        assertReadAsPromised("de", examples.get(0), "Blumen gießen", "Garten", "haus", WEEKLY);
        assertReadAsPromised("de", examples.get(1), "Bank anrufen", null, null, TOMORROW);
    }

    @Test
    void help_langFr_examplesFrenchInFrenchQuotesAndQuickAddReadsThem() {
        List<String> examples = examples("fr", "«\u00a0(.+?)\u00a0»");
        assertEquals(List.of("Arroser les plantes tous les lundis p2 @maison #Jardin rappel 9h",
                "Appeler la banque demain à 14h pendant 30 min"), examples.subList(0, 2));
        assertReadAsPromised("fr", examples.get(0), "Arroser les plantes", "Jardin", "maison", WEEKLY);
        assertReadAsPromised("fr", examples.get(1), "Appeler la banque", null, null, TOMORROW);
    }

    @Test
    void help_english_examplesReadAsPromised() {
        List<String> examples = examples("en", "\"(.+?)\"");
        assertReadAsPromised("en", examples.get(0), "Water plants", "Garden", "home", WEEKLY);
        assertReadAsPromised("en", examples.get(1), "Call the bank", null, null, TOMORROW);
    }

    @Test
    void help_langDeAndFr_noStraightQuotesButTheEmptyArgument() {
        for (String lang : List.of("de", "fr")) {
            String help = CliRun.run(tmp.resolve("h"), "--lang", lang, "help").out();
            assertEquals("", help.replace("(\"\"", "").replaceAll("[^\"]", ""), lang + ":\n" + help);
        }
    }

    /**
     * The empty list's hint shows an add a person can copy: in German and French its title says the date
     * where the language puts it ("Milch morgen kaufen"), and add reads it as due tomorrow with the rest as title.
     */
    @Test
    void list_emptyInEachLanguage_hintsAnAddThatIsDueTomorrow() {
        Map<String, String> titles = Map.of("en", "Buy milk", "de", "Milch kaufen", "fr", "Acheter du lait");
        Map<String, String> hints = Map.of("en", "Buy milk tomorrow", "de", "Milch morgen kaufen",
                "fr", "Acheter du lait demain");
        for (String lang : List.of("en", "de", "fr")) {
            Path data = tmp.resolve("empty-" + lang);
            Result empty = CliRun.run(System.in, Map.of(), THURSDAY, data, "--lang", lang, "list");
            assertEquals(0, empty.code(), empty.err());
            Matcher m = Pattern.compile("tandem add \"([^\"]+)\"\\s*$").matcher(empty.err());
            assertTrue(m.find(), lang + ": " + empty.err());
            assertEquals(hints.get(lang), m.group(1), lang + ": " + empty.err());
            assertReadAsPromised(lang, m.group(1), titles.get(lang), null, null,
                    List.of("\"due\":\"2026-11-27\",\"dueTime\":null"));
        }
    }

    /** The quoted phrases of add's description in {@code tandem --lang LANG help}, its lines joined. */
    private List<String> examples(String lang, String quoted) {
        Result help = CliRun.run(tmp.resolve("h"), "--lang", lang, "help");
        assertEquals(0, help.code(), help.err());
        String out = help.out();
        int from = out.indexOf("  add TITLE [DETAILS]");
        int to = out.indexOf("  add --window");
        assertTrue(from >= 0 && to > from, out);
        String add = out.substring(from, to).replaceAll("\\s*\n\\s*", " ");
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(quoted).matcher(add);
        while (m.find()) {
            found.add(m.group(1));
        }
        assertTrue(found.size() >= 2, add);
        return found;
    }

    private void assertReadAsPromised(String lang, String example, String title, String list, String tag,
                                      List<String> promised) {
        Path data = tmp.resolve(lang + Math.abs(example.hashCode()));
        Result add = CliRun.run(System.in, Map.of(), THURSDAY, data, "--lang", lang, "add", example);
        assertEquals(0, add.code(), example + ": " + add.err());
        String json = CliRun.run(System.in, Map.of(), THURSDAY, data, "list", "--json").out();
        assertTrue(json.contains("\"title\":\"" + title + "\""), example + ": " + json);
        if (list != null) {
            assertTrue(json.contains("\"list\":\"" + list + "\""), example + ": " + json);
            assertTrue(json.contains("\"tags\":[\"" + tag + "\"]"), example + ": " + json);
        }
        for (String p : promised) {
            assertTrue(json.contains(p), example + " should give " + p + ": " + json);
        }
    }
}
