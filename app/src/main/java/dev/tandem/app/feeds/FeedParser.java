package dev.tandem.app.feeds;

import dev.tandem.app.model.events.CalendarEvent;
import dev.tandem.app.transfer.Ical;
import dev.tandem.ui.messages.Messages;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;

/**
 * A feed's text read into the occurrences that fall in a window, bounded before it is trusted.
 *
 * <p>Order: {@link FeedScan} checks the text (line length, nesting, number of events, time zones and
 * listed dates) before ical4j parses it; then each event is expanded only within the window. A rule
 * is refused, with the event left out, when its BY-lists multiply to more candidates per step than
 * {@link FeedLimits#maxRuleSets}, or when a COUNT rule would have to step more than
 * {@link #MAX_STEPS} times to reach the window; a rule without COUNT whose step is a fixed length
 * (SECONDLY to WEEKLY) starts at its last step before the window instead of at DTSTART, so a rule
 * from 1900 every second costs what one from today does. Each event yields at most
 * {@link FeedLimits#maxOccurrencesPerEvent} occurrences and the whole answer at most
 * {@link FeedLimits#maxOccurrences}; the time spent is checked between events against
 * {@link FeedLimits#maxTime} on the clock handed in.
 *
 * <p>Left out: cancelled events and occurrences (STATUS:CANCELLED), and those {@code me} declined
 * (an ATTENDEE whose address is {@code me} with PARTSTAT=DECLINED).
 */
public final class FeedParser {
    /** The most steps a COUNT rule may take from DTSTART to the window's end. */
    static final long MAX_STEPS = 200_000;

    private final FeedLimits limits;
    private final LongSupplier nanos;

    public FeedParser(FeedLimits limits, LongSupplier nanos) {
        this.limits = limits;
        this.nanos = nanos;
    }

    /** What a feed gave: its occurrences in the window and how many events were left out as unreadable. */
    public record Result(List<CalendarEvent> events, int skipped) {
    }

    /** The occurrences of {@code text}'s events in [{@code from}, {@code to}), for calendar {@code name}. */
    public Result parse(String name, String text, Instant from, Instant to, String me) {
        long started = nanos.getAsLong();
        FeedScan.check(text, limits);
        Ical.init();
        Calendar cal;
        try {
            cal = Ical.builder().build(new StringReader(text));
        } catch (ParserException e) {
            throw new FeedException(Messages.text("common.calendars.invalid", e.getLineNo()), e);
        } catch (java.io.IOException | RuntimeException e) {
            throw new FeedException(Messages.text("common.calendars.invalid", 0), e);
        }
        List<VEvent> all = cal.getComponents(Component.VEVENT);
        Map<String, List<VEvent>> overrides = new HashMap<>();
        for (VEvent e : all) {
            if (e.getProperty(Property.RECURRENCE_ID).isPresent()) {
                overrides.computeIfAbsent(text(e, Property.UID), k -> new ArrayList<>()).add(e);
            }
        }
        List<CalendarEvent> out = new ArrayList<>();
        int skipped = 0;
        for (VEvent e : all) {
            if (nanos.getAsLong() - started > limits.maxTime().toNanos()) {
                throw new FeedException(Messages.text("common.calendars.slow", limits.maxTime().toSeconds()));
            }
            if (e.getProperty(Property.RECURRENCE_ID).isPresent()) {
                continue;
            }
            try {
                expand(name, e, overrides.getOrDefault(text(e, Property.UID), List.of()), from, to, me, out);
            } catch (RuleRefused | RuntimeException x) {
                skipped++;
            }
            if (out.size() >= limits.maxOccurrences()) {
                return new Result(List.copyOf(out.subList(0, limits.maxOccurrences())), skipped);
            }
        }
        return new Result(List.copyOf(out), skipped);
    }

    private void expand(String name, VEvent e, List<VEvent> changed, Instant from, Instant to, String me,
                        List<CalendarEvent> out) throws RuleRefused {
        Temporal start = date(e, Property.DTSTART);
        if (start == null || cancelled(e)) {
            return;
        }
        Duration length = length(e, start);
        Set<Long> removed = new HashSet<>();
        for (Object p : e.getProperties(Property.EXDATE)) {
            for (Object d : ((DateListProperty<?>) p).getDates()) {
                removed.add(key((Temporal) d));
            }
        }
        Map<Long, VEvent> byId = new HashMap<>();
        for (VEvent c : changed) {
            Temporal id = date(c, Property.RECURRENCE_ID);
            if (id != null) {
                byId.put(key(id), c);
            }
        }
        List<Temporal> starts = new ArrayList<>();
        starts.add(start);
        Optional<Property> rule = e.getProperty(Property.RRULE);
        if (rule.isPresent()) {
            starts.addAll(rule(((RRule<?>) rule.get()).getRecur(), start, from, to));
        }
        for (Object p : e.getProperties(Property.RDATE)) {
            for (Object d : ((DateListProperty<?>) p).getDates()) {
                starts.add((Temporal) d);
            }
        }
        Set<Long> seen = new HashSet<>();
        int count = 0;
        for (Temporal s : starts) {
            long k = key(s);
            if (!seen.add(k) || removed.contains(k)) {
                continue;
            }
            VEvent which = byId.getOrDefault(k, e);
            Temporal at = which == e ? s : Optional.ofNullable(date(which, Property.DTSTART)).orElse(s);
            Duration len = which == e ? length : length(which, at);
            if (cancelled(which) || declined(which, me)) {
                continue;
            }
            CalendarEvent o = occurrence(name, which, at, len);
            if (overlaps(o, from, to) && ++count <= limits.maxOccurrencesPerEvent()) {
                out.add(o);
            }
        }
    }

    /** The rule's starts in the window, within the caps; refused when it cannot be bounded. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Temporal> rule(Recur recur, Temporal seed, Instant from, Instant to) throws RuleRefused {
        long sets = 1;
        for (List<?> l : List.of(recur.getSecondList(), recur.getMinuteList(), recur.getHourList(), recur.getDayList(),
                recur.getMonthDayList(), recur.getYearDayList(), recur.getWeekNoList(), recur.getMonthList())) {
            sets *= Math.max(1, l.size());
            if (sets > limits.maxRuleSets()) {
                throw new RuleRefused();
            }
        }
        ChronoUnit unit = switch (recur.getFrequency()) {
            case SECONDLY -> ChronoUnit.SECONDS;
            case MINUTELY -> ChronoUnit.MINUTES;
            case HOURLY -> ChronoUnit.HOURS;
            case DAILY -> ChronoUnit.DAYS;
            case WEEKLY -> ChronoUnit.WEEKS;
            case MONTHLY -> ChronoUnit.MONTHS;
            default -> ChronoUnit.YEARS;
        };
        long step = Math.max(1, recur.getInterval());
        Temporal windowStart = like(seed, from);
        Temporal windowEnd = like(seed, to);
        long steps = between(unit, seed, windowEnd) / step;
        if (recur.getCount() > 0) {
            if (Math.min(recur.getCount(), steps) > MAX_STEPS) {
                throw new RuleRefused();
            }
        } else if (unit.compareTo(ChronoUnit.WEEKS) <= 0) {
            long before = between(unit, seed, windowStart) / step - 1;
            if (before > 0) {
                seed = seed instanceof Instant && unit == ChronoUnit.WEEKS ? seed.plus(before * step * 7, ChronoUnit.DAYS)
                        : seed.plus(before * step, unit);
            }
        } else if (steps > MAX_STEPS) {
            throw new RuleRefused();
        }
        return recur.getDates(seed, windowStart, windowEnd, limits.maxOccurrencesPerEvent() + 1);
    }

    /** Whole {@code unit}s from {@code a} to {@code b}, for any kind of date (an Instant knows no months). */
    private static long between(ChronoUnit unit, Temporal a, Temporal b) {
        return unit.between(local(a), local(b));
    }

    private static LocalDateTime local(Temporal t) {
        if (t instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (t instanceof LocalDateTime l) {
            return l;
        }
        if (t instanceof ZonedDateTime z) {
            return z.toLocalDateTime();
        }
        if (t instanceof OffsetDateTime o) {
            return o.toLocalDateTime();
        }
        return LocalDateTime.ofInstant(Instant.from(t), ZoneOffset.UTC);
    }

    /** {@code at} as the same kind of date as {@code seed}, so a rule compares like with like. */
    private static Temporal like(Temporal seed, Instant at) {
        if (seed instanceof LocalDate) {
            return LocalDate.ofInstant(at, ZoneOffset.UTC).minusDays(1);
        }
        if (seed instanceof LocalDateTime) {
            return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        }
        if (seed instanceof ZonedDateTime z) {
            return at.atZone(z.getZone());
        }
        if (seed instanceof OffsetDateTime o) {
            return at.atOffset(o.getOffset());
        }
        return at;
    }

    private static CalendarEvent occurrence(String name, VEvent e, Temporal at, Duration len) {
        boolean allDay = at instanceof LocalDate;
        boolean floating = allDay || at instanceof LocalDateTime;
        long start = key(at);
        return new CalendarEvent(name, text(e, Property.UID), start, start + Math.max(0, len.toMillis()), floating,
                allDay, text(e, Property.SUMMARY), text(e, Property.LOCATION));
    }

    private static boolean overlaps(CalendarEvent o, Instant from, Instant to) {
        // Floating times are compared as if in UTC: the window is wide enough on both sides for any zone.
        long a = from.toEpochMilli() - Duration.ofDays(1).toMillis();
        long b = to.toEpochMilli() + Duration.ofDays(1).toMillis();
        return o.start() < b && Math.max(o.end(), o.start() + 1) > a;
    }

    /** A date as epoch ms: an instant for a zoned time, the local time read as UTC for a floating one. */
    private static long key(Temporal t) {
        if (t instanceof LocalDate d) {
            return d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (t instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        return Instant.from(t).toEpochMilli();
    }

    private static Duration length(VEvent e, Temporal start) {
        Temporal end = date(e, Property.DTEND);
        if (end != null) {
            try {
                return Duration.ofMillis(key(end) - key(start));
            } catch (RuntimeException x) {
                return Duration.ZERO;
            }
        }
        Optional<Property> d = e.getProperty(Property.DURATION);
        if (d.isPresent()) {
            TemporalAmount a = ((net.fortuna.ical4j.model.property.Duration) d.get()).getDuration();
            return a instanceof Period p ? Duration.ofDays(p.toTotalMonths() * 30 + p.getDays()) : Duration.from(a);
        }
        return start instanceof LocalDate ? Duration.ofDays(1) : Duration.ZERO;
    }

    private static boolean cancelled(VEvent e) {
        return text(e, Property.STATUS).equalsIgnoreCase("CANCELLED");
    }

    private static boolean declined(VEvent e, String me) {
        if (me == null || me.isBlank()) {
            return false;
        }
        String mine = me.strip().toLowerCase(Locale.ROOT).replaceFirst("^mailto:", "");
        for (Object p : e.getProperties(Property.ATTENDEE)) {
            Attendee a = (Attendee) p;
            String who = a.getValue() == null ? "" : a.getValue().strip().toLowerCase(Locale.ROOT)
                    .replaceFirst("^mailto:", "");
            boolean no = a.getParameter(Parameter.PARTSTAT).map(x -> ((Parameter) x).getValue())
                    .filter("DECLINED"::equalsIgnoreCase).isPresent();
            if (who.equals(mine) && no) {
                return true;
            }
        }
        return false;
    }

    private static Temporal date(VEvent e, String name) {
        try {
            return e.getProperty(name).map(p -> p instanceof DateProperty<?> d ? (Temporal) d.getDate() : null)
                    .orElse(null);
        } catch (RuntimeException x) {
            return null;
        }
    }

    private static String text(Component c, String name) {
        return c.getProperty(name).map(Property::getValue).map(String::strip).orElse("");
    }

    /** A rule that cannot be expanded within the caps: the event is left out. */
    private static final class RuleRefused extends Exception {
        RuleRefused() {
            super(null, null, false, false);
        }
    }
}
