package dev.tandem.app.agent;

import dev.tandem.app.model.reminder.ReminderStore;
import dev.tandem.engine.testing.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.BoundedCommand;
import dev.tandem.app.settings.StandInTool;
import dev.tandem.app.testing.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windows' toast notifier against a stand-in powershell.exe that records its words and environment. */
@Tag("process")
class ToastNotifierTest {
    @TempDir
    Path tmp;

    private static void assertConstantScript(List<String> argv) {
        assertEquals(4, argv.size(), argv.toString());
        assertEquals(List.of("-NoProfile", "-NonInteractive", "-EncodedCommand"), argv.subList(0, 3));
        assertEquals(BoundedCommand.script(ToastNotifier.class, "toast.ps1"),
                new String(Base64.getDecoder().decode(argv.get(3)), StandardCharsets.UTF_16LE));
    }

    @Test
    void show_hostileTitles_constantScriptTitleOnlyInTheEnvironment() throws Exception {
        StandInTool ps = StandInTool.create(tmp, "powershell.exe", "exit 0");
        ToastNotifier n = new ToastNotifier(ps.program(), Duration.ofSeconds(10));
        int run = 0;
        for (String title : MacNotifierTest.HOSTILE) {
            long id = n.show(new Notifier.Notice(title, "Fri 27 Nov, 9:00", true), 0);
            run++;
            assertConstantScript(ps.argv(run));
            Map<String, String> env = ps.env(run);
            assertEquals("show", env.get("TANDEM_TOAST_OP"));
            assertEquals(NoticeText.line(title, NoticeText.MAX_SUMMARY), env.get("TANDEM_TOAST_TITLE"));
            assertEquals("Fri 27 Nov, 9:00", env.get("TANDEM_TOAST_BODY"));
            assertEquals(Long.toString(id), env.get("TANDEM_TOAST_TAG"));
        }
    }

    @Test
    void show_oneMegabyteTitle_environmentCutTo200Characters() throws Exception {
        StandInTool ps = StandInTool.create(tmp, "powershell.exe", "exit 0");
        new ToastNotifier(ps.program(), Duration.ofSeconds(10))
                .show(new Notifier.Notice("x".repeat(1 << 20), "y".repeat(1 << 20), true), 0);
        String title = ps.env(1).get("TANDEM_TOAST_TITLE");
        assertEquals(NoticeText.MAX_SUMMARY, title.codePointCount(0, title.length()));
        assertEquals(ToastNotifier.MAX_BODY, ps.env(1).get("TANDEM_TOAST_BODY").length());
    }

    @Test
    void showThenWithdraw_summaryReplacedByItsTagThenRemoved() throws Exception {
        StandInTool ps = StandInTool.create(tmp, "powershell.exe", "exit 0");
        ToastNotifier n = new ToastNotifier(ps.program(), Duration.ofSeconds(10));
        long summary = n.show(new Notifier.Notice("Reminder", "and 3 more reminders", false), 0);
        assertEquals(summary, n.show(new Notifier.Notice("Reminder", "and 4 more reminders", false), summary));
        assertEquals(Long.toString(summary), ps.env(2).get("TANDEM_TOAST_TAG"));
        n.withdraw(summary);
        assertConstantScript(ps.argv(3));
        assertEquals("remove", ps.env(3).get("TANDEM_TOAST_OP"));
        assertEquals(Long.toString(summary), ps.env(3).get("TANDEM_TOAST_TAG"));
    }

    @Test
    void show_powerShellHangs_killedAfterTheLimit() throws Exception {
        StandInTool ps = StandInTool.create(tmp, "powershell.exe", "exec sleep 60");
        ToastNotifier n = new ToastNotifier(ps.program(), Duration.ofMillis(1500));
        long start = System.nanoTime();
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> n.show(new Notifier.Notice("Call Sam", "9:00", true), 0));
        assertTrue(e.getMessage().contains("killed"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
        long pid = ps.pid(1);
        Await.until("the hung PowerShell to be killed",
                () -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    /** The agent over a notifier whose tool fails once: that reminder stays claimed, the agent rings the next. */
    @Test
    void ring_toolFailsOnce_reminderClaimedNotRungAgainNextOneShown() throws Exception {
        TestClock clock = new TestClock(ReminderAgentTest.ZONE);
        Instant noon = Instant.parse("2026-11-18T11:00:00Z");
        clock.set(noon);
        Path profile = Files.createDirectories(tmp.resolve("p"));
        StandInTool ps = StandInTool.create(tmp, "powershell.exe", "[ \"$n\" = 1 ] && exit 1; exit 0");
        try (TodoStore store = new TodoStore(Schema.database(profile.resolve("tandem.db")).clock(clock).build(), clock,
                ReminderAgentTest.ZONE);
             ToastNotifier n = new ToastNotifier(ps.program(), Duration.ofSeconds(10));
             ReminderAgent agent = new ReminderAgent(store, n, () -> false)) {
            Item first = ReminderAgentTest.remindAt(store, clock, "First", noon.minusSeconds(1));
            Item second = ReminderAgentTest.remindAt(store, clock, "Second", noon.plus(Duration.ofMinutes(5)));
            agent.start();
            Await.until("the first toast", () -> runs(ps) == 1);
            Await.until("the first reminder claimed", () -> new ReminderStore(store).pending().stream()
                    .noneMatch(i -> i.id().equals(first.id())));
            clock.advance(Duration.ofMinutes(6));
            agent.wake();
            Await.until("the second toast", () -> runs(ps) == 2);
            assertEquals("Second", ps.env(2).get("TANDEM_TOAST_TITLE"));
            agent.wake();
            assertTrue(agent.idle());
            assertEquals(2, runs(ps), "the failed one is not rung again");
            assertFalse(new ReminderStore(store).pending().stream().anyMatch(i -> i.id().equals(second.id())));
        }
    }

    private static int runs(StandInTool tool) {
        try {
            return tool.runs();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
