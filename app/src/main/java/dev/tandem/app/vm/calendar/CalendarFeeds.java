package dev.tandem.app.vm.calendar;

import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The subscribed calendars read again while the window runs: at once and then every {@code period} minutes,
 * {@code refreshDue} (blocking on the network, so on the timer's own thread, never the UI's nor the
 * database's queue) reads those not tried within the hour; when it ends, the views shown read their events
 * again ({@code changed}, on the UI executor) and {@link #problemProperty} says which calendars could not be
 * read and why, until a later read of each succeeds. Needs no toolkit.
 */
public final class CalendarFeeds implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final Executor ui;
    private final Runnable refreshDue;
    private final Supplier<List<CalendarSubscription>> subscriptions;
    private final Runnable changed;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public CalendarFeeds(ScheduledExecutorService timer, Executor ui, Runnable refreshDue,
            Supplier<List<CalendarSubscription>> subscriptions, Runnable changed) {
        this.timer = timer;
        this.ui = ui;
        this.refreshDue = refreshDue;
        this.subscriptions = subscriptions;
        this.changed = changed;
    }

    /** Starts the reads: the first now, then one every {@code minutes}. */
    public void start(long minutes) {
        timer.scheduleWithFixedDelay(this::refresh, 0, minutes, TimeUnit.MINUTES);
    }

    /** One round, on the calling (background) thread; what it finds reaches the UI executor. */
    public void refresh() {
        RuntimeException failure = null;
        try {
            refreshDue.run();
        } catch (RuntimeException e) {
            // A failure of the whole round (the store) is said like a calendar's; the timer goes on.
            failure = e;
        }
        List<String> lines = new ArrayList<>();
        try {
            for (CalendarSubscription s : subscriptions.get()) {
                if (s.enabled() && !s.problem().isEmpty()) {
                    lines.add(Messages.text("main.calendar.unreadable", s.name(), s.problem()));
                }
            }
        } catch (RuntimeException e) {
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            lines.add(Messages.text("main.calendar.unreadableAll", String.valueOf(failure.getMessage())));
        }
        String text = String.join("\n", lines);
        ui.execute(() -> {
            problem.set(text);
            changed.run();
        });
    }

    /** Why calendars could not be read at the last round, one per line; "" when all could. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
