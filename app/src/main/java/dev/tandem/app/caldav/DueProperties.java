package dev.tandem.app.caldav;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.Optional;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VToDo;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Due;

/**
 * Writes a todo's due date, time and length into a VTODO the phone wrote, as {@link Vtodo} changes a
 * field: the DUE's form (its TZID, floating or UTC) kept, a start date the phone set moved along, the
 * other properties left alone.
 */
final class DueProperties {
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    private DueProperties() {
    }

    /**
     * A DUE that is a DATE (or none), for a todo without a time; with {@code timeCleared} the time it had
     * goes, and a DTSTART that said its start becomes that date too, and a DURATION goes.
     */
    static void writeDue(VToDo v, LocalDate was, LocalDate due, boolean timeCleared) {
        Optional<Property> current = v.getProperty(Property.DUE);
        Temporal before = current.map(p -> ((DateProperty<?>) p).getDate()).orElse(null);
        v.removeAll(Property.DUE);
        if (timeCleared) {
            v.removeAll(Property.DURATION);
            boolean started = v.getProperty(Property.DTSTART).isPresent();
            v.removeAll(Property.DTSTART);
            if (started && due != null) {
                v.add(new DtStart<>(due));
            }
        }
        if (due == null) {
            return;
        }
        // A time of day the phone set is kept where only the date moves (one Tandem could not read).
        String at = timeCleared ? null : text(before, before instanceof LocalDate ? null : due);
        v.add(at == null ? new Due<>(due) : new Due<>(current.get().getParameterList(), at));
        Optional<Property> start = v.getProperty(Property.DTSTART);
        if (start.isPresent() && was != null && !timeCleared) {
            // DTSTART must not fall after DUE: moved by as many days as the due date moved.
            Temporal s = ((DateProperty<?>) start.get()).getDate();
            long days = ChronoUnit.DAYS.between(was, due);
            String moved = s == null || s instanceof LocalDate ? null : text(s.plus(days, ChronoUnit.DAYS), null);
            if (days != 0 && s != null) {
                v.remove(start.get());
                v.add(moved == null ? new DtStart<>(s.plus(days, ChronoUnit.DAYS))
                        : new DtStart<>(start.get().getParameterList(), moved));
            }
        }
    }

    /**
     * A todo with a time: DUE at it, or with a length DTSTART at it and DUE at its end (no DURATION, which
     * may not stand beside DUE). Written in the zone the phone's DUE named (its TZID kept), as a floating
     * time if it was one, else in UTC. A DTSTART the phone set days before (a start date) moves with the
     * date; one that was the time's start moves with the time.
     */
    static void writeTime(VToDo v, TaskFields old, TaskFields f, ZoneId zone) {
        Optional<Property> current = v.getProperty(Property.DUE);
        Temporal before = current.map(p -> ((DateProperty<?>) p).getDate()).orElse(null);
        Optional<Property> startProp = v.getProperty(Property.DTSTART);
        Temporal startBefore = startProp.map(p -> ((DateProperty<?>) p).getDate()).orElse(null);
        LocalDateTime at = f.due().atTime(f.time());
        LocalDateTime end = f.minutes() == null ? at : at.plusMinutes(f.minutes());
        // The DTSTART is the time's own when it stood at the time (Apple writes DTSTART as DUE) or began the length.
        Long startAt = startBefore == null || startBefore instanceof LocalDate ? null : Vtodo.epoch(startBefore, zone);
        boolean ownStart = old == null || old.minutes() != null || old.time() != null && startAt != null
                && startAt == old.due().atTime(old.time()).atZone(zone).toInstant().toEpochMilli();
        v.removeAll(Property.DUE, Property.DURATION);
        v.add(dateTime(true, before, current.map(Property::getParameterList).orElse(null), end, zone));
        if (f.minutes() != null || ownStart && startProp.isPresent() || f.repeat() != null && startProp.isEmpty()) {
            v.removeAll(Property.DTSTART);
            v.add(dateTime(false, before, current.map(Property::getParameterList).orElse(null), at, zone));
        } else if (startProp.isPresent() && old != null && old.due() != null && !old.due().equals(f.due())) {
            long days = ChronoUnit.DAYS.between(old.due(), f.due());
            String moved = startBefore instanceof LocalDate ? null : text(startBefore.plus(days, ChronoUnit.DAYS), null);
            v.remove(startProp.get());
            v.add(moved == null ? new DtStart<>(startBefore.plus(days, ChronoUnit.DAYS))
                    : new DtStart<>(startProp.get().getParameterList(), moved));
        }
    }

    /**
     * A DUE ({@code due}) or DTSTART at {@code local} (Tandem's wall-clock time in {@code zone}) in the form
     * the phone's DUE {@code before} had: its TZID (parameters kept), floating, else UTC.
     */
    private static Property dateTime(boolean due, Temporal before, ParameterList params,
                                     LocalDateTime local, ZoneId zone) {
        if (before instanceof ZonedDateTime z && params != null) {
            String text = BASIC.format(local.atZone(zone).withZoneSameInstant(z.getZone()).toLocalDateTime());
            return due ? new Due<>(params, text) : new DtStart<>(params, text);
        }
        if (before instanceof LocalDateTime) {
            return due ? new Due<>(local) : new DtStart<>(local);
        }
        Instant utc = local.atZone(zone).toInstant();
        return due ? new Due<>(utc) : new DtStart<>(utc);
    }

    /**
     * A date-time as iCalendar text in the form it came in, on {@code date} when given: local time
     * for a TZID (whose parameter the caller keeps: ical4j would name a zone of its own, which no
     * other client knows), with Z for UTC, floating without; null for a plain date.
     */
    static String text(Temporal t, LocalDate date) {
        if (t instanceof ZonedDateTime z) {
            return BASIC.format((date == null ? z : z.with(date)).toLocalDateTime());
        }
        if (t instanceof LocalDateTime l) {
            return BASIC.format(date == null ? l : l.with(date));
        }
        if (t instanceof OffsetDateTime o) {
            return BASIC.format((date == null ? o : o.with(date)).toLocalDateTime()) + "Z";
        }
        if (t instanceof Instant i) {
            OffsetDateTime utc = i.atOffset(ZoneOffset.UTC);
            return BASIC.format((date == null ? utc : utc.with(date)).toLocalDateTime()) + "Z";
        }
        return null;
    }
}
