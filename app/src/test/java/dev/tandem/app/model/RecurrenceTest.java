package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Recurrence.Freq;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RecurrenceTest {
    // A Wednesday.
    private static final LocalDate WED = LocalDate.of(2026, 11, 18);

    @Test
    void next_weekdays_skipsTheWeekend() {
        Recurrence r = Recurrence.weekly(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertEquals(LocalDate.of(2026, 11, 23), r.next(LocalDate.of(2026, 11, 20)));
        assertEquals(WED.plusDays(1), r.next(WED));
    }

    @Test
    void next_everyOtherMonday_isTwoWeeksOn() {
        Recurrence r = new Recurrence(Freq.WEEKLY, 2, Set.of(DayOfWeek.MONDAY), 0);
        assertEquals(LocalDate.of(2026, 11, 30), r.next(LocalDate.of(2026, 11, 16)));
    }

    @Test
    void next_monthOnThe31st_clampsToShortMonthsAndComesBack() {
        Recurrence r = Recurrence.monthlyOn(31);
        assertEquals(LocalDate.of(2027, 2, 28), r.next(LocalDate.of(2027, 1, 31)));
        assertEquals(LocalDate.of(2027, 3, 31), r.next(LocalDate.of(2027, 2, 28)));
    }

    @Test
    void parse_yearlyOnADay_roundTripsAndNeedsItsMonth() {
        Recurrence r = Recurrence.parse("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29").orElseThrow();
        assertEquals("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", r.toRule());
        assertEquals("every year on Feb 29", r.describe());
        assertEquals(LocalDate.of(2032, 2, 29), r.next(LocalDate.of(2031, 2, 28)));
        assertTrue(Recurrence.parse("FREQ=YEARLY;BYMONTHDAY=29").isEmpty(), "RFC 5545 reads that as monthly");
        assertTrue(Recurrence.parse("FREQ=MONTHLY;BYMONTH=2").isEmpty());
    }

    @Test
    void anchoredAt_dayEveryMonthHas_isTheSameRule() {
        Recurrence monthly = Recurrence.every(Freq.MONTHLY, 1);
        assertEquals(monthly, monthly.anchoredAt(LocalDate.of(2027, 3, 28)));
        assertEquals("FREQ=MONTHLY;BYMONTHDAY=30", monthly.anchoredAt(LocalDate.of(2027, 3, 30)).toRule());
    }

    @Test
    void first_monthOnThe1st_isTheNextFirst() {
        assertEquals(LocalDate.of(2026, 12, 1), Recurrence.monthlyOn(1).first(WED));
        assertEquals(WED, Recurrence.every(Freq.DAILY, 1).first(WED));
        assertEquals(LocalDate.of(2026, 11, 23), Recurrence.weekly(Set.of(DayOfWeek.MONDAY)).first(WED));
    }

    @Test
    void toRule_parse_roundTrips() {
        for (Recurrence r : new Recurrence[] {Recurrence.every(Freq.DAILY, 3), Recurrence.monthlyOn(15),
                new Recurrence(Freq.WEEKLY, 2, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 0),
                Recurrence.every(Freq.YEARLY, 1)}) {
            assertEquals(r, Recurrence.parse(r.toRule()).orElseThrow(), r.toRule());
        }
        assertEquals("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR",
                new Recurrence(Freq.WEEKLY, 2, EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY), 0).toRule());
    }

    @Test
    void parse_unknownOrHostileRule_isEmpty() {
        for (String bad : new String[] {null, "", "FREQ=HOURLY", "FREQ=DAILY;COUNT=3", "FREQ=DAILY;INTERVAL=0",
                "FREQ=DAILY;INTERVAL=99999999999", "FREQ=MONTHLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=XX", "garbage",
                "FREQ=DAILY;" + "X".repeat(500)}) {
            assertTrue(Recurrence.parse(bad).isEmpty(), String.valueOf(bad));
        }
        assertEquals(Recurrence.every(Freq.DAILY, 1), Recurrence.parse("RRULE:FREQ=DAILY").orElseThrow());
    }

    @Test
    void describe_saysItInWords() {
        assertEquals("every weekday", Recurrence.weekly(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)).describe());
        assertEquals("every Monday", Recurrence.weekly(Set.of(DayOfWeek.MONDAY)).describe());
        assertEquals("every 2 weeks", Recurrence.every(Freq.WEEKLY, 2).describe());
        assertEquals("every month on the 1st", Recurrence.monthlyOn(1).describe());
        assertEquals("every month on the 22nd", Recurrence.monthlyOn(22).describe());
        assertEquals("every year", Recurrence.every(Freq.YEARLY, 1).describe());
    }
}
