package dev.tandem.app.model;

import dev.tandem.app.model.filter.Filter;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.ChangeListener;
import dev.tandem.engine.QueryStoppedException;
import dev.tandem.engine.QueryTooCostlyException;
import dev.tandem.engine.Subscription;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Live counts of saved filters (the sidebar's smart lists), each within a count's budget ({@link QueryCost}).
 *
 * <p>Design: the counts run on this feed's own thread, never on the database's dispatch thread, so the
 * window's lists and searches (which the dispatch thread serves) never wait behind them. A commit to a table a
 * filter reads schedules one pass; commits that come during a pass schedule one more, not one each. A pass
 * owes every wanted filter a count and pays them cheapest first (by what each one's last count took), handing
 * each result over as it comes, so a narrow filter's count shows in the time of its own query rather than after
 * every wider one's. A filter that runs over its budget costs that budget and is reported {@link #TOO_SLOW}, and
 * the others are counted after it as before. One that ran over is refused at once for a while
 * ({@link QueryCost}), so a hundred of them cost their budgets once, not at every commit.
 *
 * <p>A commit heard during a pass makes every count of that pass stale: once the pass has paid at least one count,
 * it stops and the pass scheduled for that commit starts again from the cheapest. It stops at once, not after the
 * count it is running: that read is stopped inside the engine ({@code QueryBudget.stoppedWhen}), so the new pass's
 * first count (usually the cheap one the person watches) does not wait for a wide one. A stopped count is not
 * heard and not timed (its last cost stands). What a stopped pass did not pay stays owed from when it was first
 * owed, and a count owed for longer than {@link #OVERDUE_NANOS} (a second) goes first, in the order they fell due,
 * and is never stopped once running, so a stream of commits delays a costly filter's count by about that much,
 * never for good.
 *
 * <p>The wanted set is replaced whole ({@link #want}); a pass reads it once at its start, and a result for a key no
 * longer wanted is dropped by the owner (it knows its keys). What each count cost and since when it is owed are
 * this feed's thread's alone.
 */
public final class FilterCounts implements AutoCloseable {
    /** Stands for a count: the filter ran past its budget. */
    public static final long TOO_SLOW = -2;

    /** The tables a filter's count reads: a commit to one of them counts again. */
    static final Set<String> TABLES = Set.of("items", "item_tags", "lists", "sections", "attachments");
    /** How long a count may stay owed before it goes ahead of cheaper ones. */
    static final long OVERDUE_NANOS = 1_000_000_000L;

    private final TodoStore store;
    private final BiConsumer<String, Long> onCount;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tandem-filter-counts");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final long overdueNanos;
    private final Counter counter;
    private final LongSupplier nanoTime;
    /** Commits heard since the first pass, which subscribes (on this feed's thread, never the caller's). */
    private Subscription commits;
    private volatile Map<String, Filter> wanted = Map.of();
    /** Per key, the nanoseconds its last count took; on this feed's thread only. */
    private final Map<String, Long> costs = new HashMap<>();
    /** Per key whose count is owed, since when (nanoTime); on this feed's thread only. */
    private final Map<String, Long> owedSince = new HashMap<>();
    private volatile LocalDate day;
    private volatile boolean closed;

    /**
     * {@code onCount} hears each key's count (or {@link #TOO_SLOW}) on this feed's thread. Nothing is read
     * before the first {@link #want}; any thread may make one.
     */
    public FilterCounts(TodoStore store, BiConsumer<String, Long> onCount) {
        this(store, (filter, today, stop) -> FilteredItems.count(store, filter, today, QueryCost.Use.COUNT, stop), onCount,
                OVERDUE_NANOS, System::nanoTime);
    }

    /** As above, counting with {@code counter} and timing with {@code nanoTime} (tests choose both). */
    FilterCounts(TodoStore store, Counter counter, BiConsumer<String, Long> onCount, long overdueNanos,
                 LongSupplier nanoTime) {
        this.store = store;
        this.counter = counter;
        this.onCount = onCount;
        this.overdueNanos = overdueNanos;
        this.nanoTime = nanoTime;
    }

    /** Counts what one filter finds on a day. */
    interface Counter {
        /**
         * Counts, stopping once {@code stop} says the count is no longer wanted (asked on the counting thread).
         *
         * @throws QueryTooCostlyException when the count runs over its budget
         * @throws QueryStoppedException   when {@code stop} stopped it
         */
        long count(Filter filter, LocalDate today, BooleanSupplier stop);
    }

    private void listen() {
        commits = store.db().subscribe(new ChangeListener() {
            @Override
            public void onCommit(List<ChangeEvent> events) {
                for (ChangeEvent e : events) {
                    if (TABLES.contains(e.table())) {
                        schedule();
                        return;
                    }
                }
            }

            @Override
            public void onUnknownChanges() {
                schedule();
            }
        });
    }

    /** Counts {@code filters} (by key, in order) as of {@code today} from now on, starting with a pass now. */
    public void want(Map<String, Filter> filters, LocalDate today) {
        wanted = new LinkedHashMap<>(filters);
        day = today;
        schedule();
    }

    /** Owes every count a pass (a commit heard, the wanted set replaced); package-private for tests. */
    void schedule() {
        if (closed || !scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(this::pass);
        } catch (RejectedExecutionException e) {
            scheduled.set(false);
        }
    }

    private void pass() {
        scheduled.set(false);
        if (commits == null && !closed) {
            listen();
        }
        LocalDate today = day;
        Map<String, Filter> now = wanted;
        long start = nanoTime.getAsLong();
        owedSince.keySet().retainAll(now.keySet());
        costs.keySet().retainAll(now.keySet());
        for (String key : now.keySet()) {
            owedSince.putIfAbsent(key, start);
        }
        int paid = 0;
        for (String key : order(now.keySet(), start)) {
            if (closed || paid > 0 && scheduled.get()) {
                // Closed, or a newer commit's pass is queued: it starts again from the cheapest.
                return;
            }
            long t0 = nanoTime.getAsLong();
            long n;
            try {
                n = counter.count(now.get(key), today, stale(paid > 0, owedSince.get(key)));
            } catch (QueryTooCostlyException tooSlow) {
                n = TOO_SLOW;
            } catch (QueryStoppedException stale) {
                // A newer commit's pass is queued: this count stays owed, its last cost stands, and that pass
                // starts from the cheapest.
                return;
            } catch (RuntimeException failed) {
                // The database failed (closing, a disk error): no count, as before the first one.
                owedSince.remove(key);
                continue;
            }
            costs.put(key, nanoTime.getAsLong() - t0);
            owedSince.remove(key);
            paid++;
            onCount.accept(key, n);
        }
    }

    /**
     * The stop signal of a count owed since {@code owed}: closed, or a newer commit's pass queued once this pass
     * paid a count, while the count is not overdue (an overdue one always finishes, so none is starved). Asked
     * on this feed's thread, while the count runs.
     */
    private BooleanSupplier stale(boolean paid, long owed) {
        return () -> closed || paid && scheduled.get() && nanoTime.getAsLong() - owed <= overdueNanos;
    }

    /**
     * Overdue counts first, in the order they fell due; then the rest cheapest first, one never counted as cheap
     * (a stable sort: ties keep the person's order).
     */
    private List<String> order(Set<String> keys, long now) {
        List<String> order = new ArrayList<>(keys);
        order.sort((a, b) -> {
            boolean lateA = now - owedSince.get(a) > overdueNanos;
            boolean lateB = now - owedSince.get(b) > overdueNanos;
            if (lateA != lateB) {
                return lateA ? -1 : 1;
            }
            return lateA ? Long.compare(owedSince.get(a), owedSince.get(b))
                    : Long.compare(costs.getOrDefault(a, 0L), costs.getOrDefault(b, 0L));
        });
        return order;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            worker.execute(() -> {
                if (commits != null) {
                    commits.close();
                }
            });
        } finally {
            worker.shutdown();
        }
    }
}
