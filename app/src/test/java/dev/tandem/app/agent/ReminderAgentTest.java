package dev.tandem.app.agent;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.reminder.ReminderStore;
import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.TestClock;
import dev.tandem.engine.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tandem agent}'s ringing, in-process, against a stand-in notification server on a private
 * session bus; the store and the agent run on a clock the test moves.
 */
@Tag("process")
class ReminderAgentTest {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Instant NOON = Instant.parse("2026-11-18T11:00:00Z");

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(ZONE);
    private SessionBus bus;
    private FakeNotificationServer server;
    private TodoStore store;
    private DbusNotifier notifier;
    private ReminderAgent agent;

    @BeforeEach
    void start() throws Exception {
        bus = SessionBus.start();
        server = FakeNotificationServer.on(bus);
        clock.set(NOON);
        store = open(dir.resolve("a"));
        notifier = DbusNotifier.connect(bus.address()).orElseThrow();
        agent = new ReminderAgent(store, notifier, () -> ProfileLock.held(dir.resolve("a"), ProfileLock.WINDOW));
    }

    @AfterEach
    void stop() throws Exception {
        agent.close();
        notifier.close();
        store.close();
        server.close();
        bus.close();
    }

    private TodoStore open(Path profile) throws Exception {
        Files.createDirectories(profile);
        return new TodoStore(Schema.database(profile.resolve("tandem.db")).clock(clock).build(), clock, ZONE);
    }

    /** A todo whose reminder at {@code at} was set an hour before it, as reminders are. */
    static Item remindAt(TodoStore store, TestClock clock, String title, Instant at) {
        Instant now = clock.instant();
        clock.set(at.minus(Duration.ofHours(1)));
        try {
            return store.add(title, null, null, null, new TodoDetails(null, List.of(), null, at.toEpochMilli())).item();
        } finally {
            clock.set(now);
        }
    }

    /** How long the agent's tests wait for it: it runs beside a D-Bus daemon and, in some, a child JVM. */
    static final Duration AGENT_WAIT = Duration.ofSeconds(30);

    /** Runs {@code tandem --data-dir PROFILE ARGS} in-process on the test clock; fails the test unless it exits 0. */
    private void cli(Path profile, String... args) {
        CliRun.Result r = CliRun.run(Map.of(), clock, profile, args);
        assertEquals(0, r.code(), r.err());
    }

    private boolean pending(String id) {
        return new ReminderStore(store).pending().stream().anyMatch(i -> i.id().equals(id));
    }

    /** The desktop's signals come on the notifier's own thread, and one may arrive as the agent stops. */
    @Test
    void closedAndAction_signalledAfterTheAgentClosed_ignored() {
        AtomicReference<Notifier.Listener> heard = new AtomicReference<>();
        Notifier listening = new Notifier() {
            @Override
            public long show(Notice n, long replaces) {
                return 0;
            }

            @Override
            public void withdraw(long id) {
            }

            @Override
            public void listen(Listener l) {
                heard.set(l);
            }

            @Override
            public void close() {
            }
        };
        ReminderAgent stopped = new ReminderAgent(store, listening, () -> false);
        stopped.start();
        stopped.close();
        assertDoesNotThrow(() -> heard.get().closed(7));
        assertDoesNotThrow(() -> heard.get().action(7, Notifier.DONE));
    }

    @Test
    void ring_reminderComesDue_notificationWithDoneAndSnooze() throws Exception {
        Item it = remindAt(store, clock, "Call Sam", NOON.plus(Duration.ofMinutes(30)));
        agent.start();
        Await.until("the agent to schedule the next reminder", AGENT_WAIT, () -> agent.nextAt() != null);
        assertTrue(server.shown.isEmpty());
        clock.advance(Duration.ofMinutes(31));
        agent.wake();
        Await.until("a notification shown", AGENT_WAIT, () -> server.shown.size(), n -> n == 1);
        FakeNotificationServer.Shown n = server.shown.get(0);
        assertEquals("Call Sam", n.summary());
        assertEquals(List.of("done", "Done", "snooze", "Snooze 10 min"), n.actions());
        Await.until("the reminder no longer pending", AGENT_WAIT, () -> !pending(it.id()));
    }

    @Test
    void ring_dueWhileTheComputerWasOff_ringsOnceAtStart() throws Exception {
        remindAt(store, clock, "Missed", NOON.minus(Duration.ofHours(2)));
        // Typed at noon for 9:00: its time had passed when it was set, so it never rings.
        store.add("Too late", null, null, null,
                new TodoDetails(null, List.of(), null, NOON.minus(Duration.ofHours(3)).toEpochMilli()));
        agent.start();
        Await.until("no reminder left pending", AGENT_WAIT, () -> new ReminderStore(store).pending().isEmpty());
        agent.wake();
        Await.until("the agent to go idle", AGENT_WAIT, () -> agent.idle());
        assertEquals(List.of("Missed"), server.shown.stream().map(FakeNotificationServer.Shown::summary).toList());
    }

    @Test
    void done_clicked_completesHereAndOnTheOtherDeviceAfterSync() throws Exception {
        Item it = remindAt(store, clock, "Pay rent", NOON.minusSeconds(1));
        agent.start();
        Await.until("a notification shown", AGENT_WAIT, () -> server.shown.size(), n -> n == 1);
        server.click(server.shown.get(0).id(), Notifier.DONE);
        Await.until("the todo done", AGENT_WAIT, () -> store.get(it.id()).orElseThrow().isDone());
        Path remote = Files.createDirectories(dir.resolve("remote"));
        Path b = dir.resolve("b");
        cli(dir.resolve("a"), "sync", "--remote", "folder:" + remote);
        cli(b, "sync", "--remote", "folder:" + remote);
        try (TodoStore other = open(b)) {
            assertTrue(other.get(it.id()).orElseThrow().isDone());
        }
    }

    @Test
    void snooze_clicked_ringsAgainTenMinutesLater() throws Exception {
        Item it = remindAt(store, clock, "Stretch", NOON.minusSeconds(1));
        agent.start();
        Await.until("a notification shown", AGENT_WAIT, () -> server.shown.size(), n -> n == 1);
        server.click(server.shown.get(0).id(), Notifier.SNOOZE);
        Await.until("the snoozed reminder pending and scheduled", AGENT_WAIT,
                () -> pending(it.id()) && agent.nextAt() != null);
        clock.advance(Duration.ofMinutes(9));
        agent.wake();
        Await.until("the agent to go idle", AGENT_WAIT, () -> agent.idle());
        assertEquals(1, server.shown.size());
        clock.advance(Duration.ofMinutes(2));
        agent.wake();
        Await.until("two notifications shown", AGENT_WAIT, () -> server.shown.size(), n -> n == 2);
        assertEquals("Stretch", server.shown.get(1).summary());
    }

    @Test
    void completedOnAnotherDevice_arrivesBySync_notificationWithdrawn() throws Exception {
        Path remote = Files.createDirectories(dir.resolve("remote"));
        Path b = dir.resolve("b");
        Item it = remindAt(store, clock, "Buy milk", NOON.minusSeconds(1));
        cli(dir.resolve("a"), "sync", "--remote", "folder:" + remote);
        cli(b, "sync", "--remote", "folder:" + remote);
        agent.start();
        Await.until("a notification shown", AGENT_WAIT, () -> server.shown.size(), n -> n == 1);
        cli(b, "done", it.id());
        cli(b, "sync", "--remote", "folder:" + remote);
        // Another process (tandem sync) commits to this profile's file: the agent hears it through the file watch.
        cli(dir.resolve("a"), "sync", "--remote", "folder:" + remote);
        Await.until("the notification closed", AGENT_WAIT, () -> server.closed.contains(server.shown.get(0).id()));
    }

    @Test
    void ring_windowOpenOnTheProfile_oneNotificationNotTwo() throws Exception {
        Item first = remindAt(store, clock, "While the window is open", NOON.plus(Duration.ofMinutes(5)));
        Item second = remindAt(store, clock, "After it closed", NOON.plus(Duration.ofMinutes(20)));
        agent.start();
        Await.until("the agent to schedule the next reminder", AGENT_WAIT, () -> agent.nextAt() != null);
        try (ProfileLock window = ProfileLock.hold(dir.resolve("a"), ProfileLock.WINDOW)) {
            assertTrue(window != null);
            clock.advance(Duration.ofMinutes(6));
            agent.wake();
            Await.until("the agent to go idle", AGENT_WAIT, () -> agent.idle());
            // The window rings it: its claim takes it (the agent, looking again, finds it dismissed).
            assertEquals(1, new ReminderStore(store).claim(
                    List.of(new ReminderStore.Ring(first.id(), first.remindAt()))).size());
        }
        clock.advance(Duration.ofMinutes(15));
        agent.wake();
        Await.until("a notification shown", AGENT_WAIT, () -> server.shown.size(), n -> n == 1);
        agent.wake();
        Await.until("the agent to go idle", AGENT_WAIT, () -> agent.idle());
        assertEquals(List.of("After it closed"), server.shown.stream().map(FakeNotificationServer.Shown::summary).toList());
        assertFalse(pending(second.id()));
    }
}
