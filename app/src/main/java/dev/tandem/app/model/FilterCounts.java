package dev.tandem.app.model;

import dev.tandem.app.model.filter.Filter;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.ChangeListener;
import dev.tandem.engine.QueryStoppedException;
import dev.tandem.engine.QueryTooCostlyException;
import dev.tandem.engine.Subscription;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
 * owed.
 *
 * <p>Overdue counts run in a lane of their own. A count owed for longer than {@link #OVERDUE_NANOS} (a second) is
 * handed, at the start of a pass and in the order they fell due, to a second thread that counts it without ever
 * stopping it, so a stream of commits delays a costly filter's count by about that much, never for good; and the
 * passes go on meanwhile, cheapest first, so the narrow count of the next commit never waits behind a wide
 * overdue one (on one thread it did: a count of every todo, unstoppable, ahead of it). Invariants: a key is counted
 * by at most one lane at a time (a pass leaves out the keys in the overdue lane), so a key's counts are heard in
 * the order they were read and none is older than one heard before it; every count is heard on this feed's
 * thread, the overdue lane handing its results over; a result read before a commit was heard leaves its key owed
 * from when that count started, and the pass that commit scheduled counts it again.
 *
 * <p>The wanted set is replaced whole ({@link #want}); a pass reads it once at its start, and a result for a key no
 * longer wanted is dropped by the owner (it knows its keys). What each count cost, since when it is owed and which
 * keys the overdue lane holds are this feed's thread's alone.
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
    private final ExecutorService worker = thread("tandem-filter-counts");
    /** The overdue lane: counts owed for over {@link #overdueNanos}, never stopped but by {@link #close}. */
    private final ExecutorService overdueLane = thread("tandem-filter-counts-overdue");
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Counts every {@link #schedule}: a result read under an older value may miss a commit. */
    private final AtomicLong heardChanges = new AtomicLong();
    /** The overdue lane's results, handed to this feed's thread. */
    private final Queue<Overdue> overdueDone = new ConcurrentLinkedQueue<>();
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
    /** The keys the overdue lane holds, from handing over to the result heard; on this feed's thread only. */
    private final Set<String> inOverdueLane = new HashSet<>();
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

    private static ExecutorService thread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
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
        heardChanges.incrementAndGet();
        passAgain();
    }

    /** Queues a pass, unless one is queued already: one more pass for any number of reasons. */
    private void passAgain() {
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
        hearOverdue();
        LocalDate today = day;
        Map<String, Filter> now = wanted;
        long start = nanoTime.getAsLong();
        owedSince.keySet().retainAll(now.keySet());
        costs.keySet().retainAll(now.keySet());
        for (String key : now.keySet()) {
            owedSince.putIfAbsent(key, start);
        }
        handOverdue(now, today, start);
        int paid = 0;
        for (String key : order(now.keySet())) {
            hearOverdue();
            if (closed || paid > 0 && scheduled.get()) {
                // Closed, or a newer commit's pass is queued: it starts again from the cheapest.
                return;
            }
            long t0 = nanoTime.getAsLong();
            long n;
            try {
                n = counter.count(now.get(key), today, stale(paid > 0));
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
        hearOverdue();
    }

    /** A count the overdue lane read: {@code n} is empty when the database failed. */
    private record Overdue(String key, OptionalLong n, long startedAt, long nanos, long changesBefore) {
    }

    /** Hands every overdue key the overdue lane does not hold yet to it, in the order they fell due. */
    private void handOverdue(Map<String, Filter> now, LocalDate today, long start) {
        List<String> due = new ArrayList<>();
        for (String key : now.keySet()) {
            if (!inOverdueLane.contains(key) && start - owedSince.get(key) > overdueNanos) {
                due.add(key);
            }
        }
        due.sort(Comparator.comparingLong(owedSince::get));
        for (String key : due) {
            Filter filter = now.get(key);
            inOverdueLane.add(key);
            try {
                overdueLane.execute(() -> countOverdue(key, filter, today));
            } catch (RejectedExecutionException closing) {
                inOverdueLane.remove(key);
                return;
            }
        }
    }

    /** On the overdue lane: counts to the end (unless closed) and hands the result to this feed's thread. */
    private void countOverdue(String key, Filter filter, LocalDate today) {
        long changesBefore = heardChanges.get();
        long t0 = nanoTime.getAsLong();
        OptionalLong n;
        try {
            n = OptionalLong.of(counter.count(filter, today, () -> closed));
        } catch (QueryTooCostlyException tooSlow) {
            n = OptionalLong.of(TOO_SLOW);
        } catch (QueryStoppedException closing) {
            return;
        } catch (RuntimeException failed) {
            // The database failed (closing, a disk error): no count, as in a pass.
            n = OptionalLong.empty();
        }
        overdueDone.add(new Overdue(key, n, t0, nanoTime.getAsLong() - t0, changesBefore));
        try {
            worker.execute(this::hearOverdue);
        } catch (RejectedExecutionException closing) {
            // Closed: nobody is listening any more.
        }
    }

    /**
     * On this feed's thread: hears what the overdue lane counted. A count read before a commit was heard leaves
     * its key owed from when it started; the pass that commit scheduled counts it again.
     */
    private void hearOverdue() {
        for (Overdue done; (done = overdueDone.poll()) != null; ) {
            inOverdueLane.remove(done.key());
            if (done.n().isEmpty()) {
                owedSince.remove(done.key());
                continue;
            }
            costs.put(done.key(), done.nanos());
            if (heardChanges.get() == done.changesBefore()) {
                owedSince.remove(done.key());
            } else {
                // The pass the commit scheduled may have run while the lane held the key, leaving it out.
                owedSince.put(done.key(), done.startedAt());
                passAgain();
            }
            onCount.accept(done.key(), done.n().getAsLong());
        }
    }

    /**
     * The stop signal of a pass's count: closed, or a newer commit's pass queued once this pass paid a count. Asked
     * on this feed's thread, while the count runs.
     */
    private BooleanSupplier stale(boolean paid) {
        return () -> closed || paid && scheduled.get();
    }

    /**
     * A pass's order, leaving out what the overdue lane holds: cheapest first, one never counted as cheap (a stable
     * sort: ties keep the person's order).
     */
    private List<String> order(Set<String> keys) {
        List<String> order = new ArrayList<>();
        for (String key : keys) {
            if (!inOverdueLane.contains(key)) {
                order.add(key);
            }
        }
        order.sort(Comparator.comparingLong(key -> costs.getOrDefault(key, 0L)));
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
            overdueLane.shutdown();
        }
    }
}
