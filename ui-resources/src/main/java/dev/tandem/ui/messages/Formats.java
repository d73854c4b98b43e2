package dev.tandem.ui.messages;

import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One format per kind of date, time and number across the app, in the language's own order and
 * names: "Fri 27 Nov", "Fr., 27. Nov.", "ven. 27 nov.". The patterns live in the catalogue
 * ({@code formats.properties}), so a translator sets them with the words; the names come from the
 * JDK's CLDR data for the language's locale.
 */
public final class Formats {
    private static final Map<String, DateTimeFormatter> CACHE = new ConcurrentHashMap<>();

    private Formats() {
    }

    /** A day in this year: "Fri 27 Nov". */
    public static String day(LocalDate d) {
        return format(Messages.language(), "formats.day", d);
    }

    /** A day with its year: "Fri 27 Nov 2026". */
    public static String dayYear(LocalDate d) {
        return format(Messages.language(), "formats.dayYear", d);
    }

    /** A day, with its year when it is not this year's ({@code today}'s). */
    public static String day(LocalDate d, LocalDate today) {
        return d.getYear() == today.getYear() ? day(d) : dayYear(d);
    }

    /** A date without its weekday: "27 Nov". */
    public static String date(LocalDate d) {
        return format(Messages.language(), "formats.date", d);
    }

    /** A date without its weekday, with its year: "27 Nov 2026". */
    public static String dateYear(LocalDate d) {
        return format(Messages.language(), "formats.dateYear", d);
    }

    /** A date without its weekday, with its year when it is not this year's. */
    public static String date(LocalDate d, LocalDate today) {
        return d.getYear() == today.getYear() ? date(d) : dateYear(d);
    }

    /** A time of day: "14:00". */
    public static String time(LocalTime t) {
        return format(Messages.language(), "formats.time", t);
    }

    /** A day and a time: "Fri 27 Nov, 14:00". */
    public static String dayTime(LocalDateTime t) {
        return Messages.text("formats.dayTime", day(t.toLocalDate()), time(t.toLocalTime()));
    }

    /** A day with its year and a time: "Fri 27 Nov 2026, 14:00". */
    public static String dayYearTime(LocalDateTime t) {
        return Messages.text("formats.dayTime", dayYear(t.toLocalDate()), time(t.toLocalTime()));
    }

    /** A day and a time, the year shown when it is not this year's. */
    public static String dayTime(LocalDateTime t, LocalDate today) {
        return Messages.text("formats.dayTime", day(t.toLocalDate(), today), time(t.toLocalTime()));
    }

    /** A weekday's full name: "Friday". */
    public static String weekday(DayOfWeek d) {
        return format(Messages.language(), "formats.weekday", LocalDate.of(2026, 11, 23).plusDays(d.ordinal()));
    }

    /** A weekday's short name: "Fri". */
    public static String weekdayShort(DayOfWeek d) {
        return format(Messages.language(), "formats.weekdayShort", LocalDate.of(2026, 11, 23).plusDays(d.ordinal()));
    }

    /** A month with its year: "November 2026". */
    public static String monthYear(YearMonth m) {
        return format(Messages.language(), "formats.monthYear", m.atDay(1));
    }

    /** A month's name: "November". */
    public static String month(Month m) {
        return format(Messages.language(), "formats.month", LocalDate.of(2026, m, 1));
    }

    /** A month's short name: "Dec", "Dez.", "déc.". */
    public static String monthShort(Month m) {
        return format(Messages.language(), "formats.monthShort", LocalDate.of(2026, m, 1));
    }

    /** A whole number in the language's digits and grouping: "12,345", "12.345". */
    public static String number(long n) {
        return Pseudo.text(Messages.language(), NumberFormat.getIntegerInstance(Messages.language().locale()).format(n));
    }

    /** Formats with a kind's pattern in a given language (a server answering several). */
    public static String format(Language language, String kind, TemporalAccessor t) {
        DateTimeFormatter f = CACHE.computeIfAbsent(language.tag() + "/" + kind, k -> DateTimeFormatter.ofPattern(
                Catalogue.pattern(language, kind).orElseThrow(() -> new IllegalArgumentException("no format " + kind)),
                language.locale()));
        return Pseudo.text(language, f.format(t));
    }
}
