package dev.tandem.app.vm.calendar;

import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The days a calendar grid shows: a week of 7 days, or a month as 6 weeks of 7 (42 days, so every month
 * fits and the grid never changes height), each starting on {@code weekStart}: the day chosen in Settings or
 * the language's and region's ({@link dev.tandem.ui.messages.WeekStart}: Sunday in the US, Monday in Britain,
 * Germany and France). {@code anchor} is the day the range was made for (the selected day); the month is the
 * anchor's month. Pure.
 */
public record CalendarRange(Mode mode, LocalDate anchor, LocalDate first, int days, DayOfWeek weekStart) {

    public enum Mode { WEEK, MONTH }

    /** Weeks in a month grid. */
    public static final int MONTH_WEEKS = 6;

    /** The range whose weeks start on the first day of the week of {@code locale} ({@link WeekFields#of(Locale)}). */
    public static CalendarRange of(Mode mode, LocalDate anchor, Locale locale) {
        return of(mode, anchor, WeekFields.of(locale).getFirstDayOfWeek());
    }

    public static CalendarRange of(Mode mode, LocalDate anchor, DayOfWeek start) {
        if (mode == Mode.WEEK) {
            return new CalendarRange(mode, anchor, anchor.with(TemporalAdjusters.previousOrSame(start)), 7, start);
        }
        LocalDate firstOfMonth = anchor.withDayOfMonth(1);
        return new CalendarRange(mode, anchor, firstOfMonth.with(TemporalAdjusters.previousOrSame(start)),
                7 * MONTH_WEEKS, start);
    }

    public LocalDate last() {
        return first.plusDays(days - 1L);
    }

    public boolean contains(LocalDate d) {
        return d != null && !d.isBefore(first) && !d.isAfter(last());
    }

    /** The days in order, {@link #first} to {@link #last}. */
    public List<LocalDate> dates() {
        List<LocalDate> out = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            out.add(first.plusDays(i));
        }
        return out;
    }

    /** The position of {@code d} in the range, or -1 outside it. */
    public int indexOf(LocalDate d) {
        return contains(d) ? (int) (d.toEpochDay() - first.toEpochDay()) : -1;
    }

    /** The same kind of range around {@code day}. */
    public CalendarRange around(LocalDate day) {
        return of(mode, day, weekStart);
    }

    public CalendarRange withMode(Mode m) {
        return of(m, anchor, weekStart);
    }

    /** The week or month before. */
    public CalendarRange previous() {
        return around(mode == Mode.WEEK ? anchor.minusWeeks(1) : anchor.minusMonths(1));
    }

    /** The week or month after. */
    public CalendarRange next() {
        return around(mode == Mode.WEEK ? anchor.plusWeeks(1) : anchor.plusMonths(1));
    }

    /** The days' short names in the grid's order ("Sun", "Mon", … in the US). */
    public List<String> weekdayNames() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            out.add(Formats.weekdayShort(first.plusDays(i).getDayOfWeek()));
        }
        return out;
    }

    /** "November 2026" for a month; "23 – 29 November 2026" (or across months and years) for a week. */
    public String title() {
        if (mode == Mode.MONTH) {
            return Formats.monthYear(YearMonth.from(anchor));
        }
        LocalDate last = last();
        String d1 = String.valueOf(first.getDayOfMonth());
        String d2 = String.valueOf(last.getDayOfMonth());
        if (first.getYear() != last.getYear()) {
            return Messages.text("main.calendar.weekTitleYears", d1, Formats.month(first.getMonth()),
                    String.valueOf(first.getYear()), d2, Formats.month(last.getMonth()), String.valueOf(last.getYear()));
        }
        if (first.getMonth() != last.getMonth()) {
            return Messages.text("main.calendar.weekTitleMonths", d1, Formats.month(first.getMonth()), d2,
                    Formats.month(last.getMonth()), String.valueOf(last.getYear()));
        }
        return Messages.text("main.calendar.weekTitle", d1, d2, Formats.month(last.getMonth()), String.valueOf(last.getYear()));
    }
}
