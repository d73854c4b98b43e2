package dev.tandem.app.vm.calendar;

import dev.tandem.app.model.Item;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.ui.messages.Formats;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A todo on one day of a calendar grid: on its due date, or on a later date of its series (an
 * occurrence, computed, not stored). Equal when it shows the same, so a live update that changed
 * nothing leaves the grid as it is.
 *
 * @param key        stable across updates: the todo's id, with "@date" for an occurrence
 * @param item       the todo (for an occurrence, the series' open todo)
 * @param date       the day it is on
 * @param occurrence a later date of a repeating todo
 */
public record CalendarEntry(String key, Item item, LocalDate date, boolean occurrence) {
    /** Blocks without a length take this long on the hour grid. */
    public static final int DEFAULT_MINUTES = 30;

    static CalendarEntry of(Item item, LocalDate date) {
        boolean occurrence = !date.equals(item.dueDate());
        return new CalendarEntry(occurrence ? item.id() + "@" + date : item.id(), item, date, occurrence);
    }

    public String title() {
        return item.titleOrEmpty();
    }

    /** The time of day, or null for an all-day todo. */
    public LocalTime time() {
        return item.timeOfDay();
    }

    /** "14:00", or "" for an all-day todo. */
    public String timeText() {
        LocalTime t = time();
        return t == null ? "" : Formats.time(t);
    }

    public boolean timed() {
        return time() != null;
    }

    /** How long its block is: its length, or {@value #DEFAULT_MINUTES} minutes without one. */
    public int minutes() {
        int m = item.lengthMinutes();
        return m > 0 ? m : DEFAULT_MINUTES;
    }

    public boolean repeats() {
        return item.recurrence() != null;
    }

    /** The row the editor opens: the todo itself, or the series' open todo for an occurrence. */
    public ItemRow row() {
        return new ItemRow(item);
    }
}
