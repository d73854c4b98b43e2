package dev.tandem.app.caldav;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.Optional;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VToDo;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.DtStart;

/**
 * A todo's start date as DTSTART, written after DUE ({@link DueProperties}). DTSTART's date is the start
 * date when it falls before the due date (or there is none); a DTSTART on the due day is no start date but
 * the time's start or Apple's copy of DUE, and is left to {@link DueProperties}. A start date the phone wrote
 * as a date-time keeps its time of day and TZID when the date changes here (Tasks.org's start time);
 * otherwise Tandem writes a DATE.
 */
final class StartProperty {
    private StartProperty() {
    }

    /** Sets DTSTART to {@code start} (null: no start date) for a todo due on {@code due} (null: none). */
    static void write(VToDo v, LocalDate start, LocalDate due, ZoneId zone) {
        Optional<Property> p = v.getProperty(Property.DTSTART);
        LocalDate current = Vtodo.date(p, zone);
        boolean isStart = current != null && (due == null || current.isBefore(due));
        if (start == null) {
            if (isStart) {
                v.removeAll(Property.DTSTART);
            }
            return;
        }
        if (isStart && start.equals(current)) {
            return;
        }
        Temporal was = p.map(x -> ((DateProperty<?>) x).getDate()).orElse(null);
        String at = isStart ? DueProperties.text(was, start) : null;
        v.removeAll(Property.DTSTART);
        v.add(at == null ? new DtStart<>(start) : new DtStart<>(p.get().getParameterList(), at));
    }
}
