package dev.tandem.app.vm.agenda;

import dev.tandem.app.model.DayOrder;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Occurrences;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.calendar.CalendarPlan;
import dev.tandem.app.vm.calendar.EventEntry;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Lays the agenda out from its todos ({@link dev.tandem.app.model.AgendaItems}): one "Overdue" group
 * (oldest first) when anything is overdue, then a heading per day from today. Today and Tomorrow are
 * always shown, "Nothing planned" when they are empty, so a clear day says so; a later day without
 * anything is left out, so two busy weeks stay one short list. A repeating todo shows on its due
 * date and on every later date of its series within the range ({@link Occurrences}, as completing it
 * would compute them); dates between an overdue one
 * and today are not shown again, being the one overdue todo. The subscribed calendars' events of a day
 * show among its todos (all day first, then by time), read-only; a day with only events is shown too.
 * Pure: no toolkit, no database.
 */
public final class AgendaPlan {
    /** Days shown from today, today included. */
    public static final int DAYS = 14;

    /**
     * The order within one day, the overdue group's too (by date, then this): the all-day todos first,
     * then the timed ones by their time of day; then priority (none last), then as added.
     */
    public static final Comparator<Item> WITHIN_DAY = Comparator
            // As Today and Upcoming order a day: the all-day todos first, then the timed ones by their time.
            .comparing(Item::timeOfDay, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(DayOrder.SAME_TIME);

    private AgendaPlan() {
    }

    private record Placed(Item item, LocalDate date, boolean occurrence) {
    }

    /** The rows for {@code items} (open todos due on or before the last day), as of {@code today}. */
    public static List<AgendaRow> of(List<Item> items, LocalDate today, int days) {
        return of(items, List.of(), today, today.plusDays(days - 1L));
    }

    /** As above, with the subscribed calendars' {@code events} (one entry per day) among the day's todos. */
    public static List<AgendaRow> of(List<Item> items, List<EventEntry> events, LocalDate today, int days) {
        return of(items, events, today, today.plusDays(days - 1L));
    }

    /**
     * The rows for a first page of the todos, earliest due first: only up to the last due date among
     * them (before it every day is whole; it may have more), so the whole result that follows only
     * adds rows below and on that day, under the same keys. Only overdue todos: the overdue group alone.
     */
    public static List<AgendaRow> firstPage(List<Item> page, LocalDate today, int days) {
        return firstPage(page, List.of(), today, days);
    }

    /** As above, with the events of the days it shows. */
    public static List<AgendaRow> firstPage(List<Item> page, List<EventEntry> events, LocalDate today, int days) {
        LocalDate last = today.plusDays(days - 1L);
        LocalDate through = page.stream().map(Item::dueDate).filter(d -> d != null).max(LocalDate::compareTo).orElse(last);
        return of(page, events, today, through.isBefore(last) ? through : last);
    }

    /**
     * A day's order of events and todos: all-day events, then all-day todos, then the timed ones by time, an
     * event before a todo at the same time; todos among themselves by {@link #WITHIN_DAY}, events by start.
     */
    private record Line(LocalTime time, int kind, Placed todo, EventEntry event) {
        static final Comparator<Line> ORDER = Comparator
                .comparing(Line::time, Comparator.nullsFirst(Comparator.<LocalTime>naturalOrder()))
                .thenComparingInt(Line::kind);
    }

    private static List<AgendaRow> of(List<Item> items, List<EventEntry> events, LocalDate today, LocalDate last) {
        TreeMap<LocalDate, List<EventEntry>> eventsByDay = new TreeMap<>();
        for (EventEntry e : events) {
            if (!e.date().isBefore(today) && !e.date().isAfter(last)) {
                eventsByDay.computeIfAbsent(e.date(), x -> new ArrayList<>()).add(e);
            }
        }
        List<Item> overdue = new ArrayList<>();
        TreeMap<LocalDate, List<Placed>> byDay = new TreeMap<>();
        for (Item item : items) {
            LocalDate due = item.dueDate();
            if (due == null || item.isNote() || item.isDone() || item.isTrashed() || due.isAfter(last)) {
                continue;
            }
            if (due.isBefore(today)) {
                overdue.add(item);
            } else {
                byDay.computeIfAbsent(due, x -> new ArrayList<>()).add(new Placed(item, due, false));
            }
            for (LocalDate d : Occurrences.later(item, today, last)) {
                byDay.computeIfAbsent(d, x -> new ArrayList<>()).add(new Placed(item, d, true));
            }
        }
        List<AgendaRow> rows = new ArrayList<>();
        if (!overdue.isEmpty()) {
            overdue.sort(Comparator.comparing(Item::dueDate).thenComparing(WITHIN_DAY));
            rows.add(new AgendaRow(AgendaRow.Kind.HEADING, "day:overdue", Messages.text("main.agenda.overdue"), "", null, null));
            for (Item i : overdue) {
                rows.add(new AgendaRow(AgendaRow.Kind.TODO, i.id(), i.titleOrEmpty(), Formats.day(i.dueDate(), today), null,
                        new ItemRow(i)));
            }
        }
        for (LocalDate d = today; !d.isAfter(last); d = d.plusDays(1)) {
            List<Placed> placed = byDay.getOrDefault(d, List.of());
            List<EventEntry> dayEvents = eventsByDay.getOrDefault(d, List.of());
            boolean near = d.equals(today) || d.equals(today.plusDays(1));
            if (placed.isEmpty() && dayEvents.isEmpty() && !near) {
                continue;
            }
            rows.add(heading(d, today));
            if (placed.isEmpty() && dayEvents.isEmpty()) {
                rows.add(new AgendaRow(AgendaRow.Kind.EMPTY, "empty:" + d, Messages.text("main.agenda.nothingPlanned"), "", d,
                        null));
                continue;
            }
            List<Placed> sorted = new ArrayList<>(placed);
            sorted.sort(Comparator.comparing(Placed::item, WITHIN_DAY));
            List<EventEntry> sortedEvents = new ArrayList<>(dayEvents);
            sortedEvents.sort(CalendarPlan.EVENT_ORDER);
            List<Line> lines = new ArrayList<>();
            for (EventEntry e : sortedEvents) {
                lines.add(new Line(e.time(), e.allDay() ? 0 : 1, null, e));
            }
            for (Placed p : sorted) {
                LocalTime t = p.item().timeOfDay();
                lines.add(new Line(t, t == null ? 1 : 2, p, null));
            }
            // Stable: each kind keeps its own order among equal times.
            lines.sort(Line.ORDER);
            for (Line line : lines) {
                if (line.event() != null) {
                    rows.add(AgendaRow.of(line.event()));
                    continue;
                }
                Placed p = line.todo();
                Item i = p.item();
                rows.add(p.occurrence()
                        ? new AgendaRow(AgendaRow.Kind.OCCURRENCE, i.id() + "@" + d, i.titleOrEmpty(), "", d, new ItemRow(i))
                        : new AgendaRow(AgendaRow.Kind.TODO, i.id(), i.titleOrEmpty(), "", d, new ItemRow(i)));
            }
        }
        return rows;
    }

    private static AgendaRow heading(LocalDate d, LocalDate today) {
        String date = Formats.day(d, today);
        if (d.equals(today)) {
            return new AgendaRow(AgendaRow.Kind.HEADING, "day:" + d, Messages.text("main.agenda.today"), date, d, null);
        }
        if (d.equals(today.plusDays(1))) {
            return new AgendaRow(AgendaRow.Kind.HEADING, "day:" + d, Messages.text("main.agenda.tomorrow"), date, d, null);
        }
        return new AgendaRow(AgendaRow.Kind.HEADING, "day:" + d, date, "", d, null);
    }
}
