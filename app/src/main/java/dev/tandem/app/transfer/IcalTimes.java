package dev.tandem.app.transfer;

import dev.tandem.app.text.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.Optional;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.property.DateProperty;

/**
 * A todo's time of day and length as iCalendar says them, the way phone apps write them: a DUE date-time
 * alone is the time; a DTSTART date-time with a DUE later on the same day, or with a DURATION, is the
 * time (the start) and the length (to DUE, or the DURATION). A DUE that is a DATE has no time. Times are
 * read in {@code zone} (a TZID or UTC converted, a floating time as it stands), to the minute. The .ics
 * export and the CalDAV bridge write the same shapes back ({@link #at}).
 */
public final class IcalTimes {
    private IcalTimes() {
    }

    /** What the component says: the day it falls on (null when it says none), its time and length (null for none). */
    public record When(LocalDate day, LocalTime time, Integer minutes) {
        public static final When NONE = new When(null, null, null);
    }

    public static When read(Component c, ZoneId zone) {
        LocalDateTime due = local(temporal(c.getProperty(Property.DUE)), zone);
        LocalDateTime start = local(temporal(c.getProperty(Property.DTSTART)), zone);
        if (start != null) {
            Long minutes = null;
            if (due != null && due.toLocalDate().equals(start.toLocalDate()) && due.isAfter(start)) {
                minutes = ChronoUnit.MINUTES.between(start, due);
            } else if (due == null && isAbsent(c, Property.DUE)) {
                minutes = duration(c).orElse(null);
            }
            if (minutes != null && minutes > 0 && minutes <= Durations.MAX_MINUTES) {
                return new When(start.toLocalDate(), start.toLocalTime().truncatedTo(ChronoUnit.MINUTES), minutes.intValue());
            }
            if (due == null && isAbsent(c, Property.DUE)) {
                return new When(start.toLocalDate(), start.toLocalTime().truncatedTo(ChronoUnit.MINUTES), null);
            }
        }
        if (due != null) {
            return new When(due.toLocalDate(), due.toLocalTime().truncatedTo(ChronoUnit.MINUTES), null);
        }
        return When.NONE;
    }

    /** The instant a todo's time stands for: {@code time} on {@code day} in {@code zone}. */
    public static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    private static boolean isAbsent(Component c, String name) {
        return c.getProperty(name).isEmpty();
    }

    private static Optional<Long> duration(Component c) {
        return c.<net.fortuna.ical4j.model.property.Duration>getProperty(Property.DURATION).flatMap(d -> {
            try {
                TemporalAmount a = d.getDuration();
                if (a instanceof Period p) {
                    return p.toTotalMonths() == 0 ? Optional.of(p.getDays() * 1440L) : Optional.empty();
                }
                return Optional.of(Duration.from(a).toMinutes());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    private static Temporal temporal(Optional<Property> p) {
        try {
            return p.map(x -> x instanceof DateProperty<?> d ? d.getDate() : null).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A date-time in {@code zone}; null for a date or none. */
    private static LocalDateTime local(Temporal t, ZoneId zone) {
        if (t instanceof LocalDateTime l) {
            return l;
        }
        if (t instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(zone).toLocalDateTime();
        }
        if (t instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(zone).toLocalDateTime();
        }
        if (t instanceof Instant i) {
            return i.atZone(zone).toLocalDateTime();
        }
        return null;
    }
}
