package dev.tandem.app.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.events.CalendarEvent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class FeedParserTest {
    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static String cal(String... events) {
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
        for (String e : events) {
            b.append("BEGIN:VEVENT\r\n").append(e.replace("\n", "\r\n")).append("\r\nEND:VEVENT\r\n");
        }
        return b.append("END:VCALENDAR\r\n").toString();
    }

    static List<CalendarEvent> parse(String text, String me) {
        return new FeedParser(FeedLimits.DEFAULT, System::nanoTime).parse("Work", text, FROM, TO, me).events();
    }

    @Test
    void parse_zonedEvent_keepsItsInstantAndLength() {
        List<CalendarEvent> e = parse(cal("UID:a\nDTSTAMP:20261101T000000Z\nSUMMARY:Dentist\nLOCATION:Main St"
                + "\nDTSTART;TZID=Europe/Berlin:20261203T090000\nDTEND;TZID=Europe/Berlin:20261203T103000"), "");
        assertEquals(1, e.size());
        CalendarEvent d = e.get(0);
        assertEquals("Dentist", d.title());
        assertEquals("Main St", d.location());
        assertEquals("Work", d.calendar());
        assertEquals(ZonedDateTime.of(2026, 12, 3, 9, 0, 0, 0, BERLIN).toInstant().toEpochMilli(), d.start());
        assertEquals(90 * 60_000L, d.end() - d.start());
        assertEquals(LocalDateTime.of(2026, 12, 3, 3, 0), d.startIn(ZoneId.of("America/New_York")));
    }

    @Test
    void parse_allDayEvent_isFloatingOnItsDay() {
        List<CalendarEvent> e = parse(cal("UID:b\nSUMMARY:Holiday\nDTSTART;VALUE=DATE:20261224\n"
                + "DTEND;VALUE=DATE:20261226"), "");
        assertEquals(1, e.size());
        assertTrue(e.get(0).allDay());
        assertEquals(LocalDateTime.of(2026, 12, 24, 0, 0), e.get(0).startIn(ZoneId.of("Asia/Tokyo")));
        assertEquals(LocalDateTime.of(2026, 12, 26, 0, 0), e.get(0).endIn(BERLIN));
    }

    @Test
    void parse_weeklyRuleAcrossDst_keepsLocalTimeWithExdateAndOverride() {
        // Every Monday 09:00 Berlin from October (summer time) on; one Monday removed, one moved to 14:00.
        String text = cal("UID:w\nSUMMARY:Standup\nDTSTART;TZID=Europe/Berlin:20261005T090000\n"
                        + "DTEND;TZID=Europe/Berlin:20261005T091500\nRRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T000000Z\n"
                        + "EXDATE;TZID=Europe/Berlin:20261109T090000",
                "UID:w\nSUMMARY:Standup (late)\nRECURRENCE-ID;TZID=Europe/Berlin:20261116T090000\n"
                        + "DTSTART;TZID=Europe/Berlin:20261116T140000\nDTEND;TZID=Europe/Berlin:20261116T141500");
        List<CalendarEvent> e = parse(text, "");
        List<LocalDateTime> starts = e.stream().map(x -> x.startIn(BERLIN)).sorted().toList();
        // November 2 to December 28: nine Mondays, one removed.
        assertEquals(8, starts.size(), starts.toString());
        assertEquals(LocalDateTime.of(2026, 11, 2, 9, 0), starts.get(0));
        assertTrue(starts.contains(LocalDateTime.of(2026, 11, 16, 14, 0)));
        assertTrue(!starts.contains(LocalDateTime.of(2026, 11, 9, 9, 0)));
        assertTrue(!starts.contains(LocalDateTime.of(2026, 11, 16, 9, 0)));
        assertTrue(starts.stream().filter(s -> s.getDayOfMonth() != 16).allMatch(s -> s.getHour() == 9));
    }

    @Test
    void parse_cancelledEventAndCancelledOccurrence_areLeftOut() {
        String text = cal("UID:c\nSUMMARY:Gone\nSTATUS:CANCELLED\nDTSTART:20261202T100000Z",
                "UID:d\nSUMMARY:Daily\nDTSTART:20261201T100000Z\nRRULE:FREQ=DAILY;COUNT=3",
                "UID:d\nSUMMARY:Daily\nRECURRENCE-ID:20261202T100000Z\nDTSTART:20261202T100000Z\nSTATUS:CANCELLED");
        List<CalendarEvent> e = parse(text, "");
        assertEquals(List.of("Daily", "Daily"), e.stream().map(CalendarEvent::title).toList());
        assertEquals(Instant.parse("2026-12-03T10:00:00Z").toEpochMilli(), e.stream().mapToLong(CalendarEvent::start)
                .max().getAsLong());
    }

    @Test
    void parse_declinedByMe_isLeftOut_declinedBySomeoneElse_isShown() {
        String text = cal("UID:e\nSUMMARY:Review\nDTSTART:20261202T100000Z\n"
                        + "ATTENDEE;PARTSTAT=DECLINED:mailto:Sam@example.com\nATTENDEE;PARTSTAT=ACCEPTED:mailto:kim@example.com",
                "UID:f\nSUMMARY:Lunch\nDTSTART:20261203T100000Z\nATTENDEE;PARTSTAT=DECLINED:mailto:kim@example.com");
        assertEquals(List.of("Lunch"), parse(text, "sam@example.com").stream().map(CalendarEvent::title).toList());
        assertEquals(2, parse(text, "").size());
    }

    @Test
    void parse_rdates_addOccurrencesInTheWindowOnly() {
        String text = cal("UID:r\nSUMMARY:Talks\nDTSTART:20261105T180000Z\n"
                + "RDATE:20261112T180000Z,20270301T180000Z,20261119T180000Z");
        assertEquals(3, parse(text, "").size());
    }

    @Test
    void parse_customTimezoneDefinition_isUsed() {
        String text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VTIMEZONE\r\nTZID:Office Time\r\n"
                + "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\n"
                + "END:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:t\r\nSUMMARY:Call\r\n"
                + "DTSTART;TZID=Office Time:20261210T120000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        List<CalendarEvent> e = parse(text, "");
        assertEquals(Instant.parse("2026-12-10T09:00:00Z").toEpochMilli(), e.get(0).start());
    }

    @Test
    void parse_utcRulesMonthlyAndWeeklyFromLongAgo_expandInTheWindow() {
        List<CalendarEvent> e = parse(cal("UID:m\nSUMMARY:Rent\nDTSTART:20200105T090000Z\nRRULE:FREQ=MONTHLY",
                "UID:k\nSUMMARY:Gym\nDTSTART:20100104T180000Z\nRRULE:FREQ=WEEKLY;INTERVAL=2"), "");
        List<Instant> rent = e.stream().filter(x -> x.title().equals("Rent")).map(x -> Instant.ofEpochMilli(x.start()))
                .toList();
        assertEquals(List.of(Instant.parse("2026-11-05T09:00:00Z"), Instant.parse("2026-12-05T09:00:00Z")), rent);
        List<Instant> gym = e.stream().filter(x -> x.title().equals("Gym")).map(x -> Instant.ofEpochMilli(x.start()))
                .sorted().toList();
        // Every other Monday from 4 January 2010: 2 November 2026 is one of them (878 weeks later).
        assertEquals(Instant.parse("2026-11-02T18:00:00Z"), gym.get(0));
        assertEquals(5, gym.size(), gym.toString());
    }
}
