package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import dev.tandem.app.model.events.CalendarEvent;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Language;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The subscribed calendars' events on the days of a range, for the page (docs/CALENDARS.md, "Phone page"):
 * read-only, one entry per day an event touches (all day where it covers the whole day, else from its start or
 * midnight to its end or midnight), each with its calendar's name and colour. Read from the device's
 * {@link EventStore} ({@link EventStore#between}, itself bounded), in the store's zone.
 *
 * <p>Bounded whatever the feeds held: a range is at most {@value #MAX_DAYS} days within
 * {@value DayViews#WEEK_REACH_YEARS} years of today, an answer at most {@value #MAX_ENTRIES} entries (a day of the
 * agenda or the week at most {@value #DAY_ENTRIES}), and a title, place or calendar name at most
 * {@value #MAX_TEXT} characters. The page writes every value as text, never as markup.
 */
final class EventDays {
    /** The longest range one answer covers: two months. */
    static final int MAX_DAYS = 62;
    /** The most entries one answer of the route holds; {@code total} says how many there were. */
    static final int MAX_ENTRIES = 500;
    /** The most entries a day of the agenda or the week carries. */
    static final int DAY_ENTRIES = 50;
    /** The most characters of a title, a place or a calendar's name. */
    static final int MAX_TEXT = 200;

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** The times the page orders by, as a todo's {@code time} is written. */
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    /** All day first, then by start, as the desktop's agenda orders them. */
    private static final Comparator<Entry> IN_A_DAY = Comparator.comparing(Entry::date)
            .thenComparing(e -> !e.allDay()).thenComparing(Entry::from);

    /** The device's calendars; null where the server serves none (then there are no events). */
    private final Supplier<EventStore> store;
    private final Supplier<ZoneId> zone;

    EventDays(Supplier<EventStore> store, Supplier<ZoneId> zone) {
        this.store = store;
        this.zone = zone;
    }

    /** One event on one day: {@code from} and {@code to} the wall-clock times on it (midnight to midnight all day). */
    private record Entry(CalendarEvent event, String colour, LocalDate date, LocalTime from, LocalTime to,
                         boolean allDay) {
    }

    /** The route's answer: the entries of {@code from} to {@code to} (both days included), capped. */
    Map<String, Object> range(String from, String to, LocalDate today, Language language) {
        LocalDate first = date(from, today);
        LocalDate last = date(to, today);
        if (last.isBefore(first)) {
            throw new BadRequest("server.events.backwards");
        }
        if (last.toEpochDay() - first.toEpochDay() + 1 > MAX_DAYS) {
            throw new BadRequest("server.events.tooLong", String.valueOf(MAX_DAYS));
        }
        List<Entry> all = entries(first, last);
        List<Object> rows = new ArrayList<>();
        for (Entry e : all.subList(0, Math.min(MAX_ENTRIES, all.size()))) {
            rows.add(json(e, language));
        }
        return obj("from", first.toString(), "to", last.toString(), "total", all.size(), "events", rows);
    }

    /** Each day's entries from {@code first} to {@code last}, at most {@value #DAY_ENTRIES} a day, as JSON rows. */
    TreeMap<LocalDate, List<Object>> byDay(LocalDate first, LocalDate last, Language language) {
        TreeMap<LocalDate, List<Object>> out = new TreeMap<>();
        for (Entry e : entries(first, last)) {
            List<Object> day = out.computeIfAbsent(e.date(), d -> new ArrayList<>());
            if (day.size() < DAY_ENTRIES) {
                day.add(json(e, language));
            }
        }
        return out;
    }

    private List<Entry> entries(LocalDate first, LocalDate last) {
        EventStore events = store.get();
        if (events == null) {
            return List.of();
        }
        ZoneId z = zone.get();
        Map<String, String> colours = new HashMap<>();
        for (CalendarSubscription s : events.subscriptions()) {
            if (s.enabled()) {
                colours.put(s.name(), COLOUR.matcher(s.colour()).matches() ? s.colour() : "");
            }
        }
        List<Entry> out = new ArrayList<>();
        for (CalendarEvent e : events.between(first.atStartOfDay(z).toInstant(), last.plusDays(1).atStartOfDay(z).toInstant(), z)) {
            String colour = colours.get(e.calendar());
            if (colour != null) {
                place(e, colour, first, last, z, out);
            }
        }
        out.sort(IN_A_DAY);
        return out;
    }

    /** The entries of {@code e} on the days it touches from {@code first} to {@code last}. */
    private static void place(CalendarEvent e, String colour, LocalDate first, LocalDate last, ZoneId z, List<Entry> out) {
        LocalDateTime start = e.startIn(z);
        LocalDateTime end = e.endIn(z);
        if (!end.isAfter(start)) {
            end = start;
        }
        LocalDate from = start.toLocalDate().isBefore(first) ? first : start.toLocalDate();
        for (LocalDate d = from; !d.isAfter(last); d = d.plusDays(1)) {
            LocalDateTime dayStart = d.atStartOfDay();
            LocalDateTime dayEnd = d.plusDays(1).atStartOfDay();
            // The end is exclusive: an event ending at midnight is not on the day after (one of no length is on its day).
            boolean touches = start.isBefore(dayEnd) && (end.isAfter(dayStart) || end.equals(start) && !start.isBefore(dayStart));
            if (!touches) {
                break;
            }
            boolean whole = e.allDay() || !start.isAfter(dayStart) && !end.isBefore(dayEnd);
            LocalTime a = whole || start.isBefore(dayStart) ? LocalTime.MIDNIGHT : start.toLocalTime();
            LocalTime b = whole || end.isAfter(dayEnd) || end.equals(dayEnd) ? LocalTime.MIDNIGHT : end.toLocalTime();
            out.add(new Entry(e, colour, d, a, b, whole));
        }
    }

    private static Map<String, Object> json(Entry e, Language language) {
        String time = e.allDay() ? "" : Formats.format(language, "formats.time", e.from()) + "–"
                + Formats.format(language, "formats.time", e.to());
        return obj("date", e.date().toString(), "allDay", e.allDay(),
                "start", e.allDay() ? null : HH_MM.format(e.from()), "end", e.allDay() ? null : HH_MM.format(e.to()),
                "timeLabel", time, "title", cut(e.event().title()), "location", cut(e.event().location()),
                "calendar", cut(e.event().calendar()), "colour", e.colour());
    }

    /** At most {@value #MAX_TEXT} characters, never half of a surrogate pair, with "…" when cut. */
    static String cut(String s) {
        if (s.length() <= MAX_TEXT) {
            return s;
        }
        int end = MAX_TEXT - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }

    /** A day of the range: ISO, and within {@value DayViews#WEEK_REACH_YEARS} years of today. */
    private static LocalDate date(String text, LocalDate today) {
        if (text == null || text.length() != 10 || !ISO_DATE.matcher(text).matches()) {
            throw new BadRequest("server.events.notADate");
        }
        LocalDate d;
        try {
            d = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest("server.events.notADate");
        }
        if (d.isBefore(today.minusYears(DayViews.WEEK_REACH_YEARS)) || d.isAfter(today.plusYears(DayViews.WEEK_REACH_YEARS))) {
            throw new BadRequest("server.week.tooFar", String.valueOf(DayViews.WEEK_REACH_YEARS));
        }
        return d;
    }
}
