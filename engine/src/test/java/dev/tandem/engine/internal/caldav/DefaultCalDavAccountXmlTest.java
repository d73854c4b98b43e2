package dev.tandem.engine.internal.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.caldav.CalendarObject;
import dev.tandem.engine.caldav.TaskCalendar;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.engine.testing.ScriptedHttpServer;
import dev.tandem.engine.testing.ScriptedHttpServer.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A hostile CalDAV server's XML: a calendar object's text at {@link DavProps#MAX_TEXT} and one
 * character over, 100,000 nested elements, entities that expand a billion times or name a local
 * file or another server.
 */
@Tag("unit")
class DefaultCalDavAccountXmlTest {
    private static final TaskCalendar CAL = new TaskCalendar("/cal/", "Tasks", "", true);
    private static final String OPEN = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";
    private static final String MULTISTATUS = "<d:multistatus xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">";

    private static DefaultCalDavAccount account(ScriptedHttpServer s) {
        return new DefaultCalDavAccount(new WebDavSettings(s.url(), "sam", "secret"));
    }

    private static ScriptedHttpServer answering(String xml) {
        return ScriptedHttpServer.start(req -> Response.of(207, "application/xml; charset=utf-8", xml));
    }

    /** A VTODO of exactly {@code length} characters, its DESCRIPTION padded; LF line ends, as XML reads them. */
    private static String vtodo(String uid, int length) {
        String head = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//hostile//EN\nBEGIN:VTODO\nUID:" + uid
                + "\nSUMMARY:Big\nDESCRIPTION:";
        String tail = "\nEND:VTODO\nEND:VCALENDAR";
        return head + "x".repeat(length - head.length() - tail.length()) + tail;
    }

    private static String object(String href, String ics) {
        return "<d:response><d:href>" + href + "</d:href><d:propstat><d:prop><d:getetag>\"e\"</d:getetag>"
                + "<c:calendar-data>" + ics + "</c:calendar-data></d:prop><d:status>HTTP/1.1 200 OK</d:status>"
                + "</d:propstat></d:response>";
    }

    @Test
    void read_calendarDataOfExactlyMaxText_isHandedOnWhole() {
        String whole = vtodo("edge", DavProps.MAX_TEXT);
        try (ScriptedHttpServer s = answering(OPEN + MULTISTATUS + object("/cal/edge.ics", whole) + "</d:multistatus>");
             DefaultCalDavAccount a = account(s)) {
            List<CalendarObject> read = a.read(CAL, List.of("/cal/edge.ics"));
            assertEquals(1, read.size());
            assertEquals(whole, read.get(0).ics());
        }
    }

    @Test
    void read_calendarDataOneOverMaxText_isHandedOnEmptyNotCutWhileTheOthersArrive() {
        String over = vtodo("over", DavProps.MAX_TEXT + 1);
        String small = vtodo("small", 200);
        try (ScriptedHttpServer s = answering(OPEN + MULTISTATUS + object("/cal/over.ics", over)
                + object("/cal/small.ics", small) + "</d:multistatus>");
             DefaultCalDavAccount a = account(s)) {
            Map<String, String> read = a.read(CAL, List.of("/cal/over.ics", "/cal/small.ics")).stream()
                    .collect(Collectors.toMap(CalendarObject::href, CalendarObject::ics));
            assertEquals("", read.get("/cal/over.ics"),
                    "an over-long object is named with no text (the sync reports it unreadable), never half of it");
            assertEquals(small, read.get("/cal/small.ics"));
        }
    }

    @Test
    void propfind_hundredThousandNestedElements_isReadWithoutRecursion() {
        int depth = 100_000;
        String xml = OPEN + MULTISTATUS + "<d:response><d:href>/cal/</d:href><d:propstat><d:prop><d:displayname>"
                + "<x>".repeat(depth) + "</x>".repeat(depth) + "</d:displayname></d:prop><d:status>HTTP/1.1 200 OK"
                + "</d:status></d:propstat></d:response></d:multistatus>";
        try (ScriptedHttpServer s = answering(xml); DefaultCalDavAccount a = account(s)) {
            long start = System.nanoTime();
            DavProps.Answer answer = a.propfind("/cal/", "0", "<d:displayname/>", "list the task lists");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // StAX reads events, and DavProps counts depth instead of recursing: no StackOverflowError.
            assertEquals(List.of("/cal/"), answer.responses().stream().map(DavProps.Response::path).toList());
            assertEquals(List.of("{null}x"), answer.responses().get(0).prop(DavProps.DAV, "displayname").children());
            assertTrue(ms < 5000, "read in " + ms + " ms");
            System.out.printf("100,000 nested elements: read in %d ms%n", ms);
        }
    }

    @Test
    void propfind_billionLaughs_isRefusedQuickly() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE d:multistatus [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String prev = i == 1 ? "&lol;" : "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(prev.repeat(10)).append("\">");
        }
        dtd.append("]>");
        String xml = OPEN + dtd + MULTISTATUS + "<d:response><d:href>/cal/</d:href><d:propstat><d:prop>"
                + "<d:displayname>&lol9;</d:displayname></d:prop></d:propstat></d:response></d:multistatus>";
        try (ScriptedHttpServer s = answering(xml); DefaultCalDavAccount a = account(s)) {
            long start = System.nanoTime();
            SyncException e = assertThrows(SyncException.class,
                    () -> a.propfind("/cal/", "0", "<d:displayname/>", "list the task lists"));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
            assertFalse(e.getMessage().contains("lollol"), "nothing was expanded");
            assertTrue(ms < 2000, "refused in " + ms + " ms");
            System.out.printf("billion laughs: refused in %d ms%n", ms);
        }
    }

    @Test
    void propfind_externalEntities_areRefusedWithoutReadingTheFileOrAskingTheServer() {
        try (ScriptedHttpServer bait = ScriptedHttpServer.start(req -> Response.of(200, "text/plain", "stolen"))) {
            Function<String, String> xxe = system -> OPEN + "<!DOCTYPE d:multistatus [<!ENTITY xxe SYSTEM \""
                    + system + "\">]>" + MULTISTATUS + "<d:response><d:href>/cal/</d:href><d:propstat><d:prop>"
                    + "<d:displayname>&xxe;</d:displayname></d:prop></d:propstat></d:response></d:multistatus>";
            for (String system : List.of("file:///etc/passwd", bait.url() + "xxe")) {
                try (ScriptedHttpServer s = answering(xxe.apply(system)); DefaultCalDavAccount a = account(s)) {
                    SyncException e = assertThrows(SyncException.class,
                            () -> a.propfind("/cal/", "0", "<d:displayname/>", "list the task lists"));
                    assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
                    assertFalse(e.getMessage().contains("root:") || e.getMessage().contains("stolen"), e.getMessage());
                }
            }
            assertEquals(List.of(), bait.requests(), "the entity's address was never asked");
        }
    }
}
