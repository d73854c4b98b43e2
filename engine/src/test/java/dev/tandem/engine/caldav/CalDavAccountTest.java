package dev.tandem.engine.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.engine.testing.CalDavServer;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The CalDAV account against real servers (Radicale and Xandikos), reached at their root as a person types it. */
@Tag("server")
class CalDavAccountTest {
    private static final java.util.Map<CalDavServer.Kind, CalDavServer> SERVERS =
            new java.util.EnumMap<>(CalDavServer.Kind.class);

    private static CalDavServer server(CalDavServer.Kind kind) {
        return SERVERS.computeIfAbsent(kind, CalDavServer::start);
    }

    @AfterAll
    static void stop() {
        SERVERS.values().forEach(CalDavServer::close);
        SERVERS.clear();
    }

    private static CalDavAccount account(CalDavServer s) {
        return CalDavAccount.connect(new WebDavSettings(s.url(), CalDavServer.USER, CalDavServer.PASSWORD));
    }

    private static String vtodo(String uid, String summary) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VTODO\r\nUID:" + uid
                + "\r\nDTSTAMP:20261123T120000Z\r\nSUMMARY:" + summary + "\r\nX-APPLE-SORT-ORDER:12\r\nEND:VTODO\r\n"
                + "END:VCALENDAR\r\n";
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void createCalendar_fromServerRoot_discoversHomeAndListsTheNewTaskList(CalDavServer.Kind kind) {
        try (CalDavAccount a = account(server(kind))) {
            TaskCalendar made = a.createCalendar("Groceries & more");
            assertTrue(made.href().endsWith("/groceries-more/"), made.href());
            TaskCalendar listed = a.calendars().stream().filter(c -> c.href().equals(made.href())).findFirst()
                    .orElseThrow();
            assertEquals("Groceries & more", listed.name());
            assertTrue(listed.holdsTasks());
            assertFalse(listed.version().isEmpty(), "a sync token or ctag");
            TaskCalendar again = a.createCalendar("Groceries & more");
            assertTrue(again.href().endsWith("/groceries-more-2/"), "a taken name gets a suffix: " + again.href());
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void changes_afterWritesAndDelete_listOnlyWhatChangedSinceTheToken(CalDavServer.Kind kind) {
        try (CalDavAccount a = account(server(kind))) {
            TaskCalendar cal = a.createCalendar("Changes " + kind);
            String one = cal.href() + "one.ics";
            String two = cal.href() + "two.ics";
            String etagOne = a.write(one, vtodo("one", "Milk"), null).orElseThrow();
            a.write(two, vtodo("two", "Bread"), null).orElseThrow();
            CalendarChanges first = a.changes(cal, null);
            assertTrue(first.complete());
            assertEquals(java.util.Set.of(one, two), first.changed().keySet());
            assertNotNull(first.syncToken());

            Optional<String> stale = a.write(one, vtodo("one", "Oat milk"), "\"not-the-etag\"");
            assertTrue(stale.isEmpty(), "a stale entity tag is refused, nothing overwritten");
            assertTrue(a.write(one, vtodo("one", "Again"), null).isEmpty(), "create refuses an existing name");
            String fresh = etagOne.isEmpty() ? a.changes(cal, null).changed().get(one) : etagOne;
            a.write(one, vtodo("one", "Oat milk"), fresh).orElseThrow();
            assertTrue(a.delete(two, null));

            CalendarChanges next = a.changes(cal, first.syncToken());
            assertFalse(next.complete());
            assertEquals(java.util.Set.of(one), next.changed().keySet());
            assertEquals(List.of(two), next.removed());
            List<CalendarObject> read = a.read(cal, List.of(one, two));
            assertEquals(1, read.size(), "the deleted one is missing");
            assertTrue(read.get(0).ics().contains("SUMMARY:Oat milk"));
            assertTrue(read.get(0).ics().contains("X-APPLE-SORT-ORDER:12"), "unknown properties kept by the server");
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void changes_tokenTheServerDoesNotKnow_listsEverythingInstead(CalDavServer.Kind kind) {
        try (CalDavAccount a = account(server(kind))) {
            TaskCalendar cal = a.createCalendar("Forgotten " + kind);
            a.write(cal.href() + "a.ics", vtodo("a", "A"), null).orElseThrow();
            CalendarChanges c = a.changes(cal, "http://example.com/ns/sync/forgotten-1");
            assertTrue(c.complete(), "a full listing the caller compares with what it knew");
            assertEquals(java.util.Set.of(cal.href() + "a.ics"), c.changed().keySet());
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void calendars_idleCheck_isOneRequest(CalDavServer.Kind kind) {
        try (CalDavAccount a = account(server(kind))) {
            a.calendars();
            long before = a.requestsSent();
            a.calendars();
            assertEquals(1, a.requestsSent() - before);
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void calendars_addressOfOneCalendar_listsOnlyThatOne(CalDavServer.Kind kind) {
        CalDavServer s = server(kind);
        String href;
        try (CalDavAccount a = account(s)) {
            href = a.createCalendar("Only " + kind).href();
        }
        String url = s.url().substring(0, s.url().length() - 1) + href;
        try (CalDavAccount one = CalDavAccount.connect(new WebDavSettings(url, CalDavServer.USER, CalDavServer.PASSWORD))) {
            List<TaskCalendar> cals = one.calendars();
            assertEquals(1, cals.size());
            assertEquals(href, cals.get(0).href());
        }
    }

    static Stream<Arguments> serversAndNames() {
        return Stream.of(CalDavServer.Kind.values())
                .flatMap(k -> Stream.of(Arguments.of(k, "Données-✓"), Arguments.of(k, "My Tasks")));
    }

    /**
     * A calendar whose name a URL cannot hold as typed, made on the server as a phone app would, and
     * its address typed as the server's web page shows it: found, written to and read back.
     */
    @ParameterizedTest
    @MethodSource("serversAndNames")
    void calendars_addressTypedWithSpacesOrAccents_findsThatCalendarAndReadsBackWhatIsWritten(CalDavServer.Kind kind,
                                                                                          String name) {
        CalDavServer s = server(kind);
        String home;
        try (CalDavAccount a = account(s)) {
            String made = a.createCalendar("Home of " + name).href();
            home = made.substring(0, made.lastIndexOf('/', made.length() - 2) + 1);
        }
        String path = home + name + "/";
        s.makeCalendar(path);
        String typed = s.url() + path.substring(1);
        try (CalDavAccount one = CalDavAccount.connect(new WebDavSettings(typed, CalDavServer.USER, CalDavServer.PASSWORD))) {
            List<TaskCalendar> cals = one.calendars();
            assertEquals(List.of(path), cals.stream().map(TaskCalendar::href).toList());
            String href = path + "milk.ics";
            one.write(href, vtodo("milk", "Milk"), null).orElseThrow();
            assertEquals(java.util.Set.of(href), one.changes(cals.get(0), null).changed().keySet());
            List<CalendarObject> read = one.read(cals.get(0), List.of(href));
            assertEquals(1, read.size());
            assertTrue(read.get(0).ics().contains("SUMMARY:Milk"), read.get(0).ics());
        }
    }

    @ParameterizedTest
    @EnumSource(value = CalDavServer.Kind.class, names = "RADICALE")
    void calendars_wrongPassword_failsAsAuthWithoutRetry(CalDavServer.Kind kind) {
        CalDavServer s = server(kind);
        try (CalDavAccount a = CalDavAccount.connect(new WebDavSettings(s.url(), CalDavServer.USER, "wrong"))) {
            SyncException e = assertThrows(SyncException.class, a::calendars);
            assertEquals(SyncException.Reason.AUTH, e.reason());
            assertFalse(e.retryable());
        }
    }
}
