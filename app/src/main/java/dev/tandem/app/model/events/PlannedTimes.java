package dev.tandem.app.model.events;

import dev.tandem.app.model.CalendarItems;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Db;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Writes the times "Plan my day" proposed and the person accepted, in one transaction, and takes them back in
 * one. A todo gets its time only if, in the transaction, it is still open, due on the planned day and without
 * a time (another device or window may have timed, moved or ticked it since the plan was made), and only if its
 * slot is still free: of the day's timed todos as they are in the transaction, of the times this write gave
 * before it, and of the events passed in. The events are not in this database (they are in calendars.sqlite):
 * the caller reads them just before the transaction, so they are checked as they were at that moment. A todo
 * whose slot is taken is left untimed and reported ({@link Applied#taken}); the others are left as they are.
 * Undo puts back the stored time of each todo it timed, unless the time was changed again
 * since. Both block on the database: call them off the UI thread.
 */
public final class PlannedTimes {
    private final Db db;

    public PlannedTimes(TodoStore store) {
        this.db = Objects.requireNonNull(store, "store").db();
    }

    /**
     * What {@link #apply} did: each todo as it was before, and the time it got; {@code taken}, the todos left
     * untimed because their slot was no longer free.
     */
    public record Applied(List<Item> before, List<LocalTime> times, List<Item> taken) {
        public Applied {
            before = List.copyOf(before);
            times = List.copyOf(times);
            taken = List.copyOf(taken);
        }

        public int count() {
            return before.size();
        }
    }

    /**
     * Gives each todo of {@code times} (by id, in order) its time on {@code day} where the slot is free of the
     * day's timed todos; returns what changed.
     */
    public Applied apply(LocalDate day, Map<String, LocalTime> times) {
        return apply(day, times, List.of(), ZoneOffset.UTC);
    }

    /**
     * Gives each todo of {@code times} (by id, in order) its time on {@code day} where the slot is free of the
     * day's timed todos (read in the transaction), of the times given before it, and of {@code events} (read
     * in {@code zone}; the caller's reading, just before this call); returns what changed and what was taken.
     */
    public Applied apply(LocalDate day, Map<String, LocalTime> times, List<CalendarEvent> events, ZoneId zone) {
        return apply(day, todos -> times, events, zone);
    }

    /**
     * Reads the open todos due on {@code day} in the transaction, hands them to {@code decide} (the planner) and
     * gives each todo it names its time, in the same transaction: a plan made and written from one reading.
     */
    public Applied apply(LocalDate day, Function<List<Item>, Map<String, LocalTime>> decide) {
        return apply(day, decide, List.of(), ZoneOffset.UTC);
    }

    private Applied apply(LocalDate day, Function<List<Item>, Map<String, LocalTime>> decide,
            List<CalendarEvent> events, ZoneId zone) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(zone, "zone");
        return db.transactionResult(tx -> {
            List<Item> held = new ArrayList<>(tx.query(Item.class, CalendarItems.SQL, day.toString(),
                    day.toString(), day.toString()));
            Map<String, LocalTime> times = decide.apply(List.copyOf(held));
            List<Item> before = new ArrayList<>();
            List<LocalTime> set = new ArrayList<>();
            List<Item> taken = new ArrayList<>();
            times.forEach((id, t) -> tx.get(Item.class, id)
                    .filter(it -> !it.isDone() && !it.isTrashed() && !it.isNote() && day.equals(it.dueDate())
                            && it.timeOfDay() == null)
                    .ifPresent(it -> {
                        int minutes = it.lengthMinutes() > 0 ? it.lengthMinutes() : DayPlanner.TIMED_TODO_MINUTES;
                        if (!DayPlanner.free(day, t, minutes, events, zone, held)) {
                            taken.add(it);
                            return;
                        }
                        Item timed = it.withDueTime(t);
                        tx.save(timed);
                        held.add(timed);
                        before.add(it);
                        set.add(t);
                    }));
            return new Applied(before, set, taken);
        });
    }

    /** Undoes {@link #apply}: each todo still at the time it got gets back the time it had (none). */
    public void undo(Applied applied) {
        db.transaction(tx -> {
            for (int i = 0; i < applied.count(); i++) {
                Item b = applied.before().get(i);
                LocalTime t = applied.times().get(i);
                tx.get(Item.class, b.id()).filter(cur -> t.equals(Item.clock(cur.dueTime())))
                        .ifPresent(cur -> tx.save(cur.withDueTimeText(b.dueTime())));
            }
        });
    }

    /**
     * Redoes {@link #apply} as it was (the same todos, the same times), each time only if its slot is still free of the day's timed todos and of
     * {@code events} (read again just before, as for the first write); a todo whose slot is taken is in
     * {@link Applied#taken}.
     */
    public Applied redo(LocalDate day, Applied applied, List<CalendarEvent> events, ZoneId zone) {
        Map<String, LocalTime> again = new java.util.LinkedHashMap<>();
        for (int i = 0; i < applied.count(); i++) {
            again.put(applied.before().get(i).id(), applied.times().get(i));
        }
        return apply(day, again, events, zone);
    }
}
