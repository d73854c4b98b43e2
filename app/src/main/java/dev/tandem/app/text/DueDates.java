package dev.tandem.app.text;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Formats a due date the way a person reads it, relative to today. */
public final class DueDates {
    private DueDates() {
    }

    private static final DateTimeFormatter SAME_YEAR = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    public enum Urgency { OVERDUE, TODAY, SOON, LATER }

    public static String format(LocalDate due, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, due);
        if (days == 0) {
            return "Today";
        }
        if (days == 1) {
            return "Tomorrow";
        }
        if (days == -1) {
            return "Yesterday";
        }
        if (days > 1 && days < 7) {
            return due.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }
        return due.getYear() == today.getYear() ? SAME_YEAR.format(due) : OTHER_YEAR.format(due);
    }

    public static Urgency urgency(LocalDate due, LocalDate today) {
        if (due.isBefore(today)) {
            return Urgency.OVERDUE;
        }
        if (due.isEqual(today)) {
            return Urgency.TODAY;
        }
        return due.isBefore(today.plusDays(7)) ? Urgency.SOON : Urgency.LATER;
    }
}
