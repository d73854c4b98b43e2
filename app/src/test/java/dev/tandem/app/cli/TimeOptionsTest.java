package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --at and --for: a todo's time of day and length from add and edit, cleared with none, read by quick add too. */
@Tag("unit")
class TimeOptionsTest {
    @TempDir
    Path tmp;

    private Result run(String... args) {
        return CliRun.withStdin("", tmp.resolve("d"), args);
    }

    private String json() {
        return run("list", "--json").out();
    }

    @Test
    void add_atAndFor_listShowsTimeAndLength() {
        Result add = run("add", "Call the bank", "--due", "2030-01-07", "--at", "14:00", "--for", "30m");
        assertEquals(0, add.code(), add.err());
        String json = json();
        assertTrue(json.contains("\"due\":\"2030-01-07\",\"dueTime\":\"14:00\",\"durationMinutes\":30"), json);
        String line = run("list").out();
        assertTrue(line.contains("(due 2030-01-07 14:00)  (30 min)"), line);
    }

    @Test
    void add_quickAddTitle_readsTimeAndLength() {
        Result add = run("add", "Call the bank 2030-01-07 2pm for 1h");
        assertEquals(0, add.code(), add.err());
        String json = json();
        assertTrue(json.contains("\"title\":\"Call the bank\""), json);
        assertTrue(json.contains("\"dueTime\":\"14:00\",\"durationMinutes\":60"), json);
        assertTrue(json.contains("\"remindAt\":null"), json);
    }

    @Test
    void edit_atNoneAndForNone_clearTimeAndLength() {
        String id = run("add", "Call the bank", "--due", "2030-01-07", "--at", "2pm", "--for", "1h30").out().strip();
        assertTrue(json().contains("\"dueTime\":\"14:00\",\"durationMinutes\":90"), json());
        assertEquals(0, run("edit", id, "--at", "9:30").code());
        assertTrue(json().contains("\"due\":\"2030-01-07\",\"dueTime\":\"09:30\""), json());
        Result clear = run("edit", id, "--at", "none", "--for", "none");
        assertEquals(0, clear.code(), clear.err());
        assertTrue(json().contains("\"due\":\"2030-01-07\",\"dueTime\":null,\"durationMinutes\":null"), json());
    }

    @Test
    void edit_atOnUndatedTodo_givesItADate() {
        String id = run("add", "Call the bank").out().strip();
        assertEquals(0, run("edit", id, "--at", "14:00").code());
        String json = json();
        assertTrue(json.contains("\"dueTime\":\"14:00\""), json);
        assertTrue(!json.contains("\"due\":null"), json);
    }

    @Test
    void edit_dueNone_clearsTheTimeToo() {
        String id = run("add", "Call the bank", "--due", "2030-01-07", "--at", "14:00").out().strip();
        assertEquals(0, run("edit", id, "--due", "none").code());
        assertTrue(json().contains("\"due\":null,\"dueTime\":null"), json());
    }

    @Test
    void addAndEdit_unreadableTimeOrLength_usageErrors() {
        Result at = run("add", "Call", "--at", "teatime");
        assertEquals(2, at.code());
        assertTrue(at.err().contains("--at: cannot read the time 'teatime'"), at.err());
        Result len = run("add", "Call", "--for", "forever");
        assertEquals(2, len.code());
        assertTrue(len.err().contains("--for: cannot read the length 'forever'"), len.err());
        Result none = run("add", "Call", "--at", "none");
        assertEquals(2, none.code());
        Result note = run("add", "note: Ideas", "--at", "14:00");
        assertEquals(2, note.code(), note.err());
    }

    @Test
    void help_detailsTable_listsAtAndFor() {
        String help = run("help").out();
        assertTrue(help.contains("--at TIME"), help);
        assertTrue(help.contains("--for LENGTH"), help);
    }

    @Test
    void add_atInGermanAndFrenchWords_readsTheTimeAsQuickAddDoes() {
        String[][] cases = {{"de", "14 Uhr", "14:00"}, {"de", "14.30 Uhr", "14:30"}, {"de", "um 9 Uhr", "09:00"},
                {"fr", "14 h", "14:00"}, {"fr", "14h30", "14:30"}, {"fr", "midi", "12:00"}, {"de", "2pm", "14:00"}};
        for (String[] c : cases) {
            Path data = tmp.resolve(c[0] + c[1].replaceAll("\\W", "_"));
            Result add = CliRun.withStdin("", data, "--lang", c[0], "add", "Zahnarzt", "--due", "2030-01-07", "--at", c[1]);
            assertEquals(0, add.code(), c[1] + ": " + add.err());
            String json = CliRun.withStdin("", data, "list", "--json").out();
            assertTrue(json.contains("\"due\":\"2030-01-07\",\"dueTime\":\"" + c[2] + "\""), c[1] + ": " + json);
        }
    }

    @Test
    void add_unreadableAtInGermanOrFrench_refusedWithThatLanguagesExamples() {
        Result de = run("--lang", "de", "add", "Zahnarzt", "--at", "vierzehn");
        assertEquals(2, de.code());
        assertTrue(de.err().contains("„vierzehn“") && de.err().contains("14 Uhr") && !de.err().contains("noon"), de.err());
        Result fr = run("--lang", "fr", "add", "Dentiste", "--at", "quatorze");
        assertEquals(2, fr.code());
        assertTrue(fr.err().contains("14h30") && !fr.err().contains("noon"), fr.err());
        assertEquals("", run("list", "--json").out().replace("[]", "").strip());
    }
}
