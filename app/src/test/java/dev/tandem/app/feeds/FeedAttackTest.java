package dev.tandem.app.feeds;

import static dev.tandem.app.feeds.FeedParserTest.FROM;
import static dev.tandem.app.feeds.FeedParserTest.TO;
import static dev.tandem.app.feeds.FeedParserTest.cal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.events.CalendarEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A calendar feed is data from outside: each cap of {@link FeedLimits} played by a feed built to
 * pass it, and each time the other events of the feed (or the other calendars) still come through.
 * The preemptive timeouts are a net for a regression, not what is measured: each case ends in
 * milliseconds when the caps hold.
 */
@Tag("unit")
class FeedAttackTest {
    private static final Duration NET = Duration.ofSeconds(10);
    private static final String GOOD = "UID:good\nSUMMARY:Good\nDTSTART:20261202T100000Z";

    private static FeedParser parser(FeedLimits limits) {
        return new FeedParser(limits, System::nanoTime);
    }

    private static List<CalendarEvent> parse(String text) {
        return assertTimeoutPreemptively(NET, () -> parser(FeedLimits.DEFAULT).parse("Feed", text, FROM, TO, "").events());
    }

    private static String refused(FeedLimits limits, String text) {
        return assertThrows(FeedException.class, () -> assertTimeoutPreemptively(NET,
                () -> parser(limits).parse("Feed", text, FROM, TO, ""))).getMessage();
    }

    private static FeedLimits with(int events, int zones, int dates, int perEvent, int total) {
        FeedLimits d = FeedLimits.DEFAULT;
        return new FeedLimits(d.maxBytes(), 1_000, d.maxDepth(), events, zones, dates, perEvent, total, d.maxRuleSets(),
                d.maxTime());
    }

    @Test
    void parse_ruleEverySecondSince1900WithoutEnd_yieldsAtMostTheCapPerEvent() {
        List<CalendarEvent> e = parse(cal("UID:s\nSUMMARY:Tick\nDTSTART:19000101T000000Z\nRRULE:FREQ=SECONDLY", GOOD));
        assertEquals(FeedLimits.DEFAULT.maxOccurrencesPerEvent(), e.stream().filter(x -> x.title().equals("Tick")).count());
        assertTrue(e.stream().anyMatch(x -> x.title().equals("Good")));
    }

    @Test
    void parse_ruleWithBySecondOnEverySecond_isLeftOutAndTheOthersShown() {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            all.append(i == 0 ? "" : ",").append(i);
        }
        StringBuilder hours = new StringBuilder("0");
        for (int i = 1; i < 24; i++) {
            hours.append(',').append(i);
        }
        String rule = "RRULE:FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYHOUR=" + hours + ";BYMINUTE=" + all
                + ";BYSECOND=" + all;
        List<CalendarEvent> e = parse(cal("UID:y\nSUMMARY:Storm\nDTSTART:20200101T000000Z\n" + rule, GOOD));
        assertEquals(List.of("Good"), e.stream().map(CalendarEvent::title).toList());
    }

    @Test
    void parse_countRuleEverySecondFrom1900_isLeftOut() {
        List<CalendarEvent> e = parse(cal("UID:c\nSUMMARY:Count\nDTSTART:19000101T000000Z\n"
                + "RRULE:FREQ=SECONDLY;COUNT=2000000000", GOOD));
        assertEquals(List.of("Good"), e.stream().map(CalendarEvent::title).toList());
    }

    @Test
    void parse_moreListedDatesThanTheCap_isRefusedBeforeParsing() {
        StringBuilder rdates = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            rdates.append("\nRDATE:20261202T1000").append(String.format("%02d", i % 60)).append("Z,20261203T100000Z");
        }
        String m = refused(with(100, 5, 200, 1000, 1000), cal("UID:r\nSUMMARY:Many\nDTSTART:20261202T100000Z" + rdates));
        assertTrue(m.contains("200"), m);
    }

    @Test
    void parse_tooManyEvents_isRefused() {
        String[] events = new String[11];
        for (int i = 0; i < events.length; i++) {
            events[i] = "UID:e" + i + "\nDTSTART:20261202T100000Z";
        }
        assertTrue(refused(with(10, 5, 100, 100, 100), cal(events)).contains("10"));
    }

    @Test
    void parse_tooManyTimezones_isRefused() {
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
        for (int i = 0; i < 6; i++) {
            b.append("BEGIN:VTIMEZONE\r\nTZID:Z").append(i).append("\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
                    + "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n");
        }
        b.append("END:VCALENDAR\r\n");
        assertTrue(refused(with(10, 5, 100, 100, 100), b.toString()).contains("5"));
    }

    @Test
    void parse_foldedLineLongerThanTheCap_isRefused() {
        String folded = "DESCRIPTION:" + "x".repeat(600) + "\n " + "y".repeat(600);
        String m = refused(with(10, 5, 100, 100, 100), cal("UID:l\nDTSTART:20261202T100000Z\n" + folded));
        assertTrue(m.contains("1") && m.contains("characters"), m);
    }

    @Test
    void parse_componentsNestedDeep_isRefused() {
        String deep = "BEGIN:VCALENDAR\r\n" + "BEGIN:X-A\r\n".repeat(50) + "END:X-A\r\n".repeat(50) + "END:VCALENDAR\r\n";
        assertTrue(refused(FeedLimits.DEFAULT, deep).contains(String.valueOf(FeedLimits.DEFAULT.maxDepth())));
    }

    @Test
    void parse_manyEventsEachAtTheirCap_answerStopsAtTheTotalCap() {
        String[] events = new String[10];
        for (int i = 0; i < events.length; i++) {
            events[i] = "UID:d" + i + "\nDTSTART:20261101T100000Z\nRRULE:FREQ=HOURLY";
        }
        List<CalendarEvent> e = assertTimeoutPreemptively(NET,
                () -> parser(with(20, 5, 100, 50, 120)).parse("Feed", cal(events), FROM, TO, "").events());
        assertEquals(120, e.size());
    }

    @Test
    void parse_pastItsTime_isRefusedOnTheClockHandedIn() {
        AtomicLong now = new AtomicLong();
        // Each look at the clock is a second later: the cap of 20 s is passed at the 21st event.
        FeedParser slow = new FeedParser(FeedLimits.DEFAULT, () -> now.addAndGet(1_000_000_000L));
        String[] events = new String[30];
        for (int i = 0; i < events.length; i++) {
            events[i] = "UID:t" + i + "\nDTSTART:20261202T100000Z";
        }
        FeedException e = assertThrows(FeedException.class, () -> slow.parse("Feed", cal(events), FROM, TO, ""));
        assertTrue(e.getMessage().contains("20"), e.getMessage());
    }

    @Test
    void parse_notICalendar_isRefusedWithAReason() {
        assertTrue(refused(FeedLimits.DEFAULT, "<html><body>Log in</body></html>").length() > 0);
    }
}
