package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subtasks, sections, the own order and start dates from the command line. */
@Tag("unit")
class OutlineCommandsTest {
    @TempDir
    Path dir;

    private Result ok(String... args) {
        Result r = CliRun.run(dir, args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    private List<String> titles(String list) {
        return ok("list", "--list", list).out().lines()
                .map(l -> l.startsWith("##") ? l : l.replaceAll("^(\\s*)\\S+\\s+(.*?)(\\s{2,}.*)?$", "$1$2").stripTrailing())
                .toList();
    }

    @Test
    void add_withParentAndSection_listShowsTheTree() {
        String move = ok("add", "Move house", "--list", "Home").out().strip();
        String van = ok("add", "Book the van", "--parent", move).out().strip();
        ok("add", "Find a driver", "--parent", van);
        ok("add", "Paint the fence", "--list", "Home", "--section", "Later");
        String out = ok("list", "--list", "Home").out();
        List<String> lines = out.lines().toList();
        assertEquals(5, lines.size(), out);
        assertTrue(lines.get(0).contains("Move house"), out);
        assertTrue(lines.get(1).startsWith("  ") && lines.get(1).contains("Book the van"), out);
        assertTrue(lines.get(2).startsWith("    ") && lines.get(2).contains("Find a driver"), out);
        assertEquals("## Later", lines.get(3));
        assertTrue(lines.get(4).contains("Paint the fence"), out);
        assertEquals("Later\n", ok("sections", "Home").out());
    }

    @Test
    void move_beforeAndTop_reordersAndUnnests() {
        String a = ok("add", "A", "--list", "Home").out().strip();
        String b = ok("add", "B", "--list", "Home").out().strip();
        String c = ok("add", "C", "--parent", a).out().strip();
        ok("move", c, "--top", "--before", a);
        String out = ok("list", "--list", "Home").out();
        List<String> lines = out.lines().toList();
        assertTrue(lines.get(0).contains("C") && lines.get(1).contains("A") && lines.get(2).contains("B"), out);
        Result cycle = CliRun.run(dir, "move", a, "--parent", a);
        assertEquals(1, cycle.code());
        assertTrue(cycle.err().contains("cannot go under itself"), cycle.err());
        ok("move", b, "--parent", a);
        assertTrue(ok("list", "--list", "Home").out().lines().toList().get(2).startsWith("  "));
    }

    @Test
    void done_parentWithOpenSubtasks_needsWithSubtasks() {
        String p = ok("add", "Move house", "--list", "Home").out().strip();
        ok("add", "Book the van", "--parent", p);
        Result refused = CliRun.run(dir, "done", p);
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("--with-subtasks"), refused.err());
        ok("done", p, "--with-subtasks");
        assertEquals("", ok("list", "--list", "Home").out());
    }

    @Test
    void add_startAndSomeday_keepTodayAndInboxClear() {
        ok("add", "Plan the trip start mon due fri");
        ok("add", "Learn Italian", "--someday");
        String json = ok("list", "--json").out();
        assertTrue(json.contains("Plan the trip"), json);
        String rm = ok("add", "Old", "--start", "2020-01-01").out().strip();
        ok("edit", rm, "--start", "none", "--someday", "yes");
    }
}
