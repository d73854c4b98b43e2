package dev.tandem.app.vm.calendar;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.CalendarItems;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Subscription;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The live queries behind {@link CalendarViewModel}'s plan: the todos of the range shown and of the ranges either
 * side of it, each subscribed, with the events of subscribed calendars read beside them, laid out into plans; the
 * shown range's plan is the one it sets. Apart from the view model because this is its threaded part.
 *
 * <p>Design: a slot per range (the one shown, the one before, the one after) holds its subscription and the plan of
 * its latest result, so a switch to a neighbour shows that plan at once, in the same pulse as the key, instead of
 * asking the database and laying the plan out while the person waits. A neighbour's plan is as current as the
 * shown one's: its subscription re-runs after every commit that touches the todos, and a result still under way
 * when it is shown reaches the screen when it comes. Invariants: a slot's plan only ever moves to a later commit's
 * (its results arrive in commit order, and a result whose successor came first is dropped); a plan reaches the
 * screen only while its range is the one shown and its slot is open, checked on the UI executor, where
 * {@link #bind} sets the range shown; a slot is closed (no plan of it shown any more) on the caller's thread before
 * its subscription is let go in the background, so a slot never outlives the events it was laid out with
 * ({@link #forgetEvents}). Subscriptions are made and closed on the background executor under one lock, the
 * shown range's first so its query runs first.
 */
final class LivePlan {
    private final TodoStore store;
    private final Async async;
    private final ReadOnlyObjectWrapper<CalendarPlan> plan;
    private final ReadOnlyBooleanWrapper loaded;
    /** Bumped by each bind, stop and close: only the newest one's background work subscribes. */
    private final AtomicLong generation = new AtomicLong();
    /** Taken only on the background executor (and by {@link #close}): subscribing and letting go. */
    private final Object lock = new Object();
    private final Map<Span, Slot> slots = new ConcurrentHashMap<>();
    /** The range shown, on the UI executor; null while the calendar is not. */
    private CalendarRange shown;
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

    /** The days a range covers, whatever day it was made around: the key of its slot. */
    private record Span(CalendarRange.Mode mode, LocalDate first, int days, DayOfWeek weekStart) {
        static Span of(CalendarRange r) {
            return new Span(r.mode(), r.first(), r.days(), r.weekStart());
        }
    }

    /**
     * On the UI executor: shows range {@code r} from now on. Returns its plan when a live query already has it (a
     * neighbour read ahead), which the caller shows at once; null when the plan is still to come. Either way the
     * ranges either side start being read ahead, and a later commit's plan replaces this one when it comes.
     */
    CalendarPlan bind(CalendarRange r) {
        long gen = generation.incrementAndGet();
        shown = r;
        Slot ready = slots.get(Span.of(r));
        CalendarPlan now = ready == null ? null : ready.plan;
        loaded.set(now != null);
        RangeEvents reads = rangeEvents;
        reads.around(r);
        async.run(() -> {
            synchronized (lock) {
                if (generation.get() == gen) {
                    keep(r, reads);
                }
            }
            return null;
        }, x -> { });
        return now == null ? null : as(now, r);
    }

    /** The plan of {@code r}'s latest result when it is shown or read ahead, else null; any thread. */
    CalendarPlan planOf(CalendarRange r) {
        Slot s = slots.get(Span.of(r));
        return s == null || s.closed ? null : s.plan;
    }

    /** Under the lock: slots for {@code r} and its neighbours, the others let go. */
    private void keep(CalendarRange r, RangeEvents reads) {
        List<CalendarRange> wanted = List.of(r, r.next(), r.previous());
        Set<Span> keys = Set.of(Span.of(r), Span.of(r.next()), Span.of(r.previous()));
        for (Slot s : new ArrayList<>(slots.values())) {
            if (!keys.contains(s.span)) {
                slots.remove(s.span, s);
                s.close();
            }
        }
        for (CalendarRange w : wanted) {
            Span key = Span.of(w);
            if (!slots.containsKey(key)) {
                Slot s = new Slot(w, reads.of(w));
                slots.put(key, s);
                s.open();
            }
        }
    }

    /** {@code p} as the plan of {@code r}: the same days, the range as the view model made it. */
    private static CalendarPlan as(CalendarPlan p, CalendarRange r) {
        return p.range().equals(r) ? p : new CalendarPlan(r, p.days());
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

    /**
     * Drops the events read ahead (the calendars were read again, or the calendar shows again after a while), and
     * with them every plan laid out with them; the next {@link #bind} reads and subscribes anew.
     */
    void forgetEvents() {
        rangeEvents.forget();
        dropSlots(true);
    }

    /** Another view is shown: no result reaches the plan any more, and the subscriptions go in the background. */
    void stop() {
        shown = null;
        dropSlots(true);
    }

    /** The view model closes: no result reaches the plan any more, and the subscriptions go now. */
    void close() {
        shown = null;
        dropSlots(false);
    }

    private void dropSlots(boolean inBackground) {
        generation.incrementAndGet();
        List<Slot> dropped = new ArrayList<>();
        for (Slot s : slots.values()) {
            if (slots.remove(s.span, s)) {
                s.closed = true;
                dropped.add(s);
            }
        }
        Runnable letGo = () -> {
            synchronized (lock) {
                dropped.forEach(Slot::close);
            }
        };
        if (inBackground) {
            async.run(letGo);
        } else {
            letGo.run();
        }
    }

    /** One range's live query and the plan of its latest result. */
    private final class Slot {
        final CalendarRange range;
        final Span span;
        final CompletableFuture<List<EventEntry>> events;
        /** Results heard so far; a result's plan is kept only while it is the latest. */
        final AtomicLong latest = new AtomicLong();
        volatile CalendarPlan plan;
        volatile boolean closed;
        /** Under the lock. */
        private Subscription subscription;

        Slot(CalendarRange range, CompletableFuture<List<EventEntry>> events) {
            this.range = range;
            this.span = Span.of(range);
            this.events = events;
        }

        /** Under the lock. */
        void open() {
            subscription = CalendarItems.subscribe(store, range.first(), range.last(), this::heard, Runnable::run);
            if (closed) {
                close();
            }
        }

        /** Under the lock. */
        void close() {
            closed = true;
            if (subscription != null) {
                subscription.close();
                subscription = null;
            }
        }

        /** On the database's thread, in commit order: lays the result out once the range's events are read. */
        private void heard(List<Item> items) {
            long n = latest.incrementAndGet();
            events.thenAccept(es -> {
                if (closed || latest.get() != n) {
                    return;
                }
                CalendarPlan p = CalendarPlan.of(items, es, range);
                synchronized (this) {
                    if (latest.get() != n) {
                        return;
                    }
                    plan = p;
                }
                async.ui().execute(() -> {
                    CalendarRange r = shown;
                    if (!closed && plan == p && r != null && span.equals(Span.of(r))) {
                        LivePlan.this.plan.set(as(p, r));
                        loaded.set(true);
                    }
                });
            });
        }
    }
}
