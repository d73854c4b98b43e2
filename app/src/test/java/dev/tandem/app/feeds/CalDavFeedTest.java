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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CalDAV account's event calendar on Radicale (the fork's one, a user of this test's own): found
 * beside a task-only calendar, read, asked again by its version (unchanged: nothing read), and read
 * again once an event is added.
 */
@Tag("server")
class CalDavFeedTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);

    private static String event(String uid, String more) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20261101T000000Z\r\n" + more.replace("\n", "\r\n") + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    /** An event calendar, made with MKCALENDAR as a calendar app would. */
    private static void makeEventCalendar(CalDavServer server, String path) throws Exception {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><c:mkcalendar xmlns:d=\"DAV:\" "
                + "xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:set><d:prop><d:displayname>Work</d:displayname>"
                + "<c:supported-calendar-component-set><c:comp name=\"VEVENT\"/></c:supported-calendar-component-set>"
                + "</d:prop></d:set></c:mkcalendar>";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url())
                        .resolve(path)).method("MKCALENDAR", HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", WebDavServer.basicAuth(server.user(), CalDavServer.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
    }

    @Test
    void refresh_eventCalendarOnRadicale_readsEventsAndAsksAgainByItsVersion(@TempDir Path tmp) throws Exception {
        try (CalDavServer server = CalDavServer.forTest(CalDavServer.Kind.RADICALE);
             EventStore store = EventStore.open(Optional.of(tmp.resolve("tandem.db")))) {
            String home = "/" + server.user() + "/";
            server.makeCalendar(home + "tasks/");
            makeEventCalendar(server, home + "work/");
            WebDavSettings root = new WebDavSettings(server.url(), server.user(), CalDavServer.PASSWORD);
            try (CalDavAccount account = CalDavAccount.connect(root)) {
                account.write(home + "work/standup.ics", event("standup", "SUMMARY:Standup\n"
                        + "DTSTART;TZID=Europe/Berlin:20261130T090000\nDURATION:PT15M\nRRULE:FREQ=DAILY;COUNT=5\n"
                        + "EXDATE;TZID=Europe/Berlin:20261202T090000"), null);
                account.write(home + "work/off.ics", event("off", "SUMMARY:Off\nSTATUS:CANCELLED\n"
                        + "DTSTART:20261203T100000Z"), null);
            }
            List<FeedRefresh.FoundCalendar> found = FeedRefresh.eventCalendars(root);
            assertEquals(List.of("Work"), found.stream().map(FeedRefresh.FoundCalendar::name).toList(),
                    "the task-only calendar is not offered");
            store.add(CalendarSubscription.of("Work", "caldav:" + found.get(0).address(), "", ""));
            FeedRefresh refresh = new FeedRefresh(store, FeedLimits.DEFAULT, CLOCK, System::nanoTime,
                    a -> new WebDavSettings(a, server.user(), CalDavServer.PASSWORD));
            FeedRefresh.Outcome first = refresh.refreshAll().get(0);
            assertEquals("", first.problem());
            // Nov 30 to Dec 4 at 09:00 Berlin, Dec 2 excluded; the cancelled one left out.
            List<CalendarEvent> shown = store.between(Instant.parse("2026-11-29T00:00:00Z"),
                    Instant.parse("2026-12-10T00:00:00Z"), ZoneOffset.UTC);
            assertEquals(4, shown.size(), shown.toString());
            assertTrue(shown.stream().allMatch(e -> e.title().equals("Standup") && e.startIn(ZoneOffset.UTC).getHour() == 8));
            assertTrue(refresh.refreshAll().get(0).unchanged(), "the same version: nothing read");
            try (CalDavAccount account = CalDavAccount.connect(root)) {
                account.write(home + "work/review.ics", event("review", "SUMMARY:Review\nDTSTART:20261205T130000Z\n"
                        + "DTEND:20261205T140000Z"), null);
            }
            FeedRefresh.Outcome third = refresh.refreshAll().get(0);
            assertFalse(third.unchanged());
            assertEquals(5, third.events());
            assertEquals(3, store.objects("Work").size(), "every object kept, the cancelled one too");
        }
    }
}
