package dev.tandem.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
}
