package dev.tandem.app.vm.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The calendar's ranges, days, blocks and geometry, without a toolkit or a database. */
@Tag("unit")
class CalendarPlanTest {
    /** Wednesday 25 November 2026. */
    private static final LocalDate WED = LocalDate.of(2026, 11, 25);
    private int n;

    private Item todo(String title, LocalDate due, LocalTime time, Integer minutes) {
        n++;
        return new Item("id" + n, null, title, null, due.toString(), 0L, null, null, (long) n, null, null, null, null, null,
                null, time == null ? null : Item.TIME.format(time), minutes == null ? null : minutes.longValue(), null);
    }

    private static List<String> titles(List<TimeBlock> blocks) {
        return blocks.stream().map(b -> b.entry().title() + " " + b.start() + "-" + b.end() + " " + b.column() + "/"
                + b.columns()).toList();
    }

    @Test
    void week_sundayFirstLocale_startsOnSunday_mondayFirstOnMonday() {
        CalendarRange us = CalendarRange.of(CalendarRange.Mode.WEEK, WED, Locale.US);
        CalendarRange gb = CalendarRange.of(CalendarRange.Mode.WEEK, WED, Locale.UK);
        CalendarRange de = CalendarRange.of(CalendarRange.Mode.WEEK, WED, Locale.GERMANY);
        assertEquals(LocalDate.of(2026, 11, 22), us.first());
        assertEquals(DayOfWeek.SUNDAY, us.first().getDayOfWeek());
        assertEquals(LocalDate.of(2026, 11, 23), gb.first());
        assertEquals(LocalDate.of(2026, 11, 29), gb.last());
        assertEquals(gb.first(), de.first());
        assertEquals("Sun", us.weekdayNames().get(0));
        assertEquals("Mon", gb.weekdayNames().get(0));
        // A Sunday is the first day of its US week but the last of its British one.
        LocalDate sun = LocalDate.of(2026, 11, 29);
        assertEquals(sun, CalendarRange.of(CalendarRange.Mode.WEEK, sun, Locale.US).first());
        assertEquals(LocalDate.of(2026, 11, 23), CalendarRange.of(CalendarRange.Mode.WEEK, sun, Locale.UK).first());
    }

    @Test
    void title_germanAndFrench_monthNamesAndDayOrderOfTheLanguage() {
        CalendarRange week = CalendarRange.of(CalendarRange.Mode.WEEK, WED, Locale.GERMANY);
        CalendarRange across = CalendarRange.of(CalendarRange.Mode.WEEK, LocalDate.of(2026, 12, 2), Locale.GERMANY);
        CalendarRange month = CalendarRange.of(CalendarRange.Mode.MONTH, WED, Locale.GERMANY);
        assertEquals("23 – 29 November 2026", week.title());
        assertEquals("30 November – 6 December 2026", across.title());
        try {
            Messages.use(Language.GERMAN);
            assertEquals("23.–29. November 2026", week.title());
            assertEquals("30. November – 6. Dezember 2026", across.title());
            assertEquals("November 2026", month.title());
            assertEquals("Mo.", week.weekdayNames().get(0));
            Messages.use(Language.FRENCH);
            assertEquals("23 – 29 novembre 2026", week.title());
            assertEquals("30 novembre – 6 décembre 2026", across.title());
            assertEquals("novembre 2026", month.title());
            assertEquals("lun.", week.weekdayNames().get(0));
        } finally {
            Messages.use(Language.ENGLISH);
        }
    }

    @Test
    void month_sixWeeksFromTheWeekStartOnOrBeforeTheFirst() {
        CalendarRange us = CalendarRange.of(CalendarRange.Mode.MONTH, WED, Locale.US);
        assertEquals(42, us.dates().size());
        assertEquals(LocalDate.of(2026, 11, 1), us.first(), "1 November 2026 is a Sunday");
        CalendarRange gb = CalendarRange.of(CalendarRange.Mode.MONTH, WED, Locale.UK);
        assertEquals(LocalDate.of(2026, 10, 26), gb.first());
        assertEquals(LocalDate.of(2026, 12, 6), gb.last());
        assertEquals(LocalDate.of(2026, 12, 1), gb.next().anchor().withDayOfMonth(1));
        assertEquals("November 2026", us.title());
    }

    @Test
    void of_repeatingTodo_onEveryDateInTheRange_oneRowNoneCreated() {
        // Weekly from Tuesday 10 November: in the US month of November 2026 on the 10th (before: not shown),
        // 17th, 24th, 1st and 8th of December.
        Item weekly = todo("Bins", LocalDate.of(2026, 11, 10), null, null)
                .withRepeat(Recurrence.every(Recurrence.Freq.WEEKLY, 1).toRule(), "s");
        CalendarRange month = CalendarRange.of(CalendarRange.Mode.MONTH, WED, Locale.US);
        CalendarPlan plan = CalendarPlan.of(List.of(weekly), month);
        List<String> on = new ArrayList<>();
        for (CalendarDay d : plan.days()) {
            for (CalendarEntry e : d.entries()) {
                on.add(d.date() + (e.occurrence() ? "~" : ""));
            }
        }
        assertEquals(List.of("2026-11-10", "2026-11-17~", "2026-11-24~", "2026-12-01~", "2026-12-08~"), on);
        // Due before the week: only its later dates there.
        CalendarPlan week = CalendarPlan.of(List.of(weekly), CalendarRange.of(CalendarRange.Mode.WEEK, WED, Locale.UK));
        assertEquals("id" + n + "@2026-11-24", week.day(LocalDate.of(2026, 11, 24)).entries().get(0).key());
        assertEquals(1, week.days().stream().mapToInt(CalendarDay::total).sum());
    }

    @Test
    void of_allDayOnTop_timedAsBlocks_defaultThirtyMinutes_doneAndNotesLeftOut() {
        Item timed = todo("Dentist", WED, LocalTime.of(14, 0), 45);
        Item shortOne = todo("Call", WED, LocalTime.of(9, 0), null);
        Item allDay = todo("Rent", WED, null, null);
        Item done = todo("Done", WED, null, null).withDone(true, 1);
        Item note = todo("Note", WED, null, null).withNote(true);
        CalendarDay d = CalendarPlan.of(List.of(timed, shortOne, allDay, done, note),
                CalendarRange.of(CalendarRange.Mode.WEEK, WED, Locale.UK)).day(WED);
        assertEquals(List.of("Rent"), d.allDay().stream().map(CalendarEntry::title).toList());
        assertEquals(List.of("Call 540-570 0/1", "Dentist 840-885 0/1"), titles(d.blocks()));
    }

    @Test
    void layout_overlappingBlocks_sideBySide_aLaterOneTakesAFreedColumn() {
        List<CalendarEntry> day = List.of(
                CalendarEntry.of(todo("A", WED, LocalTime.of(9, 0), 60), WED),
                CalendarEntry.of(todo("B", WED, LocalTime.of(9, 30), 60), WED),
                CalendarEntry.of(todo("C", WED, LocalTime.of(10, 0), 30), WED),
                CalendarEntry.of(todo("D", WED, LocalTime.of(11, 0), 30), WED),
                CalendarEntry.of(todo("E", WED, LocalTime.of(23, 45), 60), WED));
        assertEquals(List.of("A 540-600 0/2", "B 570-630 1/2", "C 600-630 0/2", "D 660-690 0/1", "E 1425-1440 0/1"),
                titles(CalendarPlan.layout(day)), "C starts as A ends: A's column; D overlaps none; E is cut at midnight");
    }

    @Test
    void of_springForwardDay_aTodoAt230_sitsAt230OnTheWallClockGrid() {
        // 29 March 2026: in Berlin 2:00 becomes 3:00, so 2:30 never happens as an instant; the grid is by wall clock.
        LocalDate dst = LocalDate.of(2026, 3, 29);
        Item early = todo("Early", dst, LocalTime.of(2, 30), 60);
        Item late = todo("Late", dst, LocalTime.of(3, 0), 30);
        CalendarDay d = CalendarPlan.of(List.of(early, late), CalendarRange.of(CalendarRange.Mode.WEEK, dst, Locale.GERMANY))
                .day(dst);
        assertEquals(List.of("Early 150-210 0/2", "Late 180-210 1/2"), titles(d.blocks()));
        GridGeometry g = GridGeometry.week(100, 40);
        assertEquals(100.0, g.top(d.blocks().get(0)), 1e-9);
        assertEquals(40.0, g.height(d.blocks().get(0)), 1e-9);
        assertEquals(LocalTime.of(2, 30), g.time(100));
    }

    @Test
    void geometry_pointToDayAndTime_snapsToQuarterHours_keptInTheDay() {
        GridGeometry g = GridGeometry.week(120, 48);
        assertEquals(0, g.column(-5));
        assertEquals(2, g.column(250));
        assertEquals(6, g.column(5000));
        assertEquals(LocalTime.of(9, 0), g.time(9 * 48 + 5), "7 minutes past snaps back");
        assertEquals(LocalTime.of(9, 15), g.time(9 * 48 + 8), "10 minutes past snaps on");
        assertEquals(LocalTime.of(0, 0), g.time(-40));
        assertEquals(LocalTime.of(23, 45), g.time(24 * 48 + 100));
        TimeBlock nine = CalendarPlan.layout(List.of(CalendarEntry.of(todo("A", WED, LocalTime.of(9, 0), 60), WED))).get(0);
        assertEquals(LocalTime.of(10, 30), g.movedStart(nine, 72), "an hour and a half down");
        assertEquals(2 * 120 + 0.0, g.left(nine, 2), 1e-9);
        GridGeometry m = GridGeometry.month(100, 80);
        assertEquals(7 + 3, m.cell(350, 90), "second row, fourth column");
        assertEquals(41, m.cell(9999, 9999));
    }

    @Test
    void of_manyTodosOnADay_keepsABoundedNumber_countsTheRest() {
        List<Item> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(todo("T" + i, WED, i % 2 == 0 ? null : LocalTime.of(8 + i % 10, 0), 30));
        }
        CalendarDay d = CalendarPlan.of(many, CalendarRange.of(CalendarRange.Mode.WEEK, WED, Locale.UK)).day(WED);
        assertEquals(CalendarPlan.MAX_ALL_DAY, d.allDay().size());
        assertEquals(CalendarPlan.MAX_BLOCKS, d.blocks().size());
        assertEquals(500, d.total());
        assertTrue(d.moreAllDay() > 0 && d.moreTimed() > 0);
    }

    @Test
    void shownIn_moreTodosThanLines_leavesTheLastLineForMore() {
        List<CalendarEntry> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(CalendarEntry.of(todo("T" + i, WED, null, null), WED));
        }
        CalendarDay day = new CalendarDay(WED, six, List.of(), 0, 0);
        assertEquals(2, day.shownIn(3), "two todos and a line saying +4 more");
        assertEquals(6, day.shownIn(6), "all six fit");
        assertEquals(6, day.shownIn(9));
        assertEquals(4, day.shownIn(5));
        assertEquals(0, day.shownIn(1), "only room to say +6 more");
        assertEquals(0, day.shownIn(0));
        CalendarDay cut = new CalendarDay(WED, six, List.of(), 20, 0);
        assertEquals(6, cut.shownIn(40), "a cut day shows what it kept, the line below says how many more");
    }

    @Test
    void hourText_everyHour_writtenAsTheBlocksWriteTheirTimes() {
        for (int h = 1; h < 24; h++) {
            CalendarEntry atHour = CalendarEntry.of(todo("At " + h, WED, LocalTime.of(h, 0), 30), WED);
            assertEquals(atHour.timeText(), GridGeometry.hourText(h));
        }
        assertEquals("8:00", GridGeometry.hourText(8));
        assertEquals("15:00", GridGeometry.hourText(15));
    }
}
