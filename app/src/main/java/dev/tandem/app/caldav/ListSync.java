package dev.tandem.app.caldav;

import dev.tandem.app.model.Item;
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
import java.util.stream.Collectors;

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
 * <p>Within a read, objects known before are merged before new ones, so a new object that only
 * completes a picture (todoman's new UID carrying a series on, python3-caldav's completed copy) is
 * recognised against what its known sibling just did ({@link Repeats}) rather than made a todo of
 * its own. An object gone from the calendar is a delete only if no other calendar took it in this
 * sync ({@link Moves}); a new object whose UID is known in another calendar moved here.
 *
 * <p>Invariants: each object on the server stands for one todo (a task, a series, or one done
 * occurrence a client split off, {@link TaskIds}) and each todo for at most one object; a task keeps
 * its UID wherever it moves. Fields are merged one by one against the base ({@link Merge}).
 */
final class ListSync {
    /** The state's setting key, before a calendar's path, of the calendar's version the last sync started from. */
    static final String VERSION = "version:";

    private final TodoStore store;
    private final CalDavAccount account;
    private final CalDavState state;
    private final ZoneId zone;
    private final CalDavReport.Builder report;
    private final Moves moves;
    private final Merge merge;
    private final Repeats repeats;
    private final Parents parents;
    private int writes;
    private boolean waiting;

    ListSync(TodoStore store, CalDavAccount account, CalDavState state, ZoneId zone, CalDavReport.Builder report,
             Moves moves) {
        this.store = store;
        this.account = account;
        this.state = state;
        this.zone = zone;
        this.report = report;
        this.moves = moves;
        this.parents = new Parents(store, state);
        this.merge = new Merge(store, new Outside(store, account), report, parents);
        this.repeats = new Repeats(store, report);
    }

    /**
     * Syncs the list; true when a todo moved here waits for its old list to be read first
     * ({@link Moves#waitsForRead}): the caller runs this list again after every other.
     */
    boolean run(CalDavState.Link link, TaskCalendar cal) {
        waiting = false;
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
        return waiting;
    }

    private record Round(String token, int wrote, boolean clean) {
    }

    private Round round(CalDavState.Link link, TaskCalendar cal) {
        Map<String, CalDavState.Task> byHref = new HashMap<>();
        state.tasks(link.listId()).values().forEach(t -> byHref.put(t.href(), t));
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
        for (String href : removed) {
            CalDavState.Task t = byHref.get(href);
            if (t != null) {
                moves.removed(t);
            }
        }
        List<Incoming> known = new ArrayList<>();
        List<Incoming> fresh = new ArrayList<>();
        for (CalendarObject o : account.read(cal, toRead)) {
            Optional<Vtodo.Read> parsed = Vtodo.read(o.ics(), zone);
            if (parsed.isEmpty()) {
                // An event in a mixed calendar is not a task; anything else that does not parse is said.
                if (!o.ics().contains("BEGIN:VEVENT") && !o.ics().contains("BEGIN:VJOURNAL")) {
                    report.unreadable(o.href());
                }
                continue;
            }
            (byHref.containsKey(o.href()) ? known : fresh).add(new Incoming(o, parsed.get()));
        }
        moves.read(link.listId());
        Set<Incoming> adopted = new HashSet<>();
        for (Incoming in : known) {
            pullKnown(link, in, byHref.get(in.object().href()), fresh, adopted);
        }
        for (Incoming in : fresh) {
            if (!adopted.contains(in)) {
                pullFresh(link, in);
            }
        }
        // Subtasks that arrived before their parent (in this round or an earlier sync) go under it now.
        parents.link(link.listId());
        int before = writes;
        boolean clean = push(link, cal);
        // A token is kept only once everything it covers was merged and written; after a refused
        // write the old one is asked with again, so the refused object is read first.
        return new Round(clean || link.token() == null ? changes.syncToken() : link.token(), writes - before, clean);
    }

    private TaskFields baseOf(CalDavState.Task t) {
        return t == null ? null : Vtodo.read(t.ics(), zone).map(Vtodo.Read::fields).orElse(null);
    }

    private void save(String taskId, CalDavState.Link link, Incoming in) {
        CalendarObject o = in.object();
        state.save(new CalDavState.Task(taskId, link.listId(), o.href(), in.read().uid(), o.etag(), o.ics()));
    }

    private void pullKnown(CalDavState.Link link, Incoming in, CalDavState.Task known, List<Incoming> fresh,
                           Set<Incoming> adopted) {
        Vtodo.Read s = in.read();
        TaskFields base = baseOf(known);
        if (Repeats.isSplit(s, base)) {
            List<Incoming> open = fresh.stream().filter(f -> !adopted.contains(f)).toList();
            Optional<Incoming> next = Repeats.successor(s, base, open);
            Optional<Item> done = next.isEmpty() ? Optional.empty()
                    : repeats.completeOn(known.taskId(), s.fields().due(), base.due());
            if (done.isPresent()) {
                // todoman's split: this object keeps the done occurrence, the new one the series.
                merge.merge(done.get(), s, s.fields(), base, true);
                save(TaskIds.ofOccurrence(done.get().id()), link, in);
                Incoming n = next.get();
                adopted.add(n);
                Optional<Item> current = repeats.open(known.taskId());
                if (current.isPresent()) {
                    merge.merge(current.get(), n.read(), n.read().fields(), parents.fieldsOf(current.get(), null), false);
                }
                save(known.taskId(), link, n);
                report.pulled();
                return;
            }
        }
        pullInto(link, known.taskId(), in, base, false);
    }

    private void pullFresh(CalDavState.Link link, Incoming in) {
        Vtodo.Read s = in.read();
        Optional<Item> occurrence = repeats.doneOccurrence(link.listId(), s.fields(), state);
        if (occurrence.isPresent()) {
            // python3-caldav's completed copy of an occurrence completed here just now (or on another device).
            merge.merge(occurrence.get(), s, s.fields(), parents.fieldsOf(occurrence.get(), null), true);
            save(TaskIds.ofOccurrence(occurrence.get().id()), link, in);
            return;
        }
        Optional<CalDavState.Task> moved = moves.movedHere(s.uid(), in.object().href());
        if (moved.isPresent()) {
            pullInto(link, moved.get().taskId(), in, baseOf(moved.get()), true);
        } else {
            pullInto(link, moves.taskIdFor(s.uid()), in, null, true);
        }
    }

    /**
     * Merges an object into the todo of {@code taskId}; {@code arrived} when it is new in this calendar
     * (made, or moved here on the phone): its todo then comes into this list, out of the Trash.
     */
    private void pullInto(CalDavState.Link link, String taskId, Incoming in, TaskFields base, boolean arrived) {
        Vtodo.Read s = in.read();
        Item local = TaskIds.current(store, taskId);
        if (local == null) {
            if (arrived) {
                merge.create(taskId, link.listId(), s.fields());
                report.pulled();
            }
            // Else deleted here for good (the Trash emptied): the write step deletes it on the server.
        } else if (local.isTrashed() && !arrived) {
            if (base != null && !base.equals(s.fields())) {
                // Edited on the phone after the delete here: the edit brings the todo back.
                store.untrash(local.id());
                mergeInto(taskId, store.get(local.id()).orElseThrow(), s, base);
                report.pulled();
            }
        } else {
            if (arrived) {
                relist(taskId, local, link.listId());
                local = store.get(local.id()).orElseThrow();
            }
            if (mergeInto(taskId, local, s, base) || arrived && base == null) {
                report.pulled();
            }
        }
        save(taskId, link, in);
    }

    private boolean mergeInto(String taskId, Item local, Vtodo.Read s, TaskFields base) {
        if (TaskIds.isOccurrence(taskId)) {
            return merge.merge(local, s, s.fields(), base, true);
        }
        Optional<Repeats.Target> t = repeats.moveOn(taskId, s, base);
        if (t.isPresent()) {
            merge.merge(t.get().item(), s, t.get().server(), t.get().base(), false);
            return true;
        }
        return merge.merge(local, s, s.fields(), base, false);
    }

    /**
     * Brings the todo of {@code taskId} (every row of a series) out of the Trash into list {@code listId}, with
     * the todos under it: a subtask's list is its top todo's, so a parent the phone moved to another
     * calendar takes its subtasks along (each written into the new calendar and deleted from the old
     * by the new list's push, as a move made here), none left behind without it, none twice. A subtask
     * moved without its parent waits at the top of the new list for it ({@link Parents#moveToList}).
     */
    private void relist(String taskId, Item local, String listId) {
        if (local.isTrashed()) {
            store.untrash(local.id());
        }
        String target = listId.isEmpty() ? null : listId;
        List<Item> rows = TaskIds.isOccurrence(taskId) ? List.of(local)
                : store.series().rows(taskId);
        for (Item it : rows) {
            if (it.id().equals(local.id())) {
                parents.moveToList(store.get(it.id()).orElseThrow(), listId);
            } else if (!Objects.equals(it.listId(), target) && !it.isTrashed()) {
                store.update(it.id(), x -> x.withListId(target));
            }
        }
    }

    /**
     * Writes every todo of the list that differs from what the server holds, moves here the todos
     * moved here from another connected list, and deletes on the server what left the list here.
     * False when the server refused a write because the object had changed meanwhile: the next sync
     * reads it first.
     */
    private boolean push(CalDavState.Link link, TaskCalendar cal) {
        boolean clean = true;
        Map<String, CalDavState.Task> known = state.tasks(link.listId());
        Set<String> occurrenceIds = known.keySet().stream().filter(TaskIds::isOccurrence).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, Item> e : TaskIds.representatives(store, link.listId(), occurrenceIds).entrySet()) {
            String taskId = e.getKey();
            Item it = e.getValue();
            Item current = TaskIds.current(store, taskId);
            if (moves.isPending(taskId) || current != null && !link.listId().equals(Objects.requireNonNullElse(
                    current.listId(), ""))) {
                continue; // gone from the server pending this sync's end, or a series living in another list
            }
            seen.add(taskId);
            CalDavState.Task t = known.get(taskId);
            TaskFields fields = parents.fieldsOf(it, baseOf(t));
            fields = TaskIds.isOccurrence(taskId) ? fields.withoutRepeat() : fields;
            if (t == null) {
                Optional<CalDavState.Task> from = moves.movedFromElsewhere(taskId, link.listId());
                if (from.isPresent() && moves.waitsForRead(from.get())) {
                    waiting = true;
                    continue;
                }
                if (from.isPresent()) {
                    clean &= moveHere(link, cal, taskId, it, fields, from.get());
                    continue;
                }
            }
            TaskFields base = baseOf(t);
            TaskFields read = fields;
            fields = Merge.unreadTimes(store, it, fields, base);
            if (!fields.equals(read)) {
                TaskFields adopt = fields;
                store.update(it.id(), x -> x.withDue(adopt.due()).withDueTime(adopt.time())
                        .withDuration(adopt.minutes() == null ? null : adopt.minutes().longValue())
                        .withStart(adopt.start()));
            }
            if (t != null && fields.held().equals(base)) {
                continue; // what the server can hold of the todo it holds (TaskFields.held)
            }
            String uid = t != null ? t.uid() : taskId;
            String href = t != null ? t.href() : cal.href() + taskId + ".ics";
            String ics = Vtodo.write(t == null ? null : t.ics(), base, uid, fields, zone, now());
            Optional<String> etag = account.write(href, ics, t == null ? null : Objects.requireNonNullElse(t.etag(), "*"));
            if (etag.isEmpty()) {
                clean = false;
                report.refusedWrite();
                continue;
            }
            state.save(new CalDavState.Task(taskId, link.listId(), href, uid, etagOf(etag.get()), ics));
            followReminder(it, fields, ics);
            writes++;
            report.pushed();
        }
        for (CalDavState.Task t : known.values()) {
            if (seen.contains(t.taskId()) || moves.isPending(t.taskId()) || moves.leftFor(t, link.listId())) {
                continue; // the list it moved to writes it there, then deletes it here
            }
            // Trashed, emptied from the Trash, or moved to a list that is not connected.
            if (account.delete(t.href(), t.etag())) {
                state.remove(t.taskId());
                writes++;
                report.deletedOnServer();
            } else {
                clean = false;
                report.refusedWrite();
            }
        }
        return clean;
    }

    /** A todo moved here from another connected list: PUT here under its UID and file name, then DELETE there. */
    private boolean moveHere(CalDavState.Link link, TaskCalendar cal, String taskId, Item it, TaskFields fields,
                             CalDavState.Task from) {
        String href = cal.href() + Moves.fileName(from.href());
        String ics = Vtodo.write(from.ics(), baseOf(from), from.uid(), fields, zone, now());
        Optional<String> etag = account.write(href, ics, null);
        if (etag.isEmpty()) {
            report.refusedWrite();
            return false;
        }
        state.save(new CalDavState.Task(taskId, link.listId(), href, from.uid(), etagOf(etag.get()), ics));
        followReminder(it, fields, ics);
        writes++;
        report.pushed();
        // The old calendar was read in this sync (Moves.waitsForRead), so a refused delete means the
        // phone changed the old copy in the moment since: it is left there, and the next read of that
        // calendar takes the task back with the phone's edit (a copy stays here).
        Moves.deleteOld(account, from);
        return true;
    }

    /**
     * The reminder here takes the time the written object's alarm stands for, where the two differ:
     * an alarm relative to DUE moved with the due date changed here ({@link Alarms}), or a time was
     * written to the second. Else the next sync would see a reminder changed here and write again.
     */
    private void followReminder(Item it, TaskFields written, String ics) {
        Long stands = Vtodo.read(ics, zone).map(r -> r.fields().remindAt()).orElse(written.remindAt());
        if (it != null && !Objects.equals(stands, written.remindAt())) {
            store.update(it.id(), x -> x.withRemindAt(stands));
        }
    }

    private static String etagOf(String etag) {
        return etag.isEmpty() ? null : etag;
    }

    private Instant now() {
        return Instant.ofEpochMilli(store.clock().millis());
    }
}
