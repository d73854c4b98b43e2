package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --repeat} of add and edit reads the rule as quick add reads it in the command line's language, English
 * too, and shows it back in that language; a rule it cannot read is refused in that language and saves nothing.
 */
@Tag("unit")
class RepeatOptionLanguageTest {
    /** Thursday 26 November 2026, 10:00. */
    private static final Clock THURSDAY = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private Result run(String... args) {
        return CliRun.run(System.in, Map.of(), THURSDAY, tmp, args);
    }

    private String json() {
        return run("list", "--json").out();
    }

    @Test
    void add_germanRepeatUnderDe_everyTwoDaysShownInGerman() {
        Result add = run("add", "Blumen gießen", "--repeat", "jeden 2. Tag", "--lang", "de");
        assertEquals(0, add.code(), add.err());
        assertTrue(json().contains("\"repeat\":\"FREQ=DAILY;INTERVAL=2\""), json());
        String list = run("--lang", "de", "list").out();
        assertTrue(list.contains("Blumen gießen") && list.contains("(alle 2 Tage)"), list);
    }

    @Test
    void add_frenchRepeatUnderFr_everyTwoDaysShownInFrench() {
        Result add = run("--lang", "fr", "add", "Arroser les plantes", "--repeat", "tous les 2 jours");
        assertEquals(0, add.code(), add.err());
        assertTrue(json().contains("\"repeat\":\"FREQ=DAILY;INTERVAL=2\""), json());
        String list = run("--lang", "fr", "list").out();
        assertTrue(list.contains("(tous les 2 jours)"), list);
    }

    @Test
    void edit_frenchWeekdayUnderTandemLang_weeklyOnMonday() {
        String id = run("add", "Yoga").out().strip();
        Result edit = CliRun.run(System.in, Map.of("TANDEM_LANG", "fr"), THURSDAY, tmp, "edit", id, "--repeat",
                "chaque lundi");
        assertEquals(0, edit.code(), edit.err());
        assertTrue(json().contains("\"repeat\":\"FREQ=WEEKLY;BYDAY=MO\""), json());
    }

    @Test
    void add_germanEveryTwoWeeksAndEnglishUnderDe_bothRead() {
        assertEquals(0, run("--lang", "de", "add", "Müll", "--repeat", "alle 2 Wochen").code());
        Result english = run("--lang", "de", "add", "Rasen", "--repeat", "every 3 days");
        assertEquals(0, english.code(), english.err());
        Result bare = run("--lang", "de", "add", "Sport", "--repeat", "monday");
        assertEquals(0, bare.code(), bare.err());
        String json = json();
        assertTrue(json.contains("\"repeat\":\"FREQ=WEEKLY;INTERVAL=2\""), json);
        assertTrue(json.contains("\"repeat\":\"FREQ=DAILY;INTERVAL=3\""), json);
        assertTrue(json.contains("\"repeat\":\"FREQ=WEEKLY;BYDAY=MO\""), json);
    }

    @Test
    void add_unreadableRuleInGerman_germanErrorAndNothingSaved() {
        Result add = run("--lang", "de", "add", "Blumen gießen", "--repeat", "ab und zu");
        assertEquals(2, add.code(), add.err());
        assertTrue(add.err().contains("--repeat: „ab und zu“ ist nicht lesbar, nichts wurde gespeichert; versuche jeden Tag"),
                add.err());
        assertEquals("[]", json().strip(), "nothing was added");
    }

    @Test
    void edit_unreadableRuleInFrench_frenchErrorAndRuleKept() {
        String id = run("add", "Yoga", "--repeat", "every week").out().strip();
        Result edit = run("--lang", "fr", "edit", id, "--repeat", "de temps en temps");
        assertEquals(2, edit.code(), edit.err());
        assertTrue(edit.err().contains("impossible de lire «\u00a0de temps en temps\u00a0», rien n’a été enregistré"),
                edit.err());
        assertFalse(edit.err().contains("every monday"), edit.err());
        assertTrue(json().contains("\"repeat\":\"FREQ=WEEKLY\""), json());
    }
}
