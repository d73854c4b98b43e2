package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.feeds.FeedException;
import dev.tandem.app.feeds.FeedLimits;
import dev.tandem.app.fx.Async;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.app.settings.CalendarMeSetting;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.testing.FakeDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Me" in Settings → Calendars without a toolkit: an address (or nothing) saved for every calendar, the next refresh
 * leaving out the invitations declined at it although the file has not changed; anything else refused, kept as typed.
 * Files on disk, the work on the calling thread ({@link Async#direct}), a fixed clock.
 */
@Tag("unit")
class CalendarsMeViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private EventStore store;
    private SettingsStore settings;
    private final List<Throwable> errors = new ArrayList<>();
    private CalendarsViewModel vm;

    /** A standup, and a review that ana@example.com declined. */
    private static String ics() {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                + "BEGIN:VEVENT\r\nUID:standup\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261202T090000Z\r\n"
                + "DURATION:PT30M\r\nSUMMARY:Standup\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:review\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261203T140000Z\r\n"
                + "DURATION:PT1H\r\nSUMMARY:Review\r\nORGANIZER:mailto:boss@example.com\r\n"
                + "ATTENDEE;PARTSTAT=DECLINED:mailto:ana@example.com\r\n"
                + "ATTENDEE;PARTSTAT=ACCEPTED:mailto:bo@example.com\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n";
    }

    private CalendarsViewModel page() {
        return new CalendarsViewModel(store, FeedLimits.DEFAULT, CLOCK, a -> {
            throw new FeedException("no saved account");
        }, Async.direct(errors::add), new FakeDialogs(), () -> { }, new SettingsStore(tmp));
    }

    @BeforeEach
    void setUp() {
        store = EventStore.open(Optional.of(tmp.resolve("tandem.db")));
        settings = new SettingsStore(tmp);
        vm = page();
        vm.load();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void saveMe_address_everyCalendarGetsIt_nextRefreshLeavesOutTheDeclined_emptyBringsThemBack() throws Exception {
        vm.addFile(Files.writeString(tmp.resolve("team.ics"), ics()));
        store.add(CalendarSubscription.of("other", Files.writeString(tmp.resolve("other.ics"), ics()).toString(), "",
                "bo@example.com"));
        vm.refreshNow();
        assertEquals(2, store.count("team"));
        vm.refreshNow();
        assertEquals(2, store.count("team"), "an unchanged file is not read again");

        vm.loadMe();
        assertEquals("", vm.meProperty().get(), "the calendars do not share an address");
        vm.meProperty().set("  mailto:ana@example.com ");
        vm.saveMe();
        assertFalse(vm.errorProperty().get(), vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Saved: invitations declined at ana@example.com"),
                vm.messageProperty().get());
        assertEquals("ana@example.com", vm.meProperty().get(), "shown as kept");
        assertEquals(List.of("ana@example.com", "ana@example.com"),
                store.subscriptions().stream().map(CalendarSubscription::me).toList());
        assertEquals(2, store.count("team"), "nothing changes before the next refresh");

        vm.refreshNow();
        assertEquals(1, store.count("team"), "the review ana declined is left out, though the file has not changed");
        assertEquals(1, store.count("other"));

        // A calendar added later gets it; a new page shows it.
        vm.addFile(Files.writeString(tmp.resolve("later.ics"), ics()));
        assertEquals(1, store.count("later"));
        CalendarsViewModel again = page();
        again.loadMe();
        assertEquals("ana@example.com", again.meProperty().get());

        again.meProperty().set("");
        again.saveMe();
        assertFalse(again.errorProperty().get(), again.messageProperty().get());
        again.refreshNow();
        assertEquals(2, store.count("team"), "no address: nothing is left out as declined");
        assertEquals("", settings.get(CalendarMeSetting.KEY, null));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void saveMe_notAnAddress_isRefusedWithWhy_keepsWhatWasTyped_andSavesNothing() throws Exception {
        vm.addFile(Files.writeString(tmp.resolve("team.ics"), ics()));
        for (String bad : List.of("ana at example.com", "ana@example", "Ana <ana@example.com>", "ana@@example.com",
                "a@b.c d", "x".repeat(250) + "@example.com", "ana@example.com; bo@example.com")) {
            vm.meProperty().set(bad);
            vm.saveMe();
            assertTrue(vm.errorProperty().get(), bad);
            assertEquals("“" + bad.strip() + "” is not an e-mail address: write it like you@example.com, or leave it empty.",
                    vm.messageProperty().get());
            assertEquals(bad, vm.meProperty().get(), "what was typed stays");
        }
        assertEquals(null, settings.get(CalendarMeSetting.KEY, null), "nothing saved");
        assertEquals("", store.me());
        vm.refreshNow();
        assertEquals(2, store.count("team"));
    }
}
