package dev.tandem.app.model.reminder;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Queries;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Change;
import dev.tandem.engine.FieldChange;
import dev.tandem.engine.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Reminders: {@code Item.remindAt} and {@code Item.remindDismissed}, ordinary attributes that sync. A
 * reminder is pending while the todo is open, not in the Trash, and its {@code remindAt} is not the value
 * dismissed; so dismissing or completing on one device stops it on the others once they sync, and setting
 * a new time makes it fire again.
 *
 * <p>When a reminder got its time is in the changelog, not in a column: {@link #setAt} reads it there, so
 * every device, and the app after a restart, tells a reminder set ahead of its time (which fires, late if
 * need be) from one set when its time had already passed (which never does).
 */
public final class ReminderStore {
    /** Open todos with a pending reminder, soonest first; a note never reminds (it has no time to be done by). */
    static final String PENDING = "SELECT * FROM items WHERE remindAt IS NOT NULL AND " + Queries.OPEN_TODO
            + " AND (remindDismissed IS NULL OR remindDismissed <> remindAt) ORDER BY remindAt, id";

    private final TodoStore store;

    public ReminderStore(TodoStore store) {
        this.store = store;
    }

    /** The todos with a pending reminder (due or not yet). */
    public List<Item> pending() {
        return store.db().query(Item.class, PENDING);
    }

    public Subscription subscribePending(Consumer<List<Item>> onResult, Executor executor) {
        return store.db().querySubscribe(Item.class, PENDING, List.of(), onResult, executor);
    }

    /** Sets (or with null clears) the reminder time; returns the item as it was. */
    public Optional<Item> setRemindAt(String id, Long at) {
        return store.update(id, it -> it.withRemindAt(at));
    }

    /** Dismisses the reminder as it is now: it does not fire again, here or on other devices. */
    public Optional<Item> dismiss(String id) {
        return store.update(id, it -> it.remindAt() == null ? it : it.withRemindDismissed(it.remindAt()));
    }

    /** When a reminder got its time, and whether this device set it. */
    public record SetAt(Instant at, boolean here) {
    }

    /**
     * When the item's reminder was set to {@code remindAt}, from the changelog: the latest change that wrote
     * that value. Empty when the changelog no longer holds it (compacted, or the item is gone).
     */
    public Optional<SetAt> setAt(String id, long remindAt) {
        List<Change> history = store.db().history().changes("items", id);
        for (int i = history.size() - 1; i >= 0; i--) {
            Change c = history.get(i);
            for (FieldChange f : c.fields()) {
                if (f.field().equalsIgnoreCase("remindAt") && f.value() instanceof Number n
                        && n.longValue() == remindAt) {
                    return Optional.of(new SetAt(c.at(), c.author().equals(store.db().deviceId())));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Dismisses the reminder if its time is still {@code at}: a decision made about one time must not
     * dismiss a new time set meanwhile.
     */
    public Optional<Item> dismiss(String id, long at) {
        return store.update(id, it -> it.remindAt() == null || it.remindAt() != at ? it : it.withRemindDismissed(at));
    }

    /** A reminder to ring: the todo, and the time it was due. */
    public record Ring(String id, long at) {
    }

    /**
     * Claims the right to ring these reminders: in ONE write transaction, each one still pending at its
     * time is dismissed, and only those are returned. A reminder is rung only after this says so, so two
     * processes on one profile (the window, {@code tandem agent}) never both ring it: the second one reads
     * it dismissed. Dismissing syncs, so other devices do not ring it either.
     */
    public List<Ring> claim(List<Ring> due) {
        return store.db().transactionResult(tx -> {
            List<Ring> claimed = new java.util.ArrayList<>();
            for (Ring r : due) {
                Optional<Item> cur = tx.get(Item.class, r.id());
                if (cur.isPresent() && rings(cur.get()) && cur.get().remindAt() == r.at()) {
                    tx.save(cur.get().withRemindDismissed(r.at()));
                    claimed.add(r);
                }
            }
            return claimed;
        });
    }

    /** Pending, as {@link #PENDING} reads it: an open todo whose reminder is not dismissed. */
    private static boolean rings(Item it) {
        return it.reminderPending() && !it.isDone() && !it.isTrashed() && !it.isNote();
    }
}
