package dev.tandem.app.vm.calendar;

import dev.tandem.app.model.DayOrder;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Occurrences;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The todos of a {@link CalendarRange} by day: each open todo due in the range on its date, and each
 * repeating one on every date of its series in the range too ({@link Occurrences}, as the agenda
 * computes them). Within a day the agenda's order ({@link AgendaPlan#WITHIN_DAY}); timed todos become
 * {@link TimeBlock}s, overlapping ones side by side. Pure: no toolkit, no database.
 */
public record CalendarPlan(CalendarRange range, List<CalendarDay> days) {
    /** All-day todos kept per day (a month cell shows fewer; the week's all-day row scrolls no further). */
    public static final int MAX_ALL_DAY = 12;
    /** Timed todos kept per day: enough for a full day of quarter hours side by side, still cheap to lay out. */
    public static final int MAX_BLOCKS = 60;

    public static CalendarPlan empty(CalendarRange range) {
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate d : range.dates()) {
            days.add(new CalendarDay(d, List.of(), List.of(), 0, 0));
        }
        return new CalendarPlan(range, List.copyOf(days));
    }

    public static CalendarPlan of(List<Item> items, CalendarRange range) {
        List<List<Timed>> byDay = new ArrayList<>();
        for (int i = 0; i < range.days(); i++) {
            byDay.add(new ArrayList<>());
        }
        LocalDate first = range.first();
        LocalDate last = range.last();
        for (Item item : items) {
            LocalDate due = item.dueDate();
            if (due == null || item.isNote() || item.isDone() || item.isTrashed() || due.isAfter(last)) {
                continue;
            }
            Timed t = new Timed(item, item.timeOfDay());
            if (!due.isBefore(first)) {
                byDay.get(range.indexOf(due)).add(t);
            }
            for (LocalDate d : Occurrences.later(item, first, last)) {
                byDay.get(range.indexOf(d)).add(t);
            }
        }
        List<CalendarDay> days = new ArrayList<>(range.days());
        for (int i = 0; i < range.days(); i++) {
            days.add(day(first.plusDays(i), byDay.get(i)));
        }
        return new CalendarPlan(range, List.copyOf(days));
    }

    /**
     * A todo with its time of day read once: a month at scale sorts thousands, and parsing the time in
     * every comparison made its layout 50 ms.
     */
    private record Timed(Item item, LocalTime time) {
    }

    /** {@link AgendaPlan#WITHIN_DAY}, on the time read once. */
    private static final Comparator<Timed> WITHIN_DAY = Comparator
            .comparing(Timed::time, Comparator.nullsFirst(Comparator.<LocalTime>naturalOrder()))
            .thenComparing(Timed::item, DayOrder.SAME_TIME);

    private static CalendarDay day(LocalDate date, List<Timed> items) {
        items.sort(WITHIN_DAY);
        List<CalendarEntry> allDay = new ArrayList<>();
        List<CalendarEntry> timed = new ArrayList<>();
        int moreAllDay = 0;
        int moreTimed = 0;
        for (Timed t : items) {
            Item it = t.item();
            if (t.time() == null) {
                if (allDay.size() < MAX_ALL_DAY) {
                    allDay.add(CalendarEntry.of(it, date));
                } else {
                    moreAllDay++;
                }
            } else if (timed.size() < MAX_BLOCKS) {
                timed.add(CalendarEntry.of(it, date));
            } else {
                moreTimed++;
            }
        }
        return new CalendarDay(date, List.copyOf(allDay), layout(timed), moreAllDay, moreTimed);
    }

    /**
     * The blocks of one day's timed todos: each from its time for its length (cut at midnight), and
     * where blocks overlap, side by side: a group of blocks that overlap one another (directly or through
     * others) shares the column width; each takes the leftmost column free at its start.
     */
    static List<TimeBlock> layout(List<CalendarEntry> timed) {
        // Each entry's minutes read once (a time is parsed from text on every read): start, end, index.
        List<int[]> sorted = new ArrayList<>(timed.size());
        for (int i = 0; i < timed.size(); i++) {
            CalendarEntry e = timed.get(i);
            int start = minuteOf(e.time());
            sorted.add(new int[] {start, Math.min(TimeBlock.DAY_MINUTES, start + e.minutes()), i, e.minutes()});
        }
        sorted.sort(Comparator.<int[]>comparingInt(x -> x[0]).thenComparingInt(x -> -x[3]));
        List<TimeBlock> out = new ArrayList<>();
        List<int[]> group = new ArrayList<>(); // start, end, column per block of the open group
        List<CalendarEntry> groupEntries = new ArrayList<>();
        int groupEnd = -1;
        for (int[] x : sorted) {
            CalendarEntry e = timed.get(x[2]);
            int start = x[0];
            int end = x[1];
            if (start >= groupEnd && !group.isEmpty()) {
                close(group, groupEntries, out);
                groupEnd = -1;
            }
            // The leftmost column whose last block has ended by this start.
            int column = 0;
            while (true) {
                int c = column;
                boolean taken = group.stream().anyMatch(g -> g[2] == c && g[1] > start);
                if (!taken) {
                    break;
                }
                column++;
            }
            group.add(new int[] {start, end, column});
            groupEntries.add(e);
            groupEnd = Math.max(groupEnd, end);
        }
        close(group, groupEntries, out);
        return List.copyOf(out);
    }

    private static void close(List<int[]> group, List<CalendarEntry> entries, List<TimeBlock> out) {
        int columns = group.stream().mapToInt(g -> g[2] + 1).max().orElse(1);
        for (int i = 0; i < group.size(); i++) {
            int[] g = group.get(i);
            out.add(new TimeBlock(entries.get(i), g[0], g[1], g[2], columns));
        }
        group.clear();
        entries.clear();
    }

    static int minuteOf(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }

    /** The day {@code d}, or null outside the range. */
    public CalendarDay day(LocalDate d) {
        int i = range.indexOf(d);
        return i < 0 ? null : days.get(i);
    }

    /** The entry with this key, wherever it is. */
    public Optional<CalendarEntry> entry(String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (CalendarDay d : days) {
            for (CalendarEntry e : d.entries()) {
                if (e.key().equals(key)) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }
}
