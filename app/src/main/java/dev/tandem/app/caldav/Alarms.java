package dev.tandem.app.caldav;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VToDo;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Trigger;

/**
 * A VTODO's alarms as Tandem's one reminder sees them. Tandem keeps a reminder as a time; phones
 * keep alarms, often several, often relative to DUE or DTSTART (Tasks.org's "15 minutes before due",
 * RELATED=END). So Tandem touches one alarm only, the first whose time can be computed, and only
 * when its reminder changed here: its TRIGGER is set to the new time in the form it had (relative to
 * the same DUE or DTSTART, or absolute), everything else in it stays. An edit of any other field
 * leaves every alarm as the phone wrote it: a relative one follows DUE by itself, and the reminder
 * here takes the time it then stands for (ListSync), so both sides agree without another write.
 */
final class Alarms {
    private Alarms() {
    }

    /** When alarm {@code a} of {@code v} goes off, epoch milliseconds; null when it cannot be computed. */
    static Long at(VToDo v, VAlarm a, ZoneId zone) {
        Optional<Trigger> tr = a.getTrigger();
        if (tr.isEmpty()) {
            return null;
        }
        Trigger t = tr.get();
        try {
            if (t.isAbsolute()) {
                return t.getDate().toEpochMilli();
            }
            Long base = anchor(v, t, zone);
            return base == null || t.getDuration() == null ? null
                    : Instant.ofEpochMilli(base).plus(t.getDuration()).toEpochMilli();
        } catch (RuntimeException e) {
            return null; // an alarm ical4j cannot compute is not Tandem's reminder; it stays as it is
        }
    }

    /** The time a relative trigger counts from: DUE for RELATED=END, else DTSTART (or DUE without one). */
    private static Long anchor(VToDo v, Trigger t, ZoneId zone) {
        boolean end = t.getParameter(Parameter.RELATED).map(p -> p.getValue().equalsIgnoreCase("END")).orElse(false);
        Optional<Property> anchor = end ? v.getProperty(Property.DUE)
                : v.getProperty(Property.DTSTART).or(() -> v.getProperty(Property.DUE));
        return anchor.map(p -> Vtodo.epoch(((DateProperty<?>) p).getDate(), zone)).orElse(null);
    }

    /**
     * Makes {@code reminder} (the alarm that was Tandem's reminder, null when there was none) go off
     * at {@code at}: retimed, removed when {@code at} is null, or a new alarm when there was none.
     */
    static void setReminder(VToDo v, VAlarm reminder, Long at, ZoneId zone) {
        if (reminder != null && at == null) {
            v.remove(reminder);
        } else if (reminder != null) {
            retime(v, reminder, at, zone);
        } else if (at != null) {
            VAlarm alarm = new VAlarm(Instant.ofEpochMilli(at).truncatedTo(ChronoUnit.SECONDS));
            alarm.add(new Action("DISPLAY"));
            alarm.add(new Description(v.getProperty(Property.SUMMARY).map(Property::getValue)
                    .filter(s -> !s.isBlank()).orElse("Reminder")));
            v.add(alarm);
        }
    }

    /**
     * Sets the TRIGGER of {@code alarm} to {@code at} in its own form: relative to the same DUE or
     * DTSTART while that is there (with its RELATED), else absolute. The alarm's other lines, and
     * their order, stay as they were.
     */
    static void retime(VToDo v, VAlarm alarm, long at, ZoneId zone) {
        Trigger old = alarm.getTrigger().orElse(null);
        Long base = old == null || old.isAbsolute() ? null : anchor(v, old, zone);
        Instant when = Instant.ofEpochMilli(at).truncatedTo(ChronoUnit.SECONDS);
        Trigger next;
        if (base != null) {
            List<Parameter> params = old.getParameters().stream()
                    .filter(p -> !p.getName().equalsIgnoreCase(Parameter.VALUE)).toList();
            next = new Trigger(new ParameterList(params), Duration.between(Instant.ofEpochMilli(base), when));
        } else {
            next = new Trigger(new ParameterList(List.of(Value.DATE_TIME)), when);
        }
        List<Property> props = new ArrayList<>(alarm.getProperties());
        int i = old == null ? -1 : props.indexOf(old);
        if (i < 0) {
            props.add(next);
        } else {
            props.set(i, next);
        }
        alarm.setPropertyList(new PropertyList(props));
    }
}
