package dev.tandem.app.caldav;

import dev.tandem.app.model.DateRange;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.transfer.Ical;
import dev.tandem.app.transfer.IcalTimes;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VToDo;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Completed;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.PercentComplete;
import net.fortuna.ical4j.model.property.Priority;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Version;

/**
 * A VTODO read into {@link TaskFields}, and written back by changing only the properties whose
 * field changed, on top of the object as the server last gave it: every property and alarm Tandem
 * does not know (Apple's X-APPLE-SORT-ORDER, Tasks.org's X-, GEO, attendees, RELATED-TO other than the
 * parent) stays as it was.
 *
 * <p>Priority: iCalendar's 1–9 read as p1 (1–2), p2 (3–4), p3 (5), p4 (6–9), written as 1, 3, 5 and
 * 9 (Apple Reminders and Tasks.org use 1, 5 and 9), and a number that already means the same
 * priority is left as it was, so a phone's "2" stays "2". DUE, DTSTART and DURATION hold the due date,
 * time and length ({@link IcalTimes} reads them, {@link DueProperties} writes them): a DUE with a time
 * keeps its zone when the date or time changes. The reminder is the first alarm whose time can be computed (an
 * absolute trigger, or one relative to DUE or DTSTART); a reminder changed here retimes that alarm
 * only, and an edit of anything else leaves every alarm as it was ({@link Alarms}). DTSTART's date is the
 * start date ({@link StartProperty}); RELATED-TO with RELTYPE=PARENT, or none, the parent ({@link Relations}).
 */
public final class Vtodo {
    private Vtodo() {
    }

    /**
     * A VTODO as read: its UID, fields, when it was last changed (LAST-MODIFIED, else DTSTAMP; null
     * when neither), and whether it is STATUS:CANCELLED (which reads as done).
     */
    public record Read(String uid, TaskFields fields, Instant lastModified, boolean cancelled) {
        public Read(String uid, TaskFields fields, Instant lastModified) {
            this(uid, fields, lastModified, false);
        }
    }

    /** The first VTODO of {@code ics}; empty when it holds none (an event in a mixed calendar). */
    public static Optional<Read> read(String ics, ZoneId zone) {
        Optional<VToDo> t = todo(ics);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        VToDo v = t.get();
        String uid = text(v, Property.UID);
        if (uid == null) {
            return Optional.empty();
        }
        // Overrides (RECURRENCE-ID) that clients such as python3-caldav write when they complete one
        // occurrence: the one with the latest RECURRENCE-ID says where the series stands now, so its
        // due date and status are the series' (the master keeps its first DUE).
        VToDo now = latestOverride(ics).orElse(v);
        // DUE is the due date and DTSTART the start date (read apart: a task with a start date alone
        // has no due date), as Tasks.org keeps them.
        LocalDate due = date(now.getProperty(Property.DUE), zone);
        if (due == null) {
            due = date(v.getProperty(Property.DUE), zone);
        }
        LocalDate start = date(now.getProperty(Property.DTSTART), zone);
        String status = Optional.ofNullable(text(now, Property.STATUS)).map(s -> s.toUpperCase(Locale.ROOT)).orElse("");
        // A cancelled task leaves the open lists as a done one does (Tandem has no cancelled state);
        // a write that does not change "done" leaves STATUS:CANCELLED as it is.
        boolean cancelled = status.equals("CANCELLED");
        boolean done = status.equals("COMPLETED") || cancelled
                || status.isEmpty() && now.getProperty(Property.COMPLETED).isPresent();
        List<String> tags = new ArrayList<>();
        for (Property p : v.getProperties(Property.CATEGORIES)) {
            if (p instanceof Categories c) {
                tags.addAll(c.getCategories().getTexts());
            }
        }
        String rrule = text(v, Property.RRULE);
        String repeat = rrule == null ? null : Recurrence.parse(rrule).map(Recurrence::toRule).orElse(null);
        Instant modified = instant(v.getProperty(Property.LAST_MODIFIED));
        modified = modified != null ? modified : instant(v.getProperty(Property.DTSTAMP));
        // The time and length where the due date is read from (the latest override, else the series).
        IcalTimes.When when = IcalTimes.read(now, zone);
        boolean timed = when.time() != null && when.day() != null && when.day().equals(due);
        return Optional.of(new Read(uid, new TaskFields(text(v, Property.SUMMARY), text(v, Property.DESCRIPTION), due,
                done, priority(text(v, Property.PRIORITY)), tags, reminder(v, zone), repeat,
                timed ? when.time() : null, timed ? when.minutes() : null, start, Relations.parent(v)), modified,
                cancelled));
    }

    /** The override with the latest RECURRENCE-ID, if the object has any. */
    private static Optional<VToDo> latestOverride(String ics) {
        return calendar(ics).flatMap(c -> c.<CalendarComponent>getComponents("VTODO").stream()
                .filter(VToDo.class::isInstance).map(VToDo.class::cast)
                .filter(t -> t.getProperty(Property.RECURRENCE_ID).isPresent())
                .max(Comparator.comparing(t -> recurrenceKey(t))));
    }

    private static String recurrenceKey(VToDo t) {
        Temporal at = t.getProperty(Property.RECURRENCE_ID).map(p -> ((DateProperty<?>) p).getDate()).orElse(null);
        Long e = at == null ? null : epoch(at, ZoneId.of("UTC"));
        return e == null ? "" : String.format("%020d", e);
    }

    /**
     * The iCalendar text of {@code fields} with {@code uid}: {@code base} (the object as the server
     * last gave it, or null for a new one) with the properties of fields that differ from {@code was}
     * (what {@code base} said, null for a new object) set anew.
     */
    public static String write(String base, TaskFields was, String uid, TaskFields fields, ZoneId zone, Instant now) {
        Ical.init();
        fields = fields.held();
        Calendar cal = base == null ? null : calendar(base).orElse(null);
        VToDo v = cal == null ? null : cal.<CalendarComponent>getComponents("VTODO").stream()
                .filter(VToDo.class::isInstance).map(VToDo.class::cast)
                .filter(t -> t.getProperty(Property.RECURRENCE_ID).isEmpty()).findFirst().orElse(null);
        if (v == null) {
            cal = new Calendar();
            cal.add(new ProdId("-//Tandem//Tandem todos//EN"));
            cal.add(new Version(new net.fortuna.ical4j.model.ParameterList(), "2.0"));
            v = new VToDo();
            v.add(new Uid(uid));
            cal.add(v);
            was = null;
        }
        TaskFields old = was;
        // Which alarm is Tandem's reminder is decided before DUE moves: a relative one stays that alarm.
        VAlarm reminder = reminderAlarm(v, zone).orElse(null);
        if (old != null && (!Objects.equals(old.due(), fields.due()) || old.done() != fields.done())) {
            // The series moved on here: overrides a client wrote for earlier occurrences would say
            // otherwise (the latest is read as the series' state), so the master alone carries it.
            for (VToDo o : cal.<CalendarComponent>getComponents("VTODO").stream().filter(VToDo.class::isInstance)
                    .map(VToDo.class::cast).filter(t -> t.getProperty(Property.RECURRENCE_ID).isPresent()).toList()) {
                cal.remove(o);
            }
        }
        if (old == null || !Objects.equals(old.title(), fields.title())) {
            v.replace(new Summary(fields.title()));
        }
        if (old == null || !Objects.equals(old.notes(), fields.notes())) {
            v.removeAll(Property.DESCRIPTION);
            if (fields.notes() != null) {
                v.add(new Description(fields.notes()));
            }
        }
        if (old == null || !Objects.equals(old.due(), fields.due()) || !Objects.equals(old.time(), fields.time())
                || !Objects.equals(old.minutes(), fields.minutes())) {
            if (fields.time() != null) {
                DueProperties.writeTime(v, old, fields, zone);
            } else {
                DueProperties.writeDue(v, old == null ? null : old.due(), fields.due(), old != null && old.time() != null);
            }
        }
        if (old == null || !Objects.equals(old.start(), fields.start()) || !Objects.equals(old.due(), fields.due())
                || !Objects.equals(old.time(), fields.time()) || !Objects.equals(old.minutes(), fields.minutes())) {
            // After DUE: a DTSTART the due date's writing moved along is set back to the start date here.
            StartProperty.write(v, fields.start(), fields.due(), zone);
        }
        if (old == null || !Objects.equals(old.parent(), fields.parent())) {
            Relations.setParent(v, fields.parent());
        }
        if (old == null || old.done() != fields.done()) {
            v.removeAll(Property.STATUS, Property.COMPLETED, Property.PERCENT_COMPLETE);
            if (fields.done()) {
                v.add(new Status("COMPLETED"));
                v.add(new Completed(now.truncatedTo(ChronoUnit.SECONDS)));
                v.add(new PercentComplete(100));
            } else {
                v.add(new Status("NEEDS-ACTION"));
            }
        }
        if (old == null || !Objects.equals(old.priority(), fields.priority())) {
            Long current = priority(text(v, Property.PRIORITY));
            if (!Objects.equals(current, fields.priority())) {
                v.removeAll(Property.PRIORITY);
                if (fields.priority() != null) {
                    v.add(new Priority(new int[] {1, 3, 5, 9}[(int) Math.max(0, Math.min(3, fields.priority() - 1))]));
                }
            }
        }
        if (old == null || !old.tags().equals(fields.tags())) {
            v.removeAll(Property.CATEGORIES);
            if (!fields.tags().isEmpty()) {
                v.add(new Categories(new TextList(fields.tags())));
            }
        }
        if (old == null || !Objects.equals(old.repeat(), fields.repeat())) {
            v.removeAll(Property.RRULE);
            if (fields.repeat() != null) {
                v.add(new RRule<>(fields.repeat()));
            }
        }
        if (old == null || !Objects.equals(old.remindAt(), fields.remindAt())) {
            Alarms.setReminder(v, reminder, fields.remindAt(), zone);
        } else if (reminder != null && trigger(v, reminder, zone) == null) {
            // The DUE or DTSTART it counted from is gone: it stays at the time it stood for.
            Alarms.retime(v, reminder, old.remindAt(), zone);
        }
        Instant stamp = now.truncatedTo(ChronoUnit.SECONDS);
        v.replace(new DtStamp(stamp));
        v.replace(new LastModified(stamp));
        int seq = Optional.ofNullable(text(v, Property.SEQUENCE)).map(s -> {
            try {
                return Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }).orElse(-1);
        v.replace(new Sequence(seq + 1));
        return cal.toString();
    }

    /** The reminder's moment, or null: none, or one on a date outside {@link DateRange}. */
    private static Long reminder(VToDo v, ZoneId zone) {
        return reminderAlarm(v, zone).map(a -> trigger(v, a, zone)).filter(DateRange::containsMillis).orElse(null);
    }

    /** Tandem's reminder: the first alarm whose time can be computed. */
    private static Optional<VAlarm> reminderAlarm(VToDo v, ZoneId zone) {
        return v.getAlarms().stream().filter(a -> trigger(v, a, zone) != null).findFirst();
    }

    private static Long trigger(VToDo v, VAlarm a, ZoneId zone) {
        return Alarms.at(v, a, zone);
    }

    static Long epoch(Temporal t, ZoneId zone) {
        if (t instanceof LocalDate d) {
            return d.atStartOfDay(zone).toInstant().toEpochMilli();
        }
        if (t instanceof LocalDateTime l) {
            return l.atZone(zone).toInstant().toEpochMilli();
        }
        if (t instanceof ZonedDateTime z) {
            return z.toInstant().toEpochMilli();
        }
        if (t instanceof OffsetDateTime o) {
            return o.toInstant().toEpochMilli();
        }
        return t instanceof Instant i ? i.toEpochMilli() : null;
    }

    static Long priority(String value) {
        if (value == null) {
            return null;
        }
        try {
            int p = Integer.parseInt(value.strip());
            return p <= 0 || p > 9 ? null : p <= 2 ? 1L : p <= 4 ? 2L : p == 5 ? 3L : 4L;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The date a DUE or DTSTART says, or null: none, or one outside {@link DateRange} (a server or another client
     * may send year 99999; the task comes without that date rather than with one Tandem cannot keep).
     */
    static LocalDate date(Optional<Property> p, ZoneId zone) {
        Temporal t = p.map(x -> x instanceof DateProperty<?> d ? d.getDate() : null).orElse(null);
        LocalDate day;
        if (t instanceof LocalDate d) {
            day = d;
        } else if (t instanceof LocalDateTime l) {
            day = l.toLocalDate();
        } else {
            Long e = t == null ? null : epoch(t, zone);
            day = e == null ? null : Instant.ofEpochMilli(e).atZone(zone).toLocalDate();
        }
        return DateRange.contains(day) ? day : null;
    }

    private static Instant instant(Optional<Property> p) {
        Temporal t = p.map(x -> x instanceof DateProperty<?> d ? d.getDate() : null).orElse(null);
        Long e = t == null ? null : epoch(t, ZoneId.of("UTC"));
        return e == null ? null : Instant.ofEpochMilli(e);
    }

    private static String text(VToDo v, String name) {
        return v.getProperty(name).map(Property::getValue).filter(s -> !s.isBlank()).orElse(null);
    }

    private static Optional<VToDo> todo(String ics) {
        return calendar(ics).flatMap(c -> c.<CalendarComponent>getComponents("VTODO").stream()
                .filter(VToDo.class::isInstance).map(VToDo.class::cast)
                .filter(t -> t.getProperty(Property.RECURRENCE_ID).isEmpty()).findFirst());
    }

    private static Optional<Calendar> calendar(String ics) {
        Ical.init();
        try {
            return Optional.of(new CalendarBuilder().build(new StringReader(ics)));
        } catch (ParserException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
