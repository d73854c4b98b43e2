package dev.tandem.app.model;

import dev.tandem.engine.Tx;
import java.time.LocalDate;
import java.util.List;

/**
 * What a new todo gets besides title, list and due date: a priority (1..4 or null), tags, a repeat rule
 * (or null) and a reminder time (epoch milliseconds or null); or, with {@code note}, that it is a plain
 * note. Applied inside the transaction that adds the todo, so it appears complete at once.
 */
public record TodoDetails(Integer priority, List<String> tags, Recurrence repeat, Long remindAt, boolean note) {
    public static final TodoDetails NONE = new TodoDetails(null, List.of(), null, null);

    public TodoDetails {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A todo's details. */
    public TodoDetails(Integer priority, List<String> tags, Recurrence repeat, Long remindAt) {
        this(priority, tags, repeat, remindAt, false);
    }

    /** A note with these tags. */
    public static TodoDetails note(List<String> tags) {
        return new TodoDetails(null, tags, null, null, true);
    }

    /** Nothing to apply after the insert ({@code note} is part of the insert itself). */
    public boolean isEmpty() {
        return priority == null && tags.isEmpty() && repeat == null && remindAt == null;
    }

    /** Saves the details onto the just-saved {@code item}; returns it as it now reads. */
    Item apply(Tx tx, Item item, LocalDate today) {
        if (isEmpty()) {
            return item;
        }
        Item r = item.withPriority(priority).withRemindAt(remindAt);
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
