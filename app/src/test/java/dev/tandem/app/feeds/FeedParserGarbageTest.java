package dev.tandem.app.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What reading a feed costs the memory the window shares, counted in bytes allocated on the reading thread (not
 * timed): ical4j's default builder made its factories anew for every property, some 90 KB of garbage an event of
 * this feed (55 KB with one list of factories for the file), and collecting close to a gigabyte for a feed of
 * 10,000 events paused the window's frames. Most of what is left is ical4j trying an offset on each floating time
 * and making an exception's text and stack when there is none.
 */
@Tag("unit")
class FeedParserGarbageTest {
    private static final int EVENTS = 2_000;
    /** Bytes an event may allocate while read: its text, its ical4j objects, its occurrence; no factories. */
    private static final long MAX_BYTES_PER_EVENT = 70_000;

    private static String feed() {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
        LocalDateTime first = LocalDateTime.of(2026, 11, 1, 8, 0);
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
        for (int i = 0; i < EVENTS; i++) {
            LocalDateTime start = first.plusDays(i % 60).plusHours(i % 10).plusMinutes(15 * (i % 4));
            b.append("BEGIN:VEVENT\r\nUID:feed-").append(i).append("\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:Feed ")
                    .append(i).append("\r\nLOCATION:Room ").append(i % 7).append("\r\nDTSTART:").append(f.format(start))
                    .append("\r\nDTEND:").append(f.format(start.plusMinutes(45))).append("\r\nEND:VEVENT\r\n");
        }
        return b.append("END:VCALENDAR\r\n").toString();
    }

    /** The bytes this thread has allocated so far (the JDK's {@code com.sun.management}, which the module does not read). */
    private static long allocated() throws Exception {
        Method m = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
        return (long) m.invoke(ManagementFactory.getThreadMXBean());
    }

    @Test
    void parse_feedOfTwoThousandEvents_allocatesAtMostSeventyKilobytesAnEvent() throws Exception {
        String text = feed();
        FeedParser parser = new FeedParser(FeedLimits.DEFAULT, System::nanoTime);
        Instant from = Instant.parse("2026-10-01T00:00:00Z");
        Instant to = Instant.parse("2027-02-01T00:00:00Z");
        // Once first, so that classes loaded and time zones read are not counted.
        parser.parse("Work", text, from, to, "");
        long before = allocated();
        FeedParser.Result read = parser.parse("Work", text, from, to, "");
        long bytes = allocated() - before;
        assertEquals(EVENTS, read.events().size(), "every event read");
        assertTrue(bytes / EVENTS <= MAX_BYTES_PER_EVENT, "bytes allocated per event read: " + bytes / EVENTS);
    }
}
