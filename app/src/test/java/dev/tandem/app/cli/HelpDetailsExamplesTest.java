package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The values the DETAILS table of {@code tandem help add} shows for --due, --at, --for, --repeat and --remind, and
 * the ones an option's error suggests, are in the help's language, and the option's own reading in that language
 * takes each one: a help example can never be one the command refuses.
 */
@Tag("unit")
class HelpDetailsExamplesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    /** Where a row's examples end: its first colon or semicolon followed by a space, in any language's spacing. */
    private static final Pattern EXAMPLES_END = Pattern.compile("[\\s\u00a0\u202f]*[:;][\\s\u00a0\u202f]");

    /** How each option reads its value, as add and edit do. */
    private static final Map<String, Consumer<String>> READERS = Map.of(
            "--due", v -> DetailOptions.due(v, TODAY),
            "--at", DetailOptions::at,
            "--for", DetailOptions::length,
            "--repeat", DetailOptions::repeat,
            "--remind", v -> DetailOptions.remind(v, TODAY));

    @TempDir
    Path tmp;

    @Test
    void helpAdd_eachLanguage_everyExampleReadByItsOptionInThatLanguage() {
        for (String lang : List.of("en", "de", "fr")) {
            Language language = Language.forTag(lang).orElseThrow();
            Map<String, List<String>> shown = examples(lang);
            assertEquals(READERS.keySet(), shown.keySet(), lang);
            shown.forEach((option, values) -> {
                assertTrue(values.size() >= 3, lang + " " + option + ": " + values);
                for (String v : values) {
                    assertDoesNotThrow(() -> Messages.in(language, () -> {
                        READERS.get(option).accept(v);
                        return null;
                    }), lang + " " + option + " shows “" + v + "”, which it refuses");
                }
            });
        }
    }

    @Test
    void helpAdd_germanAndFrench_noEnglishDateOrRepeatExamples() {
        for (String lang : List.of("de", "fr")) {
            Map<String, List<String>> shown = examples(lang);
            for (String option : List.of("--due", "--repeat", "--remind")) {
                for (String v : shown.get(option)) {
                    assertFalse(v.matches("(?i).*\\b(every|tomorrow|today|next|week|day|days)\\b.*") || v.matches("\\d+(am|pm)"),
                            lang + " " + option + " shows the English “" + v + "”");
                }
            }
        }
    }

    @Test
    void addAndEditHelpOption_german_theHelpInGermanAndNothingAdded() {
        String help = CliRun.run(tmp.resolve("p"), "--lang", "de", "help", "add").out();
        for (String verb : List.of("add", "edit")) {
            Result r = CliRun.run(tmp.resolve("p"), "--lang", "de", verb, "--help");
            assertEquals(0, r.code(), r.err());
            assertEquals(help, r.out(), verb);
        }
        assertTrue(help.contains("jeden Tag, jeden Werktag, jeden Montag"), help);
        assertEquals(0, CliRun.run(tmp.resolve("p"), "add", "--", "--help").code(), "after -- it is a title");
        assertTrue(CliRun.run(tmp.resolve("p"), "list").out().contains("--help"));
    }

    @Test
    void optionErrors_eachLanguage_suggestValuesTheOptionReads() {
        Map<String, String> errors = Map.of("cli.details.badDate", "--due", "cli.details.badTime", "--at",
                "cli.details.badRepeat", "--repeat", "cli.details.badRemind", "--remind");
        Map<String, String[]> words = Map.of("en", new String[] {"try ", " or "}, "de", new String[] {"versuche ", " oder "},
                "fr", new String[] {"essayez ", " ou "});
        for (String lang : List.of("en", "de", "fr")) {
            Language language = Language.forTag(lang).orElseThrow();
            errors.forEach((key, option) -> {
                String text = Messages.text(language, key, "x");
                String[] w = words.get(lang);
                int from = text.indexOf(w[0]);
                assertTrue(from > 0, lang + " " + key + ": " + text);
                String tail = text.substring(from + w[0].length()).split(" \\(|" + w[1] + "(an|eine|une) RRULE")[0];
                List<String> values = Arrays.stream(tail.split(", |" + w[1])).map(String::strip).toList();
                assertTrue(values.size() >= 3, lang + " " + key + ": " + values);
                for (String v : values) {
                    assertDoesNotThrow(() -> Messages.in(language, () -> {
                        READERS.get(option).accept(v);
                        return null;
                    }), lang + " " + key + " suggests “" + v + "”, which " + option + " refuses");
                }
            });
        }
    }

    /** The examples of each row of the DETAILS table that has one of {@link #READERS}' options, in {@code help add}. */
    private Map<String, List<String>> examples(String lang) {
        Result help = CliRun.run(tmp.resolve("h"), "--lang", lang, "help", "add");
        assertEquals(0, help.code(), help.err());
        List<String> lines = help.out().lines().toList();
        int header = 0;
        while (!lines.get(header).startsWith("  OPTION ")) {
            header++;
        }
        // The table's columns start where its header's words do: OPTION, SETS, VALUES, NONE.
        Matcher col = Pattern.compile("\\S+(?: \\S+)*").matcher(lines.get(header));
        List<Integer> starts = new ArrayList<>();
        while (col.find()) {
            starts.add(col.start());
        }
        int values = starts.get(2);
        int none = starts.get(3);
        Map<String, List<String>> out = new LinkedHashMap<>();
        String option = null;
        StringBuilder text = new StringBuilder();
        for (int i = header + 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
            String l = lines.get(i);
            if (l.startsWith("  --")) {
                put(out, option, text);
                option = l.strip().split(" ")[0];
                text.setLength(0);
            }
            text.append(' ').append(l.substring(Math.min(values, l.length()), Math.min(none, l.length())).strip());
        }
        put(out, option, text);
        return out;
    }

    private static void put(Map<String, List<String>> out, String option, StringBuilder text) {
        if (option == null || !READERS.containsKey(option)) {
            return;
        }
        String all = text.toString().strip();
        Matcher end = EXAMPLES_END.matcher(all);
        String examples = end.find() ? all.substring(0, end.start()) : all;
        out.put(option, Arrays.stream(examples.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }
}
