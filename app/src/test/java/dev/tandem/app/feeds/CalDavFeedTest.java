package dev.tandem.app.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.events.CalendarEvent;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.engine.caldav.CalDavAccount;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.engine.testing.CalDavServer;
import dev.tandem.engine.testing.WebDavServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A CalDAV account's event calendar on Radicale (a user of this test's own on the JVM's one) and on
 * Xandikos (a process of the test's own), holding what calendar apps write: a weekly series with one
 * occurrence moved (RECURRENCE-ID, in the same object as RFC 4791 asks) and one taken out (EXDATE), an
 * all-day event, an event over three days, a Europe/Berlin series with its VTIMEZONE across the change
 * to summer time, and an invitation the user declined. Found beside a task-only calendar, read,
 * asked again by its version (unchanged: nothing read), and after one object changes only that one
 * read again.
 */
@Tag("server")
class CalDavFeedTest {
    /** The refresh's "now": the window reaches {@link FeedRefresh#BEFORE} back and AHEAD ahead, past March 2027. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String ME = "sam@example.com";

    private static String calendar(String... components) {
        return ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n" + String.join("", components)
                + "END:VCALENDAR\n").replace("\n", "\r\n");
    }

    private static String vevent(String uid, String more) {
        return "BEGIN:VEVENT\nUID:" + uid + "\nDTSTAMP:20261101T000000Z\n" + more + "END:VEVENT\n";
    }

    /** Europe/Berlin as Thunderbird writes it: CET in winter, CEST from the last Sunday of March. */
    private static final String BERLIN_ZONE = "BEGIN:VTIMEZONE\nTZID:Europe/Berlin\n"
            + "BEGIN:DAYLIGHT\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nTZNAME:CEST\nDTSTART:19700329T020000\n"
            + "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\nEND:DAYLIGHT\n"
            + "BEGIN:STANDARD\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nTZNAME:CET\nDTSTART:19701025T030000\n"
            + "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\nEND:STANDARD\nEND:VTIMEZONE\n";

    private static final String TEAM_SYNC = calendar(
            vevent("sync", "SUMMARY:Team sync\nDTSTART:20261207T100000Z\nDTEND:20261207T103000Z\n"
                    + "RRULE:FREQ=WEEKLY;COUNT=4\nEXDATE:20261221T100000Z\n"),
            vevent("sync", "SUMMARY:Team sync (moved)\nRECURRENCE-ID:20261214T100000Z\n"
                    + "DTSTART:20261215T150000Z\nDTEND:20261215T153000Z\n"));

    /** An event calendar, made with MKCALENDAR as a calendar app would. */
    private static void makeEventCalendar(CalDavServer server, String path) throws Exception {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><c:mkcalendar xmlns:d=\"DAV:\" "
                + "xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:set><d:prop><d:displayname>Work</d:displayname>"
                + "<c:supported-calendar-component-set><c:comp name=\"VEVENT\"/></c:supported-calendar-component-set>"
                + "</d:prop></d:set></c:mkcalendar>";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url())
                        .resolve(path)).method("MKCALENDAR", HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/xml; charset=utf-8")
                .header("Authorization", WebDavServer.basicAuth(server.user(), CalDavServer.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
    }

    private static List<CalendarEvent> titled(List<CalendarEvent> events, String prefix) {
        return events.stream().filter(e -> e.title().startsWith(prefix)).toList();
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void refresh_eventCalendarWithSeriesExceptionsAndZones_showsEachOccurrenceAndAsksAgainByItsVersion(
            CalDavServer.Kind kind, @TempDir Path tmp) throws Exception {
        try (CalDavServer server = CalDavServer.forTest(kind);
             EventStore store = EventStore.open(Optional.of(tmp.resolve("tandem.db")))) {
            WebDavSettings root = new WebDavSettings(server.url(), server.user(), CalDavServer.PASSWORD);
            String work;
            try (CalDavAccount account = CalDavAccount.connect(root)) {
                // The calendar home is the server's own (Radicale: /user/, Xandikos: /user/calendars/).
                String tasks = account.createCalendar("Tasks").href();
                work = tasks.substring(0, tasks.lastIndexOf('/', tasks.length() - 2) + 1) + "work/";
                makeEventCalendar(server, work);
                account.write(work + "sync.ics", TEAM_SYNC, null).orElseThrow();
                account.write(work + "holiday.ics", calendar(vevent("holiday", "SUMMARY:Holiday\n"
                        + "DTSTART;VALUE=DATE:20261224\nDTEND;VALUE=DATE:20261225\n")), null).orElseThrow();
                account.write(work + "offsite.ics", calendar(vevent("offsite", "SUMMARY:Offsite\n"
                        + "DTSTART:20261209T090000Z\nDTEND:20261211T170000Z\n")), null).orElseThrow();
                account.write(work + "choir.ics", calendar(BERLIN_ZONE, vevent("choir", "SUMMARY:Choir\n"
                        + "DTSTART;TZID=Europe/Berlin:20270316T180000\nDTEND;TZID=Europe/Berlin:20270316T193000\n"
                        + "RRULE:FREQ=WEEKLY;COUNT=4\n")), null).orElseThrow();
                account.write(work + "pitch.ics", calendar(vevent("pitch", "SUMMARY:Pitch\n"
                        + "DTSTART:20261208T140000Z\nDTEND:20261208T150000Z\nORGANIZER:mailto:boss@example.com\n"
                        + "ATTENDEE;PARTSTAT=ACCEPTED:mailto:boss@example.com\n"
                        + "ATTENDEE;CN=Sam;PARTSTAT=DECLINED:mailto:" + ME + "\n")), null).orElseThrow();
                account.write(work + "off.ics", calendar(vevent("off", "SUMMARY:Called off\nSTATUS:CANCELLED\n"
                        + "DTSTART:20261203T100000Z\nDTEND:20261203T110000Z\n")), null).orElseThrow();
            }
            List<FeedRefresh.FoundCalendar> found = FeedRefresh.eventCalendars(root);
            List<FeedRefresh.FoundCalendar> named = found.stream().filter(c -> c.name().equals("Work")).toList();
            assertEquals(1, named.size(), found.toString());
            // Xandikos keeps every component in every calendar (it answers 404 to the component set in
            // MKCALENDAR), so there the task calendar takes events too and is rightly offered.
            assertEquals(kind == CalDavServer.Kind.RADICALE, found.stream().noneMatch(c -> c.address().endsWith("/tasks/")),
                    "a task-only calendar is not offered: " + found);
            store.add(CalendarSubscription.of("Work", "caldav:" + named.get(0).address(), "", ME));
            FeedRefresh refresh = new FeedRefresh(store, FeedLimits.DEFAULT, CLOCK, System::nanoTime,
                    a -> new WebDavSettings(a, server.user(), CalDavServer.PASSWORD));
            FeedRefresh.Outcome first = refresh.refreshAll().get(0);
            assertEquals("", first.problem());

            List<CalendarEvent> shown = store.between(CLOCK.instant().minus(FeedRefresh.BEFORE),
                    CLOCK.instant().plus(FeedRefresh.AHEAD), ZoneOffset.UTC);
            assertEquals(List.of(LocalDateTime.parse("2026-12-07T10:00"), LocalDateTime.parse("2026-12-15T15:00"),
                            LocalDateTime.parse("2026-12-28T10:00")),
                    titled(shown, "Team sync").stream().map(e -> e.startIn(ZoneOffset.UTC)).toList(),
                    "the 14th moved to the 15th, the 21st taken out: " + shown);
            assertEquals("Team sync (moved)", titled(shown, "Team sync").get(1).title());

            CalendarEvent holiday = titled(shown, "Holiday").get(0);
            assertEquals(1, titled(shown, "Holiday").size());
            assertTrue(holiday.allDay());
            // An all-day event is the same day wherever it is seen.
            assertEquals(LocalDate.of(2026, 12, 24), holiday.day(ZoneId.of("Pacific/Auckland")));
            assertEquals(LocalDate.of(2026, 12, 24), holiday.day(ZoneId.of("America/Los_Angeles")));
            assertEquals(LocalDateTime.parse("2026-12-25T00:00"), holiday.endIn(BERLIN));

            List<CalendarEvent> midOffsite = store.between(Instant.parse("2026-12-10T00:00:00Z"),
                    Instant.parse("2026-12-10T23:59:00Z"), ZoneOffset.UTC);
            assertEquals(List.of("Offsite"), midOffsite.stream().map(CalendarEvent::title).toList(),
                    "the three-day event shows on its middle day");
            assertEquals(Instant.parse("2026-12-11T17:00:00Z").toEpochMilli(), titled(shown, "Offsite").get(0).end());

            List<CalendarEvent> choir = titled(shown, "Choir");
            assertEquals(List.of(LocalTime.of(18, 0), LocalTime.of(18, 0), LocalTime.of(18, 0), LocalTime.of(18, 0)),
                    choir.stream().map(e -> e.startIn(BERLIN).toLocalTime()).toList(),
                    "the wall-clock time kept across the change to summer time on 28 March");
            assertEquals(List.of(17, 17, 16, 16), choir.stream().map(e -> e.startIn(ZoneOffset.UTC).getHour()).toList());

            assertTrue(titled(shown, "Pitch").isEmpty(), "the declined invitation is not shown: " + shown);
            assertTrue(titled(shown, "Called off").isEmpty(), "the cancelled event is not shown: " + shown);
            assertEquals(3 + 1 + 1 + 4, shown.size(), shown.toString());
            assertEquals(shown.size(), first.events());

            // Unchanged: the version answers, nothing is read. A mark in the kept copy of one object shows
            // that a later refresh takes the unchanged objects from the copy rather than reading them again.
            Map<String, String[]> kept = new LinkedHashMap<>(store.objects("Work"));
            assertEquals(6, kept.size(), kept.keySet().toString());
            String holidayHref = kept.keySet().stream().filter(h -> h.endsWith("/holiday.ics")).findFirst().orElseThrow();
            String[] h = kept.get(holidayHref);
            kept.put(holidayHref, new String[] {h[0], h[1].replace("SUMMARY:Holiday", "SUMMARY:Holiday (kept copy)")});
            store.objects("Work", kept);
            assertTrue(refresh.refreshAll().get(0).unchanged(), "the same version: nothing read");

            try (CalDavAccount account = CalDavAccount.connect(root)) {
                String etag = account.changes(account.calendars().stream().filter(c -> c.href().equals(work))
                        .findFirst().orElseThrow(), null).changed().get(work + "offsite.ics");
                account.write(work + "offsite.ics", calendar(vevent("offsite", "SUMMARY:Offsite in Lyon\n"
                        + "DTSTART:20261209T090000Z\nDTEND:20261211T170000Z\n")), etag).orElseThrow();
            }
            FeedRefresh.Outcome third = refresh.refreshAll().get(0);
            assertFalse(third.unchanged());
            assertEquals("", third.problem());
            List<CalendarEvent> after = store.between(CLOCK.instant().minus(FeedRefresh.BEFORE),
                    CLOCK.instant().plus(FeedRefresh.AHEAD), ZoneOffset.UTC);
            assertEquals(List.of("Offsite in Lyon"), titled(after, "Offsite").stream().map(CalendarEvent::title).toList(),
                    "the changed object read again");
            assertEquals(List.of("Holiday (kept copy)"), titled(after, "Holiday").stream().map(CalendarEvent::title)
                    .toList(), "an unchanged object taken from the copy, not read again");
            assertEquals(shown.size(), after.size());
        }
    }
}
