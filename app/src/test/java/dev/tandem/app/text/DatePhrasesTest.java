package dev.tandem.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DatePhrasesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 18); // Wednesday

    @Test
    void parse_today_isToday() {
        assertEquals(Optional.of(TODAY), DatePhrases.parse("Today", TODAY));
        assertEquals(Optional.of(TODAY), DatePhrases.parse("tonight", TODAY));
    }

    @Test
    void parse_fullWeekdayName_isTheComingDay() {
        assertEquals(Optional.of(LocalDate.of(2026, 11, 23)), DatePhrases.parse("monday", TODAY));
        assertEquals(Optional.of(LocalDate.of(2026, 11, 19)), DatePhrases.parse("thu", TODAY));
    }

    @Test
    void parse_nextMonth_isSameDayNextMonth() {
        assertEquals(Optional.of(LocalDate.of(2026, 12, 18)), DatePhrases.parse("next month", TODAY));
    }

    @Test
    void parse_weekend_isComingSaturday() {
        assertEquals(Optional.of(LocalDate.of(2026, 11, 21)), DatePhrases.parse("weekend", TODAY));
    }

    @Test
    void parse_unknownWords_isEmpty() {
        assertTrue(DatePhrases.parse("someday", TODAY).isEmpty());
        assertTrue(DatePhrases.parse("in many days", TODAY).isEmpty());
        assertTrue(DatePhrases.parse(null, TODAY).isEmpty());
    }

    @Test
    void format_nearDates_areRelative() {
        assertEquals("Today", DueDates.format(TODAY, TODAY));
        assertEquals("Tomorrow", DueDates.format(TODAY.plusDays(1), TODAY));
        assertEquals("Yesterday", DueDates.format(TODAY.minusDays(1), TODAY));
        assertEquals("Saturday", DueDates.format(TODAY.plusDays(3), TODAY));
        assertEquals("Mon 30 Nov", DueDates.format(LocalDate.of(2026, 11, 30), TODAY));
        assertEquals("5 Jan 2027", DueDates.format(LocalDate.of(2027, 1, 5), TODAY));
    }

    @Test
    void urgency_pastDate_isOverdue() {
        assertEquals(DueDates.Urgency.OVERDUE, DueDates.urgency(TODAY.minusDays(2), TODAY));
        assertEquals(DueDates.Urgency.TODAY, DueDates.urgency(TODAY, TODAY));
        assertEquals(DueDates.Urgency.LATER, DueDates.urgency(TODAY.plusDays(10), TODAY));
    }

    @Test
    void parse_monthAndDay_isTheNextSuchDayTodayIncluded() {
        assertEquals(Optional.of(LocalDate.of(2028, 2, 29)), DatePhrases.parse("feb 29", TODAY));
        assertEquals(Optional.of(LocalDate.of(2027, 2, 28)), DatePhrases.parse("February 28th", TODAY));
        assertEquals(Optional.of(TODAY), DatePhrases.parse("nov 18", TODAY));
        assertEquals(Optional.of(LocalDate.of(2027, 11, 17)), DatePhrases.parse("nov 17", TODAY));
        assertTrue(DatePhrases.parse("feb 30", TODAY).isEmpty());
        assertTrue(DatePhrases.parse("apr 31", TODAY).isEmpty());
    }

    @Test
    void parse_daySlashMonth_isTheNextSuchDay() {
        assertEquals(Optional.of(LocalDate.of(2026, 12, 31)), DatePhrases.parse("31/12", TODAY));
        assertEquals(Optional.of(LocalDate.of(2027, 2, 1)), DatePhrases.parse("1/2", TODAY));
        assertEquals(Optional.of(LocalDate.of(2028, 2, 29)), DatePhrases.parse("29/2", TODAY));
        assertTrue(DatePhrases.parse("31/2", TODAY).isEmpty());
        assertTrue(DatePhrases.parse("12/31", TODAY).isEmpty(), "day first");
    }

    @Test
    void notADate_dateLikeWordsThatAreNone_areNamed() {
        assertEquals(Optional.of("feb 30"), DatePhrases.notADate("Party feb 30"));
        assertEquals(Optional.of("Apr 31st"), DatePhrases.notADate("Rent Apr 31st, then pay"));
        assertEquals(Optional.of("31/2"), DatePhrases.notADate("Party 31/2"));
        assertEquals(Optional.of("12/31"), DatePhrases.notADate("Party 12/31"));
        assertTrue(DatePhrases.notADate("Party feb 29").isEmpty());
        assertTrue(DatePhrases.notADate("Split 50/50 with feb 2027 budget").isEmpty());
        assertTrue(DatePhrases.notADate(null).isEmpty());
    }

    @Test
    void parse_dayOfMonth_isTheNextSuchDayTodayIncludedClampedToShortMonths() {
        assertEquals(Optional.of(LocalDate.of(2026, 12, 1)), DatePhrases.parse("the 1st", TODAY));
        assertEquals(Optional.of(TODAY), DatePhrases.parse("on the 18th", TODAY));
        assertEquals(Optional.of(LocalDate.of(2026, 12, 17)), DatePhrases.parse("due the 17th", TODAY));
        assertEquals(Optional.of(LocalDate.of(2026, 11, 30)), DatePhrases.parse("On The 31st", TODAY));
        assertTrue(DatePhrases.parse("the 32nd", TODAY).isEmpty());
        assertTrue(DatePhrases.parse("the 0th", TODAY).isEmpty());
        assertTrue(DatePhrases.parse("the 2", TODAY).isEmpty(), "a count, not a day");
    }
}
