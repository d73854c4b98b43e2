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

/** Priorities, tags, repeats and reminders from the command line, on a fixed clock (Wednesday 18 Nov 2026). */
@Tag("unit")
class DailyCommandsTest {
    @TempDir
    Path tmp;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-18T08:00:00Z"), ZoneOffset.UTC);

    private Result run(String... args) {
        return CliRun.run(Map.of(), clock, tmp.resolve("d"), args);
    }

    @Test
    void add_quickAddSyntax_setsRepeatPriorityAndTag() {
        assertEquals(0, run("add", "Water plants every monday p2 @home").code());
        run("add", "Unrelated");
        String listed = run("list", "--tag", "home").out();
        assertTrue(listed.contains("Water plants  (due 2026-11-23)  p2  @home  (every Monday)"), listed);
        assertFalse(listed.contains("Unrelated"), listed);
        String json = run("list", "--json", "--tag", "@Home").out();
        assertTrue(json.contains("\"priority\":2"), json);
        assertTrue(json.contains("\"tags\":[\"home\"]"), json);
        assertTrue(json.contains("\"repeat\":\"FREQ=WEEKLY;BYDAY=MO\""), json);
    }

    @Test
    void done_repeating_printsTheNextOccurrence() {
        String id = run("add", "Water plants every monday").out().strip();
        Result done = run("done", id);
        assertEquals(0, done.code(), done.err());
        String[] next = done.out().strip().split(" ");
        assertEquals("2026-11-30", next[1]);
        assertTrue(run("list").out().contains(TodoCommands.shortId(next[0]) + "  [ ] Water plants  (due 2026-11-30)"));
        Result again = run("done", id);
        assertEquals(next[0] + " 2026-11-30", again.out().strip(), "completing again creates no second one");
    }

    @Test
    void skip_andEditRepeatNone_moveOnAndEndTheSeries() {
        String id = run("add", "Standup every weekday").out().strip();
        Result skip = run("skip", id);
        assertEquals(0, skip.code(), skip.err());
        String nextId = skip.out().strip().split(" ")[0];
        assertTrue(skip.out().contains("2026-11-19"), skip.out());
        assertEquals(0, run("edit", nextId, "--repeat", "none").code());
        assertEquals("", run("done", nextId).out().strip(), "an ended series has no next occurrence");
        assertEquals(1, run("skip", nextId).code());
    }

    @Test
    void addAndEdit_textOverTheLimit_refusedWithTheLimitAndNothingSaved() {
        Result add = run("add", "t".repeat(12_000));
        assertEquals(1, add.code());
        assertTrue(add.err().contains("The title is 12,000 characters long; Tandem takes at most 10,000."), add.err());
        String id = run("add", "Short").out().strip();
        Result edit = run("edit", id, "--notes", "n".repeat(1_000_001));
        assertEquals(1, edit.code());
        assertTrue(edit.err().contains("The notes are 1,000,001 characters long"), edit.err());
        String list = run("list", "--all").out();
        assertTrue(list.contains("Short") && !list.contains("ttt"), list);
        assertFalse(run("list", "--notes").out().contains("nnn"));
    }

    @Test
    void add_remindAndOptions_showInTheList() {
        run("add", "Call Sam", "--remind", "tomorrow 18:00", "--priority", "p1", "--tags", "work,phone");
        String listed = run("list").out();
        assertTrue(listed.contains("Call Sam  p1  @phone  @work  (remind 2026-11-19 18:00)"), listed);
        assertEquals(2, run("add", "x", "--priority", "7").code());
        assertEquals(2, run("add", "x", "--repeat", "sometimes").code());
    }
}
