package dev.tandem.app.text;

import java.time.LocalDate;
import java.time.LocalTime;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.temporal.ChronoUnit;

/** Formats a due date the way a person reads it, relative to today. */
public final class DueDates {
    private DueDates() {
    }


    public enum Urgency { OVERDUE, TODAY, SOON, LATER }

    public static String format(LocalDate due, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, due);
        if (days == 0) {
            return Messages.text("text.day.today");
        }
        if (days == 1) {
            return Messages.text("text.day.tomorrow");
        }
        if (days == -1) {
            return Messages.text("text.day.yesterday");
        }
        if (days > 1 && days < 7) {
            return Formats.weekday(due.getDayOfWeek());
        }
        return due.getYear() == today.getYear() ? Formats.day(due) : Formats.dateYear(due);
    }

    /**
     * The due label of a list row: the day, then the time and the length when there are ("Tomorrow 14:00 ·
     * 30 min", "Today 9:30", "Fri 27 Nov"); the length alone without a date ("30 min"); "" for none.
     */
    public static String format(LocalDate due, LocalTime time, int minutes, LocalDate today) {
        String at = timeAndLength(due == null ? null : time, minutes);
        String day = due == null ? "" : format(due, today);
        return day.isEmpty() || at.isEmpty() ? day + at : day + (time == null ? " · " : " ") + at;
    }

    /**
     * The time and the length alone, for a row under its day's heading ("14:30 · 45 min", "9:30",
     * "30 min"); "" for neither.
     */
    public static String timeAndLength(LocalTime time, int minutes) {
        String clock = time == null ? "" : Formats.time(time);
        String length = minutes > 0 ? Durations.format(minutes) : "";
        return clock.isEmpty() || length.isEmpty() ? clock + length : clock + " · " + length;
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
