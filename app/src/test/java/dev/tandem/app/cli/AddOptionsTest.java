package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** add takes every detail option edit takes (DetailOptions), and help lists them in one table. */
@Tag("unit")
class AddOptionsTest {
    @TempDir
    Path tmp;

    private Result run(Path dataDir, String... args) {
        return CliRun.withStdin("", dataDir, args);
    }

    @Test
    void add_dateLikePhraseNotUnderstood_addsAndSaysSoOnStderr() {
        Result r = run(tmp.resolve("a"), "add", "Pay rent feb 30");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("“feb 30” is not a date; it stays in the title"), r.err());
        assertTrue(run(tmp.resolve("a"), "list", "--json").out().contains("Pay rent feb 30"));
    }

    @Test
    void add_everyDetailOption_listJsonShowsEachField() {
        Path d = tmp.resolve("a");
        Result add = run(d, "add", "Water plants", "--list", "Garden", "--due", "2030-01-07", "--priority", "2",
                "--tags", "home,two words", "--repeat", "every monday", "--remind", "9am", "--notes", "Use rain water",
                "--kind", "todo");
        assertEquals(0, add.code(), add.err());
        String id = add.out().strip();
        String json = run(d, "list", "--json").out();
        assertTrue(json.contains("\"id\":\"" + id + "\""), json);
        assertTrue(json.contains("\"title\":\"Water plants\""), json);
        assertTrue(json.contains("\"list\":\"Garden\""), json);
        assertTrue(json.contains("\"due\":\"2030-01-07\""), json);
        assertTrue(json.contains("\"priority\":2"), json);
        assertTrue(json.contains("\"tags\":[\"home\",\"two-words\"]"), json);
        assertTrue(json.contains("\"repeat\":\"FREQ=WEEKLY;BYDAY=MO\""), json);
        String nineAm = LocalDateTime.parse("2030-01-07T09:00").atZone(ZoneId.systemDefault()).toInstant().toString();
        assertTrue(json.contains("\"remindAt\":\"" + nineAm + "\""), json);
        assertTrue(json.contains("\"notes\":\"Use rain water\""), json);
        assertTrue(json.contains("\"kind\":\"todo\""), json);
    }

    @Test
    void add_notesFileAndKindNote_setsNotesOfANote() throws Exception {
        Path d = tmp.resolve("a");
        Path file = tmp.resolve("n.txt");
        Files.writeString(file, "- [x] Passport\n- [ ] Charger", StandardCharsets.UTF_8);
        Result add = run(d, "add", "Packing", "--notes-file", file.toString(), "--kind", "note", "--list", "Travel",
                "--tags", "trip");
        assertEquals(0, add.code(), add.err());
        String json = run(d, "list", "--json").out();
        assertTrue(json.contains("\"notes\":\"- [x] Passport\\n- [ ] Charger\""), json);
        assertTrue(json.contains("\"checklist\":\"1/2\""), json);
        assertTrue(json.contains("\"list\":\"Travel\""), json);
        assertTrue(json.contains("\"tags\":[\"trip\"]"), json);
    }

    @Test
    void add_kindNote_makesANote() {
        Path d = tmp.resolve("a");
        Result add = run(d, "add", "Wifi password is on the fridge", "--kind", "note");
        assertEquals(0, add.code(), add.err());
        String json = run(d, "list", "--json").out();
        assertTrue(json.contains("\"kind\":\"note\""), json);
        assertTrue(json.contains("\"title\":\"Wifi password is on the fridge\""), json);
        assertTrue(run(d, "list").out().contains("note: Wifi password is on the fridge"));
    }

    @Test
    void add_kindNoteWithTodoWordsInTheTitle_keepsThemAsTheNotePrefixDoes() {
        Path d = tmp.resolve("a");
        assertEquals(0, run(d, "add", "Ideas for tomorrow p1", "--kind", "note").code());
        String json = run(d, "list", "--json").out();
        assertTrue(json.contains("\"title\":\"Ideas for tomorrow p1\""), json);
        assertTrue(json.contains("\"due\":null"), json);
    }

    @Test
    void add_notePrefixWithKindTodo_addsATodoReadFromTheTitle() {
        Path d = tmp.resolve("a");
        assertEquals(0, run(d, "add", "note: Call Ann p1", "--kind", "todo").code());
        String json = run(d, "list", "--json").out();
        assertTrue(json.contains("\"title\":\"Call Ann\""), json);
        assertTrue(json.contains("\"priority\":1"), json);
        assertTrue(json.contains("\"kind\":\"todo\""), json);
    }

    @Test
    void add_kindNoteWithDue_isUsageErrorLikeTheNotePrefix() {
        Path d = tmp.resolve("a");
        Result r = run(d, "add", "Packing list", "--kind", "note", "--due", "tomorrow");
        assertEquals(2, r.code());
        String message = "add: a note has no due date, priority, repeat or reminder; leave out --due";
        assertTrue(r.err().contains(message), r.err());
        Result prefix = run(d, "add", "note: Packing list", "--due", "tomorrow");
        assertEquals(2, prefix.code());
        assertTrue(prefix.err().contains(message), prefix.err());
        for (String option : List.of("--priority", "--repeat", "--remind")) {
            String value = option.equals("--priority") ? "1" : option.equals("--repeat") ? "every day" : "9am";
            Result o = run(d, "add", "x", "--kind", "note", option, value);
            assertEquals(2, o.code(), option);
            assertTrue(o.err().contains("leave out " + option), o.err());
        }
        assertEquals("[]", run(d, "list", "--json").out().strip(), "nothing added");
    }

    @Test
    void add_kindNeitherNoteNorTodo_isTheUsageErrorEditGives() {
        Path d = tmp.resolve("a");
        Result r = run(d, "add", "x", "--kind", "memo");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--kind must be note or todo, not 'memo'"), r.err());
        String id = run(d, "add", "y").out().strip();
        Result e = run(d, "edit", id, "--kind", "memo");
        assertEquals(2, e.code());
        assertTrue(e.err().contains("--kind must be note or todo, not 'memo'"), e.err());
    }

    @Test
    void add_noneValue_isUsageErrorAsOnlyEditClears() {
        Path d = tmp.resolve("a");
        for (String option : DetailOptions.CLEARABLE) {
            Result r = run(d, "add", "x", option, "none");
            assertEquals(2, r.code(), option);
            assertTrue(r.err().contains("clears only in edit; leave out " + option), r.err());
        }
        assertEquals("[]", run(d, "list", "--json").out().strip());
    }

    @Test
    void add_unknownOption_isUsageError() {
        Path d = tmp.resolve("a");
        Result r = run(d, "add", "x", "--colour", "red");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("add: unknown option --colour"), r.err());
        assertEquals(2, run(d, "add", "x", "--done", "yes").code(), "edit has no --done, so add has none");
    }

    @Test
    void options_addAndEdit_takeTheSameDetailOptions() {
        List<String> edit = new ArrayList<>(Args.OPTIONS.get("edit"));
        edit.remove("--title");
        // Someday is a flag when adding; parent and section are set on add, and changed later by move.
        edit.remove("--someday");
        List<String> add = new ArrayList<>(Args.OPTIONS.get("add"));
        add.removeAll(List.of("--parent", "--section"));
        assertEquals(Set.copyOf(add), Set.copyOf(edit));
        add.remove("--start");
        assertEquals(Set.copyOf(DetailOptions.NAMES), Set.copyOf(add));
        assertTrue(Args.FLAGS.get("add").contains("--someday"));
        assertTrue(Args.OPTIONS.get("move").containsAll(List.of("--parent", "--section")));
    }

    @Test
    void help_always_listsTheDetailTableWithEveryEditOption() {
        Result r = run(null, "help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("DETAILS, the options add and edit share:"), r.out());
        assertTrue(r.out().contains("OPTION             SETS        ACCEPTED VALUES"), r.out());
        assertTrue(r.out().contains("NONE CLEARS (EDIT ONLY)"), r.out());
        for (String option : Args.OPTIONS.get("edit")) {
            assertTrue(r.out().contains(option + " "), option);
        }
        assertTrue(r.out().contains("add TITLE [DETAILS]"), r.out());
        assertTrue(r.out().contains("edit ID [--title T] [DETAILS]"), r.out());
        assertFalse(r.out().contains("--done"), r.out());
    }
}
