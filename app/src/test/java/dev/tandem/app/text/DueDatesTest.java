package dev.tandem.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DueDatesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

    @Test
    void format_dayTimeAndLength_readAsTheRowShowsThem() {
        assertEquals("Tomorrow 14:00 · 30 min", DueDates.format(TODAY.plusDays(1), LocalTime.of(14, 0), 30, TODAY));
        assertEquals("Today 9:30", DueDates.format(TODAY, LocalTime.of(9, 30), 0, TODAY));
        assertEquals("Friday · 1 h 30 min", DueDates.format(TODAY.plusDays(2), null, 90, TODAY));
        assertEquals("Tomorrow", DueDates.format(TODAY.plusDays(1), null, 0, TODAY));
    }

    @Test
    void format_lengthWithoutDate_isTheLengthAlone() {
        assertEquals("45 min", DueDates.format(null, null, 45, TODAY));
        assertEquals("", DueDates.format(null, LocalTime.NOON, 0, TODAY), "a time without a date means nothing");
    }

    @Test
    void timeAndLength_underItsDay_isTheTimeAndLengthAlone() {
        assertEquals("14:30 · 45 min", DueDates.timeAndLength(LocalTime.of(14, 30), 45));
        assertEquals("9:30", DueDates.timeAndLength(LocalTime.of(9, 30), 0));
        assertEquals("1 h 30 min", DueDates.timeAndLength(null, 90));
        assertEquals("", DueDates.timeAndLength(null, 0));
    }
}
