package dev.tandem.app.vm.agenda;

import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.calendar.EventEntry;
import java.time.LocalDate;

/**
 * One row of the agenda: a day's heading, a todo on its due date, a later date of a repeating todo
 * (an occurrence computed from its rule, not stored), or the line an empty day shows. Equal when
 * they show the same, so a live update that changed nothing keeps the rows on screen.
 *
 * @param key    stable across updates: the heading's day, the todo's id, the id with the occurrence's date
 * @param text   the heading ("Overdue", "Today", "Wed 25 Nov") or the empty line; a todo's title is its row's
 * @param detail a heading's date beside "Today" and "Tomorrow"; an overdue todo's due date; else ""
 * @param date   the day the row is under; null for the overdue group and its todos' heading
 * @param row    the todo (for an occurrence, the series' open occurrence); null for a heading, an event or the empty line
 * @param event  an event's entry (its calendar, colour, place); null for anything else
 */
public record AgendaRow(Kind kind, String key, String text, String detail, LocalDate date, ItemRow row,
        EventEntry event) {

    /** A row that is not an event. */
    public AgendaRow(Kind kind, String key, String text, String detail, LocalDate date, ItemRow row) {
        this(kind, key, text, detail, date, row, null);
    }

    /** An event's row: its title, and when ("9:00–10:00", "All day") as the detail. */
    static AgendaRow of(EventEntry e) {
        return new AgendaRow(Kind.EVENT, "event:" + e.key(), e.title(), e.whenText(), e.date(), null, e);
    }

    public enum Kind {
        /** "Overdue", "Today", "Tomorrow", "Wed 25 Nov". */
        HEADING,
        /** A todo due that day (or overdue): ticking it completes it. */
        TODO,
        /** A repeating todo's later date: read-only; opening it opens the series' open todo. */
        OCCURRENCE,
        /** An event of a subscribed calendar: read-only, nothing to tick or open in the editor. */
        EVENT,
        /** "Nothing planned" under a day that has nothing. */
        EMPTY
    }

    public boolean isHeading() {
        return kind == Kind.HEADING;
    }

    /** A todo or an occurrence: a row the editor can open. */
    public boolean isTodo() {
        return kind == Kind.TODO || kind == Kind.OCCURRENCE;
    }

    /** Only the todo itself can be ticked: a later date of its series is not there yet. */
    public boolean canComplete() {
        return kind == Kind.TODO;
    }

    /** The heading of the overdue group. */
    public boolean isOverdue() {
        return kind == Kind.HEADING && date == null;
    }
}
