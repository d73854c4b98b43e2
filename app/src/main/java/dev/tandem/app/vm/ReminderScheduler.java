package dev.tandem.app.vm;

import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.LiveList;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.ReminderStore;
import dev.tandem.app.model.TodoStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decides when a reminder fires, on an injected {@link Clock}: a pending reminder (see
 * {@link ReminderStore}) whose time has come fires once, then is dismissed, which syncs, so the other
 * devices do not fire it again. At start every reminder that came due while the app was closed fires
 * once. The owner calls {@link #check()} on the UI executor (the app every second; tests when they
 * moved the clock). "Done" completes the todo (a repeating one moves on), "Snooze" moves the time on
 * by {@link #SNOOZE}, which makes it pending again.
 */
public final class ReminderScheduler implements AutoCloseable {
    public static final Duration SNOOZE = Duration.ofMinutes(10);

    /** What a notification shows, and the todo it is for. */
    public record Reminder(String itemId, String title, long at) {
    }

    private final TodoStore store;
    private final ReminderStore reminders;
    private final Async async;
    private final Clock clock;
    private final UndoableCommands commands;
    private final LiveList<Item> pending;
    /** (id, remindAt) already fired in this run: a late dismissal from sync must not fire it twice. */
    private final Set<String> fired = new HashSet<>();
    private Consumer<Reminder> onFire = r -> { };

    public ReminderScheduler(TodoStore store, Async async, Clock clock, UndoableCommands commands) {
        this.store = store;
        this.reminders = new ReminderStore(store);
        this.async = async;
        this.clock = clock;
        this.commands = commands;
        this.pending = new LiveList<>(Item::id, async.ui());
        pending.onAfterApply(s -> check());
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

    /** Fires every pending reminder whose time has come. On the UI executor. */
    public void check() {
        long now = clock.millis();
        List<Item> due = new ArrayList<>();
        for (Item it : pending.items()) {
            if (it.reminderPending() && it.remindAt() <= now && fired.add(it.id() + "@" + it.remindAt())) {
                due.add(it);
            }
        }
        for (Item it : due) {
            String id = it.id();
            async.run(() -> reminders.dismiss(id), r -> { });
            onFire.accept(new Reminder(id, it.titleOrEmpty(), it.remindAt()));
        }
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
        async.run(() -> reminders.snooze(r.itemId(), SNOOZE), x -> { });
    }

    @Override
    public void close() {
        pending.close();
    }
}
