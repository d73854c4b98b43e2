package dev.tandem.app.transfer;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemLink;
import dev.tandem.app.model.Rank;
import dev.tandem.app.model.TodoList;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VJournal;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;

/**
 * VTODOs from an iCalendar file (RFC 5545), parsed by ical4j. UID keys the todo, SUMMARY is the
 * title, DESCRIPTION the notes, DUE the date (a DUE date-time, or DTSTART with DUE or DURATION, also the time
 * and length, read in the local zone: {@link IcalTimes}), STATUS COMPLETED
 * or a COMPLETED time marks it done; PRIORITY, CATEGORIES and the repeat go into the notes' attribute
 * lines ({@link NoteAttributes}). The repeat (RRULE, EXDATE, RDATE) is read by {@link IcsRepeat}: what
 * Tandem cannot keep of it (an end, left-out or extra dates, a rule it cannot follow) is a warning
 * naming the todo. The list is X-TANDEM-LIST, else the calendar's name (X-WR-CALNAME),
 * else the Inbox. A VJOURNAL is a plain note (SUMMARY, DESCRIPTION, CATEGORIES, the list; its date, if
 * any, is left out: a note is never due). Events and alarms are left out; so are the changed single
 * occurrences of a repeating todo (RECURRENCE-ID), which Tandem cannot hold apart. A UID that is not the
 * item's id as it is (any UID but a UUID in lower case) is kept as the item's {@link ItemLink}, so
 * {@link IcsExporter} writes it back and the calendar app sees the same task.
 *
 * <p>{@code RELATED-TO} with {@code RELTYPE=PARENT} (or no RELTYPE, which means PARENT) makes the todo a
 * subtask of the todo with that UID, wherever that one is in the file (or in the profile, from an earlier
 * import); a UID found in neither leaves the todo at the top of its list. The start date is
 * {@code X-TANDEM-START}, else a {@code DTSTART} that is a date (not a repeat's first day), else a
 * {@code DTSTART} date-time that does not give the due time and length; {@code X-TANDEM-RANK} is its place
 * among its siblings (without it, siblings are in the order they were created). The todos are put after those
 * already in the list.
 */
final class IcsImporter {
    /** Repeats not kept in full, each named; past this many, a count. */
    static final int MAX_REPEAT_WARNINGS = 20;

    private IcsImporter() {
    }

    static Incoming read(String file, String text, ZoneId zone, Progress progress) {
        Ical.init();
        Calendar cal;
        try {
            cal = Ical.builder().build(new StringReader(text));
        } catch (ParserException e) {
            throw new ImportException(file, Messages.text("transfer.where.line", String.valueOf(e.getLineNo())),
                    Messages.text("transfer.ics.invalid", Limits.shorten(
                    String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()))), e);
        } catch (IOException | RuntimeException e) {
            throw new ImportException(file, null, Messages.text("transfer.ics.invalid",
                    Limits.shorten(String.valueOf(e.getMessage()))), e);
        }
        String calName = value(cal.getProperty(Ical.X_CALNAME)).orElse(null);
        Map<String, TodoList> lists = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>();
        List<ItemLink> links = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int overrides = 0;
        List<String> repeatWarnings = new ArrayList<>();
        boolean tandemFile = value(cal.getProperty(Property.PRODID)).filter(Ical.PRODID::equals).isPresent();
        List<CalendarComponent> todos = new ArrayList<>(cal.getComponents("VTODO"));
        int journals = cal.getComponents("VJOURNAL").size();
        todos.addAll(cal.getComponents("VJOURNAL"));
        for (int i = 0; i < todos.size(); i++) {
            CalendarComponent t = todos.get(i);
            if (t.getProperty(Property.RECURRENCE_ID).isPresent()) {
                overrides++;
                continue;
            }
            boolean note = t instanceof VJournal;
            int nth = note ? i - (todos.size() - journals) : i;
            Optional<String> uid = value(t.getProperty(Property.UID));
            String where = t.getName() + " " + (nth + 1) + uid.map(u -> " (UID " + Limits.shorten(u) + ")").orElse("");
            Item it = item(t, uid, i, calName, lists, file, where, zone, tandemFile, repeatWarnings);
            Item kept = note ? new Item(it.id(), it.listId(), it.title(), it.notes(), null, 0L, null, null,
                    it.createdAt()).withNote(true) : it;
            items.add(kept.withParentId(parent(t).filter(p -> !p.equals(it.id())).orElse(null))
                    .withRank(value(t.getProperty(Ical.X_RANK)).filter(Rank::isValid).orElse(null)));
            // A UID that is not the id as it is (not a UUID, or one in upper case) is kept, for the export to write back.
            if (uid.isPresent() && !uid.get().equals(it.id())) {
                if (uid.get().length() <= ItemLink.MAX_EXTERNAL_ID) {
                    links.add(ItemLink.of(it.id(), ItemLink.ICAL, uid.get()));
                } else {
                    warnings.add(Messages.text("transfer.ics.longUid", where,
                            String.valueOf(ItemLink.MAX_EXTERNAL_ID), note ? "note" : "todo"));
                }
            }
            Limits.itemCount(file, items.size());
            if (items.size() % 500 == 0) {
                progress.update(Messages.text("common.progress.reading"), items.size(), todos.size());
            }
        }
        if (todos.isEmpty()) {
            warnings.add(Messages.text("common.import.icsEmpty"));
        }
        warnings.addAll(repeatWarnings.subList(0, Math.min(MAX_REPEAT_WARNINGS, repeatWarnings.size())));
        if (repeatWarnings.size() > MAX_REPEAT_WARNINGS) {
            warnings.add(Messages.text("common.import.icsMoreRepeats", repeatWarnings.size() - MAX_REPEAT_WARNINGS));
        }
        if (overrides > 0) {
            warnings.add(Messages.text("common.import.icsOverrides", overrides));
        }
        return new Incoming(file, new ArrayList<>(lists.values()), items, warnings, links);
    }

    private static Item item(CalendarComponent t, Optional<String> uid, int index, String calName, Map<String, TodoList> lists,
                             String file, String where, ZoneId zone, boolean tandemFile, List<String> warnings) {
        String title = value(t.getProperty(Property.SUMMARY)).map(String::strip).filter(s -> !s.isEmpty()).orElse("Untitled");
        String description = value(t.getProperty(Property.DESCRIPTION)).orElse(null);
        // A time and length as phone apps write them (a DUE date-time; DTSTART with DUE or DURATION).
        IcalTimes.When when = t instanceof VJournal ? IcalTimes.When.NONE : IcalTimes.read(t, zone);
        LocalDate due = when.time() != null ? when.day() : date(t.getProperty(Property.DUE), zone, file, where);
        Long completedAt = instant(t.getProperty(Property.COMPLETED), zone, file, where);
        String status = value(t.getProperty(Property.STATUS)).map(s -> s.toUpperCase(Locale.ROOT)).orElse("");
        boolean done = completedAt != null || status.equals("COMPLETED") || status.equals("CANCELLED");
        Long created = instant(t.getProperty(Property.CREATED), zone, file, where);
        if (created == null) {
            created = instant(t.getProperty(Property.DTSTAMP), zone, file, where);
        }
        int level = value(t.getProperty(Property.PRIORITY)).map(v -> {
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }).orElse(0);
        List<String> tags = new ArrayList<>();
        for (Property p : t.getProperties(Property.CATEGORIES)) {
            if (p instanceof Categories c) {
                tags.addAll(c.getCategories().getTexts());
            }
        }
        String rrule = value(t.getProperty(Property.RRULE)).orElse(null);
        String repeats = rrule;
        if (!(t instanceof VJournal)) {
            IcsRepeat.Read read = IcsRepeat.read(rrule, dates(t.getProperties(Property.EXDATE)),
                    dates(t.getProperties(Property.RDATE)).size(), due, tandemFile);
            repeats = read.repeats();
            read.lost().forEach(w -> warnings.add(
                    Messages.text("transfer.ics.todoWarning", where, Limits.shorten(title), w)));
        }
        String notes = NoteAttributes.append(description == null || description.isBlank() ? null : description,
                new NoteAttributes(tags, NoteAttributes.priorityWord(level), repeats));
        String listName = value(t.getProperty(Ical.X_LIST)).orElse(calName);
        TodoList list = null;
        if (listName != null && !listName.isBlank()) {
            String name = Limits.name(file, where, listName);
            list = lists.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                    k -> new TodoList(StableIds.derived("ics-list\u0000" + k), name, null, null));
        }
        // RFC 5545 requires a UID; without one, the todo's own content keys it.
        String id = uid.map(u -> StableIds.of("ics", "uid", u))
                .orElseGet(() -> StableIds.derived("ics\u0000" + file + "\u0000" + title + "\u0000" + due + "\u0000" + index));
        LocalDate start = t instanceof VJournal ? null : start(t, when, rrule != null, zone, file, where);
        return new Item(id, list == null ? null : list.id(), Limits.title(file, where, title),
                Limits.notes(file, where, notes), due == null ? null : due.toString(), done ? 1L : 0L,
                done ? (completedAt != null ? completedAt : created) : null, null, created)
                .withDueTime(when.time()).withDuration(when.minutes() == null ? null : when.minutes().longValue())
                .withStart(start);
    }

    /** The Tandem id of the todo's parent: its {@code RELATED-TO} of type PARENT (the default type). */
    private static Optional<String> parent(CalendarComponent t) {
        for (Property p : t.getProperties(Property.RELATED_TO)) {
            String type = p.getParameter(net.fortuna.ical4j.model.Parameter.RELTYPE)
                    .map(x -> x.getValue().toUpperCase(Locale.ROOT)).orElse("PARENT");
            if (type.equals("PARENT") && !p.getValue().isBlank()) {
                return Optional.of(StableIds.of("ics", "uid", p.getValue().strip()));
            }
        }
        return Optional.empty();
    }

    /**
     * The start date: X-TANDEM-START; else a DTSTART date, unless it is a repeat's first day; else a DTSTART
     * date-time that {@link IcalTimes} did not read as the due time (it did when there is no DUE, or a length).
     */
    private static LocalDate start(CalendarComponent t, IcalTimes.When when, boolean repeats, ZoneId zone, String file,
                                   String where) {
        Optional<String> own = value(t.getProperty(Ical.X_START));
        if (own.isPresent()) {
            String d = Limits.isoDate(file, where, own.get(), "start");
            return d == null ? null : LocalDate.parse(d);
        }
        Optional<Property> dtstart = t.getProperty(Property.DTSTART);
        Temporal s = temporal(dtstart, file, where);
        if (s == null || repeats) {
            return null;
        }
        if (s instanceof LocalDate d) {
            return d;
        }
        boolean timeOfDue = t.getProperty(Property.DUE).isEmpty() || when.minutes() != null;
        return timeOfDue ? null : date(dtstart, zone, file, where);
    }

    /** The dates of EXDATE or RDATE lines, as dates where ical4j reads them, else as the file gave them. */
    private static List<String> dates(List<Property> props) {
        List<String> out = new ArrayList<>();
        for (Property p : props) {
            List<String> raw = List.of(p.getValue().split(","));
            try {
                List<?> dates = p instanceof DateListProperty<?> d ? d.getDates() : raw;
                dates.forEach(v -> out.add(v instanceof Temporal tm ? tm.toString().substring(0, Math.min(10,
                        tm.toString().length())) : String.valueOf(v)));
            } catch (RuntimeException e) {
                out.addAll(raw);
            }
        }
        return out.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static Optional<String> value(Optional<Property> p) {
        return p.map(Property::getValue).filter(v -> !v.isBlank());
    }

    private static LocalDate date(Optional<Property> p, ZoneId zone, String file, String where) {
        Temporal t = temporal(p, file, where);
        if (t == null) {
            return null;
        }
        if (t instanceof LocalDate d) {
            return d;
        }
        if (t instanceof LocalDateTime dt) {
            return dt.toLocalDate();
        }
        return Instant.ofEpochMilli(millis(t)).atZone(zone).toLocalDate();
    }

    private static Long instant(Optional<Property> p, ZoneId zone, String file, String where) {
        Temporal t = temporal(p, file, where);
        if (t == null) {
            return null;
        }
        if (t instanceof LocalDate d) {
            return d.atStartOfDay(zone).toInstant().toEpochMilli();
        }
        if (t instanceof LocalDateTime dt) {
            return dt.atZone(zone).toInstant().toEpochMilli();
        }
        return millis(t);
    }

    private static long millis(Temporal t) {
        if (t instanceof Instant i) {
            return i.toEpochMilli();
        }
        if (t instanceof ZonedDateTime z) {
            return z.toInstant().toEpochMilli();
        }
        if (t instanceof OffsetDateTime o) {
            return o.toInstant().toEpochMilli();
        }
        return Instant.from(t).toEpochMilli();
    }

    private static Temporal temporal(Optional<Property> p, String file, String where) {
        if (p.isEmpty()) {
            return null;
        }
        if (!(p.get() instanceof DateProperty<?> d)) {
            return null;
        }
        try {
            return d.getDate();
        } catch (RuntimeException e) {
            throw new ImportException(file, where, Messages.text("transfer.field.notDate", p.get().getName(),
                    Limits.shorten(p.get().getValue())), e);
        }
    }
}
