package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.feeds.FeedLimits;
import dev.tandem.app.fx.Async;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.testing.FakeDialogs;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Add from a CalDAV account" on Radicale: the account's root address, no password typed (the log-in the CalDAV
 * bridge saved is used), its event calendar found beside a task-only one, added and read.
 */
@Tag("server")
class CalendarsDiscoveryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void discover_accountRootWithoutTypedPassword_findsTheEventCalendarFromThePrincipal_addChosenReadsIt(
            @TempDir Path tmp) throws Exception {
        try (CalDavServer server = CalDavServer.forTest(CalDavServer.Kind.RADICALE);
             EventStore store = EventStore.open(Optional.of(tmp.resolve("tandem.db")))) {
            String home = "/" + server.user() + "/";
            server.makeCalendar(home + "tasks/");
            makeEventCalendar(server, home + "work/");
            try (CalDavAccount account = CalDavAccount.connect(new WebDavSettings(server.url(), server.user(),
                    CalDavServer.PASSWORD))) {
                account.write(home + "work/review.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                        + "BEGIN:VEVENT\r\nUID:review\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261203T140000Z\r\n"
                        + "DURATION:PT1H\r\nSUMMARY:Review\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", null);
            }
            List<String> saved = new ArrayList<>();
            List<Throwable> errors = new ArrayList<>();
            CalendarsViewModel vm = new CalendarsViewModel(store, FeedLimits.DEFAULT, CLOCK, a -> {
                saved.add(a);
                return new WebDavSettings(a, server.user(), CalDavServer.PASSWORD);
            }, Async.direct(errors::add), new FakeDialogs(), () -> { }, new SettingsStore(tmp));
            vm.accountUrlProperty().set(server.url());
            vm.discover();
            assertFalse(vm.errorProperty().get(), vm.messageProperty().get());
            assertEquals(List.of("Work"), vm.found().stream().map(FoundCalendarChoice::name).toList(),
                    "the task-only calendar is not offered");
            assertFalse(saved.isEmpty(), "no password typed: the saved log-in was used");
            vm.addChosen();
            assertFalse(vm.errorProperty().get(), vm.messageProperty().get());
            assertTrue(vm.found().isEmpty());
            CalendarRow work = vm.rows().get(0);
            assertEquals("Work", work.name());
            assertEquals(1, work.events(), work.state());
            CalendarSubscription kept = store.subscription("Work").orElseThrow();
            assertTrue(kept.source().startsWith("caldav:" + server.url()), kept.source());
            assertEquals("", kept.me(), "a user name that is no address hides no declined invitations");
            assertTrue(errors.isEmpty(), errors.toString());
        }
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
}
