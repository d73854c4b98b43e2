package dev.tandem.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.Recurrence.Freq;
import dev.tandem.ui.messages.WeekStart;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class QuickAddParserTest {
    // A Wednesday.
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);
    // A "the 1st" phrase reads today as the day itself, and the day before as one that rolls into a new year.
    private static final LocalDate FIRST = LocalDate.of(2026, 12, 1);
    private static final LocalDate NEW_YEARS_EVE = LocalDate.of(2026, 12, 31);

    @Test
    void parse_trailingTomorrow_setsDueAndStripsPhrase() {
        assertEquals(new QuickAdd("Buy milk", TODAY.plusDays(1), null), QuickAddParser.parse("Buy milk tomorrow", TODAY));
    }

    @Test
    void parse_weekdayAbbreviation_isTheComingDay() {
        assertEquals(LocalDate.of(2026, 11, 20), QuickAddParser.parse("Pay rent fri", TODAY).due());
    }

    @Test
    void parse_sameWeekday_isNextWeek() {
        assertEquals(LocalDate.of(2026, 11, 25), QuickAddParser.parse("Standup notes wed", TODAY).due());
    }

    @Test
    void parse_nextWeekdayLaterInTheWeek_isThatDayOfNextWeek() {
        QuickAdd q = QuickAddParser.parse("Dentist next fri", TODAY);
        assertEquals("Dentist", q.title());
        assertEquals(LocalDate.of(2026, 11, 27), q.due());
    }

    /**
     * "next tue" is the Tuesday of next week (weeks start on Monday, as "next week" does), as Todoist reads
     * it: from a Wednesday that is six days ahead, not thirteen; from a Monday it is not tomorrow.
     */
    @Test
    void parse_nextWeekdayEarlierInTheWeek_isThatDayOfNextWeek() {
        QuickAdd q = QuickAddParser.parse("Lunch with Ann next tue", TODAY);
        assertEquals("Lunch with Ann", q.title());
        assertEquals(LocalDate.of(2026, 11, 24), q.due());
        assertEquals(LocalDate.of(2026, 11, 24), QuickAddParser.parse("Lunch next Tuesday", TODAY).due());
        assertEquals(LocalDate.of(2026, 11, 25), QuickAddParser.parse("Standup next wed", TODAY).due(), "today's weekday");
        assertEquals(LocalDate.of(2026, 11, 23), QuickAddParser.parse("Plan next mon", TODAY).due(), "as next week");
        LocalDate sunday = LocalDate.of(2026, 11, 22);
        assertEquals(LocalDate.of(2026, 11, 24), QuickAddParser.parse("Lunch next tue", sunday).due());
        LocalDate monday = LocalDate.of(2026, 11, 23);
        assertEquals(LocalDate.of(2026, 12, 1), QuickAddParser.parse("Lunch next tue", monday).due(), "not tomorrow");
    }

    @Test
    void parse_nextWeek_isNextMonday() {
        assertEquals(LocalDate.of(2026, 11, 23), QuickAddParser.parse("Plan sprint next week", TODAY).due());
    }

    /** With weeks chosen to start on Sunday (Settings), "next week" is next Sunday and "next tue" the Tuesday after it. */
    @Test
    void parse_nextWeekWithWeeksChosenToStartOnSunday_isNextSunday() {
        try {
            WeekStart.choose(Optional.of(DayOfWeek.SUNDAY));
            assertEquals(LocalDate.of(2026, 11, 22), QuickAddParser.parse("Plan sprint next week", TODAY).due());
            assertEquals(LocalDate.of(2026, 11, 24), QuickAddParser.parse("Lunch next tue", TODAY).due());
            assertEquals(LocalDate.of(2026, 11, 22), QuickAddParser.parse("Lunch next sun", TODAY).due(), "the first day of next week");
        } finally {
            WeekStart.choose(Optional.empty());
        }
        assertEquals(LocalDate.of(2026, 11, 23), QuickAddParser.parse("Plan sprint next week", TODAY).due(),
                "Monday by default, whatever the region, as Todoist's default");
    }

    @Test
    void parse_isoDate_isUsed() {
        QuickAdd q = QuickAddParser.parse("File taxes 2027-04-15", TODAY);
        assertEquals("File taxes", q.title());
        assertEquals(LocalDate.of(2027, 4, 15), q.due());
    }

    @Test
    void parse_inNDays_addsDays() {
        assertEquals(TODAY.plusDays(3), QuickAddParser.parse("Call back in 3 days", TODAY).due());
        assertEquals(TODAY.plusWeeks(2), QuickAddParser.parse("Check results in 2 weeks", TODAY).due());
    }

    @Test
    void parse_dueKeyword_isDropped() {
        QuickAdd q = QuickAddParser.parse("Report due tomorrow", TODAY);
        assertEquals("Report", q.title());
        assertEquals(TODAY.plusDays(1), q.due());
    }

    @Test
    void parse_dateWordInsideTitle_isNotADate() {
        QuickAdd q = QuickAddParser.parse("Email Monday Ltd about invoice", TODAY);
        assertEquals("Email Monday Ltd about invoice", q.title());
        assertNull(q.due());
    }

    @Test
    void parse_onlyADate_keepsItAsTitle() {
        QuickAdd q = QuickAddParser.parse("tomorrow", TODAY);
        assertEquals("tomorrow", q.title());
        assertNull(q.due());
    }

    @Test
    void parse_hashList_picksListAndStripsIt() {
        QuickAdd q = QuickAddParser.parse("Lemons #Groceries tomorrow", TODAY);
        assertEquals(new QuickAdd("Lemons", TODAY.plusDays(1), "Groceries"), q);
    }

    @Test
    void parse_invalidIsoDate_staysInTitle() {
        QuickAdd q = QuickAddParser.parse("Party 2026-02-30", TODAY);
        assertEquals("Party 2026-02-30", q.title());
        assertNull(q.due());
    }

    @Test
    void parse_blank_givesEmptyTitle() {
        assertEquals("", QuickAddParser.parse("   ", TODAY).title());
        assertEquals("", QuickAddParser.parse(null, TODAY).title());
    }

    @Test
    void parse_notePrefix_isANoteWithoutDate() {
        QuickAdd q = QuickAddParser.parse("note: Ideas for tomorrow #Work", TODAY);
        assertEquals(new QuickAdd("Ideas for tomorrow", null, "Work", true), q);
    }

    @Test
    void parse_notePrefixAnyCaseNoSpace_isANote() {
        assertEquals(new QuickAdd("Wifi password", null, null, true), QuickAddParser.parse("  NOTE:Wifi password", TODAY));
        assertEquals("", QuickAddParser.parse("note:", TODAY).title());
    }

    @Test
    void parse_noteLaterInTheText_isATodo() {
        QuickAdd q = QuickAddParser.parse("Write note: thanks to Sam fri", TODAY);
        assertEquals(new QuickAdd("Write note: thanks to Sam", LocalDate.of(2026, 11, 20), null, false), q);
    }

    @Test
    void parse_twoListWords_lastPicksTheListAndTheOtherStaysInTheTitle() {
        assertEquals(new QuickAdd("#L1", null, "L2"), QuickAddParser.parse("#L1 #L2", TODAY));
        assertEquals(new QuickAdd("Plan #L1 trip", TODAY.plusDays(1), "L2"), QuickAddParser.parse("Plan #L1 trip #L2 tomorrow", TODAY));
    }

    @Test
    void parse_monthDay_isTheNextSuchDay() {
        QuickAdd q = QuickAddParser.parse("Party feb 29", TODAY);
        assertEquals("Party", q.title());
        assertEquals(LocalDate.of(2028, 2, 29), q.due());
        assertEquals(LocalDate.of(2027, 3, 3), QuickAddParser.parse("Dentist on March 3rd", TODAY).due());
    }

    @Test
    void parse_invalidMonthDay_staysInTitle() {
        QuickAdd q = QuickAddParser.parse("Party feb 30", TODAY);
        assertEquals("Party feb 30", q.title());
        assertNull(q.due());
    }

    private static void assertPayRentMonthlyOnThe1st(LocalDate today, LocalDate due) {
        TodoDraft d = TodoDraft.parse("Pay rent on the 1st every month", today);
        assertEquals("Pay rent", d.title());
        assertEquals(due, d.due());
        assertEquals(Recurrence.monthlyOn(1), d.repeat());
    }

    @Test
    void parse_ordinalDayThenEveryMonth_dueOnNextOrdinalMonthlyOnThatDay() {
        assertPayRentMonthlyOnThe1st(TODAY, FIRST);
    }

    @Test
    void parse_ordinalDayThenEveryMonthOnThatDay_dueTodayMonthlyOnThatDay() {
        assertPayRentMonthlyOnThe1st(FIRST, FIRST);
    }

    @Test
    void parse_ordinalDayThenEveryMonthTheDayBefore_dueTomorrowInTheNewYear() {
        assertPayRentMonthlyOnThe1st(NEW_YEARS_EVE, LocalDate.of(2027, 1, 1));
    }

    @Test
    void parse_thirtyFirstThenEveryMonth_dueOnMonthEndAndKeepsThe31st() {
        TodoDraft nov = TodoDraft.parse("Pay rent on the 31st every month", TODAY);
        assertEquals("Pay rent", nov.title());
        assertEquals(LocalDate.of(2026, 11, 30), nov.due(), "November has no 31st");
        assertEquals(Recurrence.monthlyOn(31), nov.repeat());
        assertEquals(LocalDate.of(2026, 12, 31), nov.repeat().next(nov.due()), "back on the 31st after a short month");
        LocalDate jan31 = LocalDate.of(2027, 1, 31);
        assertEquals(jan31, TodoDraft.parse("Pay rent on the 31st every month", jan31).due());
    }

    @Test
    void parse_ordinalDayAndEveryMonthEitherOrder_sameTitleDueAndRule() {
        for (String text : List.of("Pay rent on the 15th every month", "Pay rent every month on the 15th",
                "Pay rent on the 15th monthly")) {
            TodoDraft d = TodoDraft.parse(text, TODAY);
            assertEquals("Pay rent", d.title(), text);
            assertEquals(LocalDate.of(2026, 12, 15), d.due(), text);
            assertEquals(Recurrence.monthlyOn(15), d.repeat(), text);
        }
        assertEquals(new Recurrence(Freq.MONTHLY, 2, null, 15),
                TodoDraft.parse("Pay rent on the 15th every 2 months", TODAY).repeat());
    }

    @Test
    void parse_ordinalDayAlone_dueOnNextOrdinalWithoutRepeat() {
        assertEquals(new QuickAdd("Pay rent", FIRST, null), QuickAddParser.parse("Pay rent on the 1st", TODAY));
        assertEquals(new QuickAdd("Pay rent", FIRST, null), QuickAddParser.parse("Pay rent on the 1st", FIRST));
        assertEquals(new QuickAdd("Pay rent", FIRST, null), QuickAddParser.parse("Pay rent by the 1st", TODAY));
        assertNull(TodoDraft.parse("Pay rent on the 1st", TODAY).repeat());
        QuickAdd inTitle = QuickAddParser.parse("Celebrate the 1st anniversary", TODAY);
        assertEquals("Celebrate the 1st anniversary", inTitle.title(), "only trailing details are read");
        assertNull(inTitle.due());
    }
}
