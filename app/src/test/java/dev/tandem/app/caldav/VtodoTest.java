package dev.tandem.app.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The VTODO mapping: what each field reads as, and that a write changes only what changed. */
@Tag("unit")
class VtodoTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static String todo(String lines) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Apple Inc.//iOS 18//EN\r\nBEGIN:VTODO\r\nUID:apple-1\r\n"
                + "DTSTAMP:20261120T080000Z\r\nSUMMARY:Call the plumber\r\n" + lines
                + "X-APPLE-SORT-ORDER:3\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
    }

    @Test
    void read_dueWithTimeZone_isTheDateThereAndAnAlarmRelativeToItIsTheReminder() {
        String ics = todo("DUE;TZID=America/New_York:20261124T200000\r\nPRIORITY:5\r\nCATEGORIES:Home,Two Words\r\n"
                + "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:x\r\nTRIGGER;RELATED=END:-PT30M\r\nEND:VALARM\r\n");
        TaskFields f = Vtodo.read(ics, BERLIN).orElseThrow().fields();
        // 20:00 in New York is 02:00 the next day in Berlin.
        assertEquals(LocalDate.of(2026, 11, 25), f.due());
        assertEquals(3L, f.priority());
        assertEquals(List.of("home", "two-words"), f.tags());
        assertEquals(Instant.parse("2026-11-25T00:30:00Z").toEpochMilli(), f.remindAt());
    }

    @Test
    void write_onlyTheDateChanged_keepsTimeZoneTimeAndEveryUnknownProperty() {
        String ics = todo("DTSTART;TZID=Europe/Berlin:20261123T090000\r\nDUE;TZID=Europe/Berlin:20261124T170000\r\n"
                + "PRIORITY:2\r\nGEO:52.5;13.4\r\n");
        TaskFields was = Vtodo.read(ics, BERLIN).orElseThrow().fields();
        assertEquals(LocalDate.of(2026, 11, 23), was.start(), "DTSTART the day before DUE is the start date");
        TaskFields now = new TaskFields(was.title(), was.notes(), LocalDate.of(2026, 11, 27), was.done(),
                was.priority(), was.tags(), was.remindAt(), was.repeat(), was.time(), was.minutes(), was.start(),
                was.parent());
        String out = Vtodo.write(ics, was, "apple-1", now, BERLIN, NOW).replace("\r\n", "\n");
        assertTrue(out.contains("DUE;TZID=Europe/Berlin:20261127T170000"), out);
        assertTrue(out.contains("DTSTART;TZID=Europe/Berlin:20261123T090000"), "the start date stays: " + out);
        assertTrue(out.contains("PRIORITY:2"), "an unchanged field is left as it was: " + out);
        assertTrue(out.contains("X-APPLE-SORT-ORDER:3") && out.contains("GEO:52.5;13.4"), out);
        assertTrue(out.contains("UID:apple-1"), out);
        assertTrue(out.contains("SEQUENCE:0") && out.contains("LAST-MODIFIED:20261123T120000Z"), out);
    }

    @Test
    void write_completedThenReopened_setsAndClearsStatusCompletedAndPercent() {
        String ics = todo("");
        TaskFields open = Vtodo.read(ics, BERLIN).orElseThrow().fields();
        TaskFields done = new TaskFields(open.title(), open.notes(), open.due(), true, open.priority(), open.tags(),
                open.remindAt(), open.repeat(), open.time(), open.minutes(), open.start(), open.parent());
        String completed = Vtodo.write(ics, open, "apple-1", done, BERLIN, NOW);
        assertTrue(completed.contains("STATUS:COMPLETED") && completed.contains("COMPLETED:20261123T120000Z")
                && completed.contains("PERCENT-COMPLETE:100"), completed);
        assertTrue(Vtodo.read(completed, BERLIN).orElseThrow().fields().done());
        String reopened = Vtodo.write(completed, done, "apple-1", open, BERLIN, NOW);
        assertTrue(reopened.contains("STATUS:NEEDS-ACTION"), reopened);
        assertFalse(reopened.contains("COMPLETED:") || reopened.contains("PERCENT-COMPLETE"), reopened);
    }

    @Test
    void read_priorityScale_mapsNineLevelsToFour() {
        long[] expected = {1, 1, 2, 2, 3, 4, 4, 4, 4};
        for (int p = 1; p <= 9; p++) {
            assertEquals(expected[p - 1], Vtodo.priority(String.valueOf(p)), "PRIORITY:" + p);
        }
        assertEquals(null, Vtodo.priority("0"), "0 is undefined");
    }

    @Test
    void read_noVtodoOrNoUid_isEmpty() {
        assertTrue(Vtodo.read("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:e\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                BERLIN).isEmpty());
        assertTrue(Vtodo.read("not iCalendar at all", BERLIN).isEmpty());
    }

    private static final String RELATIVE_ALARM =
            "BEGIN:VALARM\r\nTRIGGER;RELATED=END:-PT15M\r\nACTION:DISPLAY\r\nDESCRIPTION:x\r\nEND:VALARM\r\n";

    private static TaskFields withReminder(TaskFields f, LocalDate due, Long remindAt) {
        return new TaskFields(f.title(), f.notes(), due, f.done(), f.priority(), f.tags(), remindAt, f.repeat(), f.time(),
                f.minutes(), f.start(), f.parent());
    }

    @Test
    void write_reminderChangedOnAnAlarmRelativeToDue_staysRelativeToDue() {
        String ics = todo("DUE:20261124T170000Z\r\n" + RELATIVE_ALARM);
        TaskFields was = Vtodo.read(ics, BERLIN).orElseThrow().fields();
        long nine = Instant.parse("2026-11-24T09:00:00Z").toEpochMilli();
        String out = Vtodo.write(ics, was, "apple-1", withReminder(was, was.due(), nine), BERLIN, NOW);
        assertTrue(out.contains("TRIGGER;RELATED=END:-PT8H"), out);
        assertTrue(out.contains("DESCRIPTION:x"), out);
        assertEquals(nine, Vtodo.read(out, BERLIN).orElseThrow().fields().remindAt());
    }

    @Test
    void write_dueRemovedUnderAnAlarmRelativeToIt_pinsTheAlarmAtItsTime() {
        String ics = todo("DUE:20261124T170000Z\r\n" + RELATIVE_ALARM);
        TaskFields was = Vtodo.read(ics, BERLIN).orElseThrow().fields();
        String out = Vtodo.write(ics, was, "apple-1", withReminder(was, null, was.remindAt()), BERLIN, NOW);
        assertFalse(out.contains("DUE"), out);
        assertEquals(was.remindAt(), Vtodo.read(out, BERLIN).orElseThrow().fields().remindAt(), out);
        assertTrue(out.contains("TRIGGER;VALUE=DATE-TIME:20261124T164500Z"), out);
    }

    @Test
    void read_emptyText_isNoTaskSoTheSyncNamesItUnreadable() {
        // The engine hands on an object longer than it reads (2,000,000 characters) with no text.
        assertTrue(Vtodo.read("", BERLIN).isEmpty());
    }

    /** A server (or another client) stores dates no calendar keeps: the task is read without them. */
    @Test
    void read_datesOutsideTheRangeTandemKeeps_taskReadWithoutThem() {
        String ics = todo("DUE;VALUE=DATE:99991231\r\nDTSTART;VALUE=DATE:18000101\r\n"
                + "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:x\r\nTRIGGER;VALUE=DATE-TIME:99991231T000000Z\r\nEND:VALARM\r\n");
        TaskFields f = Vtodo.read(ics, BERLIN).orElseThrow().fields();
        assertEquals("Call the plumber", f.title());
        assertNull(f.due());
        assertNull(f.start());
        assertNull(f.remindAt());
        TaskFields fine = Vtodo.read(todo("DUE;VALUE=DATE:29991231\r\n"), BERLIN).orElseThrow().fields();
        assertEquals(java.time.LocalDate.of(2999, 12, 31), fine.due());
    }
}
