package dev.tandem.app.vm.calendar;

import java.util.ArrayList;
import java.util.List;

/**
 * The free time around a drop point on a day of the week's hour grid, shown while a todo is dragged over it:
 * from the end of the block before the point to the start of the block after it, within the day, so the 10:30
 * meeting shows before "Write report 2h" is dropped at 10:00. Busy means any event's or timed todo's block the
 * day keeps, except the dragged todo's own ({@code draggedKey}); blocks that overlap or touch count as one busy
 * run. A point inside a busy run has no free time around it: the slot is then the gap after that run, and the
 * todo does not fit. Pure: minutes of the wall clock, as {@link TimeBlock}.
 *
 * @param start   the minute the free time starts (the previous block's end, or 0)
 * @param end     the minute it ends (the next block's start, or 24:00)
 * @param fits    the todo, starting at the drop point for its length, ends within the slot
 */
public record FreeSlot(int start, int end, boolean fits) {

    /**
     * The slot around {@code minute} on {@code day} for a todo of {@code length} minutes ({@code draggedKey}:
     * the dragged todo's key, whose own block is not in its way; null for none).
     */
    public static FreeSlot around(CalendarDay day, int minute, int length, String draggedKey) {
        int at = Math.max(0, Math.min(TimeBlock.DAY_MINUTES, minute));
        int start = 0;
        int end = TimeBlock.DAY_MINUTES;
        // The busy run holding the point, if any, grows until no block overlaps it: its end is where free time starts.
        List<int[]> busy = busy(day, draggedKey);
        int busyEnd = -1;
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int[] b : busy) {
                if (busyEnd < 0 ? b[0] <= at && at < b[1] : b[0] <= busyEnd && b[1] > busyEnd) {
                    busyEnd = b[1];
                    grew = true;
                }
            }
        }
        int from = busyEnd < 0 ? at : busyEnd;
        for (int[] b : busy) {
            if (b[1] <= from) {
                start = Math.max(start, b[1]);
            } else if (b[0] >= from) {
                end = Math.min(end, b[0]);
            }
        }
        if (busyEnd >= 0) {
            start = busyEnd;
        }
        boolean fits = busyEnd < 0 && at + Math.max(1, length) <= end;
        return new FreeSlot(start, Math.max(start, end), fits);
    }

    /** The minutes free. */
    public int minutes() {
        return end - start;
    }

    /** Start and end of everything in the day's way: its events (drawn or not) and its timed todos but the dragged one. */
    private static List<int[]> busy(CalendarDay day, String draggedKey) {
        List<int[]> out = new ArrayList<>(day.blocks().size() + day.eventBlocks().size());
        for (TimeBlock b : day.blocks()) {
            if (draggedKey == null || !b.entry().key().equals(draggedKey)) {
                out.add(new int[] {b.start(), b.end()});
            }
        }
        for (EventBlock e : day.eventBlocks()) {
            out.add(new int[] {e.place().start(), e.place().end()});
        }
        // The events in "+k more" hold their time as much as the drawn ones.
        for (MoreEvents m : day.moreEvents()) {
            for (EventEntry e : m.hidden()) {
                out.add(new int[] {e.start(), e.end()});
            }
        }
        return out;
    }
}
