package dev.tandem.app.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.engine.caldav.CalendarObject;
import dev.tandem.engine.testing.CalDavServer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A phone's alarms through edits in Tandem: an edit that does not touch the reminder leaves every
 * VALARM as the phone wrote it, a reminder relative to DUE stays relative when the due date moves,
 * a reminder changed here changes the one alarm Tandem reads as its reminder, and each edit is one
 * write to the server.
 */
@Tag("server")
class CalDavAlarmTest {
    /**
     * Two reminders as DAVx5 writes a Tasks.org task's "15 minutes before due" (TRIGGER;RELATED=END
     * with Tasks.org's description), and a second, unrelated one as Apple Reminders writes a fixed-time
     * alarm with sound (X-WR-ALARMUID, an AUDIO action with its ATTACH); put on the server by
     * python3-caldav as it stands.
     */
    private static final String TWO_ALARMS = String.join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:DAVx5/4.4.3.2-ose ical4j/3.2.19 (org.tasks)",
            "BEGIN:VTODO", "DTSTAMP:20261120T080000Z", "UID:davx5-alarms-1", "CREATED:20261120T080000Z",
            "LAST-MODIFIED:20261120T080000Z", "SUMMARY:Book flights", "DUE:20261124T170000Z",
            "STATUS:NEEDS-ACTION", "X-APPLE-SORT-ORDER:12",
            "BEGIN:VALARM", "TRIGGER;RELATED=END:-PT15M", "ACTION:DISPLAY",
            "DESCRIPTION:Default Tasks.org description", "END:VALARM",
            "BEGIN:VALARM", "X-WR-ALARMUID:7F7C2E1A-0B4B-4C6E-9E0A-4B5C8A2D1E3F",
            "UID:7F7C2E1A-0B4B-4C6E-9E0A-4B5C8A2D1E3F", "TRIGGER;VALUE=DATE-TIME:20261123T070000Z",
            "ACTION:AUDIO", "ATTACH;VALUE=URI:Chord", "END:VALARM",
            "END:VTODO", "END:VCALENDAR", "");

    private static final long FIFTEEN_BEFORE_DUE = Instant.parse("2026-11-24T16:45:00Z").toEpochMilli();

    @TempDir
    Path tmp;

    /** The VALARM blocks of an object, as the server holds them (line breaks as LF: the XML around them). */
    private static List<String> alarms(String ics) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?s)BEGIN:VALARM.*?END:VALARM").matcher(ics.replace("\r\n", "\n"));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private record Setup(CalDavFixture.Device laptop, Item task, Phone phone) {
        CalendarObject object() {
            return phone.task(phone.calendar("Trip"), task.title());
        }

        CalendarObject object(String title) {
            return phone.task(phone.calendar("Trip"), title);
        }
    }

    private static Setup setup(CalDavFixture f) throws Exception {
        CalDavFixture.Device laptop = f.device("laptop");
        laptop.store.createList("Trip");
        laptop.caldav("Trip");
        f.python().put("Trip", TWO_ALARMS);
        laptop.caldav();
        Item task = laptop.open("Book flights").get(0);
        assertEquals(FIFTEEN_BEFORE_DUE, task.remindAt(), "the first alarm is the reminder, 15 minutes before DUE");
        return new Setup(laptop, task, f.keep(new Phone(f.server)));
    }

    /** Syncs twice, the second idle, and returns how many objects the two wrote to the server. */
    private static int writesOfSyncAndIdle(CalDavFixture.Device laptop) {
        CalDavReport first = laptop.caldav();
        CalDavReport idle = laptop.caldav();
        return first.pushed() + idle.pushed() + first.deletedOnServer() + idle.deletedOnServer();
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_dueDateChangedHere_everyAlarmStaysByteForByteAndOneWrite(CalDavServer.Kind kind) throws Exception {
        try (CalDavFixture f = new CalDavFixture(tmp, kind)) {
            Setup s = setup(f);
            CalendarObject before = s.object();
            s.laptop.store.update(s.task.id(), it -> it.withDue(LocalDate.of(2026, 11, 26)));

            assertEquals(1, writesOfSyncAndIdle(s.laptop), "one edit, one write");
            CalendarObject after = s.object();
            assertTrue(after.ics().contains("DUE:20261126T170000Z"), after.ics());
            assertEquals(alarms(before.ics()), alarms(after.ics()), "the relative alarm follows DUE by itself");
            assertEquals(2, alarms(after.ics()).size(), after.ics());
            assertEquals(Instant.parse("2026-11-26T16:45:00Z").toEpochMilli(),
                    s.laptop.store.get(s.task.id()).orElseThrow().remindAt(),
                    "the reminder here follows the phone's, still 15 minutes before the due time");
            CalDavReport third = s.laptop.caldav();
            assertEquals(0, third.pushed() + third.pulled(), "settled: " + third.summary());
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_titleChangedHere_everyAlarmStaysByteForByteAndOneWrite(CalDavServer.Kind kind) throws Exception {
        try (CalDavFixture f = new CalDavFixture(tmp, kind)) {
            Setup s = setup(f);
            CalendarObject before = s.object();
            s.laptop.store.update(s.task.id(), it -> it.withTitle("Book flights to Lisbon"));

            assertEquals(1, writesOfSyncAndIdle(s.laptop), "one edit, one write");
            CalendarObject after = s.object("Book flights to Lisbon");
            assertEquals(alarms(before.ics()), alarms(after.ics()));
            assertEquals(FIFTEEN_BEFORE_DUE, s.laptop.store.get(s.task.id()).orElseThrow().remindAt());
        }
    }

    @ParameterizedTest
    @EnumSource(CalDavServer.Kind.class)
    void run_reminderChangedHere_onlyThatAlarmChangesAndOneWrite(CalDavServer.Kind kind) throws Exception {
        try (CalDavFixture f = new CalDavFixture(tmp, kind)) {
            Setup s = setup(f);
            List<String> before = alarms(s.object().ics());
            long nineOClock = Instant.parse("2026-11-24T09:00:00Z").toEpochMilli();
            s.laptop.store.update(s.task.id(), it -> it.withRemindAt(nineOClock));

            assertEquals(1, writesOfSyncAndIdle(s.laptop), "one edit, one write");
            String ics = s.object().ics();
            List<String> after = alarms(ics);
            assertEquals(2, after.size(), ics);
            assertEquals(before.get(1), after.get(1), "the AUDIO alarm is not Tandem's reminder: untouched");
            assertNotEquals(before.get(0), after.get(0), ics);
            assertTrue(after.get(0).contains("DESCRIPTION:Default Tasks.org description"),
                    "the reminder's alarm keeps what is not its time: " + after.get(0));
            assertEquals(nineOClock, Vtodo.read(ics, CalDavFixture.ZONE).orElseThrow().fields().remindAt(), ics);
            assertEquals(nineOClock, s.laptop.store.get(s.task.id()).orElseThrow().remindAt());
        }
    }
}
