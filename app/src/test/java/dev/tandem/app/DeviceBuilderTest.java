package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.agent.Notifier;
import dev.tandem.app.feeds.FeedSource;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.sync.Pacing;
import dev.tandem.app.sync.SyncStatus;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One composition for every process that stays up: the switches say which services run, {@code build} refuses
 * switches that do not fit before anything opens, and a device on a command's store leaves that store open.
 */
@Tag("unit")
class DeviceBuilderTest {
    @TempDir
    Path tmp;

    @Test
    void build_syncSetTwice_refusedBeforeAnythingOpens() {
        Path dir = tmp.resolve("p");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Device.builder("A", dir)
                .syncSaved().syncWith(SyncSettings.folder(tmp.resolve("remote"), 60)).build());
        assertTrue(e.getMessage().contains("sync"), e.getMessage());
        assertFalse(Files.exists(dir), "no profile made");
    }

    @Test
    void build_storeOfAnotherProfile_refused() {
        try (TodoStore other = TodoStore.open(Schema.database(tmp.resolve("other.db")), Clock.systemUTC(),
                ZoneOffset.UTC)) {
            assertThrows(IllegalStateException.class, () -> Device.builder("A", tmp.resolve("p")).store(other).build());
        }
    }

    @Test
    void build_nothingSwitchedOn_runsNoServiceAndLeavesTheCommandsStoreOpen() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        try (TodoStore store = TodoStore.open(Schema.database(dir.resolve(Device.DB_FILE)), Clock.systemUTC(),
                ZoneOffset.UTC)) {
            try (Device d = Device.builder("A", dir).store(store).build()) {
                assertEquals(List.of(), d.services());
                assertTrue(d.server().isEmpty());
                assertEquals(SyncStatus.State.OFF, d.sync().status().state());
            }
            // The command's store outlives the device: it still reads and writes.
            store.add("After the device closed", null, null);
            assertEquals(1, store.allItems().size());
        }
    }

    @Test
    void services_switchedOn_listedInStartOrder() {
        try (Device d = Device.builder("A", tmp.resolve("p")).startNow(false).caldav().backups().calendars()
                .reminders(Notifier.NONE, () -> true).build()) {
            assertEquals(List.of("backups", "caldav", "calendars", "reminders"), d.services());
        }
    }

    /** Serve's calendars: read at start without a window, so the page it serves shows this hour's events. */
    @Test
    void calendars_switchedOn_aSubscribedFileReadAtStart() throws Exception {
        String day = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString().replace("-", "");
        Path ics = Files.writeString(tmp.resolve("team.ics"), String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
                "PRODID:-//test//EN", "BEGIN:VEVENT", "UID:standup@test", "DTSTAMP:20260101T000000Z",
                "DTSTART:" + day + "T090000Z", "DTEND:" + day + "T093000Z", "SUMMARY:Stand-up", "END:VEVENT",
                "END:VCALENDAR", ""));
        try (Device d = Device.builder("A", tmp.resolve("p")).startNow(false).calendars().build()) {
            d.events().add(CalendarSubscription.of("team", FeedSource.of(ics.toString()).stored(), "", ""));
            assertEquals(0, d.events().count("team"));
            d.start();
            Await.until("the subscribed file read", () -> d.events().count("team"), n -> n == 1);
            assertEquals("", d.events().subscription("team").orElseThrow().problem());
        }
    }

    /**
     * Serve's composition (the caller's engine, the timed sync an hour away, no remote check for minutes): a todo
     * another program commits on the profile is pushed after the push delay, in one sync of its own.
     */
    @Test
    void syncWithEngine_commitByAnotherProgram_pushedAfterThePushDelay() throws Exception {
        Path dir = tmp.resolve("nas");
        try (Device d = Device.builder("NAS", dir).debounce(Duration.ofMillis(50))
                .syncWith(SyncEngine.builder().storage(SyncStorage.memory()).build(), Duration.ofHours(1), Pacing.REMOTE)
                .startNow(false).build()) {
            AtomicInteger syncs = new AtomicInteger();
            d.sync().addListener(s -> {
                if (s.state() == SyncStatus.State.SYNCING && "starting".equals(s.phase())) {
                    syncs.incrementAndGet();
                }
            });
            d.sync().setFocused(false);
            d.start();
            // The first sync pushes what the profile held at start (its device row); only then is the count clean.
            Await.until("the first sync over", () -> d.sync().status(),
                    st -> st.state() == SyncStatus.State.IDLE && st.pendingChanges() == 0 && st.lastReport() != null);
            // An edit here, pushed: from then on the engine knows the remote's change marker, and only an edit syncs.
            // The wait asks for a sync started after the add, never met by the first sync's report.
            int beforeEdit = syncs.get();
            d.store().add("Added on the NAS", null, null);
            Await.until("the device's own edit pushed", () -> d.sync().status(),
                    st -> st.state() == SyncStatus.State.IDLE && st.pendingChanges() == 0 && syncs.get() > beforeEdit
                            && st.lastReport() != null && st.lastReport().pushed() >= 1);
            int before = syncs.get();
            try (TodoStore cli = TodoStore.openForCommand(Schema.database(dir.resolve(Device.DB_FILE)),
                    Clock.systemUTC(), ZoneOffset.UTC)) {
                cli.add("Added by the command line", null, null);
            }
            Await.until("the other program's todo pushed", () -> d.sync().status(),
                    st -> st.state() == SyncStatus.State.IDLE && st.pendingChanges() == 0 && syncs.get() > before
                            && st.lastReport() != null && st.lastReport().pushed() >= 1);
            assertEquals(before + 1, syncs.get(), "one sync, for the other program's commit");
        }
    }

    @Test
    void build_negativeDebounce_refused() {
        assertThrows(IllegalStateException.class, () -> Device.builder("A", tmp.resolve("p"))
                .debounce(Duration.ofMillis(-1)).build());
    }
}
