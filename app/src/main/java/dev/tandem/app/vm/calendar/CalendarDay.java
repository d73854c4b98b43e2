package dev.tandem.app.vm.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One day of a calendar grid: its all-day todos and its timed ones laid out as blocks. At scale a day may
 * hold hundreds of todos; only the first {@link CalendarPlan#MAX_ALL_DAY} and {@link CalendarPlan#MAX_BLOCKS}
 * are kept (in the day's order), the rest counted, so a cell's work stays bounded.
 *
 * @param allDay      the todos without a time, in the day's order
 * @param blocks      the timed todos, by start
 * @param moreAllDay  all-day todos left out
 * @param moreTimed   timed todos left out
 * @param allDayEvents the events of subscribed calendars covering the whole day
 * @param eventBlocks  the timed events drawn as blocks, laid out together with {@code blocks} (overlapping ones
 *                     side by side)
 * @param moreEvents   the timed events not drawn, as "+k more" chips laid out with the blocks
 */
public record CalendarDay(LocalDate date, List<CalendarEntry> allDay, List<TimeBlock> blocks, int moreAllDay,
        int moreTimed, List<EventEntry> allDayEvents, List<EventBlock> eventBlocks, List<MoreEvents> moreEvents) {

    /** A day without events. */
    public CalendarDay(LocalDate date, List<CalendarEntry> allDay, List<TimeBlock> blocks, int moreAllDay, int moreTimed) {
        this(date, allDay, blocks, moreAllDay, moreTimed, List.of(), List.of(), List.of());
    }

    /** How many of the day's timed events are in "+k more" chips rather than drawn. */
    public int hiddenEvents() {
        int n = 0;
        for (MoreEvents m : moreEvents) {
            n += m.count();
        }
        return n;
    }

    /** Every todo kept for the day in the day's order (all-day first, then by time): what keyboard moves step through. */
    public List<CalendarEntry> entries() {
        List<CalendarEntry> out = new ArrayList<>(allDay);
        for (TimeBlock b : blocks) {
            out.add(b.entry());
        }
        return out;
    }

    /** The day's events kept, in its order: all day first, then by start. */
    public List<EventEntry> events() {
        List<EventEntry> out = new ArrayList<>(allDayEvents);
        for (EventBlock b : eventBlocks) {
            out.add(b.event());
        }
        return out;
    }

    /**
     * How many of its events and todos a month cell with room for {@code lines} lines shows, events first: every
     * one when they all fit, else one line fewer, for "+k more" (which counts the events the week hides too).
     * Returns {events shown, todos shown, left out}.
     */
    public int[] shownWithEvents(int lines) {
        int events = allDayEvents.size() + eventBlocks.size();
        int kept = events + allDay.size() + blocks.size();
        int all = events + hiddenEvents() + total();
        int shown = Math.max(0, Math.min(kept, all <= lines ? lines : lines - 1));
        int shownEvents = Math.min(events, shown);
        return new int[] {shownEvents, shown - shownEvents, all - shown};
    }

    /**
     * True when the timed todo's block {@code b} overlaps an event of the day in time, drawn or in a chip (touching
     * is no overlap).
     */
    public boolean overlapsEvent(TimeBlock b) {
        for (EventBlock e : eventBlocks) {
            if (e.place().start() < b.end() && b.start() < e.place().end()) {
                return true;
            }
        }
        for (MoreEvents m : moreEvents) {
            for (EventEntry e : m.hidden()) {
                if (e.start() < b.end() && b.start() < e.end()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How many todos the day has, kept or not. */
    public int total() {
        return allDay.size() + blocks.size() + moreAllDay + moreTimed;
    }

    /**
     * How many of its todos a month cell with room for {@code lines} lines of todos shows: every one when they
     * all fit, else one line fewer, so the last line can say how many more there are.
     */
    public int shownIn(int lines) {
        int kept = allDay.size() + blocks.size();
        return Math.max(0, Math.min(kept, total() <= lines ? lines : lines - 1));
    }
}
