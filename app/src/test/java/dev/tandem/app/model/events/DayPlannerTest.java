package dev.tandem.app.model.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.events.DayPlanner.Hours;
import dev.tandem.app.model.events.DayPlanner.Plan;
import dev.tandem.app.model.events.DayPlanner.Reason;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Concrete days planned: gaps between events and timed todos, working hours, now, order and what does not fit. */
@Tag("unit")
class DayPlannerTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 3);
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final LocalDateTime MORNING = DAY.atTime(7, 0);

    static Item todo(String id, Long priority, long created, String time, Long minutes) {
        return new Item(id, "l", id, null, DAY.toString(), 0L, null, null, created, priority, null, null, null, null,
                null, time, minutes, null);
    }

    static CalendarEvent event(LocalTime from, LocalTime to) {
        return new CalendarEvent("work", "u", DAY.atTime(from).atZone(ZONE).toInstant().toEpochMilli(),
                DAY.atTime(to).atZone(ZONE).toInstant().toEpochMilli(), false, false, "Meeting", "");
    }

    static LocalTime at(int h, int m) {
        return LocalTime.of(h, m);
    }

    @Test
    void plan_eventsAndTimedTodo_placesFirstFitInTheGapsByPriorityThenAsAdded() {
        List<CalendarEvent> events = List.of(event(at(9, 0), at(10, 0)), event(at(11, 0), at(12, 0)));
        List<Item> todos = List.of(todo("report", null, 1, null, 120L), todo("call", 1L, 2, null, 30L),
                todo("standup", null, 3, "10:30", null), todo("mail", null, 4, null, 30L),
                todo("untimed", null, 5, null, null));
        Plan p = DayPlanner.plan(DAY, DayPlanner.DEFAULT_HOURS, MORNING, events, ZONE, todos);
        // call (priority 1) first into 10:00; report (2 h) does not fit 10:30-11:00 (standup holds it), goes 12:00;
        // mail takes the next gap after report.
        assertEquals(List.of("call 10:00-10:30", "report 12:00-14:00", "mail 14:00-14:30"),
                p.slots().stream().map(s -> s.todo().id() + " " + s.start() + "-" + s.end()).toList());
        assertTrue(p.unplaced().isEmpty());
    }

    @Test
    void plan_afterNoon_startsAtNowRoundedUpToTheNextStep() {
        Plan p = DayPlanner.plan(DAY, DayPlanner.DEFAULT_HOURS, DAY.atTime(13, 2, 10), List.of(), ZONE,
                List.of(todo("a", null, 1, null, 45L)));
        assertEquals(at(13, 5), p.slots().get(0).start());
        assertEquals(at(13, 50), p.slots().get(0).end());
    }

    @Test
    void plan_longerThanTheHoursAndNoGapAndDayOver_reportWhy() {
        Hours h = new Hours(at(9, 0), at(10, 0));
        List<Item> todos = List.of(todo("big", null, 1, null, 90L), todo("fits", null, 2, null, 60L),
                todo("late", null, 3, null, 5L));
        Plan p = DayPlanner.plan(DAY, h, MORNING, List.of(), ZONE, todos);
        assertEquals(List.of("fits"), p.slots().stream().map(s -> s.todo().id()).toList());
        assertEquals(List.of(Reason.LONGER_THAN_HOURS, Reason.NO_GAP),
                p.unplaced().stream().map(DayPlanner.Unplaced::reason).toList());
        Plan over = DayPlanner.plan(DAY, h, DAY.atTime(10, 0), List.of(), ZONE, todos);
        assertTrue(over.slots().isEmpty());
        assertTrue(over.unplaced().stream().allMatch(u -> u.reason() == Reason.DAY_OVER));
        Plan past = DayPlanner.plan(DAY, h, DAY.plusDays(1).atTime(8, 0), List.of(), ZONE, todos);
        assertTrue(past.unplaced().stream().allMatch(u -> u.reason() == Reason.DAY_OVER));
    }

    @Test
    void plan_allDayEventAndEventOverMidnight_onlyTheTimedPartOfTheDayBlocks() {
        long startOfDay = DAY.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        CalendarEvent allDay = new CalendarEvent("h", "a", startOfDay, startOfDay + 86_400_000L, true, true, "Holiday", "");
        CalendarEvent night = new CalendarEvent("w", "n", DAY.minusDays(1).atTime(22, 0).atZone(ZONE).toInstant()
                .toEpochMilli(), DAY.atTime(9, 30).atZone(ZONE).toInstant().toEpochMilli(), false, false, "Shift", "");
        Plan p = DayPlanner.plan(DAY, DayPlanner.DEFAULT_HOURS, MORNING, List.of(allDay, night), ZONE,
                List.of(todo("a", null, 1, null, 30L)));
        assertEquals(at(9, 30), p.slots().get(0).start());
    }

    @Test
    void plan_doneNoteOtherDayAndTimedTodos_areNotPlaced() {
        Item done = todo("done", null, 1, null, 30L).withDone(true, 5);
        Item other = new Item("other", "l", "other", null, DAY.plusDays(1).toString(), 0L, null, null, 2L, null, null,
                null, null, null, null, null, 30L, null);
        Plan p = DayPlanner.plan(DAY, DayPlanner.DEFAULT_HOURS, MORNING, List.of(), ZONE,
                List.of(done, other, todo("timed", null, 3, "09:00", 60L)));
        assertTrue(p.empty());
    }

    @Test
    void plan_dayCutIntoMinutesAndThousandsOfTodos_fillsEveryGapOnceAndReportsTheRest() {
        List<CalendarEvent> events = new java.util.ArrayList<>();
        for (int m = 9 * 60 + 1; m < 17 * 60; m += 2) {
            events.add(event(LocalTime.of(m / 60, m % 60), LocalTime.of((m + 1) / 60, (m + 1) % 60)));
        }
        List<Item> todos = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            todos.add(todo("t" + i, null, i, null, 1L));
        }
        todos.add(todo("two", 1L, 10_000, null, 2L));
        Plan p = DayPlanner.plan(DAY, DayPlanner.DEFAULT_HOURS, MORNING, events, ZONE, todos);
        assertEquals(240, p.slots().size(), "one todo in each one-minute gap");
        assertEquals(at(9, 0), p.slots().get(0).start());
        assertEquals(at(16, 58), p.slots().get(239).start());
        assertEquals(10_001 - 240, p.unplaced().size());
        assertEquals("two", p.unplaced().get(0).todo().id(), "first by priority, and no gap takes two minutes");
        assertTrue(p.unplaced().stream().allMatch(u -> u.reason() == Reason.NO_GAP));
    }

    @Test
    void free_slotAgainstEventsAndTimedTodos_isFreeOnlyWhereNothingOverlaps() {
        List<CalendarEvent> events = List.of(event(at(10, 0), at(11, 0)));
        List<Item> todos = List.of(todo("standup", null, 1, "12:00", null), todo("long", null, 2, "14:00", 90L),
                todo("untimed", null, 3, null, 60L));
        assertTrue(DayPlanner.free(DAY, at(9, 0), 60, events, ZONE, todos), "ends as the event starts");
        assertTrue(!DayPlanner.free(DAY, at(9, 30), 60, events, ZONE, todos), "runs into the event");
        assertTrue(!DayPlanner.free(DAY, at(11, 45), 30, events, ZONE, todos), "the standup holds 12:00-12:30");
        assertTrue(DayPlanner.free(DAY, at(12, 30), 90, events, ZONE, todos), "between the standup and 14:00");
        assertTrue(!DayPlanner.free(DAY, at(15, 0), 30, events, ZONE, todos), "a timed todo holds its length");
        assertTrue(DayPlanner.free(DAY, at(15, 30), 30, events, ZONE, todos), "an untimed todo holds nothing");
    }

    @Test
    void parse_hoursText_readsTheRangeAndRefusesTheRest() {
        assertEquals(Optional.of(new Hours(at(8, 30), at(16, 0))), Hours.parse("8:30-16:00"));
        assertEquals(Optional.of(new Hours(at(9, 0), at(17, 0))), Hours.parse(" 09:00 – 17:00 "));
        assertEquals("09:00-17:00", DayPlanner.DEFAULT_HOURS.toString());
        assertEquals(Optional.empty(), Hours.parse("17:00-09:00"));
        assertEquals(Optional.empty(), Hours.parse("9-5"));
        assertEquals(Optional.empty(), Hours.parse("09:00"));
        assertEquals(Optional.empty(), Hours.parse(null));
    }
}
