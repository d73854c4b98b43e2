package dev.tandem.app.vm.calendar;

import dev.tandem.app.model.DayOrder;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Occurrences;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
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
    /**
     * Events drawn side by side at any moment of a day's hour grid; one more overlapping them goes into the "+k more"
     * chip ({@link MoreEvents}). Todos are never hidden for events, so they do not count.
     */
    public static final int MAX_SIDE_BY_SIDE = 3;
    /**
     * Timed events drawn as blocks in a day, the rest in "+k more" chips: the work of showing a week on the UI
     * thread stays proportional to what can be read, not to the calendar (a week of 1,000 events gave 427 blocks
     * new texts and places at every switch).
     */
    public static final int MAX_EVENT_BLOCKS = 16;
    /** "+k more" chips in a day at most: past them, what is hidden joins the last one. */
    public static final int MAX_MORE_CHIPS = 4;

    public static CalendarPlan empty(CalendarRange range) {
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate d : range.dates()) {
            days.add(new CalendarDay(d, List.of(), List.of(), 0, 0));
        }
        return new CalendarPlan(range, List.copyOf(days));
    }

    public static CalendarPlan of(List<Item> items, CalendarRange range) {
        return of(items, List.of(), range);
    }

    /** The todos of {@code items} and the {@code events} (one per day, {@link EventEntry#on}) in the range. */
    public static CalendarPlan of(List<Item> items, List<EventEntry> events, CalendarRange range) {
        List<List<EventEntry>> eventsByDay = new ArrayList<>();
        for (int i = 0; i < range.days(); i++) {
            eventsByDay.add(new ArrayList<>());
        }
        for (EventEntry e : events) {
            int i = range.indexOf(e.date());
            if (i >= 0) {
                eventsByDay.get(i).add(e);
            }
        }
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
            days.add(day(first.plusDays(i), byDay.get(i), eventsByDay.get(i)));
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

    /** Events in a day's order: all day first, then by start, the longer first, then by title. */
    public static final Comparator<EventEntry> EVENT_ORDER = Comparator.comparing(EventEntry::allDay).reversed()
            .thenComparingInt(EventEntry::start).thenComparingInt(e -> -e.end())
            .thenComparing(EventEntry::title).thenComparing(EventEntry::key);

    private static CalendarDay day(LocalDate date, List<Timed> items, List<EventEntry> events) {
        events.sort(EVENT_ORDER);
        List<EventEntry> allDayEvents = new ArrayList<>();
        List<EventEntry> timedEvents = new ArrayList<>();
        for (EventEntry e : events) {
            if (e.allDay()) {
                if (allDayEvents.size() < MAX_ALL_DAY) {
                    allDayEvents.add(e);
                }
            } else {
                timedEvents.add(e);
            }
        }
        CalendarDay todos = day(date, items);
        if (events.isEmpty()) {
            return todos;
        }
        List<EventEntry> shown = new ArrayList<>();
        List<List<EventEntry>> runs = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        split(timedEvents, shown, runs, spans);
        List<CalendarEntry> timed = new ArrayList<>();
        for (TimeBlock b : todos.blocks()) {
            timed.add(b.entry());
        }
        // The drawn events, then the chips, beside the todos.
        List<int[]> places = new ArrayList<>();
        for (EventEntry e : shown) {
            places.add(new int[] {e.start(), e.end()});
        }
        places.addAll(spans);
        List<TimeBlock> all = layout(timed, places);
        List<TimeBlock> blocks = new ArrayList<>(all.subList(0, timed.size()));
        blocks.sort(Comparator.comparingInt(TimeBlock::start).thenComparingInt(b -> b.start() - b.end()));
        List<EventBlock> eventBlocks = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            eventBlocks.add(new EventBlock(shown.get(i), all.get(timed.size() + i)));
        }
        List<MoreEvents> more = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            more.add(new MoreEvents(runs.get(i), all.get(timed.size() + shown.size() + i)));
        }
        return new CalendarDay(date, todos.allDay(), List.copyOf(blocks), todos.moreAllDay(), todos.moreTimed(),
                List.copyOf(allDayEvents), List.copyOf(eventBlocks), List.copyOf(more));
    }

    /**
     * Splits a day's timed events (in {@link #EVENT_ORDER}, so by start) into those drawn as blocks and runs of
     * hidden ones: an event is drawn while fewer than {@link #MAX_SIDE_BY_SIDE} drawn ones are still going at its
     * start and the day has drawn fewer than {@link #MAX_EVENT_BLOCKS}. A hidden event joins the last run when it
     * starts before that run ends, once the day's blocks are all used, or once the day has
     * {@link #MAX_MORE_CHIPS} runs (three long events drawn all day would otherwise give every short one beside
     * them a chip of its own); else it opens a new run. Each run's span (start, end) is added to {@code spans}.
     */
    private static void split(List<EventEntry> events, List<EventEntry> shown, List<List<EventEntry>> runs,
            List<int[]> spans) {
        List<Integer> going = new ArrayList<>(); // ends of the drawn events still going
        for (EventEntry e : events) {
            int start = e.start();
            going.removeIf(end -> end <= start);
            if (shown.size() < MAX_EVENT_BLOCKS && going.size() < MAX_SIDE_BY_SIDE) {
                shown.add(e);
                going.add(e.end());
                continue;
            }
            int[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && (start < last[1] || shown.size() >= MAX_EVENT_BLOCKS || runs.size() >= MAX_MORE_CHIPS)) {
                runs.get(runs.size() - 1).add(e);
                last[1] = Math.max(last[1], e.end());
            } else {
                runs.add(new ArrayList<>(List.of(e)));
                spans.add(new int[] {start, Math.max(e.end(), start + 1)});
            }
        }
    }

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

    /** The blocks of one day's timed todos, without events ({@link #layout(List, List)}). */
    static List<TimeBlock> layout(List<CalendarEntry> timed) {
        List<TimeBlock> out = new ArrayList<>();
        for (int[] g : place(timed, List.of())) {
            out.add(new TimeBlock(timed.get(g[3]), g[0], g[1], g[2], g[4]));
        }
        return List.copyOf(out);
    }

    /**
     * The blocks of one day's timed todos and events (each event's or chip's start and end minute): each from its
     * start for its length (cut at midnight), and
     * where blocks overlap, side by side: a group of blocks that overlap one another (directly or through
     * others) shares the column width; each takes the leftmost column free at its start. A todo's block holds
     * its entry, an event's a null one; the blocks come in the order given, the todos' then the events'.
     */
    static List<TimeBlock> layout(List<CalendarEntry> timed, List<int[]> events) {
        TimeBlock[] out = new TimeBlock[timed.size() + events.size()];
        for (int[] g : place(timed, events)) {
            out[g[3]] = new TimeBlock(g[3] < timed.size() ? timed.get(g[3]) : null, g[0], g[1], g[2], g[4]);
        }
        return List.of(out);
    }

    /** The placed blocks in the order laid out: start, end, column, index (todos', then events'), columns. */
    private static List<int[]> place(List<CalendarEntry> timed, List<int[]> events) {
        int n = timed.size() + events.size();
        // Each block's minutes read once (a todo's time is parsed from text on every read): start, end, index, length.
        List<int[]> sorted = new ArrayList<>(n);
        for (int i = 0; i < timed.size(); i++) {
            CalendarEntry e = timed.get(i);
            int start = minuteOf(e.time());
            sorted.add(new int[] {start, Math.min(TimeBlock.DAY_MINUTES, start + e.minutes()), i, e.minutes()});
        }
        for (int i = 0; i < events.size(); i++) {
            int[] e = events.get(i);
            sorted.add(new int[] {e[0], e[1], timed.size() + i, e[1] - e[0]});
        }
        sorted.sort(Comparator.<int[]>comparingInt(x -> x[0]).thenComparingInt(x -> -x[3]));
        List<int[]> out = new ArrayList<>(n);
        List<int[]> group = new ArrayList<>(); // start, end, column, index per block of the open group
        // The latest end of the open group's blocks in each column: a column is free at a start it has reached.
        // (Asking every block of the group for every column made a day of 60 todos and 60 events beside them
        // cost some 100,000 comparisons.)
        int[] columnEnd = new int[n + 1];
        int columnsUsed = 0;
        int groupEnd = -1;
        for (int[] x : sorted) {
            int start = x[0];
            int end = x[1];
            if (start >= groupEnd && !group.isEmpty()) {
                close(group, out);
                groupEnd = -1;
                Arrays.fill(columnEnd, 0, columnsUsed, 0);
                columnsUsed = 0;
            }
            // The leftmost column whose last block has ended by this start.
            int column = 0;
            while (column < columnsUsed && columnEnd[column] > start) {
                column++;
            }
            columnEnd[column] = Math.max(columnEnd[column], end);
            columnsUsed = Math.max(columnsUsed, column + 1);
            group.add(new int[] {start, end, column, x[2]});
            groupEnd = Math.max(groupEnd, end);
        }
        close(group, out);
        return out;
    }

    private static void close(List<int[]> group, List<int[]> out) {
        int columns = group.stream().mapToInt(g -> g[2] + 1).max().orElse(1);
        for (int[] g : group) {
            out.add(new int[] {g[0], g[1], g[2], g[3], columns});
        }
        group.clear();
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
