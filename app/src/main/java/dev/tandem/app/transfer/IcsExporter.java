package dev.tandem.app.transfer;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemLink;
import dev.tandem.app.model.OutsideEdits;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.VJournal;
import net.fortuna.ical4j.model.component.VToDo;
import net.fortuna.ical4j.model.parameter.RelType;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Completed;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Due;
import net.fortuna.ical4j.model.property.PercentComplete;
import net.fortuna.ical4j.model.property.Priority;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RelatedTo;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * One iCalendar file of VTODOs (RFC 5545), as Nextcloud Tasks, Thunderbird and Apple Reminders
 * import it: UID (the UID the todo was imported with, kept as its {@link ItemLink}, else its id), SUMMARY, DESCRIPTION, DUE (a date; for a
 * todo with a time a UTC date-time, and with a length DTSTART at its time and DUE at its end: {@link IcalTimes}), STATUS and COMPLETED,
 * CREATED, and from the todo's priority, tags and repeat rule (and any older attribute lines in its
 * notes, {@link NoteAttributes}) PRIORITY, CATEGORIES and RRULE (with DTSTART on the due date, which a repeat rule needs). The list's name travels in
 * X-TANDEM-LIST. A plain note is a VJOURNAL without a date (UID, SUMMARY, DESCRIPTION, CREATED,
 * CATEGORIES, X-TANDEM-LIST), as journal and note apps read one. Trashed todos are left out. Written by
 * ical4j, which escapes and folds lines.
 *
 * <p>A subtask names its parent as task apps do: {@code RELATED-TO;RELTYPE=PARENT:<the parent's UID>}. The start
 * date is {@code DTSTART;VALUE=DATE} where DTSTART says nothing else and the due date has no time (RFC 5545 wants
 * DTSTART and DUE of one type); otherwise, with a time's length or a repeat on DTSTART, it is
 * {@code X-TANDEM-START}. The place among its siblings travels in {@code X-TANDEM-RANK}. Sections, Someday and
 * folding have no iCalendar property and are not written.
 */
final class IcsExporter {
    private IcsExporter() {
    }

    static ExportReport export(TodoStore store, OutputStream out, Progress progress) throws IOException {
        Ical.init();
        Map<String, String> listNames = new HashMap<>();
        List<TodoList> lists = store.lists();
        lists.forEach(l -> listNames.put(l.id(), l.name()));
        List<Item> items = store.allItems().stream().filter(it -> !it.isTrashed()).toList();
        Map<String, List<String>> tags = store.tags().all();
        Map<String, String> uids = new OutsideEdits(store).linked(ItemLink.ICAL);
        Set<String> ids = new HashSet<>();
        items.forEach(it -> ids.add(it.id()));
        Set<String> linked = new HashSet<>();
        Instant now = Instant.ofEpochMilli(store.clock().millis());
        ZoneId zone = store.dateClock().getZone();
        Calendar cal = new Calendar();
        cal.add(new ProdId(Ical.PRODID));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        // No X-WR-CALNAME: an importer would put the Inbox's todos in a list of that name.
        Map<String, String> uidOf = new HashMap<>();
        for (Item it : items) {
            String uid = uids.get(it.id());
            // Never one UID twice in a file (a hand-made backup could link two todos to one, or to another's id).
            uidOf.put(it.id(), uid == null || ids.contains(uid) || !linked.add(uid) ? it.id() : uid);
        }
        int n = 0;
        for (Item it : items) {
            List<String> itemTags = tags.getOrDefault(it.id(), List.of());
            String uid = uidOf.get(it.id());
            net.fortuna.ical4j.model.component.CalendarComponent c = it.isNote()
                    ? journal(it, uid, itemTags, listNames.get(it.listId()), now)
                    : todo(it, uid, itemTags, listNames.get(it.listId()), now, zone);
            // Only a parent the file holds: a trashed one is left out, and a link to nothing would mislead.
            if (it.hasParent() && uidOf.containsKey(it.parentId())) {
                RelatedTo parent = new RelatedTo(uidOf.get(it.parentId()));
                parent.add(RelType.PARENT);
                c.add(parent);
            }
            if (it.rank() != null) {
                c.add(new XProperty(Ical.X_RANK, it.rank()));
            }
            cal.add(c);
            if (++n % 500 == 0) {
                progress.update(Messages.text("common.progress.writing"), n, items.size());
            }
        }
        // The outputter flushes and closes the writer (and so the stream) itself.
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            new CalendarOutputter(false).output(cal, w);
        } catch (net.fortuna.ical4j.validate.ValidationException e) {
            throw new IOException("the calendar did not validate: " + e.getMessage(), e);
        }
        return new ExportReport(Format.ICS, items.size(), lists.size());
    }

    static VToDo todo(Item it, String uid, List<String> tags, String listName, Instant now, ZoneId zone) {
        // Without ical4j's own DTSTAMP (the wall clock's), which would make a second one: RFC 5545 allows one.
        VToDo t = new VToDo(false);
        t.add(new Uid(uid));
        t.add(new DtStamp(now));
        t.add(new Summary(it.titleOrEmpty()));
        NoteAttributes.Split notes = NoteAttributes.split(it.notes());
        NoteAttributes a = RealFields.exported(it, tags, notes.attributes());
        String description = notes.body();
        LocalDate due = it.dueDate();
        // The time in UTC: a file carries no VTIMEZONE, and every app reads UTC in its own zone.
        Instant at = it.timeOfDay() == null ? null : IcalTimes.at(due, it.timeOfDay(), zone);
        boolean started = false;
        if (at != null && it.lengthMinutes() > 0) {
            t.add(new DtStart<>(at));
            t.add(new Due<>(at.plus(Duration.ofMinutes(it.lengthMinutes()))));
            started = true;
        } else if (at != null) {
            t.add(new Due<>(at));
        } else if (due != null) {
            t.add(new Due<>(due));
        }
        if (a.repeats() != null) {
            RRule<LocalDate> rule = rrule(a.repeats());
            if (rule != null && due != null) {
                if (!started) {
                    t.add(at != null ? new DtStart<>(at) : new DtStart<>(due));
                }
                t.add(rule);
            } else {
                // Words from another app ("every monday") or a rule with no date: kept as text.
                description = NoteAttributes.append(description, new NoteAttributes(List.of(), null, a.repeats()));
            }
        }
        LocalDate start = it.startDate();
        if (start != null && !started && at == null && !t.getProperty(net.fortuna.ical4j.model.Property.DTSTART)
                .isPresent()) {
            t.add(new DtStart<>(start));
        } else if (start != null) {
            t.add(new XProperty(Ical.X_START, start.toString()));
        }
        if (description != null) {
            t.add(new Description(description));
        }
        if (it.isDone()) {
            t.add(new Status(Status.VALUE_COMPLETED));
            t.add(new Completed(Instant.ofEpochMilli(it.doneAt() != null ? it.doneAt() : now.toEpochMilli())));
            t.add(new PercentComplete(100));
        } else {
            t.add(new Status(Status.VALUE_NEEDS_ACTION));
        }
        if (it.createdAt() != null) {
            t.add(new Created(Instant.ofEpochMilli(it.createdAt())));
        }
        int level = RealFields.icalPriority(a.priority());
        if (level > 0) {
            t.add(new Priority(level));
        }
        if (!a.tags().isEmpty()) {
            t.add(new Categories(new TextList(a.tags())));
        }
        if (listName != null) {
            t.add(new XProperty(Ical.X_LIST, listName));
        }
        return t;
    }

    /** A note: no due date, status, priority or rule, which a note does not have. */
    static VJournal journal(Item it, String uid, List<String> tags, String listName, Instant now) {
        VJournal j = new VJournal(false);
        j.add(new Uid(uid));
        j.add(new DtStamp(now));
        j.add(new Summary(it.titleOrEmpty()));
        NoteAttributes.Split notes = NoteAttributes.split(it.notes());
        NoteAttributes a = RealFields.exported(it, tags, notes.attributes());
        if (notes.body() != null) {
            j.add(new Description(notes.body()));
        }
        if (it.createdAt() != null) {
            j.add(new Created(Instant.ofEpochMilli(it.createdAt())));
        }
        if (!a.tags().isEmpty()) {
            j.add(new Categories(new TextList(a.tags())));
        }
        if (listName != null) {
            j.add(new XProperty(Ical.X_LIST, listName));
        }
        return j;
    }

    private static RRule<LocalDate> rrule(String value) {
        try {
            String v = value.startsWith("RRULE:") ? value.substring(6) : value;
            if (!v.contains("FREQ=")) {
                return null;
            }
            return new RRule<>(v);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
