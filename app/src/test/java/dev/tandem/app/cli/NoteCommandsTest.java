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

/** Notes from the command line: "note: …" through the quick-add parser, listed apart, never completed. */
@Tag("unit")
class NoteCommandsTest {
    @TempDir
    Path tmp;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-18T08:00:00Z"), ZoneOffset.UTC);

    private Result run(String... args) {
        return CliRun.run(Map.of(), clock, tmp.resolve("d"), args);
    }

    @Test
    void add_notePrefix_addsANoteListedDistinctly() {
        String id = run("add", "note: Ideas for tomorrow @trip #Travel").out().strip();
        run("add", "Book flights tomorrow");
        String listed = run("list").out();
        assertTrue(listed.contains(TodoCommands.shortId(id) + "  note: Ideas for tomorrow  #Travel  @trip"), listed);
        assertTrue(listed.contains("[ ] Book flights  (due 2026-11-19)"), listed);
        String json = run("list", "--json", "--notes").out();
        assertTrue(json.contains("\"kind\":\"note\""), json);
        assertFalse(json.contains("Book flights"), json);
        assertFalse(run("list", "--todos").out().contains("Ideas"));
    }

    @Test
    void add_noteWithTodoOption_isAUsageError() {
        Result r = run("add", "note: Packing list", "--due", "tomorrow");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("a note has no due date"), r.err());
    }

    @Test
    void done_onANote_failsAndChangesNothing() {
        String id = run("add", "note: Wifi password is on the fridge").out().strip();
        Result r = run("done", id);
        assertEquals(1, r.code());
        assertTrue(r.err().contains("is a note"), r.err());
        assertTrue(run("list").out().contains("note: Wifi password"));
        assertTrue(run("list", "--json").out().contains("\"done\":false"));
    }

    @Test
    void edit_kind_switchesBetweenTodoAndNote() {
        String id = run("add", "Groceries").out().strip();
        run("edit", id, "--notes", "- [x] Milk\n- [ ] Eggs\n- [ ] Bread", "--kind", "note");
        String listed = run("list").out();
        assertTrue(listed.contains("note: Groceries  (1/3 ticked)  [notes]"), listed);
        assertEquals(0, run("edit", id, "--kind", "todo").code());
        assertTrue(run("list").out().contains("[ ] Groceries  (1/3 ticked)"));
        assertEquals(2, run("edit", id, "--kind", "memo").code());
    }
}
