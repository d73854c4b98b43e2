package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import dev.tandem.app.model.AgendaItems;
import dev.tandem.app.model.CalendarItems;
import dev.tandem.app.model.DayOrder;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Occurrences;
import dev.tandem.app.model.TodoStore;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import dev.tandem.ui.messages.WeekStart;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The page's Agenda and Week: the open todos by day, read by the queries the desktop's agenda and
 * calendar read ({@link AgendaItems}, {@link CalendarItems}), a repeating todo also on every later date
 * of its series in the range ({@link Occurrences}, marked {@code occurrence}: not there yet, so not to
 * tick). A day lists its timed todos first, by time, then those without one, each as the desktop
 * orders todos at the same time ({@link DayOrder}). The agenda: an "Overdue" group first (oldest first),
 * then today and the next {@value #AGENDA_DAYS} days less one, Today and Tomorrow always, a later day
 * only when it has something. The week: seven days, every day, from the day weeks start on (the one chosen in
 * Settings, else the page's language's in the system's region: {@link WeekStart}).
 *
 * <p>Bounded whatever the store holds: a day (and the overdue group) carries at most {@value #DAY_ROWS}
 * rows and says how many it has, so an agenda answers at most 15 × {@value #DAY_ROWS} rows and a week
 * 7 × {@value #DAY_ROWS}. Beside the todos, each day carries the subscribed calendars' events on it ({@link EventDays},
 * at most {@value EventDays#DAY_ENTRIES} a day; none for a token limited to some lists), and the agenda shows a later
 * day that has only events too. The week asked for is a date within {@value #WEEK_REACH_YEARS} years of today:
 * farther, a daily series would be walked thousands of steps for a week nobody plans.
 */
final class DayViews {
    /** Days the agenda shows from today, today included: the desktop's agenda's two weeks. */
    static final int AGENDA_DAYS = 14;
    /** Rows a day (or the overdue group) carries at most; its {@code total} says how many it has. */
    static final int DAY_ROWS = 100;
    /** How far from today a week may be asked for, either way. */
    static final int WEEK_REACH_YEARS = 10;

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Timed first, by time; then the rest; at the same time as the desktop orders them. */
    private static final Comparator<Item> IN_A_DAY = Comparator
            .comparing(Item::timeOfDay, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(DayOrder.SAME_TIME);

    private final TodoStore store;
    private final EventDays events;

    DayViews(TodoStore store, EventDays events) {
        this.store = store;
        this.events = events;
    }

    /** A todo placed on a day: on its due date, or on a later date of its series ({@code occurrence}). */
    private record Placed(Item item, boolean occurrence) {
    }

    /** The agenda as of {@code today}, of the todos {@code sees} lets through, each todo as {@code row} writes it. */
    Map<String, Object> agenda(LocalDate today, Function<Item, Map<String, Object>> row, Language language,
            Predicate<Item> sees, boolean withEvents) {
        LocalDate last = today.plusDays(AGENDA_DAYS - 1L);
        TreeMap<LocalDate, List<Object>> onDays = withEvents ? events.byDay(today, last, language) : new TreeMap<>();
        List<Item> overdue = new ArrayList<>();
        TreeMap<LocalDate, List<Placed>> byDay = byDay(AgendaItems.query(store, last).stream().filter(sees).toList(), today, last, overdue);
        List<Object> days = new ArrayList<>();
        if (!overdue.isEmpty()) {
            overdue.sort(Comparator.comparing(Item::dueDate).thenComparing(IN_A_DAY));
            days.add(day(null, false, Messages.text(language, "server.day.overdue"), "",
                    overdue.stream().map(i -> new Placed(i, false)).toList(), row, List.of()));
        }
        for (LocalDate d = today; !d.isAfter(last); d = d.plusDays(1)) {
            List<Placed> placed = byDay.getOrDefault(d, List.of());
            List<Object> onDay = onDays.getOrDefault(d, List.of());
            if (!placed.isEmpty() || !onDay.isEmpty() || !d.isAfter(today.plusDays(1))) {
                days.add(day(d, d.equals(today), label(d, today, language),
                        near(d, today) ? format(d, today, language) : "", placed, row, onDay));
            }
        }
        return obj("view", "agenda", "title", Messages.text(language, "server.view.agenda"), "days", days);
    }

    /** The week holding the day {@code asked} (today when not asked), as of {@code today}, from its first day. */
    Map<String, Object> week(Optional<String> asked, LocalDate today, Function<Item, Map<String, Object>> row,
            Language language, Predicate<Item> sees, boolean withEvents) {
        LocalDate first = asked.map(s -> weekDate(s, today)).orElse(today)
                .with(TemporalAdjusters.previousOrSame(WeekStart.first(language)));
        LocalDate last = first.plusDays(6);
        TreeMap<LocalDate, List<Object>> onDays = withEvents ? events.byDay(first, last, language) : new TreeMap<>();
        TreeMap<LocalDate, List<Placed>> byDay = byDay(CalendarItems.query(store, first, last).stream().filter(sees).toList(), first, last, null);
        List<Object> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(day(d, d.equals(today), label(d, today, language),
                    near(d, today) ? format(d, today, language) : "",
                    byDay.getOrDefault(d, List.of()), row, onDays.getOrDefault(d, List.of())));
        }
        return obj("view", "week", "title", Messages.text(language, "server.week.title", format(first, today, language)),
                "week", first.toString(),
                "previous", first.minusWeeks(1).toString(), "next", first.plusWeeks(1).toString(), "days", days);
    }

    /**
     * The todos on each day from {@code from} to {@code last}; those due before {@code from} go to
     * {@code overdue} when there is one (their later dates still show on their days).
     */
    private static TreeMap<LocalDate, List<Placed>> byDay(List<Item> items, LocalDate from, LocalDate last,
                                                          List<Item> overdue) {
        TreeMap<LocalDate, List<Placed>> byDay = new TreeMap<>();
        for (Item item : items) {
            LocalDate due = item.dueDate();
            if (due == null || item.isNote() || item.isDone() || item.isTrashed() || due.isAfter(last)) {
                continue;
            }
            if (!due.isBefore(from)) {
                byDay.computeIfAbsent(due, x -> new ArrayList<>()).add(new Placed(item, false));
            } else if (overdue != null) {
                overdue.add(item);
            }
            for (LocalDate d : Occurrences.later(item, from, last)) {
                byDay.computeIfAbsent(d, x -> new ArrayList<>()).add(new Placed(item, true));
            }
        }
        return byDay;
    }

    /**
     * One day's heading and its first {@value #DAY_ROWS} rows ({@code date} null: the overdue group, sorted);
     * {@code today} marks today's, which the page sets apart whatever language its label is in; {@code events} the
     * calendars' events on it, in their order (all day first, then by time), for the page to set among the todos.
     */
    private static Map<String, Object> day(LocalDate date, boolean today, String label, String detail,
                                           List<Placed> placed,
                                           Function<Item, Map<String, Object>> row, List<Object> events) {
        List<Placed> sorted = new ArrayList<>(placed);
        if (date != null) {
            sorted.sort(Comparator.comparing(Placed::item, IN_A_DAY));
        }
        List<Object> rows = new ArrayList<>();
        for (Placed p : sorted.subList(0, Math.min(DAY_ROWS, sorted.size()))) {
            Map<String, Object> r = new LinkedHashMap<>(row.apply(p.item()));
            r.put("occurrence", p.occurrence());
            rows.add(r);
        }
        return obj("date", date == null ? null : date.toString(), "today", today, "label", label, "detail", detail,
                "total", placed.size(), "items", rows, "events", events);
    }

    private static boolean near(LocalDate d, LocalDate today) {
        return Math.abs(d.toEpochDay() - today.toEpochDay()) <= 1;
    }

    /** "Today", "Tomorrow", "Yesterday", or the day itself ("Fri 27 Nov"). */
    private static String label(LocalDate d, LocalDate today, Language language) {
        long from = d.toEpochDay() - today.toEpochDay();
        return from == 0 ? Messages.text(language, "server.day.today")
                : from == 1 ? Messages.text(language, "server.day.tomorrow")
                : from == -1 ? Messages.text(language, "server.day.yesterday") : format(d, today, language);
    }

    private static String format(LocalDate d, LocalDate today, Language language) {
        return Formats.format(language, d.getYear() == today.getYear() ? "formats.day" : "formats.dayYear", d);
    }

    /** A week's date from the page: ISO, and within {@value #WEEK_REACH_YEARS} years of today. */
    static LocalDate weekDate(String text, LocalDate today) {
        if (text.length() != 10 || !ISO_DATE.matcher(text).matches()) {
            throw new BadRequest("server.week.notADate");
        }
        LocalDate d;
        try {
            d = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest("server.week.notADate");
        }
        if (d.isBefore(today.minusYears(WEEK_REACH_YEARS)) || d.isAfter(today.plusYears(WEEK_REACH_YEARS))) {
            throw new BadRequest("server.week.tooFar", String.valueOf(WEEK_REACH_YEARS));
        }
        return d;
    }
}
