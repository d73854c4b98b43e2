package dev.tandem.app.agent;

import static dev.tandem.app.agent.ReminderAgentTest.remindAt;
import static dev.tandem.app.agent.ReminderAgentTest.AGENT_WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.reminder.ReminderStore;
import dev.tandem.app.testing.TestClock;
import dev.tandem.engine.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Titles and counts the agent did not choose: items arrive by sync from any device or a shared list's
 * member, with titles no editor would let through, and thousands at once. The desktop stays usable.
 */
@Tag("process")
class ReminderAgentAttackTest {
    private static final Instant NOON = Instant.parse("2026-11-18T11:00:00Z");

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(ReminderAgentTest.ZONE);
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
        store = new TodoStore(Schema.database(dir.resolve("tandem.db")).clock(clock).build(), clock, ReminderAgentTest.ZONE);
        notifier = DbusNotifier.connect(bus.address()).orElseThrow();
        agent = new ReminderAgent(store, notifier, () -> ProfileLock.held(dir, ProfileLock.WINDOW));
    }

    @AfterEach
    void stop() throws Exception {
        agent.close();
        notifier.close();
        store.close();
        server.close();
        bus.close();
    }

    /** Writes the title as sync would: straight into the row, past the editor's limits. */
    private void syncedTitle(Item it, String title) {
        store.writeAll(tx -> tx.save(store.get(it.id()).orElseThrow().withTitle(title)));
    }

    @Test
    void ring_oneMegabyteTitle_summaryCutTo200Characters() throws Exception {
        Item it = remindAt(store, clock, "placeholder", NOON.plus(Duration.ofMinutes(1)));
        syncedTitle(it, "x".repeat(1 << 20));
        agent.start();
        Await.until("the agent to schedule the next reminder", AGENT_WAIT, () -> agent.nextAt() != null);
        clock.advance(Duration.ofMinutes(2));
        agent.wake();
        Await.until("a notification shown", AGENT_WAIT, () -> server.shown.size(), n -> n == 1);
        String summary = server.shown.get(0).summary();
        assertEquals(NoticeText.MAX_SUMMARY, summary.codePointCount(0, summary.length()));
        assertTrue(summary.endsWith("…"));
        assertFalse(new ReminderStore(store).pending().stream().anyMatch(i -> i.id().equals(it.id())));
    }

    @Test
    void ring_controlCharactersAndMarkupInTitle_oneCleanLineAndEscapedBody() throws Exception {
        Item it = remindAt(store, clock, "placeholder", NOON.plus(Duration.ofMinutes(1)));
        syncedTitle(it, "Pay\u0000 rent\n\n\u001b[31m<b>now</b>\u202Egnp.exe\r\t&amp;");
        agent.start();
        Await.until("the agent to schedule the next reminder", AGENT_WAIT, () -> agent.nextAt() != null);
        clock.advance(Duration.ofMinutes(2));
        agent.wake();
        Await.until("a notification shown", AGENT_WAIT, () -> server.shown.size(), n -> n == 1);
        FakeNotificationServer.Shown n = server.shown.get(0);
        assertEquals("Pay rent [31m<b>now</b> gnp.exe &amp;", n.summary());
        assertTrue(n.summary().chars().noneMatch(Character::isISOControl));
        assertFalse(n.body().contains("<"), n.body());
    }

    @Test
    void line_loneSurrogates_becomeSpacesAndPairsStay() {
        // A title cut inside a pair by another client: no UTF-8 form, so D-Bus could not carry it.
        assertEquals("x \uD83D\uDE00 y", NoticeText.line("x\uDC00\uD83D\uDE00\uD800y", NoticeText.MAX_SUMMARY));
    }

    @Test
    void escaped_markup_showsAsTyped() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;it&apos;s&lt;/a&gt; &amp;amp;", NoticeText.escaped("<a href=\"x\">it's</a> &amp;"));
    }

    @Test
    void ring_tenThousandDueAtOnce_tenNotificationsAndOneSummary() throws Exception {
        int n = 10_000;
        long at = NOON.plus(Duration.ofMinutes(1)).toEpochMilli();
        Item template = remindAt(store, clock, "Synced 0", Instant.ofEpochMilli(at));
        clock.set(NOON.minus(Duration.ofHours(1)));
        store.writeAll(tx -> {
            for (int i = 1; i < n; i++) {
                tx.save(template.withId(UUID.randomUUID().toString()).withTitle("Synced " + i).withRemindAt(at));
            }
            return null;
        });
        clock.set(NOON);
        agent.start();
        Await.until("the agent to schedule the next reminder", AGENT_WAIT, () -> agent.nextAt() != null);
        clock.advance(Duration.ofMinutes(2));
        agent.wake();
        Await.until("no reminder left pending", AGENT_WAIT, () -> new ReminderStore(store).pending().isEmpty());
        Await.until("the agent to go idle", AGENT_WAIT, () -> agent.idle());
        assertEquals(ReminderAgent.PER_MINUTE, server.reminders().size());
        List<FakeNotificationServer.Shown> summaries = server.shown.stream().filter(s -> s.actions().isEmpty()).toList();
        assertEquals(1, summaries.size());
        assertEquals("and 9,990 more reminders", summaries.get(0).body());
        Set<Long> onScreen = server.shown.stream().map(FakeNotificationServer.Shown::id).collect(Collectors.toSet());
        assertEquals(ReminderAgent.PER_MINUTE + 1, onScreen.size());

        // A minute on, the next batch of ten gets its own notifications; the summary is replaced, not added.
        Instant later = clock.instant().plus(Duration.ofMinutes(2));
        store.writeAll(tx -> {
            for (int i = 0; i < 20; i++) {
                tx.save(template.withId(UUID.randomUUID().toString()).withTitle("Later " + i)
                        .withRemindAt(later.toEpochMilli()).withRemindDismissed(null));
            }
            return null;
        });
        Await.until("the agent to schedule the later reminder", AGENT_WAIT,
                () -> agent.nextAt() != null && agent.nextAt() == later.toEpochMilli());
        clock.advance(Duration.ofMinutes(3));
        agent.wake();
        Await.until("no reminder left pending", AGENT_WAIT, () -> new ReminderStore(store).pending().isEmpty());
        Await.until("the agent to go idle", AGENT_WAIT, () -> agent.idle());
        assertEquals(2 * ReminderAgent.PER_MINUTE, server.reminders().size());
        FakeNotificationServer.Shown last = server.shown.get(server.shown.size() - 1);
        assertEquals(summaries.get(0).id(), last.replaces());
        assertEquals("and 10,000 more reminders", last.body());
    }

    @Test
    void actionInvoked_fromAnotherProgramOnTheBus_ignored() throws Exception {
        Item it = remindAt(store, clock, "Only I press Done", NOON.minusSeconds(1));
        agent.start();
        Await.until("a notification shown", AGENT_WAIT, () -> server.shown.size(), n -> n == 1);
        long id = server.shown.get(0).id();
        try (DBusConnection impostor =
                     DBusConnectionBuilder.forAddress(bus.address())
                             .withShared(false).build()) {
            impostor.sendMessage(new Notifications.ActionInvoked(Notifications.PATH,
                    new UInt32(id), Notifier.DONE));
            // The bus delivers the impostor's signal first; the server's own click comes after it.
            impostor.getRemoteObject(Notifications.BUS_NAME, Notifications.PATH, Notifications.class).GetCapabilities();
            server.click(id, Notifier.SNOOZE);
            Await.until("the todo done or its reminder moved", AGENT_WAIT,
                    () -> store.get(it.id()).orElseThrow().isDone()
                            || store.get(it.id()).orElseThrow().remindAt() != it.remindAt().longValue());
        }
        assertFalse(store.get(it.id()).orElseThrow().isDone());
    }

    @Test
    void claim_twoProcessesOnOneProfile_eachReminderRingsInOne() throws Exception {
        Item it = remindAt(store, clock, "Once", NOON.minusSeconds(1));
        ReminderStore.Ring ring = new ReminderStore.Ring(it.id(), it.remindAt());
        // A second connection to the same file, as the window's would be.
        try (TodoStore window = new TodoStore(Schema.database(dir.resolve("tandem.db")).clock(clock).build(), clock,
                ReminderAgentTest.ZONE)) {
            List<List<ReminderStore.Ring>> got = Collections.synchronizedList(new ArrayList<>());
            Thread a = new Thread(() -> got.add(new ReminderStore(window).claim(List.of(ring))));
            Thread b = new Thread(() -> got.add(new ReminderStore(store).claim(List.of(ring))));
            a.start();
            b.start();
            a.join();
            b.join();
            assertEquals(1, got.stream().filter(l -> !l.isEmpty()).count(), got.toString());
        }
        assertTrue(Files.exists(dir.resolve("tandem.db")));
    }
}
