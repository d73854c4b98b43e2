package dev.tandem.app.vm.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** A day with more events than its column can show: a bounded number drawn, the rest in "+k more" chips. */
@Tag("unit")
class CalendarMoreEventsPlanTest {
    /** Wednesday 25 November 2026. */
    private static final LocalDate WED = LocalDate.of(2026, 11, 25);
    private static final CalendarRange WEEK = CalendarRange.of(CalendarRange.Mode.WEEK, WED, Locale.UK);

    private static Item todo(String title, LocalTime time, int minutes) {
        return new Item("id-" + title, null, title, null, WED.toString(), 0L, null, null, 1L, null, null, null, null,
                null, null, Item.TIME.format(time), (long) minutes, null);
    }

    /** A floating event on Wednesday. */
    private static List<EventEntry> event(String title, LocalDateTime start, LocalDateTime end) {
        CalendarEvent e = new CalendarEvent("Work", title, start.toInstant(ZoneOffset.UTC).toEpochMilli(),
                end.toInstant(ZoneOffset.UTC).toEpochMilli(), true, false, title, "");
        return EventEntry.on(e, "#1f4e9c", WEEK.first(), WEEK.last(), ZoneId.of("Europe/Berlin"));
    }

    @Test
    void of_tenEventsAtOnceBesideATodo_threeDrawn_sevenInAChipBesideThem_theTodoKept() {
        List<EventEntry> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.addAll(event("Meeting " + i, WED.atTime(9, 0), WED.atTime(10, 0)));
        }
        CalendarDay d = CalendarPlan.of(List.of(todo("Call", LocalTime.of(9, 30), 30)), events, WEEK).day(WED);

        assertEquals(CalendarPlan.MAX_SIDE_BY_SIDE, d.eventBlocks().size());
        assertEquals(List.of("Meeting 0", "Meeting 1", "Meeting 2"), d.eventBlocks().stream().map(b -> b.event().title()).toList());
        assertEquals(1, d.moreEvents().size());
        MoreEvents more = d.moreEvents().get(0);
        assertEquals(7, more.count());
        assertEquals(7, d.hiddenEvents());
        assertEquals("Meeting 3", more.hidden().get(0).title());
        assertEquals(540, more.place().start());
        assertEquals(600, more.place().end());
        // The todo, three events and the chip side by side, none on another.
        assertEquals(1, d.blocks().size());
        List<Integer> columns = new ArrayList<>(List.of(d.blocks().get(0).column(), more.place().column()));
        d.eventBlocks().forEach(b -> columns.add(b.place().column()));
        assertEquals(List.of(0, 1, 2, 3, 4), columns.stream().sorted().toList());
        assertEquals(5, more.place().columns());
        assertTrue(d.overlapsEvent(d.blocks().get(0)));
    }

    @Test
    void of_fortyEventsOneAfterAnother_atMostMaxEventBlocksDrawn_theRestInOneChip() {
        List<EventEntry> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            LocalDateTime start = WED.atTime(7, 0).plusMinutes(15L * i);
            events.addAll(event("Slot " + i, start, start.plusMinutes(15)));
        }
        CalendarDay d = CalendarPlan.of(List.of(), events, WEEK).day(WED);

        assertEquals(CalendarPlan.MAX_EVENT_BLOCKS, d.eventBlocks().size());
        assertEquals(1, d.moreEvents().size(), "past the day's blocks, one chip for all the rest");
        MoreEvents more = d.moreEvents().get(0);
        assertEquals(40 - CalendarPlan.MAX_EVENT_BLOCKS, more.count());
        assertEquals(7 * 60 + 15 * CalendarPlan.MAX_EVENT_BLOCKS, more.place().start());
        assertEquals(7 * 60 + 15 * 40, more.place().end());
        assertEquals(1, more.place().columns(), "nothing drawn beside the chip");
    }

    @Test
    void of_twoBusyHoursApart_aChipForEach_thenEventsDrawnAgainBetween() {
        List<EventEntry> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.addAll(event("Morning " + i, WED.atTime(9, 0), WED.atTime(10, 0)));
            events.addAll(event("Afternoon " + i, WED.atTime(14, 0), WED.atTime(15, 0)));
        }
        events.addAll(event("Lunch", WED.atTime(12, 0), WED.atTime(13, 0)));
        CalendarDay d = CalendarPlan.of(List.of(), events, WEEK).day(WED);

        assertEquals(List.of(2, 2), d.moreEvents().stream().map(MoreEvents::count).toList());
        assertEquals(List.of(540, 840), d.moreEvents().stream().map(m -> m.place().start()).toList());
        assertTrue(d.eventBlocks().stream().anyMatch(b -> b.event().title().equals("Lunch")));
        assertEquals(7, d.eventBlocks().size());
    }

    @Test
    void of_threeEventsAllDayLongAndTwentyShortOnes_atMostMaxMoreChips_eachShortOneCountedOnce() {
        List<EventEntry> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.addAll(event("Shift " + i, WED.atTime(0, 0), WED.atTime(23, 0)));
        }
        for (int i = 0; i < 20; i++) {
            LocalDateTime start = WED.atTime(1, 0).plusMinutes(60L * i);
            events.addAll(event("Call " + i, start, start.plusMinutes(15)));
        }
        CalendarDay d = CalendarPlan.of(List.of(), events, WEEK).day(WED);

        assertEquals(3, d.eventBlocks().size());
        assertEquals(CalendarPlan.MAX_MORE_CHIPS, d.moreEvents().size());
        assertEquals(20, d.hiddenEvents());
        assertEquals(21 * 60 - 45, d.moreEvents().get(CalendarPlan.MAX_MORE_CHIPS - 1).place().end(),
                "the last chip spans the calls left, to the last one's end");
    }

    @Test
    void shownWithEvents_hiddenEventsCountedInTheMonthsMore() {
        List<EventEntry> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.addAll(event("Meeting " + i, WED.atTime(9, 0), WED.atTime(10, 0)));
        }
        CalendarDay d = CalendarPlan.of(List.of(), events, WEEK).day(WED);
        int[] split = d.shownWithEvents(4);
        assertEquals(3, split[0]);
        assertEquals(7, split[2], "each of the ten shown or counted");
    }
}
