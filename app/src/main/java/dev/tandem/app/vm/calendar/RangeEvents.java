package dev.tandem.app.vm.calendar;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The subscribed calendars' events of the range shown and of the ranges either side of it, read ahead.
 *
 * <p>Design: each range's read is one future, started on the events' own executor (not the database's queue,
 * so the events of a week are read while its todos are asked for). {@link #around} keeps the futures of the
 * range shown and its previous and next ones, starting those not yet asked for, and forgets the others; a
 * switch to a neighbour finds its events read or under way. {@link #forget} drops every future (the calendars
 * were read again): a read under way then completes only its own future, which nothing asks for any more.
 * Which range's result reaches the screen is not decided here but by the caller's generation. A read that
 * fails gives no events (the {@code source} reports why); todos still show.
 */
final class RangeEvents {
    private final Function<CalendarRange, List<EventEntry>> source;
    private final Executor executor;
    /** Guarded by this. */
    private final Map<CalendarRange, CompletableFuture<List<EventEntry>>> reads = new HashMap<>();

    RangeEvents(Function<CalendarRange, List<EventEntry>> source, Executor executor) {
        this.source = source;
        this.executor = executor;
    }

    /**
     * The events of {@code r}, read or being read; starts reading the ranges either side of it after it, and
     * forgets every other range's.
     */
    synchronized CompletableFuture<List<EventEntry>> around(CalendarRange r) {
        reads.keySet().retainAll(Set.of(r, r.previous(), r.next()));
        CompletableFuture<List<EventEntry>> shown = read(r);
        read(r.next());
        read(r.previous());
        return shown;
    }

    /** The events of {@code r}, read or being read (started now if not yet asked for). */
    synchronized CompletableFuture<List<EventEntry>> of(CalendarRange r) {
        return read(r);
    }

    /** The calendars changed: every range reads its events again when next asked. */
    synchronized void forget() {
        reads.clear();
    }

    private CompletableFuture<List<EventEntry>> read(CalendarRange r) {
        return reads.computeIfAbsent(r, k -> CompletableFuture.supplyAsync(() -> source.apply(k), executor)
                .exceptionally(x -> List.of()));
    }
}
