package dev.tandem.app.model;

import dev.tandem.engine.Tx;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What a new todo gets besides title, list and due date: a priority (1..4 or null), tags, a repeat rule
 * (or null), a reminder time (epoch milliseconds or null), a time of day on the due date and a length in
 * minutes (each null for none), a start date (null for none) and whether it is put away for some day (only
 * a todo with no date is); or, with {@code note}, that it is a plain note. Applied inside the
 * transaction that adds the todo, so it appears complete at once.
 */
public record TodoDetails(Integer priority, List<String> tags, Recurrence repeat, Long remindAt, boolean note,
        LocalTime time, Integer minutes, LocalDate start, boolean someday) {
    public static final TodoDetails NONE = new TodoDetails(null, List.of(), null, null);

    public TodoDetails {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Without a start date or Someday. */
    public TodoDetails(Integer priority, List<String> tags, Recurrence repeat, Long remindAt, boolean note,
            LocalTime time, Integer minutes) {
        this(priority, tags, repeat, remindAt, note, time, minutes, null, false);
    }

    /** These details starting on {@code date} (null: no start date), put away for some day or not. */
    public TodoDetails when(LocalDate date, boolean putAway) {
        return new TodoDetails(priority, tags, repeat, remindAt, note, time, minutes, date, putAway);
    }

    /** A todo's details. */
    public TodoDetails(Integer priority, List<String> tags, Recurrence repeat, Long remindAt) {
        this(priority, tags, repeat, remindAt, false);
    }

    /** A todo's or note's details without a time or length. */
    public TodoDetails(Integer priority, List<String> tags, Recurrence repeat, Long remindAt, boolean note) {
        this(priority, tags, repeat, remindAt, note, null, null);
    }

    /** These details at {@code t} on the due date, taking {@code length} minutes (each null for none). */
    public TodoDetails at(LocalTime t, Integer length) {
        return new TodoDetails(priority, tags, repeat, remindAt, note, t, length, start, someday);
    }

    /** A note with these tags. */
    public static TodoDetails note(List<String> tags) {
        return new TodoDetails(null, tags, null, null, true);
    }

    /** Nothing to apply after the insert ({@code note} is part of the insert itself). */
    public boolean isEmpty() {
        return priority == null && tags.isEmpty() && repeat == null && remindAt == null && time == null && minutes == null
                && start == null && !someday;
    }

    /** Saves the details onto the just-saved {@code item}; returns it as it now reads. */
    Item apply(Tx tx, Item item, LocalDate today) {
        if (isEmpty()) {
            return item;
        }
        Item r = item.withPriority(priority).withRemindAt(remindAt).withDueTime(item.dueDate() == null ? null : time)
                .withDuration(minutes == null ? null : minutes.longValue()).withStart(start)
                .withSomeday(someday && item.dueDate() == null && start == null);
        if (repeat != null) {
            r = SeriesStore.withRule(r, repeat, today);
        }
        Item saved = r.equals(item) ? item : tx.save(r);
        for (String t : tags) {
            TagStore.add(tx, item.id(), t);
        }
        return saved;
    }
}
