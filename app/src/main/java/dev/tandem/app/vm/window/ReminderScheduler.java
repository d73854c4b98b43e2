package dev.tandem.app.vm.window;

import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.LiveList;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.TodoVerbs;
import dev.tandem.app.model.reminder.ReminderDue;
import dev.tandem.app.model.reminder.ReminderStore;
import dev.tandem.app.vm.shared.PassedTime;
import dev.tandem.ui.messages.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decides when a reminder fires, on an injected {@link Clock}, with {@link ReminderDue} (shared with
 * {@code tandem agent}): a pending reminder (see {@link ReminderStore}) whose time has come is claimed
 * (dismissed, which syncs, so the other devices do not fire it again) and fires once if the claim took
 * it. Only a reminder set before its time fires. One seen here while its time was still ahead does;
 * one already due when first seen (at start, or arriving while the app runs) is weighed by when it was set ({@link ReminderStore#setAt}): set ahead of its time and missed (the app was
 * closed, sync brought it late), it fires now; set when its time had already passed ("remind 9am" typed at
 * noon), it is dismissed without popping up, and if this device just set it while running, the message
 * line says so. The owner calls {@link #check()} on the UI executor (the app every second; tests when they
 * moved the clock). "Done" completes the todo (a repeating one moves on), "Snooze" moves the time on by
 * {@link #SNOOZE}, which makes it pending again.
 */
public final class ReminderScheduler implements AutoCloseable {
    public static final Duration SNOOZE = TodoVerbs.SNOOZE;

    /** What a notification shows, and the todo it is for. */
    public record Reminder(String itemId, String title, long at) {
    }

    private final TodoStore store;
    private final ReminderStore reminders;
    private final Async async;
    private final Clock clock;
    private final UndoableCommands commands;
    private final LiveList<Item> pending;
    private final ReminderDue decisions = new ReminderDue();
    /** The first result was applied: a reminder found due after that was set or synced while the app ran. */
    private boolean running;
    private Consumer<Reminder> onFire = r -> { };

    public ReminderScheduler(TodoStore store, Async async, Clock clock, UndoableCommands commands) {
        this.store = store;
        this.reminders = new ReminderStore(store);
        this.async = async;
        this.clock = clock;
        this.commands = commands;
        this.pending = new LiveList<>(Item::id, async.ui());
        pending.onAfterApply(s -> {
            check();
            running = true;
        });
    }

    /** Called on the UI executor with each reminder that fires. */
    public void onFire(Consumer<Reminder> listener) {
        this.onFire = listener;
    }

    public void start() {
        async.run(() -> {
            pending.bind((sink, ex) -> reminders.subscribePending(sink, ex));
            return null;
        }, r -> { });
    }

    /** Fires every pending reminder whose time has come and that was set before it. On the UI executor. */
    public void check() {
        ReminderDue.Due due = decisions.check(pending.items(), clock.millis());
        due.ring().forEach(this::fire);
        // One at a time is the user setting it; many at once is an import or a sync, not worth a word each.
        for (Item it : due.unseen()) {
            weigh(it, running && due.unseen().size() == 1);
        }
    }

    /** Rings it if this process claims it: the agent on this profile may have rung it already. */
    private void fire(Item it) {
        String id = it.id();
        long at = it.remindAt();
        async.run(() -> reminders.claim(List.of(new ReminderStore.Ring(id, at))), claimed -> {
            if (!claimed.isEmpty()) {
                onFire.accept(new Reminder(id, it.titleOrEmpty(), at));
            }
        });
    }

    /**
     * A reminder first seen when already due. Without its setting in the changelog (compacted) it fires,
     * as a missed one would rather than be lost.
     */
    private void weigh(Item it, boolean announce) {
        String id = it.id();
        long at = it.remindAt();
        async.run(() -> reminders.setAt(id, at), set -> {
            if (ReminderDue.ringsWhenUnseen(set, at)) {
                fire(it);
                return;
            }
            async.run(() -> reminders.dismiss(id, at), r -> { });
            if (announce && set.get().here()) {
                // Quick add has no other place to say it; the editor says it next to its field as well.
                commands.say(Messages.text("notify.reminder.none", it.titleOrEmpty(),
                        PassedTime.of(at, ZonedDateTime.now(store.dateClock()))));
            }
        });
    }

    /** The soonest pending reminder time, or null: for a timer that wants to sleep until then. */
    public Long nextAt() {
        return pending.items().stream().filter(Item::reminderPending).map(Item::remindAt).min(Long::compare)
                .orElse(null);
    }

    /** The notification's "Done". */
    public void done(Reminder r) {
        async.run(() -> store.get(r.itemId()), it -> it.ifPresent(i -> commands.setDone(i, true)));
    }

    /** The notification's "Snooze 10 min". */
    public void snooze(Reminder r) {
        async.run(() -> store.verbs().snooze(r.itemId()), x -> { });
    }

    @Override
    public void close() {
        pending.close();
    }
}
