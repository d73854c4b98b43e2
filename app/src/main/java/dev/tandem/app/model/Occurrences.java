package dev.tandem.app.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The later dates of a repeating todo within a range, computed exactly as completing it would
 * ({@code anchoredAt(due).next(...)}), so the agenda and the grids (the desktop's and the web page's) show the
 * dates the series will have.
 * Not stored: an occurrence is a date, the todo stays one row. Pure.
 */
public final class Occurrences {
    /** At most this many steps through one series: a rule far in the past must not stall a view. */
    public static final int MAX_STEPS = 5_000;

    private Occurrences() {
    }

    /**
     * The dates after the todo's due date on which its series falls, from {@code from} to {@code last}
     * (both included); empty when it does not repeat or has no due date.
     */
    public static List<LocalDate> later(Item item, LocalDate from, LocalDate last) {
        LocalDate due = item.dueDate();
        Recurrence rule = item.recurrence();
        if (due == null || rule == null) {
            return List.of();
        }
        List<LocalDate> out = new ArrayList<>();
        Recurrence anchored = rule.anchoredAt(due);
        LocalDate d = anchored.next(due);
        for (int step = 0; !d.isAfter(last) && step < MAX_STEPS; step++, d = anchored.next(d)) {
            if (!d.isBefore(from)) {
                out.add(d);
            }
        }
        return out;
    }
}
