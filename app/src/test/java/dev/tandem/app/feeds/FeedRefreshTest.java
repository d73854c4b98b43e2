package dev.tandem.app.feeds;

import static dev.tandem.app.feeds.FeedParserTest.cal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.events.CalendarEvent;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.model.events.EventStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds over HTTP from a server in this JVM on 127.0.0.1, and from files; the refresh's clock is fixed. */
@Tag("unit")
class FeedRefreshTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final String DATE = "Sun, 29 Nov 2026 10:00:00 GMT";

    private TinyHttp server;
    private final AtomicReference<String> body = new AtomicReference<>();
    private final List<String> asked = new ArrayList<>();
    private EventStore store;
    private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        server = new TinyHttp();
        server.on("/feed.ics", (r, out) -> {
            String etag = "\"" + Integer.toHexString(body.get().hashCode()) + "\"";
            String ifNone = r.headers().get("if-none-match");
            synchronized (asked) {
                asked.add(ifNone == null ? "-" : ifNone);
            }
            if (etag.equals(ifNone)) {
                TinyHttp.head(out, "304 Not Modified", "ETag: " + etag);
                return;
            }
            // Chunked: no length is promised.
            TinyHttp.head(out, "200 OK", "ETag: " + etag, "Content-Type: text/calendar", "Transfer-Encoding: chunked");
            TinyHttp.chunk(out, body.get().getBytes(StandardCharsets.UTF_8));
            TinyHttp.chunk(out, new byte[0]);
        });
        server.on("/huge.ics", (r, out) -> {
            // Chunks past the cap: what is counted is the body, whatever the framing says.
            TinyHttp.head(out, "200 OK", "Transfer-Encoding: chunked");
            byte[] line = "X-FILL:0123456789012345678901234567890123456789\r\n".repeat(100)
                    .getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 10_000; i++) {
                TinyHttp.chunk(out, line);
            }
            TinyHttp.chunk(out, new byte[0]);
        });
        server.on("/stuck.ics", (r, out) -> {
            // Headers and a first chunk, then nothing until the test ends: a server that keeps the line open.
            TinyHttp.head(out, "200 OK", "Transfer-Encoding: chunked");
            TinyHttp.chunk(out, "BEGIN:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.on("/dated.ics", (r, out) -> {
            String since = r.headers().get("if-modified-since");
            synchronized (asked) {
                asked.add(since == null ? "-" : since);
            }
            if (DATE.equals(since)) {
                TinyHttp.head(out, "304 Not Modified");
                return;
            }
            byte[] b = body.get().getBytes(StandardCharsets.UTF_8);
            TinyHttp.head(out, "200 OK", "Last-Modified: " + DATE, "Content-Length: " + b.length);
            out.write(b);
        });
        server.on("/moved.ics", (r, out) -> TinyHttp.head(out, "302 Found", "Location: http://example.com/feed.ics",
                "Content-Length: 0"));
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        server.close();
        if (store != null) {
            store.close();
        }
    }

    private String url(String path) {
        return server.url(path);
    }

    private FeedRefresh refresh(FeedLimits limits) {
        return new FeedRefresh(store, limits, CLOCK, System::nanoTime, a -> {
            throw new FeedException("no CalDAV here");
        });
    }

    private List<String> titles() {
        return store.between(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), UTC)
                .stream().map(CalendarEvent::title).toList();
    }

    @Test
    void refresh_unchangedFeed_isAskedWithItsEtagAndThe304KeepsTheCopy(@TempDir Path dir) {
        store = EventStore.open(Optional.of(dir.resolve("tandem.db")));
        body.set(cal("UID:1\nSUMMARY:Concert\nDTSTART:20261205T190000Z"));
        store.add(CalendarSubscription.of("Events", FeedSource.of(url("/feed.ics")).stored(), "", ""));
        FeedRefresh r = refresh(FeedLimits.DEFAULT);
        FeedRefresh.Outcome first = r.refreshAll().get(0);
        assertFalse(first.unchanged());
        assertEquals(List.of("Concert"), titles());
        FeedRefresh.Outcome second = r.refreshAll().get(0);
        assertTrue(second.unchanged(), second.toString());
        assertEquals(1, second.events());
        assertEquals(List.of("Concert"), titles());
        body.set(cal("UID:1\nSUMMARY:Concert (moved)\nDTSTART:20261206T190000Z"));
        assertFalse(r.refreshAll().get(0).unchanged());
        assertEquals(List.of("Concert (moved)"), titles());
        synchronized (asked) {
            assertEquals("-", asked.get(0));
            assertEquals(asked.get(1), asked.get(2)); // the same tag asked twice: the second time it had changed
            assertTrue(asked.get(1).startsWith("\""));
        }
    }

    @Test
    void refresh_serverWithoutEtag_isAskedWithItsLastModifiedDate(@TempDir Path dir) {
        store = EventStore.open(Optional.of(dir.resolve("tandem.db")));
        body.set(cal("UID:1\nSUMMARY:Match\nDTSTART:20261205T150000Z"));
        store.add(CalendarSubscription.of("Club", FeedSource.of(url("/dated.ics")).stored(), "", ""));
        FeedRefresh r = refresh(FeedLimits.DEFAULT);
        assertFalse(r.refreshAll().get(0).unchanged());
        assertTrue(r.refreshAll().get(0).unchanged());
        assertEquals(List.of("Match"), titles());
        synchronized (asked) {
            assertEquals(List.of("-", DATE), asked);
        }
    }

    @Test
    void refresh_oneBadCalendar_keepsItsCopyAndReasonWhileTheOthersRefresh(@TempDir Path dir) throws Exception {
        store = EventStore.open(Optional.of(dir.resolve("tandem.db")));
        Path file = dir.resolve("home.ics");
        Files.writeString(file, cal("UID:h\nSUMMARY:Dinner\nDTSTART:20261203T180000Z"));
        body.set(cal("UID:1\nSUMMARY:Concert\nDTSTART:20261205T190000Z"));
        store.add(CalendarSubscription.of("A huge", FeedSource.of(url("/huge.ics")).stored(), "", ""));
        store.add(CalendarSubscription.of("B home", FeedSource.of(file.toString()).stored(), "", ""));
        store.add(CalendarSubscription.of("C events", FeedSource.of(url("/feed.ics")).stored(), "", ""));
        store.add(CalendarSubscription.of("D moved", FeedSource.of(url("/moved.ics")).stored(), "", ""));
        FeedLimits small = new FeedLimits(1 << 20, 65_536, 4, 100, 5, 100, 100, 1000, 100, Duration.ofSeconds(20));
        List<FeedRefresh.Outcome> out = refresh(small).refreshAll();
        assertTrue(out.get(0).problem().contains("1 MB"), out.get(0).problem());
        assertEquals("", out.get(1).problem());
        assertEquals("", out.get(2).problem());
        // A redirect from this computer to http elsewhere is not followed.
        assertTrue(out.get(3).problem().contains("https"), out.get(3).problem());
        assertEquals(List.of("Dinner", "Concert"), titles());
        // The file turns into garbage: its last copy stays, with the reason.
        Files.writeString(file, "BEGIN:VCALENDAR\r\n" + "BEGIN:X\r\n".repeat(10));
        FeedRefresh.Outcome bad = refresh(small).refresh(store.subscription("B home").orElseThrow());
        assertTrue(bad.problem().contains("4"), bad.problem());
        assertEquals(bad.problem(), store.subscription("B home").orElseThrow().problem());
        assertEquals(List.of("Dinner", "Concert"), titles());
    }

    @Test
    void refresh_serverThatStopsSendingAndHugeFile_areRefusedAtTheirCaps(@TempDir Path dir) throws Exception {
        store = EventStore.open(Optional.of(dir.resolve("tandem.db")));
        Path file = dir.resolve("big.ics");
        Files.write(file, new byte[(1 << 20) + 1]);
        store.add(CalendarSubscription.of("Big", FeedSource.of(file.toString()).stored(), "", ""));
        store.add(CalendarSubscription.of("Stuck", FeedSource.of(url("/stuck.ics")).stored(), "", ""));
        // A short time cap, so the test waits a fraction of a second for what takes 20 s in use.
        FeedLimits quick = new FeedLimits(1 << 20, 65_536, 4, 100, 5, 100, 100, 1000, 100, Duration.ofMillis(300));
        List<FeedRefresh.Outcome> out = refresh(quick).refreshAll();
        assertTrue(out.get(0).problem().contains("1 MB"), out.get(0).problem());
        assertTrue(out.get(1).problem().contains("longer than"), out.get(1).problem());
    }

    @Test
    void refreshDue_readsOnlyCalendarsNotTriedWithinTheInterval(@TempDir Path dir) throws Exception {
        store = EventStore.open(Optional.of(dir.resolve("tandem.db")));
        Path file = dir.resolve("home.ics");
        Files.writeString(file, cal("UID:h\nSUMMARY:Dinner\nDTSTART:20261203T180000Z"));
        store.add(CalendarSubscription.of("Home", FeedSource.of(file.toString()).stored(), "", ""));
        assertEquals(1, refresh(FeedLimits.DEFAULT).refreshDue().size(), "never tried: due");
        assertEquals(List.of(), refresh(FeedLimits.DEFAULT).refreshDue(), "tried now: not due");
        Clock later = Clock.offset(CLOCK, FeedRefresh.INTERVAL);
        List<FeedRefresh.Outcome> again = new FeedRefresh(store, FeedLimits.DEFAULT, later, System::nanoTime, a -> {
            throw new FeedException("no CalDAV here");
        }).refreshDue();
        assertEquals(1, again.size());
        assertTrue(again.get(0).unchanged(), "the same file: its copy stands");
    }

    @Test
    void of_cleartextAwayFromThisComputer_isRefused_webcalIsReadAsHttps() {
        assertThrows(FeedException.class, () -> FeedSource.of("http://example.com/cal.ics"));
        assertThrows(FeedException.class, () -> FeedSource.of("ftp://example.com/cal.ics"));
        assertEquals("https://example.com/cal.ics", FeedSource.of("webcal://example.com/cal.ics").address());
        assertEquals(FeedSource.Kind.CALDAV, FeedSource.of("caldav:https://dav.example.com/cal/").kind());
    }
}
