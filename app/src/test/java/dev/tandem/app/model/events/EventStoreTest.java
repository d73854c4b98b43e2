package dev.tandem.app.model.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class EventStoreTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static CalendarEvent at(String cal, String title, String utc, long minutes) {
        long s = Instant.parse(utc).toEpochMilli();
        return new CalendarEvent(cal, title, s, s + minutes * 60_000, false, false, title, "");
    }

    private static CalendarEvent allDay(String cal, String title, String day) {
        long s = LocalDateTime.parse(day + "T00:00").toInstant(ZoneOffset.UTC).toEpochMilli();
        return new CalendarEvent(cal, title, s, s + 86_400_000L, true, true, title, "");
    }

    @Test
    void between_returnsOverlappingEventsOfEnabledCalendarsByStart(@TempDir Path dir) {
        try (EventStore store = EventStore.open(Optional.of(dir.resolve("tandem.db")))) {
            store.add(CalendarSubscription.of("Work", "https://example.com/w.ics", "#3366ff", ""));
            store.add(CalendarSubscription.of("Home", "/tmp/h.ics", "", ""));
            store.replace("Work", List.of(at("Work", "Late", "2026-12-03T16:00:00Z", 60),
                    at("Work", "Early", "2026-12-03T07:00:00Z", 30), at("Work", "Other day", "2026-12-05T07:00:00Z", 30),
                    at("Work", "Spans midnight", "2026-12-02T22:30:00Z", 120)), "\"e1\"", Instant.EPOCH);
            store.replace("Home", List.of(allDay("Home", "Birthday", "2026-12-03")), "", Instant.EPOCH);
            Instant from = LocalDateTime.parse("2026-12-03T00:00").atZone(BERLIN).toInstant();
            Instant to = from.plusSeconds(86_400);
            assertEquals(List.of("Spans midnight", "Birthday", "Early", "Late"),
                    store.between(from, to, BERLIN).stream().map(CalendarEvent::title).toList());
            store.enable("Home", false);
            assertEquals(3, store.between(from, to, BERLIN).size());
        }
    }

    @Test
    void replace_remoteTextWithSql_isStoredAsIsAndTheTablesStand(@TempDir Path dir) {
        try (EventStore store = EventStore.open(Optional.of(dir.resolve("tandem.db")))) {
            store.add(CalendarSubscription.of("x'); DROP TABLE events;--", "https://e.com/a.ics", "", ""));
            String title = "'); DELETE FROM subscriptions; --";
            store.replace("x'); DROP TABLE events;--", List.of(at("x'); DROP TABLE events;--", title,
                    "2026-12-03T10:00:00Z", 10)), "\"'\"", Instant.EPOCH);
            List<CalendarEvent> e = store.between(Instant.parse("2026-12-01T00:00:00Z"),
                    Instant.parse("2026-12-09T00:00:00Z"), BERLIN);
            assertEquals(title, e.get(0).title());
            assertEquals("\"'\"", store.subscriptions().get(0).validator());
        }
    }

    @Test
    void failed_keepsTheLastCopyAndTheReason_replaceClearsIt(@TempDir Path dir) {
        Path db = dir.resolve("tandem.db");
        try (EventStore store = EventStore.open(Optional.of(db))) {
            store.add(CalendarSubscription.of("Work", "https://example.com/w.ics", "", ""));
            store.replace("Work", List.of(at("Work", "Kept", "2026-12-03T10:00:00Z", 10)), "v1", Instant.ofEpochMilli(5));
            store.failed("Work", "the server answered 500", Instant.ofEpochMilli(9));
        }
        // A new process (the app after the command line) finds both.
        try (EventStore store = EventStore.open(Optional.of(db))) {
            CalendarSubscription s = store.subscription("Work").orElseThrow();
            assertEquals("the server answered 500", s.problem());
            assertEquals(5, s.refreshed());
            assertEquals(9, s.tried());
            assertEquals(1, store.count("Work"));
            assertFalse(store.add(CalendarSubscription.of("Work", "other", "", "")));
            assertTrue(store.remove("Work"));
            assertEquals(0, store.count("Work"));
        }
    }

    @Test
    void me_givesEveryCalendarTheAddress_forgetsTheValidators_aRefreshUnderWayForTheOldOneKeepsNone(@TempDir Path dir) {
        try (EventStore store = EventStore.open(Optional.of(dir.resolve("tandem.db")))) {
            Instant now = Instant.parse("2026-12-01T08:00:00Z");
            store.add(CalendarSubscription.of("team", "https://example.com/team.ics", "", "bo@example.com"));
            store.add(CalendarSubscription.of("home", "/tmp/home.ics", "", ""));
            store.replace("team", List.of(), "etag-1", now, "bo@example.com");
            store.replace("home", List.of(), "12@34", now, "");
            assertEquals("etag-1", store.subscription("team").orElseThrow().validator());
            assertEquals("", store.me(), "the calendars do not share an address");

            store.me("ana@example.com");
            assertEquals("ana@example.com", store.me());
            for (CalendarSubscription s : store.subscriptions()) {
                assertEquals("ana@example.com", s.me(), s.name());
                assertEquals("", s.validator(), s.name() + ": read whole at its next refresh");
            }
            // A refresh that read "team" for bo before the change ends now: its events stand, its validator not.
            store.replace("team", List.of(), "etag-2", now, "bo@example.com");
            assertEquals("", store.subscription("team").orElseThrow().validator());
            store.replace("team", List.of(), "etag-3", now, "ana@example.com");
            assertEquals("etag-3", store.subscription("team").orElseThrow().validator());

            store.me("ana@example.com");
            assertEquals("etag-3", store.subscription("team").orElseThrow().validator(), "the same address forgets nothing");
        }
    }
}
