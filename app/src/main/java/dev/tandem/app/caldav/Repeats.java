package dev.tandem.app.caldav;

import dev.tandem.app.caldav.TaskFields.Field;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.SeriesStore;
import dev.tandem.app.model.TodoStore;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client's object says about a repeating todo's occurrences, read against the series here.
 *
 * <p>Here a series is rows: done occurrences and at most one open one, each next id derived from
 * the series and its date ({@link SeriesStore}), so every device that completes the same
 * occurrence makes the same next one. On the server clients complete a repeating task in four
 * shapes, and each is read as "the occurrence due then is done; the series goes on":
 * <ul>
 *   <li>the same UID with DUE moved on, still open (Tasks.org, Apple Reminders, python3-caldav's
 *       series object; RECURRENCE-ID overrides read as the latest override says, see {@link Vtodo});
 *   <li>the same UID marked COMPLETED with its RRULE (Thunderbird, python3-caldav {@code complete()}):
 *       the next write moves that object on, open;
 *   <li>the same UID COMPLETED without its RRULE beside a new UID carrying the RRULE (todoman): the
 *       old object becomes the done occurrence's own, the new one the series' ({@link #successor});
 *   <li>a completed copy under a new UID beside the series moved on (python3-caldav
 *       {@code handle_rrule=True}): the copy becomes the done occurrence's own ({@link #doneOccurrence}).
 * </ul>
 *
 * <p>Invariants: an occurrence already done here (completed on another device, synced) is never
 * completed again, so reading a completion twice, or after Tandem's sync brought it, is a no-op;
 * at most one occurrence is completed per object read; a cancelled series is not moved on.
 */
final class Repeats {
    private static final Comparator<Item> BY_DUE = Comparator.comparing((Item it) -> String.valueOf(it.due()))
            .thenComparing(Item::id);

    private final TodoStore store;
    private final CalDavReport.Builder report;

    Repeats(TodoStore store, CalDavReport.Builder report) {
        this.store = store;
        this.report = report;
    }

    /** The todo to merge an object into, with the server's and the base's fields as the merge must see them. */
    record Target(Item item, TaskFields server, TaskFields base) {
    }

    /**
     * For an object known as series {@code taskId}: completes here the occurrence the object says was
     * completed, and returns the occurrence it stands for now with DONE and DUE as the merge must
     * see them. Empty when {@code taskId} is no series here or the object says nothing of its occurrences.
     */
    Optional<Target> moveOn(String taskId, Vtodo.Read read, TaskFields base) {
        TaskFields s = read.fields();
        if (base == null || read.cancelled() || s.repeat() == null || base.done()) {
            return Optional.empty();
        }
        Item open = open(taskId).orElse(null);
        if (open == null) {
            return Optional.empty();
        }
        LocalDate sd = s.due();
        LocalDate bd = base.due();
        if (s.done()) {
            // Completed whole (Thunderbird): the occurrence due then is done; the object moves on.
            if (!doneOn(taskId, sd) && (sd == null || Objects.equals(open.dueDate(), sd)
                    || Objects.equals(open.dueDate(), bd))) {
                complete(open);
            }
            Item target = open(taskId).orElse(open);
            TaskFields now = Merge.fieldsOf(store, target);
            return Optional.of(new Target(target, s.with(Field.DONE, now).with(Field.DUE, now),
                    base.with(Field.DONE, now).with(Field.DUE, now)));
        }
        if (sd != null && bd != null && sd.isAfter(bd)) {
            // DUE moved on (Tasks.org): the occurrence the phone knew is done, unless it is here already.
            if (Objects.equals(open.dueDate(), bd) && !doneOn(taskId, sd)) {
                complete(open);
            }
            Item target = open(taskId).orElse(open);
            TaskFields now = Merge.fieldsOf(store, target);
            // The next occurrence takes the phone's date where the phone's rule gave another.
            return Optional.of(new Target(target, s, base.with(Field.DONE, now).with(Field.DUE, now)));
        }
        return Optional.empty();
    }

    /** Whether {@code s} against {@code base} is todoman's split: completed, its RRULE gone to a new object. */
    static boolean isSplit(Vtodo.Read read, TaskFields base) {
        TaskFields s = read.fields();
        return base != null && base.repeat() != null && !base.done() && s.repeat() == null && s.done()
                && !read.cancelled();
    }

    /** Among objects new in the same read, the one that carries on the series todoman split: its title and rule, open, later. */
    static Optional<Incoming> successor(Vtodo.Read split, TaskFields base, List<Incoming> fresh) {
        TaskFields s = split.fields();
        return fresh.stream().filter(n -> {
            TaskFields f = n.read().fields();
            return !f.done() && base.repeat().equals(f.repeat()) && f.title().equals(s.title()) && f.due() != null
                    && (s.due() == null || f.due().isAfter(s.due()));
        }).findFirst();
    }

    /**
     * Completes the series' occurrence due {@code due} (the open one, unless done here already) and
     * returns the done occurrence of that date, the one a split-off object now stands for.
     */
    Optional<Item> completeOn(String taskId, LocalDate due, LocalDate baseDue) {
        Optional<Item> open = open(taskId);
        if (!doneOn(taskId, due) && open.isPresent()
                && (Objects.equals(open.get().dueDate(), due) || Objects.equals(open.get().dueDate(), baseDue))) {
            complete(open.get());
        }
        return rows(taskId).stream().filter(Item::isDone).filter(it -> due == null || due.equals(it.dueDate()))
                .max(BY_DUE);
    }

    /**
     * A done occurrence of a series of list {@code listId} that a completed object new here (a
     * python3-caldav completed copy) stands for: same title, same date, done, and no object of its own yet.
     */
    Optional<Item> doneOccurrence(String listId, TaskFields s, CalDavState state) {
        if (!s.done() || s.repeat() != null || s.due() == null) {
            return Optional.empty();
        }
        return store.series().doneOccurrences(listId, s.due(), s.title()).stream()
                .filter(it -> state.task(TaskIds.ofOccurrence(it.id())).isEmpty())
                .min(BY_DUE);
    }

    /** The series' open occurrence due first. */
    Optional<Item> open(String taskId) {
        return rows(taskId).stream().filter(it -> !it.isDone()).min(BY_DUE);
    }

    private boolean doneOn(String taskId, LocalDate due) {
        return due != null && rows(taskId).stream().anyMatch(it -> it.isDone() && due.equals(it.dueDate()));
    }

    private List<Item> rows(String taskId) {
        return store.series().rows(taskId).stream().filter(it -> !it.isTrashed()).toList();
    }

    private void complete(Item open) {
        SeriesStore series = store.series();
        Optional<SeriesStore.Step> step = series.complete(open.id());
        if (step.flatMap(SeriesStore.Step::next).isEmpty()) {
            series.ensureNext(open.id());
        }
        report.completedOnPhone();
    }
}
