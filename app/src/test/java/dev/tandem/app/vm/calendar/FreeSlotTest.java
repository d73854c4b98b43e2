package dev.tandem.app.vm.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.events.CalendarEvent;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The free time around a drop point on a day of the week, between its events and timed todos. */
@Tag("unit")
class FreeSlotTest {
    /** Wednesday 25 November 2026. */
    private static final LocalDate WED = LocalDate.of(2026, 11, 25);
    private static final CalendarRange WEEK = CalendarRange.of(CalendarRange.Mode.WEEK, WED, Locale.UK);
    private int n;

    private Item todo(String title, LocalTime time, Integer minutes) {
        n++;
        return new Item("id" + n, null, title, null, WED.toString(), 0L, null, null, (long) n, null, null, null, null, null,
                null, time == null ? null : Item.TIME.format(time), minutes == null ? null : minutes.longValue(), null);
    }

    private static List<EventEntry> event(String title, int fromHour, int fromMinute, int toHour, int toMinute) {
        LocalDateTime start = WED.atTime(fromHour, fromMinute);
        LocalDateTime end = WED.atTime(toHour, toMinute);
        return EventEntry.on(new CalendarEvent("Work", title, start.toInstant(ZoneOffset.UTC).toEpochMilli(),
                end.toInstant(ZoneOffset.UTC).toEpochMilli(), true, false, title, ""), "", WEEK.first(), WEEK.last(),
                ZoneId.of("Europe/Berlin"));
    }

    private CalendarDay day(List<Item> todos, List<EventEntry> events) {
        return CalendarPlan.of(todos, events, WEEK).day(WED);
    }

    private static int m(int hour, int minute) {
        return hour * 60 + minute;
    }

    @Test
    void around_beforeAMeeting_slotEndsAtItsStart_twoHoursDoNotFit() {
        List<EventEntry> events = new ArrayList<>(event("Standup", 8, 30, 9, 0));
        events.addAll(event("Review", 10, 30, 11, 30));
        CalendarDay d = day(List.of(), events);

        FreeSlot report = FreeSlot.around(d, m(10, 0), 120, null);
        FreeSlot note = FreeSlot.around(d, m(10, 0), 30, null);

        assertEquals(new FreeSlot(m(9, 0), m(10, 30), false), report, "from the standup's end to the review's start");
        assertTrue(note.fits(), "half an hour from 10:00 ends at the review's start: touching is no clash");
        assertEquals(90, note.minutes());
    }

    @Test
    void around_emptyDay_wholeDay_andAfterTheLastBlock_toMidnight() {
        assertEquals(new FreeSlot(0, TimeBlock.DAY_MINUTES, true), FreeSlot.around(day(List.of(), List.of()), m(10, 0), 120,
                null));
        CalendarDay d = day(List.of(), event("Standup", 8, 30, 9, 0));
        assertEquals(new FreeSlot(m(9, 0), TimeBlock.DAY_MINUTES, true), FreeSlot.around(d, m(21, 0), 120, null));
        assertFalse(FreeSlot.around(d, m(23, 0), 120, null).fits(), "two hours from 23:00 run past the day's end");
        assertEquals(new FreeSlot(0, m(8, 30), true), FreeSlot.around(d, m(6, 0), 120, null));
    }

    @Test
    void around_timedTodosAreInTheWay_theDraggedOneIsNot() {
        Item call = todo("Call Sam", LocalTime.of(9, 0), 60);
        Item lunch = todo("Lunch", LocalTime.of(12, 0), 60);
        CalendarDay d = day(List.of(call, lunch), List.of());

        assertEquals(new FreeSlot(m(10, 0), m(12, 0), true), FreeSlot.around(d, m(10, 30), 60, null));
        assertEquals(new FreeSlot(0, m(12, 0), true), FreeSlot.around(d, m(9, 30), 60, call.id()),
                "the call dragged within its own time is free to go there");
    }

    @Test
    void around_insideABusyRun_theGapAfterIt_doesNotFit() {
        List<EventEntry> events = new ArrayList<>(event("Workshop", 9, 0, 11, 0));
        events.addAll(event("Lunch talk", 11, 0, 12, 0));
        events.addAll(event("Overlapping", 10, 30, 11, 15));
        events.addAll(event("Late", 15, 0, 16, 0));
        CalendarDay d = day(List.of(), events);

        FreeSlot s = FreeSlot.around(d, m(10, 0), 30, null);

        assertEquals(new FreeSlot(m(12, 0), m(15, 0), false), s, "the touching and overlapping blocks are one busy run");
    }
}
