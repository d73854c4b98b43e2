package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.app.testing.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The past from the command line, on real profiles and a real folder remote: an item's versions, one
 * brought back while another device's later edit of another field stays, and the lists as of a time.
 */
@Tag("unit")
class HistoryCommandsTest {
    @TempDir
    Path tmp;

    private final TestClock clock = new TestClock(ZoneOffset.UTC);

    private Result ok(Path profile, String... args) {
        Result r = CliRun.run(Map.of(), clock, profile, args);
        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, r.code(), () -> String.join(" ", args) + " failed: " + r.err());
        return r;
    }

    private void sync(Path profile) {
        ok(profile, "sync", "--remote", "folder:" + tmp.resolve("remote"));
    }

    @Test
    void restoreVersion_notesOverwrittenThenRenamedElsewhere_bringsNotesBackAndKeepsTheRename() throws IOException {
        Files.createDirectories(tmp.resolve("remote"));
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        String id = ok(a, "add", "Lisbon").out().strip();
        ok(a, "edit", id, "--notes", "Flights: LH 123\nHotel: Alfama");
        ok(a, "edit", id, "--notes", "oops");
        sync(a);
        sync(b);
        ok(b, "edit", id, "--title", "Lisbon in May");
        sync(b);
        sync(a);

        String history = ok(a, "history", id).out();
        assertTrue(history.contains("  2  ") && history.contains("Changed notes"), history);
        assertTrue(history.lines().reduce((x, y) -> y).orElseThrow().contains("Changed title"), history);
        Result restored = ok(a, "restore-version", id, "2");
        assertTrue(restored.out().contains("restore  Notes"), restored.out());
        assertTrue(restored.out().contains("keep     Title (changed since by"), restored.out());
        sync(a);
        sync(b);

        for (Path p : new Path[] {a, b}) {
            String json = ok(p, "list", "--json").out();
            assertTrue(json.contains("Lisbon in May"), json);
            assertTrue(json.contains("Flights: LH 123\\nHotel: Alfama"), json);
            assertFalse(json.contains("oops"), json);
        }
    }

    @Test
    void listAsOf_aTimeBetweenEdits_showsTheListsAsTheyStoodThen() {
        Path a = tmp.resolve("a");
        String milk = ok(a, "add", "Milk #Shop").out().strip();
        Instant afterMilk = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        ok(a, "add", "Eggs #Shop");
        ok(a, "edit", milk, "--title", "Oat milk");
        ok(a, "rm", milk);

        String then = ok(a, "list", "--as-of", afterMilk.toString()).out();
        assertTrue(then.contains("Milk") && !then.contains("Eggs") && !then.contains("Oat milk"), then);
        String now = ok(a, "list").out();
        assertTrue(now.contains("Eggs") && !now.contains("Milk"), now);
    }

    @Test
    void listAsOf_notATime_isAUsageError() {
        Result r = CliRun.run(Map.of(), clock, tmp.resolve("a"), "list", "--as-of", "the other day");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--as-of: not a time"), r.err());
    }

    @Test
    void listAsOf_pastInGermanAndFrenchWords_showsTheListsAsTheyStoodThen() {
        Path a = tmp.resolve("a");
        ok(a, "add", "Milk");
        clock.advance(Duration.ofDays(4));
        ok(a, "add", "Eggs");
        for (String[] said : new String[][] {{"de", "gestern"}, {"de", "vor 3 Tagen"}, {"fr", "hier"},
                {"fr", "il y a 3 jours"}, {"de", "yesterday"}}) {
            String then = ok(a, "--lang", said[0], "list", "--as-of", said[1]).out();
            assertTrue(then.contains("Milk") && !then.contains("Eggs"), said[1] + ": " + then);
        }
    }

    @Test
    void listAsOf_notATimeInGermanAndFrench_examplesInThatLanguageAsHelpGivesThem() {
        Result de = CliRun.run(Map.of(), clock, tmp.resolve("a"), "--lang", "de", "list", "--as-of", "neulich");
        assertEquals(2, de.code());
        assertTrue(de.err().contains("gestern, vor 3 Tagen") && !de.err().contains("ago"), de.err());
        Result fr = CliRun.run(Map.of(), clock, tmp.resolve("a"), "--lang", "fr", "list", "--as-of", "naguère");
        assertEquals(2, fr.code());
        assertTrue(fr.err().contains("hier, il y a 3 jours") && !fr.err().contains("ago"), fr.err());
        assertTrue(CliRun.run(tmp.resolve("a"), "--lang", "de", "help").out().contains("gestern, vor 3 Tagen"));
        assertTrue(CliRun.run(tmp.resolve("a"), "--lang", "fr", "help").out().contains("hier, il y a 3 jours"));
    }
}
