package dev.tandem.app.vm.calendar;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.CalendarItems;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Subscription;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The live query behind {@link CalendarViewModel}'s plan: the todos of the range shown, subscribed, and the
 * events of subscribed calendars read beside them, laid out into the plan it sets. Apart from the view model
 * because this is its threaded part: the subscription is made and closed on the background executor under one
 * lock, results arrive on the database's thread, and a generation count drops every result of a range no longer
 * shown; the view model's selection and moves stay on the UI executor.
 */
final class LivePlan {
    private final TodoStore store;
    private final Async async;
    private final ReadOnlyObjectWrapper<CalendarPlan> plan;
    private final ReadOnlyBooleanWrapper loaded;
    private final AtomicLong generation = new AtomicLong();
    private final Object lock = new Object();
    private Subscription subscription;
    private volatile Function<CalendarRange, List<EventEntry>> events = r -> List.of();
    private volatile RangeEvents rangeEvents;

    /** Sets {@code plan}, and {@code loaded} once it is the range's, on the UI executor. */
    LivePlan(TodoStore store, Async async, ReadOnlyObjectWrapper<CalendarPlan> plan, ReadOnlyBooleanWrapper loaded) {
        this.store = store;
        this.async = async;
        this.plan = plan;
        this.loaded = loaded;
        this.rangeEvents = new RangeEvents(this::readEvents, async.io());
    }

    /**
     * Subscribes for range {@code r}, the one shown. Its events are read on their own executor at the same time as its todos
     * are asked for (and its neighbours' after them, {@link RangeEvents}); each commit's todos wait for the
     * events without blocking the database's thread. Only the newest commit's plan of the newest range reaches
     * the screen: a result of an older {@code gen} (another range, or events read again since) is dropped, and so
     * is a commit's plan once a later commit of the same range is in.
     */
    void bind(CalendarRange r) {
        long gen = generation.incrementAndGet();
        loaded.set(false);
        CompletableFuture<List<EventEntry>> shownEvents = rangeEvents.around(r);
        AtomicLong latest = new AtomicLong();
        async.run(() -> {
            synchronized (lock) {
                if (generation.get() != gen) {
                    return null;
                }
                if (subscription != null) {
                    subscription.close();
                }
                subscription = CalendarItems.subscribe(store, r.first(), r.last(), items -> {
                    long n = latest.incrementAndGet();
                    shownEvents.thenAccept(es -> {
                        if (generation.get() != gen || latest.get() != n) {
                            return;
                        }
                        CalendarPlan p = CalendarPlan.of(items, es, r);
                        async.ui().execute(() -> {
                            if (generation.get() == gen && latest.get() == n) {
                                plan.set(p);
                                loaded.set(true);
                            }
                        });
                    });
                }, Runnable::run);
            }
            return null;
        }, x -> { });
    }

    private List<EventEntry> readEvents(CalendarRange r) {
        try {
            return events.apply(r);
        } catch (RuntimeException e) {
            // Todos still show when the calendars' store cannot be read; the failure is said once.
            async.ui().execute(() -> async.report(e));
            return List.of();
        }
    }

    /** Where the events of subscribed calendars come from, read on {@code reads}. */
    void useEvents(Function<CalendarRange, List<EventEntry>> source, Executor reads) {
        this.events = source;
        this.rangeEvents = new RangeEvents(this::readEvents, reads);
    }

    /** Drops the events read ahead: the calendars were read again, or the calendar shows again after a while. */
    void forgetEvents() {
        rangeEvents.forget();
    }

    /** Another view is shown: no result reaches the plan any more, and the subscription goes in the background. */
    void stop() {
        generation.incrementAndGet();
        async.run(() -> {
            unsubscribe();
            return null;
        }, r -> { });
    }

    /** The view model closes: no result reaches the plan any more, and the subscription goes now. */
    void close() {
        generation.incrementAndGet();
        unsubscribe();
    }

    private void unsubscribe() {
        synchronized (lock) {
            if (subscription != null) {
                subscription.close();
                subscription = null;
            }
        }
    }
}
