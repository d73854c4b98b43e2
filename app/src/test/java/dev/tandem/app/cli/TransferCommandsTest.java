package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class TransferCommandsTest {
    @TempDir
    Path tmp;

    private Result run(Path dataDir, String... args) {
        return CliRun.run(dataDir, args);
    }

    @Test
    void exportThenImport_intoAnotherProfile_listsTheSameTodos() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        run(a, "add", "Buy milk", "--list", "Groceries", "--due", "2030-01-02");
        run(a, "add", "Call Sam");
        Path file = tmp.resolve("backup.json");
        Result ex = run(a, "export", "--format", "json", "--out", file.toString());
        assertEquals(0, ex.code(), ex.err());
        assertTrue(ex.err().contains("Exported 2 todos in 1 list to " + file), ex.err());
        Result im = run(b, "import", file.toString());
        assertEquals(0, im.code(), im.err());
        assertTrue(im.err().contains("Imported 2 todos and 1 new list from backup.json."), im.err());
        assertEquals(run(a, "list", "--json").out(), run(b, "list", "--json").out());
        Result again = run(b, "import", file.toString());
        assertTrue(again.err().contains("Imported 0 todos from backup.json (2 todos already here)."), again.err());
    }

    @Test
    void export_icsAndMarkdown_writeTheirFiles() throws Exception {
        Path a = tmp.resolve("a");
        run(a, "add", "Water plants", "--due", "2030-01-02");
        assertEquals(0, run(a, "export", "--format", "ics", "--out", tmp.resolve("t.ics").toString()).code());
        assertTrue(Files.readString(tmp.resolve("t.ics")).contains("SUMMARY:Water plants"));
        assertEquals(0, run(a, "export", "--format", "markdown", "--out", tmp.resolve("md").toString()).code());
        assertTrue(Files.isRegularFile(tmp.resolve("md").resolve("Inbox").resolve("Water plants.md")));
    }

    @Test
    void import_badFile_exitsOneNamingTheLineAndWritesNothing() throws Exception {
        Path a = tmp.resolve("a");
        Path csv = Files.writeString(tmp.resolve("Work.csv"), "TYPE,CONTENT,PRIORITY,INDENT\ntask,Fine,4,1\ntask,Bad,7,1\n");
        Result r = run(a, "import", csv.toString());
        assertEquals(1, r.code());
        assertEquals("tandem: import failed: Work.csv, line 3: PRIORITY '7' must be 1 to 4\n  Nothing was imported.\n", r.err());
        assertEquals("", run(a, "list", "--json").out().replace("[]", "").strip());
    }

    @Test
    void import_formatGivenOrDetected_andUsageErrors() throws Exception {
        Path a = tmp.resolve("a");
        Path csv = Files.writeString(tmp.resolve("export.txt"), "TYPE,CONTENT\ntask,From a text file\n");
        assertEquals(0, run(a, "import", csv.toString(), "--format", "todoist").code());
        assertTrue(run(a, "list").out().contains("From a text file"));
        assertEquals(2, run(a, "import", csv.toString(), "--format", "excel").code());
        assertEquals(2, run(a, "import").code());
        assertEquals(2, run(a, "export", "--format", "todoist", "--out", "x").code());
        assertEquals(2, run(a, "export", "--format", "json").code());
        Result missing = run(a, "import", tmp.resolve("nope.json").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nope.json: no such file or folder"), missing.err());
    }
}
