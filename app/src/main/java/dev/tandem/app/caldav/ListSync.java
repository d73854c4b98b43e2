package dev.tandem.app.caldav;

import dev.tandem.app.caldav.TaskFields.Field;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.SeriesStore;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.caldav.CalDavAccount;
import dev.tandem.engine.caldav.CalendarChanges;
import dev.tandem.engine.caldav.CalendarObject;
import dev.tandem.engine.caldav.TaskCalendar;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One two-way sync of a Tandem list with its task calendar.
 *
 * <p>Order, and why: first what the server changed is read and merged into the todos (so a write
 * never overwrites a change the phone made since), then every todo that differs from what the
 * server holds is written with its entity tag as precondition, then the sync token is kept. A write
 * refused because the object changed meanwhile is left for the next sync, which reads it first. A
 * token is saved only after everything it covers was merged, so a crash means reading again, never
 * missing a change.
 *
 * <p>Merge, field by field, against the base (the object as both sides last agreed): a field only
 * one side changed takes that side's value; a field both changed to different values goes to the
 * later change, as Tandem's own sync decides (the object's LAST-MODIFIED against the time of the
 * todo's last change of that field), and the other value is kept for Conflicts ({@link Outside}).
 *
 * <p>A repeating todo is one VTODO with an RRULE whose DUE is the open occurrence. Phone apps
 * complete a repeating task by moving its DUE on (Tasks.org, Apple Reminders) or by marking it
 * completed (Thunderbird); either is read as completing the open occurrence here, which creates the
 * next one with an id derived from the series and date, so every device that reads it creates the
 * same one, and the next write moves the VTODO on.
 */
final class ListSync {
    /** The state's setting key, before a calendar's path, of the calendar's version the last sync started from. */
    static final String VERSION = "version:";

    private final TodoStore store;
    private final CalDavAccount account;
    private final CalDavState state;
    private final ZoneId zone;
    private final CalDavReport.Builder report;
    private int writes;
    private final Outside outside;

    ListSync(TodoStore store, CalDavAccount account, CalDavState state, ZoneId zone, CalDavReport.Builder report) {
        this.store = store;
        this.account = account;
        this.state = state;
        this.zone = zone;
        this.report = report;
        this.outside = new Outside(store, account);
    }

    void run(CalDavState.Link link, TaskCalendar cal) {
        CalDavState.Link current = link;
        // Another round after writing: the token the next sync asks with must cover this sync's own
        // writes, since a server may leave out of a later answer an object that was made after the
        // token and deleted since (Xandikos diffs two trees). The round's answer holds our writes,
        // known by their entity tags, and whatever the phone did meanwhile, merged as usual.
        for (int round = 0; round < 3; round++) {
            Round r = round(current, cal);
            current = new CalDavState.Link(link.listId(), cal.href(), link.name(), r.token);
            state.save(current);
            if (r.wrote == 0 || !r.clean) {
                break;
            }
        }
        state.setting(VERSION + cal.href(), cal.version());
    }

    private record Round(String token, int wrote, boolean clean) {
    }

    private Round round(CalDavState.Link link, TaskCalendar cal) {
        Map<String, CalDavState.Task> known = state.tasks(link.listId());
        Map<String, CalDavState.Task> byHref = new HashMap<>();
        known.values().forEach(t -> byHref.put(t.href(), t));
        CalendarChanges changes = account.changes(cal, link.token());
        List<String> toRead = new ArrayList<>();
        changes.changed().forEach((href, etag) -> {
            CalDavState.Task t = byHref.get(href);
            if (t == null || t.etag() == null || etag == null || !etag.equals(t.etag())) {
                toRead.add(href);
            }
        });
        List<String> removed = new ArrayList<>(changes.removed());
        if (changes.complete()) {
            byHref.keySet().stream().filter(h -> !changes.changed().containsKey(h)).forEach(removed::add);
        }
        for (CalendarObject o : account.read(cal, toRead)) {
            pull(link, o, byHref.get(o.href()));
        }
        for (String href : removed) {
            CalDavState.Task t = byHref.get(href);
            if (t != null) {
                removedOnServer(t);
            }
        }
        int before = writes;
        boolean clean = push(link, cal);
        // A token is kept only once everything it covers was merged and written; after a refused
        // write the old one is asked with again, so the refused object is read first.
        return new Round(clean || link.token() == null ? changes.syncToken() : link.token(), writes - before, clean);
    }

    private void pull(CalDavState.Link link, CalendarObject o, CalDavState.Task known) {
        Optional<Vtodo.Read> parsed = Vtodo.read(o.ics(), zone);
        if (parsed.isEmpty()) {
            // An event in a mixed calendar is not a task; anything else that does not parse is said.
            if (!o.ics().contains("BEGIN:VEVENT") && !o.ics().contains("BEGIN:VJOURNAL")) {
                report.unreadable(o.href());
            }
            return;
        }
        Vtodo.Read s = parsed.get();
        String key = known != null ? known.key() : Keys.of(s.uid());
        TaskFields base = known == null ? null : Vtodo.read(known.ics(), zone).map(Vtodo.Read::fields).orElse(null);
        Item local = current(key);
        if (local == null) {
            if (known == null) {
                create(key, link.listId(), s.fields());
                report.pulled();
            }
            // Deleted here for good (the Trash emptied): the write step deletes it on the server.
        } else if (local.isTrashed()) {
            if (base != null && !base.equals(s.fields())) {
                // Edited on the phone after the delete here: the edit brings the todo back.
                store.untrash(local.id());
                merge(store.get(local.id()).orElseThrow(), s, base);
                report.pulled();
            }
        } else if (merge(local, s, base)) {
            report.pulled();
        }
        state.save(new CalDavState.Task(key, link.listId(), o.href(), s.uid(), o.etag(), o.ics()));
    }

    /** Merges the server's fields into the todo; true when the todo changed. */
    private boolean merge(Item local, Vtodo.Read server, TaskFields base) {
        TaskFields s = server.fields();
        TaskFields t = TaskFields.of(local, TagStore.of(store.db(), local.id()));
        Item target = local;
        if (base != null && local.recurrence() != null && !local.isDone() && t.same(Field.DUE, base)
                && !t.done() && (s.done() || s.due() != null && base.due() != null && s.due().isAfter(base.due()))) {
            // The phone completed the open occurrence (moved DUE on, or marked the series done).
            Optional<SeriesStore.Step> step = new SeriesStore(store).complete(local.id());
            String nextId = step.flatMap(SeriesStore.Step::next).map(Item::id)
                    .orElseGet(() -> new SeriesStore(store).ensureNext(local.id()).id());
            target = store.get(nextId).orElseThrow();
            TaskFields next = TaskFields.of(target, TagStore.of(store.db(), target.id()));
            base = base.with(Field.DONE, next).with(Field.DUE, s.done() ? next : base);
            t = next;
            if (s.done()) {
                s = s.with(Field.DONE, next).with(Field.DUE, next);
            }
            report.completedOnPhone();
        }
        TaskFields merged = t;
        List<Field> serverWon = new ArrayList<>();
        List<Field> localWon = new ArrayList<>();
        for (Field f : Field.values()) {
            if (s.same(f, t)) {
                continue;
            }
            boolean serverChanged = base == null || !s.same(f, base);
            boolean localChanged = base != null && !t.same(f, base);
            if (serverChanged && !localChanged) {
                merged = merged.with(f, s);
            } else if (serverChanged) {
                Instant localAt = Outside.changedAt(store, target.id(), f);
                boolean serverWins = server.lastModified() != null && localAt != null
                        && server.lastModified().isAfter(localAt);
                if (serverWins) {
                    serverWon.add(f);
                    merged = merged.with(f, s);
                } else {
                    localWon.add(f);
                }
                report.conflict();
            }
        }
        // The local edits a phone's later edit replaces, read before the save replaces them.
        Map<Field, String> replaced = new HashMap<>();
        for (Field f : serverWon) {
            Outside.lastChange(store, target.id(), f).ifPresent(id -> replaced.put(f, id));
        }
        boolean changed = !merged.equals(t);
        if (changed) {
            apply(target, merged);
        }
        outside.keep(target.id(), server, replaced, localWon);
        return changed || target != local;
    }

    private void create(String key, String listId, TaskFields f) {
        long now = store.clock().millis();
        Item it = new Item(key, listId.isEmpty() ? null : listId, f.title(), f.notes(),
                f.due() == null ? null : f.due().toString(), f.done() ? 1L : 0L, f.done() ? now : null, null, now,
                f.priority(), f.repeat(), f.repeat() == null ? null : key, f.remindAt(), null, null, null);
        store.writeAll(tx -> {
            tx.save(it);
            f.tags().forEach(tag -> TagStore.add(tx, key, tag));
            return null;
        });
    }

    private void apply(Item it, TaskFields f) {
        long now = store.clock().millis();
        Item next = it.withTitle(f.title()).withNotes(f.notes()).withDue(f.due())
                .withPriority(f.priority() == null ? null : f.priority().intValue()).withRemindAt(f.remindAt())
                .withRepeat(f.repeat(), f.repeat() == null ? it.seriesId()
                        : it.seriesId() != null ? it.seriesId() : it.id());
        if (next.isDone() != f.done()) {
            next = next.withDone(f.done(), now);
        }
        Item save = next;
        store.writeAll(tx -> {
            if (!save.equals(it)) {
                tx.save(save);
            }
            List<String> have = TagStore.of(tx, it.id());
            f.tags().stream().filter(tag -> !have.contains(tag)).forEach(tag -> TagStore.add(tx, it.id(), tag));
            have.stream().filter(tag -> !f.tags().contains(tag)).forEach(tag -> TagStore.remove(tx, it.id(), tag, now));
            return null;
        });
    }

    private void removedOnServer(CalDavState.Task t) {
        Item local = current(t.key());
        if (local != null && !local.isTrashed()) {
            store.trash(local.id());
            report.trashedFromPhone();
        }
        state.remove(t.key());
    }

    /**
     * Writes every todo of the list that differs from what the server holds, and deletes on the
     * server what left the list here. False when the server refused a write because the object had
     * changed meanwhile: the next sync reads it first.
     */
    private boolean push(CalDavState.Link link, TaskCalendar cal) {
        boolean clean = true;
        Map<String, CalDavState.Task> known = state.tasks(link.listId());
        Set<String> seen = new HashSet<>();
        for (Item it : Keys.representatives(store, link.listId())) {
            String key = Keys.keyOf(it);
            seen.add(key);
            CalDavState.Task t = known.get(key);
            TaskFields fields = TaskFields.of(it, TagStore.of(store.db(), it.id()));
            TaskFields base = t == null ? null : Vtodo.read(t.ics(), zone).map(Vtodo.Read::fields).orElse(null);
            if (t != null && fields.equals(base)) {
                continue;
            }
            String uid = t != null ? t.uid() : key;
            String href = t != null ? t.href() : cal.href() + key + ".ics";
            String ics = Vtodo.write(t == null ? null : t.ics(), base, uid, fields, zone,
                    Instant.ofEpochMilli(store.clock().millis()));
            Optional<String> etag = account.write(href, ics, t == null ? null : Objects.requireNonNullElse(t.etag(), "*"));
            if (etag.isEmpty()) {
                clean = false;
                report.refusedWrite();
                continue;
            }
            state.save(new CalDavState.Task(key, link.listId(), href, uid, etag.get().isEmpty() ? null : etag.get(), ics));
            writes++;
            report.pushed();
        }
        for (CalDavState.Task t : known.values()) {
            if (seen.contains(t.key())) {
                continue;
            }
            // Trashed, emptied from the Trash, or moved to another list here.
            if (account.delete(t.href(), t.etag())) {
                state.remove(t.key());
                writes++;
                report.deletedOnServer();
            } else {
                clean = false;
                report.refusedWrite();
            }
        }
        return clean;
    }

    /** The todo a task stands for: the todo itself, or the open (else the latest) occurrence of a series. */
    private Item current(String key) {
        return Keys.current(store, key);
    }
}
