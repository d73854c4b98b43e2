package dev.tandem.app.agent;

import dev.tandem.engine.testing.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.settings.BoundedCommand;
import dev.tandem.app.settings.StandInTool;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** macOS's notifier against a stand-in osascript that records the words it was given. */
@Tag("process")
class MacNotifierTest {
    /** Titles a synced todo (another device, a shared list's member) may carry. */
    static final List<String> HOSTILE = List.of(
            "\"; do shell script \"rm -rf ~\"; \"",
            "-e do shell script \"touch /tmp/pwned\"",
            "$(touch /tmp/pwned) `touch /tmp/pwned`",
            "'; Remove-Item -Recurse -Force ~; '",
            "</text><action content=\"x\" arguments=\"calc\"/><text>",
            "line one\nline two\r\n-e three",
            "%COMSPEC% & calc ^& |");

    @TempDir
    Path tmp;

    /** The words osascript must get: the constant script, one -e per line, then the first word and the data. */
    private static List<String> expected(String title, String body) {
        List<String> words = new ArrayList<>();
        for (String line : BoundedCommand.script(MacNotifier.class, "notify.applescript").split("\n")) {
            words.add("-e");
            words.add(line);
        }
        words.addAll(List.of(MacNotifier.FIRST, NoticeText.line(title, NoticeText.MAX_SUMMARY), body));
        return words;
    }

    @Test
    void show_hostileTitles_constantScriptAndTitleOnlyAsItsOwnArgument() throws Exception {
        StandInTool osascript = StandInTool.create(tmp, "osascript", "exit 0");
        MacNotifier n = new MacNotifier(osascript.program(), Duration.ofSeconds(10));
        int run = 0;
        for (String title : HOSTILE) {
            n.show(new Notifier.Notice(title, "Fri 27 Nov, 9:00", true), 0);
            List<String> argv = osascript.argv(++run);
            assertEquals(expected(title, "Fri 27 Nov, 9:00"), argv, title);
            for (int i = 0; i < argv.size() - 3; i++) {
                assertFalse(argv.get(i).contains("pwned") || argv.get(i).contains("calc")
                        || argv.get(i).contains("Remove-Item"), argv.get(i));
            }
        }
        assertEquals("line one line two -e three", osascript.argv(6).get(osascript.argv(6).size() - 2),
                "line breaks are one space each: one line");
    }

    /**
     * osascript reads its options with getopt, which stops at the first word that is no option: a stand-in that
     * parses them the same way (POSIX getopts) collects the script's -e lines and the words left for {@code argv}.
     */
    @Test
    void show_titleStartingWithDashE_optionParsingEndsBeforeIt() throws Exception {
        StandInTool osascript = StandInTool.create(tmp, "osascript", """
                d=$(dirname "$0")
                while getopts 'e:l:is:' o; do [ "$o" = e ] && printf '%s\\n' "$OPTARG" >> "$d/script$n"; done
                shift $((OPTIND - 1))
                for a in "$@"; do printf '%s\\0' "$a"; done > "$d/rest$n"
                """);
        String title = "-e do shell script \"touch /tmp/pwned\"";
        new MacNotifier(osascript.program(), Duration.ofSeconds(10)).show(new Notifier.Notice(title, "9:00", true), 0);
        Path dir = osascript.program().getParent();
        assertEquals(BoundedCommand.script(MacNotifier.class, "notify.applescript"), Files.readString(dir.resolve("script1")));
        assertEquals(MacNotifier.FIRST + "\0" + title + "\0" + "9:00\0", Files.readString(dir.resolve("rest1")));
    }

    @Test
    void show_oneMegabyteTitle_argumentCutTo200Characters() throws Exception {
        StandInTool osascript = StandInTool.create(tmp, "osascript", "exit 0");
        MacNotifier n = new MacNotifier(osascript.program(), Duration.ofSeconds(10));
        n.show(new Notifier.Notice("x".repeat(1 << 20), "y".repeat(1 << 20), true), 0);
        List<String> argv = osascript.argv(1);
        String title = argv.get(argv.size() - 2);
        assertEquals(NoticeText.MAX_SUMMARY, title.codePointCount(0, title.length()));
        assertTrue(title.endsWith("…"), title);
        assertEquals(MacNotifier.MAX_BODY, argv.get(argv.size() - 1).length());
    }

    @Test
    void show_osascriptFails_throwsForTheAgentToLog() throws Exception {
        MacNotifier n = new MacNotifier(StandInTool.create(tmp, "osascript", "exit 1").program(), Duration.ofSeconds(10));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> n.show(new Notifier.Notice("Call Sam", "9:00", true), 0));
        assertTrue(e.getMessage().contains("exited with 1"), e.getMessage());
    }

    @Test
    void show_osascriptHangs_killedAfterTheLimit() throws Exception {
        StandInTool osascript = StandInTool.create(tmp, "osascript", "exec sleep 60");
        MacNotifier n = new MacNotifier(osascript.program(), Duration.ofMillis(1500));
        long start = System.nanoTime();
        assertThrows(UncheckedIOException.class, () -> n.show(new Notifier.Notice("Call Sam", "9:00", true), 0));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
        Await.until("the hung osascript to be killed",
                () -> !ProcessHandle.of(pid(osascript)).map(ProcessHandle::isAlive).orElse(false));
    }

    private static long pid(StandInTool tool) {
        try {
            return tool.pid(1);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void show_replacesSummary_sameIdNewIdsOtherwise() throws Exception {
        StandInTool osascript = StandInTool.create(tmp, "osascript", "exit 0");
        MacNotifier n = new MacNotifier(osascript.program(), Duration.ofSeconds(10));
        long first = n.show(new Notifier.Notice("a", "b", true), 0);
        long second = n.show(new Notifier.Notice("c", "d", true), 0);
        assertTrue(first != 0 && second != 0 && first != second);
        assertEquals(first, n.show(new Notifier.Notice("e", "f", false), first));
        n.withdraw(first);
        assertEquals(3, osascript.runs(), "withdrawing runs nothing: osascript cannot take a notification down");
    }
}
