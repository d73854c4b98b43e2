package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.engine.Db;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synced text printed to a terminal ({@link TerminalText}): what another device wrote reaches the terminal as
 * text, never as escape sequences, controls or bidirectional overrides it would act on.
 */
@Tag("unit")
class TerminalTextTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    private static final char ESC = 0x1b;
    private static final char BEL = 0x07;
    /** The C1 form of CSI: one character that some terminals take for ESC [. */
    private static final char CSI = 0x9b;
    private static final char RLO = 0x202e;

    /** Clears the screen, homes the cursor, fakes the next line of the listing and reverses what follows. */
    private static final String TITLE = "Pay " + ESC + "[2J" + ESC + "[Hrent\n12345678  [x] Fake done" + RLO + "txt.exe";
    /** Sets the terminal window's title (OSC 0), then a name. */
    private static final String LIST = ESC + "]0;owned" + BEL + "Errands";
    private static final String FILTER = CSI + "31mRed" + ESC + "[0m";

    @TempDir
    Path dir;

    private Result run(Path profile, String... args) {
        return CliRun.run(System.in, Map.of(), NOW, profile, args);
    }

    @Test
    void safe_controlsAndOverrides_writtenVisiblyAndPlainTextAsItIs() {
        String plain = "Café ☕ مرحبا\tline\n";
        assertSame(plain, TerminalText.safe(plain));
        assertEquals("a\\x1b[2Jb\\x07\\x7f\\x9b\\x0d\\u202e\\u2066\\u200f\n\t",
                TerminalText.safe("a" + ESC + "[2Jb" + BEL + (char) 0x7f + CSI + '\r' + RLO + (char) 0x2066 + (char) 0x200f
                        + "\n\t"));
        assertEquals("one\\x0atwo\\x09three", TerminalText.field("one\ntwo\tthree"));
    }

    @Test
    void stream_everyWayOfPrinting_escapedBeforeTheBytesGoOut() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream safe = TerminalText.stream(new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8));
        safe.print("a" + ESC);
        safe.println("b" + CSI);
        safe.printf("%s%n", "c" + RLO);
        safe.append("d" + BEL).append(ESC).println();
        safe.print((Object) ("e" + ESC));
        safe.flush();
        assertEquals("a\\x1bb\\x9b\nc\\u202e" + System.lineSeparator() + "d\\x07\\x1b" + System.lineSeparator() + "e\\x1b",
                bytes.toString(StandardCharsets.UTF_8));
    }

    /**
     * Another device of the same remote (a modified Tandem, or anyone who can write to the remote) syncs a todo whose
     * title clears the screen and fakes the next line, a list whose name retitles the terminal window and a smart
     * list whose name starts with a C1 CSI. Through a real folder remote they reach this device; {@code tandem list},
     * {@code tandem filters}, {@code tandem done} and {@code tandem list --json} print them visibly, and not one
     * byte a terminal would act on.
     */
    @Test
    void listFiltersDone_titlesAndNamesWithEscapesSyncedFromAnotherDevice_printedVisiblyNotActedOn() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        Path here = dir.resolve("here");
        Path remote = Files.createDirectories(dir.resolve("remote"));
        String id;
        try (TodoStore store = new TodoStore(Db.open(other.resolve(Device.DB_FILE)), NOW)) {
            id = store.writeAll(tx -> {
                TodoList list = tx.save(new TodoList(null, LIST, 1L, 1L));
                tx.save(new SavedFilter(null, FILTER, "p1", null, null, 1L));
                return tx.save(Item.create(TITLE, list.id(), null, 1L));
            }).id();
        }
        assertEquals(0, run(other, "sync", "--remote", "folder:" + remote).code());
        Result synced = run(here, "sync", "--remote", "folder:" + remote);
        assertEquals(0, synced.code(), synced.err());

        Result list = run(here, "list");
        assertEquals(0, list.code(), list.err());
        assertEquals(TodoCommands.shortId(id) + "  [ ] Pay \\x1b[2J\\x1b[Hrent\\x0a12345678  [x] Fake done\\u202etxt.exe"
                + "  #\\x1b]0;owned\\x07Errands\n", list.out());
        assertNothingATerminalActsOn(list);

        Result filters = run(here, "filters");
        assertEquals(0, filters.code(), filters.err());
        assertEquals("\\x9b31mRed\\x1b[0m\tp1\t0\n", filters.out());
        assertNothingATerminalActsOn(filters);

        Result json = run(here, "list", "--json");
        assertTrue(json.out().contains("\"title\":\"Pay \\u001b[2J\\u001b[Hrent\\n12345678  [x] Fake done\\u202etxt.exe\""),
                "exact JSON, every control a JSON escape: " + json.out());
        assertTrue(json.out().contains("\"list\":\"\\u001b]0;owned\\u0007Errands\""), json.out());
        assertNothingATerminalActsOn(json);

        Result done = run(here, "done", id);
        assertEquals(0, done.code(), done.err());
        assertTrue(done.err().contains("Pay \\x1b[2J\\x1b[Hrent"), done.err());
        assertNothingATerminalActsOn(done);
    }

    /** Neither stream holds a byte of a C0 or C1 control (but newline and tab), DEL, or a bidirectional control. */
    private static void assertNothingATerminalActsOn(Result r) {
        for (String printed : List.of(r.out(), r.err())) {
            byte[] bytes = printed.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                int b = bytes[i] & 0xff;
                assertFalse(b < 0x20 && b != '\n' && b != '\t' || b == 0x7f, "control byte " + b + " at " + i + ": " + printed);
                // C1 controls are C2 80..C2 9F in UTF-8; the bidirectional controls E2 80 8E/8F, E2 80 AA..AE, E2 81 A6..A9.
                assertFalse(b == 0xc2 && i + 1 < bytes.length && (bytes[i + 1] & 0xff) <= 0x9f, "C1 control at " + i);
                assertFalse(b == 0xe2 && i + 2 < bytes.length && ((bytes[i + 1] & 0xff) == 0x80
                        && ((bytes[i + 2] & 0xff) == 0x8e || (bytes[i + 2] & 0xff) == 0x8f
                        || (bytes[i + 2] & 0xff) >= 0xaa && (bytes[i + 2] & 0xff) <= 0xae)
                        || (bytes[i + 1] & 0xff) == 0x81 && (bytes[i + 2] & 0xff) >= 0xa6 && (bytes[i + 2] & 0xff) <= 0xa9),
                        "bidirectional control at " + i + ": " + printed);
            }
        }
    }
}
