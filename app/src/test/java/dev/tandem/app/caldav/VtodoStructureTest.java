package dev.tandem.app.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The VTODO mapping of a subtask's parent (RELATED-TO) and the start date (DTSTART), both ways. */
@Tag("unit")
class VtodoStructureTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    private static String todo(String lines) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VTODO\r\nUID:child-1\r\n"
                + "DTSTAMP:20261120T080000Z\r\nSUMMARY:Pack boxes\r\n" + lines + "END:VTODO\r\nEND:VCALENDAR\r\n";
    }

    private static TaskFields read(String lines) {
        return Vtodo.read(todo(lines), UTC).orElseThrow().fields();
    }

    @Test
    void read_relatedToWithOrWithoutParentType_isTheParentAndChildOrSiblingIsNone() {
        assertEquals("p-1", read("RELATED-TO;RELTYPE=PARENT:p-1\r\n").parent());
        assertEquals("p-2", read("RELATED-TO:p-2\r\n").parent(), "RELTYPE=PARENT is the default");
        assertNull(read("RELATED-TO;RELTYPE=CHILD:c-1\r\nRELATED-TO;RELTYPE=SIBLING:s-1\r\n").parent());
        assertNull(read("RELATED-TO;REL-TYPE=CHILD:c-1\r\n").parent(), "python3-caldav 0.11 spells it REL-TYPE");
        assertEquals("p-3", read("RELATED-TO;RELTYPE=CHILD:c-1\r\nRELATED-TO;RELTYPE=PARENT:p-3\r\n").parent());
    }

    @Test
    void write_parentChanged_replacesOnlyTheParentRelation() {
        String ics = todo("RELATED-TO;RELTYPE=PARENT:p-1\r\nRELATED-TO;RELTYPE=CHILD:c-9\r\n");
        TaskFields was = Vtodo.read(ics, UTC).orElseThrow().fields();
        String out = Vtodo.write(ics, was, "child-1", was.withParent("p-2"), UTC, NOW).replace("\r\n", "\n");
        assertTrue(out.contains("RELATED-TO;RELTYPE=PARENT:p-2"), out);
        assertFalse(out.contains("p-1"), out);
        assertTrue(out.contains("RELATED-TO;RELTYPE=CHILD:c-9"), "other relations stay: " + out);
        String top = Vtodo.write(out, was.withParent("p-2"), "child-1", was.withParent(null), UTC, NOW);
        assertNull(Vtodo.read(top, UTC).orElseThrow().fields().parent(), top);
        assertTrue(top.contains("RELTYPE=CHILD:c-9"), top);
    }

    @Test
    void read_dtstartBeforeDue_isTheStartDateAndOnTheDueDayIsNone() {
        TaskFields f = read("DTSTART;VALUE=DATE:20261120\r\nDUE;VALUE=DATE:20261124\r\n");
        assertEquals(LocalDate.of(2026, 11, 20), f.start());
        assertEquals(DAY, f.due());
        assertNull(read("DTSTART:20261124T140000Z\r\nDUE:20261124T143000Z\r\n").start(), "a length's start is no start date");
        TaskFields alone = read("DTSTART:20261122T090000Z\r\n");
        assertEquals(LocalDate.of(2026, 11, 22), alone.start(), "the date part of a date-time");
        assertNull(alone.due(), "a start date alone is no due date");
    }

    @Test
    void write_startSetMovedAndCleared_roundTripsAndKeepsAStartTime() {
        TaskFields none = read("DUE;VALUE=DATE:20261124\r\n");
        TaskFields started = new TaskFields(none.title(), null, DAY, false, null, List.of(), null, null, null, null,
                DAY.minusDays(3), null);
        String out = Vtodo.write(todo("DUE;VALUE=DATE:20261124\r\n"), none, "child-1", started, UTC, NOW);
        assertTrue(out.replace("\r\n", "\n").contains("DTSTART;VALUE=DATE:20261121"), out);
        assertEquals(started, Vtodo.read(out, UTC).orElseThrow().fields());

        String timed = todo("DTSTART;TZID=Europe/Berlin:20261121T080000\r\nDUE;VALUE=DATE:20261124\r\n");
        TaskFields was = Vtodo.read(timed, UTC).orElseThrow().fields();
        TaskFields moved = was.with(TaskFields.Field.START, started.with(TaskFields.Field.START,
                new TaskFields("x", null, DAY, false, null, List.of(), null, null, null, null, DAY.minusDays(1), null)));
        String out2 = Vtodo.write(timed, was, "child-1", moved, UTC, NOW).replace("\r\n", "\n");
        assertTrue(out2.contains("DTSTART;TZID=Europe/Berlin:20261123T080000"), "its time and zone stay: " + out2);

        String cleared = Vtodo.write(out, started, "child-1", none, UTC, NOW);
        assertFalse(cleared.contains("DTSTART"), cleared);
        assertEquals(none, Vtodo.read(cleared, UTC).orElseThrow().fields());
    }

    @Test
    void write_startBesideATimeWithALength_startTakesDtstartAndTheTimeStays() {
        TaskFields f = new TaskFields("Call", null, DAY, false, null, List.of(), null, null, LocalTime.of(14, 0), 30,
                DAY.minusDays(2), null);
        String out = Vtodo.write(null, null, "child-1", f, UTC, NOW);
        assertEquals(f.held(), Vtodo.read(out, UTC).orElseThrow().fields(), out);
        assertEquals(LocalTime.of(14, 0), f.held().time());
        assertNull(f.held().minutes());
    }
}
