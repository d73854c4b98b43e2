package dev.tandem.app.vm.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.events.CalendarEvent;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
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

/** Events of subscribed calendars in the week and month plans: per day, all day on top, blocks beside todos. */
@Tag("unit")
class CalendarEventsPlanTest {
    /** Wednesday 25 November 2026. */
    private static final LocalDate WED = LocalDate.of(2026, 11, 25);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final CalendarRange WEEK = CalendarRange.of(CalendarRange.Mode.WEEK, WED, Locale.UK);
    private int n;

    private Item todo(String title, LocalDate due, LocalTime time, Integer minutes) {
        n++;
        return new Item("id" + n, null, title, null, due.toString(), 0L, null, null, (long) n, null, null, null, null, null,
                null, time == null ? null : Item.TIME.format(time), minutes == null ? null : minutes.longValue(), null);
    }

    /** A floating event: its times are the wall clock's wherever it is shown. */
    private static CalendarEvent event(String title, LocalDateTime start, LocalDateTime end, boolean allDay) {
        return new CalendarEvent("Work", title, start.toInstant(ZoneOffset.UTC).toEpochMilli(),
                end.toInstant(ZoneOffset.UTC).toEpochMilli(), true, allDay, title, "Room 4");
    }

    private static List<EventEntry> entries(CalendarEvent e, String colour) {
        return EventEntry.on(e, colour, WEEK.first(), WEEK.last(), BERLIN);
    }

    private static String place(TimeBlock b) {
        return b.start() + "-" + b.end() + " " + b.column() + "/" + b.columns();
    }

    @Test
    void of_eventBesideTodo_sharesTheColumns_todosKeepTheirOwnList() {
        CalendarEvent standup = event("Standup", WED.atTime(9, 0), WED.atTime(10, 0), false);
        CalendarEvent holiday = event("Holiday", WED.atStartOfDay(), WED.plusDays(1).atStartOfDay(), true);
        Item call = todo("Call Sam", WED, LocalTime.of(9, 30), 30);
        Item lunch = todo("Lunch", WED, LocalTime.of(12, 0), null);
        Item post = todo("Post", WED, null, null);
        List<EventEntry> events = new ArrayList<>(entries(standup, "#1f4e9c"));
        events.addAll(entries(holiday, "#1f4e9c"));

        CalendarDay d = CalendarPlan.of(List.of(lunch, call, post), events, WEEK).day(WED);

        assertEquals(List.of("Holiday"), d.allDayEvents().stream().map(EventEntry::title).toList());
        assertEquals(List.of("Post"), d.allDay().stream().map(CalendarEntry::title).toList());
        assertEquals(1, d.eventBlocks().size());
        EventBlock b = d.eventBlocks().get(0);
        assertEquals("Standup", b.event().title());
        assertEquals("540-600 0/2", place(b.place()), "the event starts first: the left column of two");
        assertEquals(List.of("Call Sam 570-600 1/2", "Lunch 720-750 0/1"),
                d.blocks().stream().map(x -> x.entry().title() + " " + place(x)).toList());
        assertEquals(List.of("Post", "Call Sam", "Lunch"), d.entries().stream().map(CalendarEntry::title).toList(),
                "keyboard moves step through todos only: events are read-only");
        assertTrue(CalendarPlan.of(List.of(call), List.of(), WEEK).day(WED).eventBlocks().isEmpty());
    }

    @Test
    void on_eventOverMidnight_aBlockEachDay_aWholeDayBetweenIsAllDay() {
        CalendarEvent night = event("Night train", WED.atTime(22, 0), WED.plusDays(2).atTime(2, 0), false);

        List<EventEntry> es = entries(night, "");

        assertEquals(List.of(WED + " 1320-1440 false", WED.plusDays(1) + " 0-1440 true", WED.plusDays(2) + " 0-120 false"),
                es.stream().map(e -> e.date() + " " + e.start() + "-" + e.end() + " " + e.allDay()).toList());
        CalendarPlan p = CalendarPlan.of(List.of(), es, WEEK);
        assertEquals(1, p.day(WED.plusDays(1)).allDayEvents().size());
        assertEquals("0-120 0/1", place(p.day(WED.plusDays(2)).eventBlocks().get(0).place()));
    }

    @Test
    void on_allDayEventsOverTheRangesEdge_oneEntryPerShownDayOnly() {
        LocalDate sat = WED.plusDays(3);
        CalendarEvent trip = event("Trip", sat.atStartOfDay(), sat.plusDays(4).atStartOfDay(), true);
        CalendarEvent oneDay = event("Birthday", WED.atStartOfDay(), WED.atStartOfDay(), true);

        assertEquals(List.of(sat, sat.plusDays(1)), entries(trip, "").stream().map(EventEntry::date).toList(),
                "Saturday and Sunday are this week's; Monday and Tuesday the next's");
        assertEquals(List.of(WED), entries(oneDay, "").stream().map(EventEntry::date).toList(),
                "an all-day event without an end is its one day");
    }

    @Test
    void on_eventWithAZone_placedInTheViewersZone() {
        // 09:00 UTC in winter is 10:00 in Berlin.
        long start = WED.atTime(9, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        CalendarEvent call = new CalendarEvent("Work", "u1", start, start + 3_600_000, false, false, "Call", "");

        EventEntry e = EventEntry.on(call, "", WEEK.first(), WEEK.last(), BERLIN).get(0);

        assertEquals(600, e.start());
        assertEquals(660, e.end());
        assertEquals(LocalTime.of(10, 0), e.time());
    }

    @Test
    void of_eventsInADayOrder_allDayFirst_thenByStart() {
        CalendarEvent late = event("Late", WED.atTime(15, 0), WED.atTime(16, 0), false);
        CalendarEvent early = event("Early", WED.atTime(8, 0), WED.atTime(8, 30), false);
        CalendarEvent allDay = event("Away", WED.atStartOfDay(), WED.plusDays(1).atStartOfDay(), true);
        List<EventEntry> es = new ArrayList<>(entries(late, ""));
        es.addAll(entries(allDay, ""));
        es.addAll(entries(early, ""));

        es.sort(CalendarPlan.EVENT_ORDER);

        assertEquals(List.of("Away", "Early", "Late"), es.stream().map(EventEntry::title).toList());
    }

    @Test
    void colour_onlyHexKept_lightOnesGetDarkText() {
        CalendarEvent e = event("Standup", WED.atTime(9, 0), WED.atTime(10, 0), false);

        assertEquals("", entries(e, "red; -fx-shape: none").get(0).colour(), "anything but #rrggbb is dropped");
        assertEquals("#1f4e9c", entries(e, "#1f4e9c").get(0).colour());
        assertFalse(entries(e, "#1f4e9c").get(0).lightColour());
        assertTrue(entries(e, "#ffe066").get(0).lightColour());
        assertFalse(entries(e, "").get(0).lightColour());
    }

    @Test
    void details_titleTimeCalendarAndPlace_inTheLanguage() {
        Messages.use(Language.ENGLISH);
        EventEntry e = entries(event("Standup", WED.atTime(9, 0), WED.atTime(10, 0), false), "").get(0);
        EventEntry all = entries(event("Away", WED.atStartOfDay(), WED.plusDays(1).atStartOfDay(), true), "").get(0);

        assertEquals("Standup\n9:00–10:00\nCalendar: Work\nWhere: Room 4", e.details());
        assertEquals("Event Away, All day, from the calendar Work", all.spoken());
        try {
            Messages.use(Language.GERMAN);
            assertEquals("Termin Away, Ganztägig, aus dem Kalender Work", all.spoken());
        } finally {
            Messages.use(Language.ENGLISH);
        }
    }

    @Test
    void shownWithEvents_monthCell_eventsFirst_lastLineForMore() {
        List<EventEntry> events = new ArrayList<>(entries(event("Away", WED.atStartOfDay(), WED.plusDays(1).atStartOfDay(),
                true), ""));
        events.addAll(entries(event("Standup", WED.atTime(9, 0), WED.atTime(9, 15), false), ""));
        List<Item> todos = List.of(todo("Rent", WED, null, null), todo("Call", WED, LocalTime.of(11, 0), null));
        CalendarDay d = CalendarPlan.of(todos, events, WEEK).day(WED);

        assertEquals(List.of("Away", "Standup"), d.events().stream().map(EventEntry::title).toList());
        assertEquals(List.of(2, 2, 0), List.of(d.shownWithEvents(4)[0], d.shownWithEvents(4)[1], d.shownWithEvents(4)[2]),
                "four lines hold all four");
        assertEquals(List.of(2, 0, 2), List.of(d.shownWithEvents(3)[0], d.shownWithEvents(3)[1], d.shownWithEvents(3)[2]),
                "three lines: both events, then +2 more");
        assertEquals(List.of(0, 0, 4), List.of(d.shownWithEvents(1)[0], d.shownWithEvents(1)[1], d.shownWithEvents(1)[2]));
    }

    @Test
    void overlapsEvent_timedTodoDuringAnEvent_marked_oneThatOnlyTouchesNot() {
        List<EventEntry> events = entries(event("Standup", WED.atTime(9, 0), WED.atTime(10, 0), false), "");
        Item during = todo("During", WED, LocalTime.of(9, 45), 30);
        Item after = todo("After", WED, LocalTime.of(10, 0), 30);
        Item before = todo("Before", WED, LocalTime.of(8, 30), 30);

        CalendarDay d = CalendarPlan.of(List.of(during, after, before), events, WEEK).day(WED);

        assertEquals(List.of("Before false", "During true", "After false"), d.blocks().stream()
                .map(b -> b.entry().title() + " " + d.overlapsEvent(b)).toList());
    }
}
