package dev.tandem.app.agent;

import static dev.tandem.app.agent.ReminderAgentTest.AGENT_WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Main;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.reminder.ReminderStore;
import dev.tandem.app.testing.CliRun;
import dev.tandem.engine.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tandem agent} as a real process on the real clock, killed with SIGKILL right after it rang: the
 * claim committed before the notification went out, so nothing rings twice, and what came due while no
 * agent ran rings when the next one starts.
 */
@Tag("process")
class AgentKillTest {
    @TempDir
    Path dir;

    private static Process agent(SessionBus bus, Path profile) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--data-dir", profile.toString(), "agent"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(profile.resolveSibling(profile.getFileName() + "-agent.log").toFile());
        pb.environment().put("DBUS_SESSION_BUS_ADDRESS", bus.address());
        pb.environment().put("TANDEM_LANG", "en");
        return pb.start();
    }

    private static Item remindSoon(TodoStore store, String title) {
        long at = System.currentTimeMillis() + 1_000;
        return store.add(title, null, null, null, new TodoDetails(null, List.of(), null, at)).item();
    }

    @Test
    void kill9_rightAfterRinging_nothingRingsTwiceAndTheNextStartRingsWhatCameDue() throws Exception {
        Path profile = dir.resolve("p");
        Files.createDirectories(profile);
        try (SessionBus bus = SessionBus.start(); FakeNotificationServer server = FakeNotificationServer.on(bus);
             TodoStore store = new TodoStore(Schema.database(profile.resolve("tandem.db")).build(),
                     Clock.systemDefaultZone(), Clock.systemDefaultZone().getZone())) {
            ReminderStore reminders = new ReminderStore(store);
            Item first = remindSoon(store, "First");
            Process p = agent(bus, profile);
            try {
                Await.until("a notification shown", AGENT_WAIT, () -> server.shown.size(), n -> n == 1);
            } finally {
                p.destroyForcibly();
                p.waitFor(20, TimeUnit.SECONDS);
            }
            assertEquals("First", server.shown.get(0).summary());
            assertFalse(reminders.pending().stream().anyMatch(i -> i.id().equals(first.id())));

            Item second = remindSoon(store, "While no agent ran");
            Await.until("the second reminder's time to pass", AGENT_WAIT,
                    () -> System.currentTimeMillis() > second.remindAt());
            assertTrue(reminders.pending().stream().anyMatch(i -> i.id().equals(second.id())));
            Process next = agent(bus, profile);
            try {
                Await.until("two notifications shown", AGENT_WAIT, () -> server.shown.size(), n -> n == 2);
                assertEquals(List.of("First", "While no agent ran"),
                        server.shown.stream().map(FakeNotificationServer.Shown::summary).toList());
                // A second agent on the profile gives way at once.
                CliRun.Result again = CliRun.run(Map.of(), profile, "agent");
                assertEquals(0, again.code());
                assertTrue(again.err().contains("An agent already runs on this profile."), again.err());
                CliRun.Result stop = CliRun.run(Map.of(), profile, "agent", "--stop");
                assertEquals(0, stop.code(), stop.err());
                assertTrue(next.waitFor(20, TimeUnit.SECONDS));
                assertFalse(ProfileLock.held(profile, ProfileLock.AGENT));
            } finally {
                next.destroyForcibly();
            }
        }
    }
}
