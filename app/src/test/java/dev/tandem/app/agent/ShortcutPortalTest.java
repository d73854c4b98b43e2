package dev.tandem.app.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quick add on a global shortcut through a stand-in GlobalShortcuts portal on a private session bus; the window
 * starter records the command instead of opening a window.
 */
@Tag("process")
class ShortcutPortalTest {
    private static final List<String> COMMAND = List.of("/opt/tandem/bin/Tandem", "add", "--window");

    @TempDir
    Path dir;
    private SessionBus bus;
    private final List<List<String>> started = new CopyOnWriteArrayList<>();
    private final List<String> said = new CopyOnWriteArrayList<>();
    /** Whether the last window "started" still runs. */
    private final AtomicBoolean windowRuns = new AtomicBoolean(true);
    private final ShortcutPortal.Starter starter = command -> {
        started.add(command);
        return windowRuns::get;
    };

    @BeforeEach
    void start() throws Exception {
        bus = SessionBus.start();
    }

    @AfterEach
    void stop() throws Exception {
        bus.close();
    }

    private Optional<ShortcutPortal> bind(Duration wait) {
        return ShortcutPortal.bind(bus.address(), dir, Optional.of(COMMAND), starter, wait, said::add);
    }

    private String state() throws Exception {
        return Files.readString(dir.resolve(ShortcutPortal.STATE_FILE)).strip();
    }

    @Test
    void bind_portalAnswers_bindsQuickAddWithTriggerAndSaysSo() throws Exception {
        try (FakeShortcutPortal portal = FakeShortcutPortal.on(bus, false);
             ShortcutPortal p = bind(ShortcutPortal.WAIT).orElseThrow()) {
            assertEquals(1, portal.bound.size());
            FakeShortcutPortal.Bound b = portal.bound.get(0);
            assertEquals("quick-add", b.id());
            assertEquals("CTRL+ALT+space", b.preferredTrigger());
            assertEquals("Quick add a todo to Tandem", b.description());
            assertEquals(portal.session(), b.session());
            assertEquals("portal CTRL+ALT+space", state());
            assertEquals(Optional.of(new ShortcutPortal.State(true, "CTRL+ALT+space")), ShortcutPortal.State.read(dir));
            assertTrue(said.isEmpty(), said.toString());
            assertTrue(started.isEmpty());
        }
    }

    @Test
    void activated_twiceWhileWindowRuns_startsOneWindowThenAnotherOnceClosed() throws Exception {
        try (FakeShortcutPortal portal = FakeShortcutPortal.on(bus, false);
             ShortcutPortal p = bind(ShortcutPortal.WAIT).orElseThrow()) {
            portal.press("quick-add");
            Await.until("one quick-add window started", ReminderAgentTest.AGENT_WAIT, () -> started.size() == 1);
            assertEquals(COMMAND, started.get(0));
            portal.press("quick-add");
            Await.until("one press ignored", ReminderAgentTest.AGENT_WAIT, () -> p.ignored() == 1);
            assertEquals(1, started.size());
            windowRuns.set(false);
            portal.press("quick-add");
            Await.until("two quick-add windows started", ReminderAgentTest.AGENT_WAIT, () -> started.size() == 2);
        }
    }

    @Test
    void activated_fromAnotherSenderOrForAnotherId_ignoredWhileTheRealKeysStillWork() throws Exception {
        try (FakeShortcutPortal portal = FakeShortcutPortal.on(bus, false);
             ShortcutPortal p = bind(ShortcutPortal.WAIT).orElseThrow();
             DBusConnection intruder = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build()) {
            // Any program on the bus can send a signal with the portal's path, interface, session and id.
            intruder.sendMessage(new ShortcutPortalBus.GlobalShortcuts.Activated(ShortcutPortalBus.PATH,
                    new DBusPath(portal.session()), "quick-add", new UInt64(0), Map.of()));
            Await.until("one press ignored", ReminderAgentTest.AGENT_WAIT, () -> p.ignored() == 1);
            portal.press("something-else");
            Await.until("two presses ignored", ReminderAgentTest.AGENT_WAIT, () -> p.ignored() == 2);
            assertTrue(started.isEmpty(), started.toString());
            portal.press("quick-add");
            Await.until("one quick-add window started", ReminderAgentTest.AGENT_WAIT, () -> started.size() == 1);
        }
    }

    @Test
    void bind_noPortalOnTheBus_statesNoneSaysSoOnceStartsNothing() throws Exception {
        assertTrue(bind(ShortcutPortal.WAIT).isEmpty());
        assertEquals("none no-portal", state());
        assertEquals(Optional.of(new ShortcutPortal.State(false, "no-portal")), ShortcutPortal.State.read(dir));
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).startsWith("No global-shortcut portal"), said.get(0));
        assertTrue(started.isEmpty());
    }

    @Test
    void bind_portalNeverAnswers_givesUpAfterTheBound() throws Exception {
        try (FakeShortcutPortal portal = FakeShortcutPortal.on(bus, true)) {
            long t0 = System.nanoTime();
            assertTrue(bind(Duration.ofMillis(500)).isEmpty());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 500 && ms < 15_000, ms + " ms");
            assertEquals("none no-answer", state());
            assertEquals(1, said.size(), said.toString());
            assertTrue(said.get(0).contains("did not answer"), said.get(0));
            assertTrue(started.isEmpty());
        }
    }

    @Test
    void stateRead_hugeOrForeignFile_boundedOrEmpty() throws Exception {
        Files.writeString(dir.resolve(ShortcutPortal.STATE_FILE), "portal " + "x".repeat(1 << 20));
        ShortcutPortal.State s = ShortcutPortal.State.read(dir).orElseThrow();
        assertTrue(s.portal());
        assertTrue(s.detail().length() <= ShortcutPortal.MAX_STATE_BYTES, String.valueOf(s.detail().length()));
        Files.writeString(dir.resolve(ShortcutPortal.STATE_FILE), "rm -rf /\n");
        assertFalse(ShortcutPortal.State.read(dir).isPresent());
        Files.delete(dir.resolve(ShortcutPortal.STATE_FILE));
        assertFalse(ShortcutPortal.State.read(dir).isPresent());
    }
}
