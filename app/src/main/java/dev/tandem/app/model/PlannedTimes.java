package dev.tandem.app.model;

import dev.tandem.engine.Db;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Writes the times "Plan my day" proposed and the person accepted, in one transaction, and takes them back in
 * one. A todo gets its time only if, in the transaction, it is still open, due on the planned day and without
 * a time (another device or window may have timed, moved or ticked it since the plan was made); the others are
 * left as they are. Undo puts back the stored time of each todo it timed, unless the time was changed again
 * since. Both block on the database: call them off the UI thread.
 */
public final class PlannedTimes {
    private final Db db;

    public PlannedTimes(TodoStore store) {
        this.db = Objects.requireNonNull(store, "store").db();
    }

    /** What {@link #apply} did: each todo as it was before, and the time it got. */
    public record Applied(List<Item> before, List<LocalTime> times) {
        public Applied {
            before = List.copyOf(before);
            times = List.copyOf(times);
        }

        public int count() {
            return before.size();
        }
    }

    /** Gives each todo of {@code times} (by id, in order) its time on {@code day}; returns what changed. */
    public Applied apply(LocalDate day, Map<String, LocalTime> times) {
        return apply(day, todos -> times);
    }

    /**
     * Reads the open todos due on {@code day} in the transaction, hands them to {@code decide} (the planner) and
     * gives each todo it names its time, in the same transaction: a plan made and written from one reading.
     */
    public Applied apply(LocalDate day, Function<List<Item>, Map<String, LocalTime>> decide) {
        return db.transactionResult(tx -> {
            Map<String, LocalTime> times = decide.apply(tx.query(Item.class, CalendarItems.SQL, day.toString(),
                    day.toString(), day.toString()));
            List<Item> before = new ArrayList<>();
            List<LocalTime> set = new ArrayList<>();
            times.forEach((id, t) -> tx.get(Item.class, id)
                    .filter(it -> !it.isDone() && !it.isTrashed() && !it.isNote() && day.equals(it.dueDate())
                            && it.timeOfDay() == null)
                    .ifPresent(it -> {
                        tx.save(it.withDueTime(t));
                        before.add(it);
                        set.add(t);
                    }));
            return new Applied(before, set);
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

    /** Redoes {@link #apply} as it was: the same todos, the same times. */
    public Applied redo(LocalDate day, Applied applied) {
        Map<String, LocalTime> again = new java.util.LinkedHashMap<>();
        for (int i = 0; i < applied.count(); i++) {
            again.put(applied.before().get(i).id(), applied.times().get(i));
        }
        return apply(day, again);
    }
}
