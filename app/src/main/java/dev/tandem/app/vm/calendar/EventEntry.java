package dev.tandem.app.vm.calendar;

import dev.tandem.app.model.events.CalendarEvent;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An event of a subscribed calendar on one day of a grid or the agenda, read-only. An event that runs over
 * several days is one entry per day: all day where it covers the whole day, else from its start or from
 * midnight to its end or to midnight, in minutes of the wall clock as {@link TimeBlock} counts them.
 *
 * @param colour the calendar's colour as {@code #rrggbb}, or "" for the theme's (anything else is dropped)
 * @param start  minute of the day it starts (0 for all day)
 * @param end    minute it ends (24:00 for all day)
 */
public record EventEntry(CalendarEvent event, String colour, LocalDate date, int start, int end, boolean allDay) {
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    public EventEntry {
        colour = colour == null || !COLOUR.matcher(colour).matches() ? "" : colour;
    }

    /** Stable across reads: calendar, uid, start and day. */
    public String key() {
        return event.calendar() + "\u0000" + event.uid() + "\u0000" + event.start() + "@" + date;
    }

    public String title() {
        return event.title();
    }

    public String calendar() {
        return event.calendar();
    }

    public String location() {
        return event.location();
    }

    /** "14:00–15:00", or "" all day. */
    public String timeText() {
        return allDay ? "" : Formats.time(at(start)) + "–" + Formats.time(at(end % TimeBlock.DAY_MINUTES));
    }

    /** "14:00–15:00", or "All day". */
    public String whenText() {
        return allDay ? Messages.text("main.calendar.event.allDay") : timeText();
    }

    /** What a screen reader says for it. */
    public String spoken() {
        return Messages.text("main.calendar.event.a11y", title(), whenText(), calendar());
    }

    /** Its details, one per line: title, when, calendar, and where when it says. */
    public String details() {
        String d = Messages.text("main.calendar.event.details", title(), whenText(), calendar());
        return location().isEmpty() ? d : d + "\n" + Messages.text("main.calendar.event.where", location());
    }

    /** True when its colour is light enough that dark text reads better on it than light text. */
    public boolean lightColour() {
        if (colour.isEmpty()) {
            return false;
        }
        int rgb = Integer.parseInt(colour.substring(1), 16);
        double luma = 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
        // The luminance where black and white text have the same contrast ratio.
        return luma > 0.179;
    }

    private static double channel(int c) {
        double v = (c & 0xff) / 255.0;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** Its time of day, or null all day. */
    public LocalTime time() {
        return allDay ? null : at(start);
    }

    private static LocalTime at(int minute) {
        return LocalTime.MIN.plusMinutes(minute);
    }

    /**
     * The entries of {@code e} on the days {@code first} to {@code last} in {@code zone}. An all-day event's end
     * is the day after its last; an event with no length shows as {@link CalendarEntry#DEFAULT_MINUTES} long.
     */
    public static List<EventEntry> on(CalendarEvent e, String colour, LocalDate first, LocalDate last, ZoneId zone) {
        LocalDateTime s = e.startIn(zone);
        LocalDateTime en = e.endIn(zone);
        List<EventEntry> out = new ArrayList<>();
        if (e.allDay()) {
            LocalDate stop = en.toLocalDate().isAfter(s.toLocalDate()) ? en.toLocalDate() : s.toLocalDate().plusDays(1);
            for (LocalDate d = later(s.toLocalDate(), first); d.isBefore(stop) && !d.isAfter(last); d = d.plusDays(1)) {
                out.add(new EventEntry(e, colour, d, 0, TimeBlock.DAY_MINUTES, true));
            }
            return out;
        }
        if (!en.isAfter(s)) {
            en = s.plusMinutes(CalendarEntry.DEFAULT_MINUTES);
        }
        LocalDate lastDay = en.toLocalTime().equals(LocalTime.MIDNIGHT) ? en.toLocalDate().minusDays(1) : en.toLocalDate();
        for (LocalDate d = later(s.toLocalDate(), first); !d.isAfter(lastDay) && !d.isAfter(last); d = d.plusDays(1)) {
            int from = d.equals(s.toLocalDate()) ? CalendarPlan.minuteOf(s.toLocalTime()) : 0;
            int to = d.equals(en.toLocalDate()) ? CalendarPlan.minuteOf(en.toLocalTime()) : TimeBlock.DAY_MINUTES;
            boolean whole = from == 0 && to == TimeBlock.DAY_MINUTES;
            out.add(new EventEntry(e, colour, d, from, Math.max(to, from + 1), whole));
        }
        return out;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
