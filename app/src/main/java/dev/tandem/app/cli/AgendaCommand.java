package dev.tandem.app.cli;

import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.AgendaItems;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.events.CalendarEvent;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code tandem agenda [--from DATE] [--days N] [--json]}: day by day, the subscribed calendars'
 * events beside the open todos due that day. Within a day: all-day events, then what has a time
 * (events and todos) by time, then the todos without one. Events come from the last copy kept on
 * this device ({@code tandem calendars refresh} reads them again), so the agenda works offline.
 */
final class AgendaCommand {
    static final int MAX_DAYS = 366;

    private final PrintStream out;
    private final PrintStream err;

    AgendaCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** One line of the agenda: an event or a todo, on its day, at its time (null: all day or none). */
    private record Entry(LocalDate day, int order, LocalTime time, CalendarEvent event, Item todo) {
    }

    int agenda(TodoStore store, Args a) {
        if (!a.positional().isEmpty()) {
            throw new UsageError(Messages.text("cli.agenda.unexpected", a.positional().get(0)));
        }
        ZoneId zone = store.dateClock().getZone();
        LocalDate from;
        int days;
        try {
            String f = a.options().getOrDefault("--from", "today");
            from = f.equals("today") ? LocalDate.now(store.dateClock()) : LocalDate.parse(f);
            days = Integer.parseInt(a.options().getOrDefault("--days", "7"));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new UsageError(Messages.text("cli.agenda.usage"));
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new UsageError(Messages.text("cli.agenda.days", MAX_DAYS));
        }
        LocalDate end = from.plusDays(days);
        List<Entry> entries = new ArrayList<>();
        try (EventStore events = EventStore.open(store.replica().file())) {
            for (CalendarEvent e : events.between(from.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant(),
                    zone)) {
                LocalDateTime s = e.startIn(zone);
                LocalDate day = s.toLocalDate().isBefore(from) ? from : s.toLocalDate();
                boolean startsToday = !s.toLocalDate().isBefore(from);
                entries.add(new Entry(day, e.allDay() || !startsToday ? 0 : 1, e.allDay() || !startsToday ? null
                        : s.toLocalTime(), e, null));
            }
        }
        for (Item it : AgendaItems.query(store, end.minusDays(1))) {
            LocalDate due = it.dueDate();
            if (due != null && !due.isBefore(from)) {
                LocalTime t = it.timeOfDay();
                entries.add(new Entry(due, t == null ? 2 : 1, t, null, it));
            }
        }
        entries.sort(Comparator.comparing(Entry::day).thenComparingInt(Entry::order)
                .thenComparing(Entry::time, Comparator.nullsFirst(Comparator.naturalOrder())));
        Map<String, String> listNames = store.lists().stream()
                .collect(Collectors.toMap(TodoList::id, l -> l.name() == null ? "" : l.name(), (x, y) -> x));
        Map<String, List<String>> tagsOf = store.tags().all();
        if (a.flags().contains("--json")) {
            List<String> rows = new ArrayList<>();
            for (Entry e : entries) {
                rows.add(e.event() != null ? event(e.event(), zone) : ItemLines.json(e.todo(), listNames, tagsOf));
            }
            out.println("[" + String.join(",\n ", rows) + "]");
            return 0;
        }
        if (entries.isEmpty()) {
            err.println(Messages.text("cli.agenda.empty"));
            return 0;
        }
        LocalDate shown = null;
        for (Entry e : entries) {
            if (!e.day().equals(shown)) {
                shown = e.day();
                out.println(Formats.weekday(shown.getDayOfWeek()) + " " + shown);
            }
            if (e.event() != null) {
                CalendarEvent ev = e.event();
                String when = e.time() == null ? Messages.text("cli.agenda.allDay")
                        : Formats.time(e.time()) + "–" + Formats.time(ev.endIn(zone).toLocalTime());
                out.println("  " + when + "  " + TerminalText.field(ev.title())
                        + (ev.location().isEmpty() ? "" : " (" + TerminalText.field(ev.location()) + ")")
                        + "  [" + TerminalText.field(ev.calendar()) + "]");
            } else {
                out.println("  " + ItemLines.line(e.todo(), listNames, tagsOf, zone));
            }
        }
        return 0;
    }

    private static String event(CalendarEvent e, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "event");
        m.put("calendar", e.calendar());
        m.put("title", e.title());
        m.put("location", e.location().isEmpty() ? null : e.location());
        m.put("allDay", e.allDay());
        if (e.allDay()) {
            m.put("start", e.startIn(zone).toLocalDate().toString());
            m.put("end", e.endIn(zone).toLocalDate().toString());
        } else {
            m.put("start", e.floating() ? e.startIn(zone).toString() : e.startIn(zone).atZone(zone).toOffsetDateTime().toString());
            m.put("end", e.floating() ? e.endIn(zone).toString() : e.endIn(zone).atZone(zone).toOffsetDateTime().toString());
        }
        m.put("uid", e.uid());
        return Json.object(m);
    }
}
